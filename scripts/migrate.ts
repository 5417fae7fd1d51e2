// Applies the committed drizzle-kit migrations to DATABASE_URL, or to the embedded database under .data/.
import { closeDb, getDatabase } from '@/db/client';

const open = await getDatabase(); // opening migrates
console.log(`数据库已迁移（${open.kind}）`);
await closeDb();
