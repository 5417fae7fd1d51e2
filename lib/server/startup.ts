import 'server-only';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { trustedProxies } from '@/lib/auth/client-address';
import { assertAuthSecret } from '@/lib/auth/secret';
import { assertActionsKey } from '@/lib/server/actions-key';
import { rowsOf } from '@/lib/core/sql';
import { startDispatcher } from '@/lib/messages/dispatch';
import { configuredSender } from '@/lib/messages/sender';

/** Called once from instrumentation.ts when the Node.js server starts. */
export async function startServer(): Promise<void> {
  try {
    assertAuthSecret();
    assertActionsKey(); // a malformed key would fail only at the first action that encrypts
    trustedProxies(); // a bad TRUSTED_PROXIES entry refuses to start rather than trust the wrong hop
    const open = await getDatabase();
    console.log(`[doudi] 数据库就绪（${open.kind === 'pglite' ? '嵌入式 PGlite' : 'PostgreSQL'}）`);
    const sender = configuredSender(); // a bad DOUDI_SMS_SENDER refuses to start
    startDispatcher(sender);
    console.log(`[doudi] 短信发送：${sender.name === 'log' ? '记录模式（只写日志，不实际发送）' : '短信网关'}`);
    if (open.kind === 'postgres') {
      // Least privilege (db/roles.ts): a role that can alter tables can switch the audit trigger off.
      const [me] = rowsOf<{ role: string; superuser: boolean; owned: string | number }>(
        await open.db.execute(sql`select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser,
          (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`),
      );
      if (me && (me.superuser || Number(me.owned) > 0)) {
        console.warn(
          `[doudi] 警告：应用以数据库角色 ${me.role} 连接，它${me.superuser ? '是超级用户' : '拥有数据表'}，能停用审计触发器。` +
            '正式环境请用 npm run db:roles 建立不拥有任何表的应用角色，并设置 DATABASE_URL（应用角色）与 MIGRATION_DATABASE_URL（属主角色）。',
        );
      }
    }
  } catch (e) {
    console.error(`[doudi] 无法启动：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
