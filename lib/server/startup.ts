import 'server-only';
import { getDatabase } from '@/db/client';
import { assertAuthSecret } from '@/lib/auth/secret';

/** Called once from instrumentation.ts when the Node.js server starts. */
export async function startServer(): Promise<void> {
  try {
    assertAuthSecret();
    const open = await getDatabase();
    console.log(`[doudi] 数据库就绪（${open.kind === 'pglite' ? '嵌入式 PGlite' : 'PostgreSQL'}）`);
  } catch (e) {
    console.error(`[doudi] 无法启动：${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}
