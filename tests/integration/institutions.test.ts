// 特困 support institutions (供养机构) and 集中供养: admission against capacity (under a lock, also
// when 20 admissions race for one bed), one open placement per person, and the amount and payee
// following the placement in the monthly run and its bank file, worked out by hand from the
// seed's 2020 standards: 集中 9,169 元/年 ÷ 12 = 764.08 → 764 元/月; 分散 6,577 ÷ 12 = 548.08 → 548.
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { admitResident } from '@/lib/institutions/admit';
import { tekunSupportOfMonth } from '@/lib/institutions/counts';
import { dischargeResident } from '@/lib/institutions/discharge';
import { createInstitution, updateInstitution } from '@/lib/institutions/save';
import { admitSchema, createInstitutionSchema } from '@/lib/institutions/schemas';
import { institutionDetail, listInstitutions } from '@/lib/institutions/queries';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, randomIdNumber, signedIn } from './support/app';
import { countyStaff, enroll, rows, textOf } from './support/payouts';

// 文水县 of its own: no other test file runs payouts there.
const COUNTY = '141121';
const CENTRALIZED_FEN = 76_400;
const DISPERSED_FEN = 54_800;
let VILLAGE: string;
let staff: Awaited<ReturnType<typeof countyStaff>>;
let accountSeq = 0;

beforeAll(async () => {
  staff = await countyStaff(COUNTY);
  const [v] = rows<{ code: string }>(await (await appDb()).execute(sql`select code from regions where code like ${`${COUNTY}%`} and level = 'village' order by code limit 1`));
  VILLAGE = v!.code;
});
beforeEach(async () => {
  await (await appDb()).execute(sql`update enrollments set status = 'terminated', end_month = '2000-01' where county_code = ${COUNTY}`);
});

async function institution(capacity: number, name = `城关敬老院${Math.random().toString(36).slice(2, 6)}`) {
  accountSeq++;
  const account = `1405${String(process.pid % 1e4).padStart(4, '0')}${String(Date.now() % 1e6).padStart(6, '0')}${String(accountSeq).padStart(4, '0')}`;
  const input = createInstitutionSchema.parse({
    name, townshipCode: VILLAGE.slice(0, 9), address: '城关镇东街 1 号', capacity: String(capacity), kind: 'public', medicalCare: 'on',
    bankName: '文水县农村信用社', bankAccountHolder: `${name}`, bankAccount: account,
  });
  const { id } = await createInstitution(staff.supervisor, input);
  return { id, account, name };
}

async function tekunPerson(startMonth = '2020-01') {
  const db = await appDb();
  const e = await enroll(db, { program: 'tekun', amountFen: DISPERSED_FEN, startMonth, villageCode: VILLAGE });
  const [m] = rows<{ id_number: string }>(await db.execute(sql`select id_number from members where id = ${e.memberIds[0]!}`));
  return { ...e, idNumber: m!.id_number };
}

const admit = (institutionId: string, idNumber: string, admittedOn: string) => admitResident(staff.supervisor, admitSchema.parse({ institutionId, idNumber, admittedOn }));
const openCount = async (institutionId: string) =>
  Number(rows<{ n: string }>(await (await appDb()).execute(sql`select count(*) as n from institution_placements where institution_id = ${institutionId} and discharged_on is null`))[0]!.n);

async function lineOf(runId: string, enrollmentId: string) {
  const [l] = rows<{ id: string; amount_fen: string; payee_institution_id: string | null; bank_account: string; bank_account_holder: string; bank_account_kind: string; components: { supportMode?: string; working: string[] } }>(
    await (await appDb()).execute(sql`select id, amount_fen, payee_institution_id, bank_account, bank_account_holder, bank_account_kind, components from payout_lines where run_id = ${runId} and enrollment_id = ${enrollmentId}`),
  );
  return l ? { ...l, amount_fen: Number(l.amount_fen) } : undefined;
}

