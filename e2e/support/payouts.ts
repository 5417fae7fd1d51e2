import type { Sql } from './db';
import { unusedIdNumber } from './ids';

/**
 * Removes a county's payout run for a month, whatever its state, so a spec (or its retry) can
 * generate it again. Approved runs are append-only in the application; this bypasses those
 * triggers for the test database only (session_replication_role = replica, as the superuser
 * the e2e database belongs to), deleting children before parents since foreign keys are
 * triggers too.
 */
export async function forgetPayoutRun(sql: Sql, countyCode: string, month: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const runs = (await tx<{ id: string }[]>`select id from payout_runs where county_code = ${countyCode} and month = ${month}`).map((r) => r.id);
    if (runs.length === 0) return void (await tx`delete from payout_jobs where county_code = ${countyCode} and month = ${month}`);
    await tx`delete from payout_summary where run_id in ${tx(runs)}`;
    await tx`delete from payout_movements where run_id in ${tx(runs)}`;
    await tx`delete from bank_returns where run_id in ${tx(runs)}`;
    await tx`delete from payout_account_confirmations where line_id in (select id from payout_lines where run_id in ${tx(runs)})`;
    await tx`delete from payout_lines where run_id in ${tx(runs)}`;
    await tx`delete from payout_runs where id in ${tx(runs)}`;
    await tx`delete from payout_jobs where county_code = ${countyCode} and month = ${month}`;
  });
}

/**
 * The payout spec's own county: 中阳县 金罗镇 道堂村. No demo user, no demo row and no other spec
 * works there, so a run of the county holds exactly the enrollments that spec put in it, and the
 * spec never needs to touch 交口县's rows, which other specs rely on.
 */
export const PAYOUT_COUNTY = { code: '141129', name: '中阳县', township: '141129101', village: '141129101201' } as const;
/** Every household the payout spec creates has an address starting with this, so it can find (and end) its own. */
const PAYOUT_ADDRESS = '道堂村 发放测试';
export const PAYOUT_ACCOUNT = '6228480470000002464'; // a valid card number (Luhn) of its own

/**
 * A caseworker of 金罗镇, a supervisor and a finance officer (资金发放员) of 中阳县 who sign in with
 * the demo password (the demo caseworker's hash is copied), made once per database.
 */
export async function payoutStaff(sql: Sql): Promise<{ caseworker: string; supervisor: string; finance: string }> {
  const staff = [
    { username: 'e2e-zy-caseworker', name: '郝丽娟', role: 'caseworker', region: PAYOUT_COUNTY.township },
    { username: 'e2e-zy-supervisor', name: '任国强', role: 'supervisor', region: PAYOUT_COUNTY.code },
    { username: 'e2e-zy-finance', name: '温淑珍', role: 'finance', region: PAYOUT_COUNTY.code },
  ];
  for (const u of staff) {
    await sql`
      insert into users (username, name, role, region_code, password_hash)
      select ${u.username}, ${u.name}, ${u.role}, ${u.region}, password_hash from users where username = 'caseworker'
      on conflict do nothing`;
  }
  return { caseworker: staff[0]!.username, supervisor: staff[1]!.username, finance: staff[2]!.username };
}

const FAMILY = [
  { name: '白玉山', relation: '本人', sex: '男', birth: '19800312', disability: { kind: '肢体', grade: 1 }, school: null, capacity: 'none' },
  { name: '刘彩霞', relation: '配偶', sex: '女', birth: '19820605', disability: null, school: null, capacity: 'full' },
  { name: '白晓峰', relation: '子女', sex: '男', birth: '20060918', disability: null, school: '高中', capacity: 'none' },
  { name: '白晓丽', relation: '子女', sex: '女', birth: '20090224', disability: null, school: '初中', capacity: 'none' },
  { name: '白晓龙', relation: '子女', sex: '男', birth: '20120710', disability: null, school: '小学', capacity: 'none' },
] as const;
export const PAYOUT_HEAD = FAMILY[0].name;

/**
 * A household of the payout spec in 道堂村, shaped like the reference case (five people, the head
 * paralysed, three children in school), with its own resident IDs and account. The spec's
 * households of earlier attempts or repeats stay, but their enrollments end, so a run of the
 * county holds only the new one; no other row is touched.
 */
export async function insertPayoutHousehold(sql: Sql): Promise<string> {
  const strangers = await sql<{ n: number }[]>`
    select count(*)::int as n from enrollments e join households h on h.id = e.household_id
    where e.county_code = ${PAYOUT_COUNTY.code} and h.address not like ${`${PAYOUT_ADDRESS}%`}`;
  if (strangers[0]!.n > 0) throw new Error(`${PAYOUT_COUNTY.name} holds ${strangers[0]!.n} enrollments the payout spec did not make: it is no longer the spec's own county`);
  await sql`
    update enrollments set status = 'terminated', end_month = '2000-01'
    where county_code = ${PAYOUT_COUNTY.code} and household_id in (select id from households where address like ${`${PAYOUT_ADDRESS}%`})`;
  // The account is this household's alone: the sweep (数据核查) flags an account that other
  // households are paid to, and the spec's earlier households would otherwise share it.
  await sql`update households set bank_account = null where county_code = ${PAYOUT_COUNTY.code} and address like ${`${PAYOUT_ADDRESS}%`}`;
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind, bank_name, bank_account_kind, bank_account, bank_account_holder)
    values (${PAYOUT_COUNTY.village}, ${PAYOUT_COUNTY.township}, ${PAYOUT_COUNTY.code}, ${`${PAYOUT_ADDRESS} ${Date.now().toString(36)}`}, 'rural',
            '中阳县农村信用合作联社', 'card', ${PAYOUT_ACCOUNT}, ${PAYOUT_HEAD})
    returning id`;
  for (const [i, m] of FAMILY.entries()) {
    const idNumber = await unusedIdNumber(sql, PAYOUT_COUNTY.code, m.birth, m.sex);
    await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head, disability_kind, disability_grade, school_stage, working_capacity, sort_order)
      values (${h!.id}, ${m.name}, ${idNumber}, ${`${m.birth.slice(0, 4)}-${m.birth.slice(4, 6)}-${m.birth.slice(6)}`}, ${m.sex}, ${m.relation}, ${i === 0},
              ${m.disability?.kind ?? null}, ${m.disability?.grade ?? null}, ${m.school}, ${m.capacity}, ${i})`;
  }
  return h!.id;
}

/**
 * A payout household (insertPayoutHousehold) on dibao since 2016-01 at ¥2,452.00, every member
 * covered: for the specs that need a run to pay it in a month of their own. Returns its members.
 */
export async function insertEnrolledPayoutHousehold(sql: Sql): Promise<{ householdId: string; members: { id: string; id_number: string; name: string }[] }> {
  const householdId = await insertPayoutHousehold(sql);
  const members = await sql<{ id: string; id_number: string; name: string }[]>`select id, id_number, name from members where household_id = ${householdId} order by sort_order`;
  const [e] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
    values ('dibao', ${householdId}, 'active', ${PAYOUT_COUNTY.code}, ${PAYOUT_COUNTY.township}, ${PAYOUT_COUNTY.village}, '2016-01') returning id`;
  await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
    values (${e!.id}, '2016-01', 245200, ${sql.json({ program: 'dibao', totalFen: 245_200, coveredMemberIds: members.map((m) => m.id) })})`;
  for (const m of members) await sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) values (${e!.id}, ${m.id}, ${m.id_number}, true)`;
  return { householdId, members };
}
