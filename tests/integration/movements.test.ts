// One definition of each movement: the run page's summary (generation) and the reports'
// movements (the monthly notice) count the same lines the same way, from the structured end
// reason, never from the words of a free-text reason. Expected counts worked out by hand below.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { approveRun } from '@/lib/payouts/approve-run';
import { startRun } from '@/lib/payouts/start-run';
import { appDb } from './support/app';
import { countyStaff, enroll, rows, type Enrolled } from './support/payouts';

const COUNTY = '141182'; // 汾阳市: no other test file generates runs here
const M1 = '2015-01';
const M2 = '2015-02';

let staff: Awaited<ReturnType<typeof countyStaff>>;
let village: string;
beforeAll(async () => {
  staff = await countyStaff(COUNTY);
  const [v] = rows<{ code: string }>(await (await appDb()).execute(sql`select code from regions where level = 'village' and code like ${`${COUNTY}%`} order by code limit 1`));
  village = v!.code;
});

async function version(runId: string) {
  const [r] = rows<{ version: number }>(await (await appDb()).execute(sql`select version from payout_runs where id = ${runId}`));
  return r!.version;
}

async function endAfterM1(e: Enrolled, code: string, statusReason: string) {
  await (await appDb()).execute(sql`update enrollments set status = 'terminated', end_month = ${M1}, end_reason_code = ${code}, status_reason = ${statusReason} where id = ${e.enrollmentId}`);
}

async function newAmount(e: Enrolled, amountFen: number, covered: string[]) {
  await (await appDb()).execute(sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
    values (${e.enrollmentId}, ${M2}, ${amountFen}, ${JSON.stringify({ coveredMemberIds: covered, working: ['测试'] })}::jsonb)`);
}

/** Movement counts by kind: from the run's stored summary, and from the reports' movement rows. */
async function counted(runId: string) {
  const db = await appDb();
  const [run] = rows<{ summary: { movement: { movement: string; lines: number }[] } }>(await db.execute(sql`select summary from payout_runs where id = ${runId}`));
  const summary: Record<string, number> = {};
  for (const m of run!.summary.movement) summary[m.movement] = (summary[m.movement] ?? 0) + Number(m.lines);
  const reports: Record<string, number> = {};
  for (const m of rows<{ movement: string; n: string }>(await db.execute(sql`select movement, count(*) as n from payout_movements where run_id = ${runId} group by movement`))) reports[m.movement] = Number(m.n);
  return { summary, reports };
}

describe('movements against last month', () => {
  it('count 新增, 停保, 自然减员, 增发 and 减发 the same on the run page and in the reports, from the end reason code', async () => {
    const db = await appDb();
    const e = (opts: Partial<Parameters<typeof enroll>[1]> = {}) => enroll(db, { amountFen: 40_000, startMonth: M1, villageCode: village, ...opts });
    await e(); // the same amount both months: unchanged, counted nowhere
    const died = await e(); // ended for death, recorded as a code
    const movedAway = await e(); // ended, moved away: 停保 even though the free text says 已故
    const incomeRose = await e();
    const deceasedPerson = await e({ program: 'dis_living', amountFen: 5_000 }); // ended "other", but the person is registered deceased
    const emptyHousehold = await e(); // ended "other", nobody left in the household
    const raised = await e();
    const lowered = await e();
    const morePersons = await e({ persons: 2 });
    await db.execute(sql`update enrollment_amounts set components = jsonb_set(components, '{coveredMemberIds}', ${JSON.stringify([morePersons.memberIds[0]])}::jsonb) where id = ${morePersons.amountId}`);

    // The county's first month: nothing to compare with, so every line is 新增.
    const jan = await startRun(staff.caseworker, { countyCode: COUNTY, month: M1 });
    await approveRun(staff.supervisor, { runId: jan.runId, version: await version(jan.runId) });
    const first = await counted(jan.runId);
    expect(first.summary).toEqual({ new: 9 });
    expect(first.reports).toEqual({ new: 9 });

    await endAfterM1(died, 'death', '终止');
    await endAfterM1(movedAway, 'moved_away', '户主已故后家属迁往外省');
    await endAfterM1(incomeRose, 'income_rose', '过世前已就业');
    await endAfterM1(deceasedPerson, 'other', '终止');
    await db.execute(sql`update members set status = 'deceased' where id = ${deceasedPerson.memberIds[0]}`);
    await endAfterM1(emptyHousehold, 'other', '终止');
    await db.execute(sql`update members set status = 'moved_out' where household_id = ${emptyHousehold.householdId}`);
    await newAmount(raised, 45_000, raised.memberIds);
    await newAmount(lowered, 35_000, lowered.memberIds);
    await newAmount(morePersons, 40_000, morePersons.memberIds);
    await e({ startMonth: M2 }); // new in February

    const feb = await startRun(staff.caseworker, { countyCode: COUNTY, month: M2 });
    await approveRun(staff.supervisor, { runId: feb.runId, version: await version(feb.runId) });
    // By hand: 1 new; 自然减员 = died, deceasedPerson, emptyHousehold = 3; 停保 = movedAway, incomeRose = 2;
    // 增发 = raised, morePersons (same money, 2 persons instead of 1) = 2; 减发 = lowered = 1; same is unchanged.
    const expected = { new: 1, attrition: 3, stopped: 2, increased: 2, decreased: 1 };
    const second = await counted(feb.runId);
    expect(second.summary).toEqual(expected);
    expect(second.reports).toEqual(expected);
  });
});