describe('an institution', () => {
  it('is created by a county supervisor, audited, and refused outside the county or to a caseworker', async () => {
    const inst = await institution(30, '文水县中心敬老院');
    const db = await appDb();
    const [a] = rows<{ action: string; after: { capacity: number; accountTail: string } }>(await db.execute(sql`select action, after from audit_log where entity = 'institution' and entity_id = ${inst.id}`));
    expect(a).toMatchObject({ action: 'institution.create', after: { capacity: 30, accountTail: inst.account.slice(-4) } });
    const other = await signedIn('supervisor'); // 交口县
    const input = createInstitutionSchema.parse({ name: '外县', townshipCode: VILLAGE.slice(0, 9), address: '某地', capacity: '5', kind: 'public', bankName: '某行', bankAccountHolder: '外县', bankAccount: '123456789012' });
    await expect(createInstitution(other, input)).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { townshipCode: '所选乡镇不在您的管辖范围内' } });
    await expect(createInstitution(staff.caseworker, input)).rejects.toMatchObject({ code: 'not_found' });
    // Another county's supervisor sees no such institution.
    await expect(institutionDetail(other, inst.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses bad input field by field, in Chinese', () => {
    const r = createInstitutionSchema.safeParse({ name: '', townshipCode: 'x', address: '', capacity: '0', kind: 'nope', bankName: '', bankAccountHolder: '', bankAccount: '12ab' });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(fields).toMatchObject({ name: '请填写机构名称', townshipCode: '请选择机构所在乡镇', capacity: '核定床位至少 1 张', kind: '请选择机构性质', bankAccount: '对公账号应为 8–30 位数字' });
  });
});

describe('admission', () => {
  it('admits under capacity and refuses over it; occupancy is residents ÷ capacity', async () => {
    const inst = await institution(2);
    const [a, b, c] = [await tekunPerson(), await tekunPerson(), await tekunPerson()];
    await admit(inst.id, a.idNumber, '2020-03-10');
    await admit(inst.id, b.idNumber, '2020-03-11');
    await expect(admit(inst.id, c.idNumber, '2020-03-12')).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '机构床位已满（核定床位 2 张）' } });
    expect(await openCount(inst.id)).toBe(2);
    const list = await listInstitutions(staff.supervisor);
    expect(list.find((i) => i.id === inst.id)).toMatchObject({ residents: 2, capacity: 2, occupancy: '100.0%' });
    // The capacity cannot be cut below the residents living there.
    const detail = await institutionDetail(staff.supervisor, inst.id);
    await expect(
      updateInstitution(staff.supervisor, { institutionId: inst.id, version: detail.institution.version, name: inst.name, townshipCode: VILLAGE.slice(0, 9), address: '城关镇东街 1 号', capacity: 1, kind: 'public', medicalCare: true, status: 'operating', bankName: '文水县农村信用社', bankAccountHolder: inst.name, bankAccount: inst.account }),
    ).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { capacity: '核定床位不能少于现有入住人数 2' } });
  });

  it('20 concurrent admissions into 1 free bed admit exactly one', async () => {
    const inst = await institution(3);
    await admit(inst.id, (await tekunPerson()).idNumber, '2020-03-01');
    await admit(inst.id, (await tekunPerson()).idNumber, '2020-03-01');
    const people = [];
    for (let i = 0; i < 20; i++) people.push(await tekunPerson());
    const results = await Promise.allSettled(people.map((p) => admit(inst.id, p.idNumber, '2020-03-15')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(19);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'precondition', fieldErrors: { _form: '机构床位已满（核定床位 3 张）' } });
    expect(await openCount(inst.id)).toBe(3);
  });

  it('one open placement per person, also when two institutions admit the same person at once', async () => {
    const [x, y] = [await institution(5), await institution(5)];
    const p = await tekunPerson();
    await admit(x.id, p.idNumber, '2020-03-10');
    await expect(admit(y.id, p.idNumber, '2020-03-12')).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { idNumber: '该特困人员已入住供养机构，请先办理离院' } });
    const q = await tekunPerson();
    const both = await Promise.allSettled([admit(x.id, q.idNumber, '2020-03-10'), admit(y.id, q.idNumber, '2020-03-10')]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(Number(rows<{ n: string }>(await (await appDb()).execute(sql`select count(*) as n from institution_placements where member_id = ${q.memberIds[0]!} and discharged_on is null`))[0]!.n)).toBe(1);
    // A dibao member or someone unknown is no 特困 person of the county.
    await expect(admit(x.id, randomIdNumber('141121'), '2020-03-10')).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { idNumber: '本县没有这个身份证号的在册特困人员' } });
  });
});

