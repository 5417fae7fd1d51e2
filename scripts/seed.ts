// Loads the reference data (regions, policy standards, reserve funds) into DATABASE_URL, or into
// the embedded database under .data/; in demo mode (lib/core/deployment.ts) the demo users too.
// Idempotent.
import { closeDb, getDb } from '@/db/client';
import { seedForMode } from '@/db/seed/demo';
import { deploymentMode } from '@/lib/core/deployment';

const mode = deploymentMode();
console.log(mode === 'demo' ? '演示模式：加载演示数据与演示用户' : '生产模式：只加载区划、政策标准与备用金');
await seedForMode(await getDb(), mode, (m) => console.log(m));
await closeDb();
