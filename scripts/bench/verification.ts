// 家庭经济状况核对 bench: `npm run bench:verification`.
//
// Builds doudi_bench_verification on the server of BENCH_DATABASE_URL (migrated and seeded like
// the app), one application of a three-person household with BENCH_PERSONS − 3 supporters (default
// 10,000 persons in all), the consent signed by all, and then through the app's own verbs: the
// request (one snapshot of every person, one answer expected per department), the nine request
// files, and the nine departments' answers of 10 lines a person in all (100,000 lines), each file
// parsed, checked whole and stored by one statement; then the report. Prints the times; exit code
// 1 when the answers' import misses 10 s.
import { register } from 'node:module';
import postgres from 'postgres';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const DB_NAME = 'doudi_bench_verification';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const personsWanted = Number(process.env.BENCH_PERSONS ?? 10_000);
const TARGET_S = 10;
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const benchUrl = withDatabase(serverUrl, DB_NAME);
process.env.DATABASE_URL = benchUrl;
const log = (m: string) => console.log(`  ${m}`);

const { openPostgres } = await import('@/db/client');
const { seedDemo } = await import('@/db/seed/demo');
const { idCheckDigit } = await import('@/lib/core/resident-id');
const { registerHousehold } = await import('@/lib/households/register-household');
const { householdInputSchema } = await import('@/lib/households/schemas');
const { createApplication } = await import('@/lib/applications/create-application');
const { recordConsent } = await import('@/lib/verification/consent');
const { requestVerification } = await import('@/lib/verification/request');
const { exportRequestFile, importAnswerFile } = await import('@/lib/verification/files-io');
const { verificationOf } = await import('@/lib/verification/queries');
const { consentSchema } = await import('@/lib/verification/schemas');

const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
await admin.unsafe(`create database "${DB_NAME}"`);
await admin.end();
const open = await openPostgres(benchUrl, { max: 2 }); // migrates
try {
  await seedDemo(open.db, log);
} finally {
  await open.close();
}
const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
const [u] = await sql<{ id: string; name: string }[]>`select id, name from users where username = 'caseworker'`;
const user = { id: u!.id, name: u!.name, username: 'caseworker', role: 'caseworker', regionCode: '141130101', regionLevel: 'township', regionName: '康城镇' } as never;