describe('the amount follows the placement', () => {
  it('pays the institution the 集中 standard while placed, the person at home the 分散 one after discharge, with the institution as payee in the bank file', async () => {
    const inst = await institution(10, '文水县福利院');
    const placed = await tekunPerson();
    const home = await tekunPerson();
    const { id: placementId, amountFen } = await admit(inst.id, placed.idNumber, '2020-03-10');
    expect(amountFen).toBe(CENTRALIZED_FEN);
    const db = await appDb();
    const amounts = rows<{ effective_month: string; amount_fen: string; components: { supportMode: string; working: string[] } }>(
      await db.execute(sql`select effective_month, amount_fen, components from enrollment_amounts where enrollment_id = ${placed.enrollmentId} order by effective_month`),
    );
    expect(amounts.map((a) => [a.effective_month, Number(a.amount_fen), a.components.supportMode ?? null])).toEqual([['2020-01', DISPERSED_FEN, null], ['2020-03', CENTRALIZED_FEN, 'centralized']]);
    expect(amounts[1]!.components.working).toEqual(['集中供养：2020-03-10 入住文水县福利院，2020-03 起按集中供养标准发放至机构账户', '基本生活标准：9,169 元/年 ÷ 12 = 764 元/月']);
    const audit = rows<{ entity: string; action: string }>(await db.execute(sql`select entity, action from audit_log where action = 'institution.admit' and after->>'placementId' = ${placementId} order by entity`));
    expect(audit.map((a) => a.entity)).toEqual(['enrollment', 'household', 'institution']);

    // February: before admission, both at home. April: the institution is paid for its resident.
    const feb = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2020-02' });
    expect(await lineOf(feb.runId, placed.enrollmentId)).toMatchObject({ amount_fen: DISPERSED_FEN, payee_institution_id: null });
    const apr = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2020-04' });
    const line = (await lineOf(apr.runId, placed.enrollmentId))!;
    expect(line).toMatchObject({ amount_fen: CENTRALIZED_FEN, payee_institution_id: inst.id, bank_account: inst.account, bank_account_holder: '文水县福利院', bank_account_kind: 'corporate' });
    expect(await lineOf(apr.runId, home.enrollmentId)).toMatchObject({ amount_fen: DISPERSED_FEN, payee_institution_id: null });

    // The institution holds the account: the sweep's holder and shared-account checks skip the line.
    const flags = rows<{ id: string; kind: string }>(await db.execute(sql`select id, kind from payout_line_flags where line_id = ${line.id}`));
    expect(flags).toEqual([]);
    const [run] = rows<{ version: number }>(await db.execute(sql`select version from payout_runs where id = ${apr.runId}`));
    await approveRun(staff.supervisor, { runId: apr.runId, version: run!.version });
    const csv = await textOf((await exportBankFile(staff.finance, apr.runId, 'csv')).stream);
    const row = csv.split('\r\n').find((r) => r.startsWith(`${line.id},`))!;
    expect(row).toBe(`${line.id},文水县福利院,,文水县农村信用社,对公账户,${inst.account},764.00,特困人员救助供养 2020-04 集中供养 测试户主`);

    // The monthly notice's split: 1 集中 person (764) and the 分散 ones apart.
    const split = await tekunSupportOfMonth(staff.supervisor, '2020-04');
    expect(split.centralized).toEqual({ persons: 1, amountFen: CENTRALIZED_FEN });
    expect(split.dispersed.persons).toBeGreaterThanOrEqual(1);
    expect(split.dispersed.amountFen).toBe(split.dispersed.persons * DISPERSED_FEN);

    // Discharged home on 2020-05-20: May still the institution's; from June the 分散 standard to the household.
    await expect(dischargeResident(staff.supervisor, { placementId, dischargedOn: '2020-03-01', reason: 'home' })).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { dischargedOn: '离院日期不能早于入住日期 2020-03-10' } });
    const out = await dischargeResident(staff.supervisor, { placementId, dischargedOn: '2020-05-20', reason: 'home' });
    expect(out.amountFen).toBe(DISPERSED_FEN);
    await expect(dischargeResident(staff.supervisor, { placementId, dischargedOn: '2020-05-21', reason: 'home' })).rejects.toMatchObject({ code: 'invalid_input' });
    const may = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2020-05' });
    expect(await lineOf(may.runId, placed.enrollmentId)).toMatchObject({ amount_fen: CENTRALIZED_FEN, payee_institution_id: inst.id });
    const jun = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2020-06' });
    const [hh] = rows<{ bank_account: string }>(await db.execute(sql`select bank_account from households where id = ${placed.householdId}`));
    expect(await lineOf(jun.runId, placed.enrollmentId)).toMatchObject({ amount_fen: DISPERSED_FEN, payee_institution_id: null, bank_account: hh!.bank_account, bank_account_holder: '测试户主' });
    expect(await openCount(inst.id)).toBe(0);
  });
});
