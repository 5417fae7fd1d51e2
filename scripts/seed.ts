// Loads the demo data (idempotent) into DATABASE_URL, or into the embedded database under .data/.
import { closeDb, getDb } from '@/db/client';
import { seedDemo } from '@/db/seed/demo';

await seedDemo(await getDb(), (m) => console.log(m));
await closeDb();