const id = (n: number, born: string) => {
  const first17 = `141130${born}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
};
const { id: householdId } = await registerHousehold(
  user,
  householdInputSchema.parse({
    villageCode: '141130101200',
    address: '康城村 1 号',
    kind: 'rural',
    members: [
      { name: '张大山', idNumber: id(1, '19700101'), relation: '本人', workingCapacity: 'full' },
      { name: '李秀兰', idNumber: id(2, '19720202'), relation: '配偶', workingCapacity: 'full' },
      { name: '张小明', idNumber: id(3, '20150303'), relation: '子女', workingCapacity: 'none', schoolStage: '小学' },
    ],
  }),
);
const { id: applicationId } = await createApplication(user, { householdId, kind: 'dibao_household', closeRelative: false });
const [creator] = await sql<{ id: string }[]>`select created_by as id from applications where id = ${applicationId}`;
// The supporters, set-based (a bench of the verification, not of the supporter form): unique valid IDs.
const supporters = personsWanted - 3;
const rows = Array.from({ length: supporters }, (_, i) => {
  const first17 = `1411301950${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`;
  return { application_id: applicationId, name: `赡养人${i + 1}`, id_number: first17 + idCheckDigit(first17), relation: 'shanyang', relation_text: '子女', created_by: creator!.id };
});
for (let i = 0; i < rows.length; i += 5000) await sql`insert into application_supporters ${sql(rows.slice(i, i + 5000))}`;
const members = await sql<{ id: string }[]>`select id from members where household_id = ${householdId} and status = 'active'`;
const supporterIds = await sql<{ id: string }[]>`select id from application_supporters where application_id = ${applicationId}`;
await recordConsent(user, consentSchema.parse({ applicationId, signedOn: new Date().toISOString().slice(0, 10), memberIds: members.map((m) => m.id), supporterIds: supporterIds.map((s) => s.id) }));

console.log(`\n核对 bench: one request for ${personsWanted.toLocaleString('en')} persons, nine departments`);
const timed = async <T>(label: string, f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await f();
  const s = (performance.now() - t) / 1000;
  console.log(`  ${label}: ${s.toFixed(2)} s`);
  return [out, s];
};
const [request] = await timed('request (snapshot of every person, nine answers expected)', () => requestVerification(user, { applicationId }));
const [files] = await timed('nine request files exported (CSV, UTF-8 BOM)', async () => {
  const out: Record<string, string> = {};
  for (const code of ['police', 'hrss', 'real_estate', 'vehicles', 'tax', 'housing_fund', 'market', 'bank', 'medical']) out[code] = (await exportRequestFile(user, request.id, code)).text;
  return out;
});
console.log(`  request file: ${(files.bank!.length / 1024).toFixed(0)} KB, ${files.bank!.trim().split('\r\n').length - 1} rows each`);

// Ten answer lines a person over the nine departments: 100,000 lines for 10,000 persons.
const persons = request.persons;
const plan: [code: string, name: string, lines: (seq: number) => string[]][] = [
  ['police', '公安', () => ['无记录,,']],
  ['hrss', '人社', (s) => [s % 3 === 0 ? '养老金,1350.00,' : '工资性收入,2100.00,']],
  ['real_estate', '不动产登记', () => ['房产,,住宅 86 平方米']],
  ['vehicles', '车辆管理', (s) => [s % 50 === 0 ? '残疾人专用车辆,,' : '无记录,,']],
  ['tax', '税务', () => ['工资性收入,1900.00,']],
  ['housing_fund', '住房公积金', () => ['无记录,,']],
  ['market', '市场监管', () => ['无记录,,']],
  ['bank', '银行', (s) => ['存款及金融资产,12000.00,活期', `存款及金融资产,${(s % 100) * 10}.50,定期`]],
  ['medical', '医保', () => ['医疗自付费用,860.25,']],
];
const answerFiles = plan.map(([code, name, lines]) => {
  const out = ['批次号,核对部门,序号,证件号码,姓名,项目,金额（元）,说明'];
  for (let i = 0; i < persons; i++) {
    const seq = i + 1;
    for (const l of lines(seq)) out.push(`${request.batchNo},${name},${seq},${'ID'},${'N'},${l}`);
  }
  return { code, text: out.join('\r\n') };
});
// The IDs and names of the request, so every row checks.
const snapshot = (await sql<{ persons: { seq: number; idNumber: string; name: string }[] }[]>`select persons from verification_requests where id = ${request.id}`)[0]!.persons;
const bySeq = new Map(snapshot.map((p) => [p.seq, p]));
for (const f of answerFiles) {
  f.text = `\uFEFF${f.text
    .split('\r\n')
    .map((line, i) => {
      if (i === 0) return line;
      const parts = line.split(',');
      const p = bySeq.get(Number(parts[2]))!;
      parts[3] = p.idNumber;
      parts[4] = p.name;
      return parts.join(',');
    })
    .join('\r\n')}\r\n`;
}
const totalLines = answerFiles.reduce((s, f) => s + f.text.trim().split('\r\n').length - 1, 0);
let importS = 0;
for (const f of answerFiles) {
  const [out, s] = await timed(`answer of ${f.code} (${(f.text.trim().split('\r\n').length - 1).toLocaleString('en')} lines)`, () => importAnswerFile(user, request.id, f.code, { name: `${f.code}.csv`, text: f.text }));
  if (!out.ok) throw new Error(`refused: ${out.message} ${JSON.stringify(out.errors.slice(0, 3))}`);
  importS += s;
}
const [state] = await timed('report (figures by person and department, recomputed amount)', () => verificationOf(user, applicationId));
console.log(`  report: ${state.report!.results.length.toLocaleString('en')} result lines, state ${state.report!.request.state}, verified income ${state.report!.verifiedIncomeFen} fen, breach ${state.report!.breach}`);
console.log(`  answers imported: ${totalLines.toLocaleString('en')} lines in ${importS.toFixed(2)} s — target < ${TARGET_S} s: ${importS < TARGET_S ? 'met' : 'MISSED'}`);
await sql.end();
if (importS >= TARGET_S) process.exitCode = 1;
process.exit();
