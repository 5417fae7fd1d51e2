// Opens the embedded database of the folder given and holds it until killed: the other
// process of tests/pglite/data-dir-lock.test.ts.
import { openPglite } from '@/db/client';

await openPglite(process.argv[2]!);
console.log('ready');
setInterval(() => {}, 60_000);
