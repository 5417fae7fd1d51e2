// Compares two builds of the same commit (scripts/multinode-test.sh): the same build id, and
// the same server-action ids with the same exported names, salted with the given key.
//   node scripts/support/compare-builds.mjs BUILD_ID.1 actions.1.json BUILD_ID.2 actions.2.json KEY
import fs from 'node:fs';

const [id1, manifest1, id2, manifest2, key] = process.argv.slice(2);
const read = (f) => fs.readFileSync(f, 'utf8').trim();
const actions = (f) => {
  const m = JSON.parse(read(f));
  const ids = {};
  for (const runtime of ['node', 'edge']) for (const [id, v] of Object.entries(m[runtime] ?? {})) ids[id] = `${runtime} ${v.exportedName ?? '?'} ${v.filename ?? ''}`;
  return { ids, key: m.encryptionKey };
};

const problems = [];
const [b1, b2] = [read(id1), read(id2)];
if (b1 !== b2) problems.push(`build ids differ: ${b1} / ${b2}`);
const [a1, a2] = [actions(manifest1), actions(manifest2)];
const n = Object.keys(a1.ids).length;
if (n === 0) problems.push('the first build has no server action');
for (const [which, a] of [['first', a1], ['second', a2]]) if (a.key !== key) problems.push(`the ${which} build's actions key is not the one given`);
const only1 = Object.keys(a1.ids).filter((id) => !(id in a2.ids));
const only2 = Object.keys(a2.ids).filter((id) => !(id in a1.ids));
const moved = Object.keys(a1.ids).filter((id) => id in a2.ids && a1.ids[id] !== a2.ids[id]);
if (only1.length || only2.length) problems.push(`action ids differ: ${only1.length} only in the first build (${only1.slice(0, 3).map((id) => a1.ids[id]).join('; ')}), ${only2.length} only in the second`);
if (moved.length) problems.push(`${moved.length} action ids name another export in the second build`);

if (problems.length) {
  console.error(`builds differ:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`the two builds agree: build id ${b1}, ${n} server-action ids identical (salted with the shared key)`);
