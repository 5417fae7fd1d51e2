// 审计视图 (lib/audit/views): each view against rows written here, worked out by hand — a hit
// and a near miss beside it — and a user of another county, who sees none of them. Runs in 2009,
// a year no other test pays; other files share the database, so each check looks for the rows
// written here rather than at totals.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/types';
import { listBankChangesBeforePayout } from '@/lib/audit/views/bank-before-payout';
import { listDeceasedPaid } from '@/lib/audit/views/deceased-paid';
import { countIdReveals } from '@/lib/audit/views/id-reveals';
import { auditViewsFilterSchema, sameHandsSteps } from '@/lib/audit/views/rules';
import { listSameHands } from '@/lib/audit/views/same-hands';
import { roleDashboard } from '@/lib/reports/role-dashboard';
import { appDb, insertHousehold, signedIn } from './support/app';

const VILLAGE = '141130101200'; // 交口县 康城镇 康城村
const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

let db: Db;
const u: Record<string, SessionUser> = {};
const elsewhere = (user: SessionUser): SessionUser => ({ ...user, regionCode: '141128', regionLevel: 'county', regionName: '方山县' });

async function insert<T = { id: string }>(q: ReturnType<typeof sql>): Promise<T> {
  return rows<T>(await db.execute(q))[0]!;
}

async function run(month: string, generatedDaysAgo: number, state = 'approved'): Promise<string> {
  await db.execute(sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at, approved_at)
    values ('141130', ${month}, ${state}, ${u.caseworker!.id}::uuid, now() - make_interval(days => ${generatedDaysAgo}), ${state === 'draft' ? null : sql`now()`})
    on conflict (county_code, month) do nothing`);
  return (await insert(sql`select id from payout_runs where county_code = '141130' and month = ${month}`)).id;
}

async function line(runId: string, householdId: string, month: string, opts: { kind?: string; enrollmentId?: string; blocked?: boolean } = {}) {
  const kind = opts.kind ?? 'temp_aid';
  await db.execute(sql`insert into payout_lines (run_id, kind, program, source_id, enrollment_id, household_id, month, persons, amount_fen,
      bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, status, county_code, township_code, village_code)
    values (${runId}::uuid, ${kind}, ${kind === 'enrollment' ? 'dibao' : 'temp'}, ${kind === 'enrollment' ? null : `audit-views-${householdId}-${month}`},
      ${opts.enrollmentId ?? null}, ${householdId}::uuid, ${month}, 1, 60000,
      '交口县农村信用合作联社', 'card', '6228480470000009999', '测试户主', ${opts.blocked ?? false}, 'pending', '141130', '141130101', ${VILLAGE})`);
}

beforeAll(async () => {
  db = await appDb();
  for (const name of ['caseworker', 'supervisor', 'auditor']) u[name] = await signedIn(name);
});

describe('同一人经办多个环节', () => {
  it('the rule: the checker’s earlier steps with the check; nothing when the checker did nothing else', () => {
    expect(sameHandsSteps({ created: 'a', accepted: 'b', decided: 'b' }, 'decided')).toEqual(['accepted', 'decided']);
    expect(sameHandsSteps({ created: 'a', accepted: 'a', decided: 'b' }, 'decided')).toEqual([]);
    expect(sameHandsSteps({ created: 'a', decided: null }, 'decided')).toEqual([]);
  });

  it('lists an application decided by the one who accepted it, not one decided by another person', async () => {
    const hit = await insertHousehold(db, { headName: '审计甲' });
    const miss = await insertHousehold(db, { headName: '审计乙' });
    const app = async (householdId: string, acceptedBy: string) =>
      (await insert(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, created_at, accepted_by, decided_by, decided_on, approved_amount_fen)
        values ('dibao_household', ${householdId}::uuid, 'approved', '141130', '141130101', ${VILLAGE}, ${u.caseworker!.id}::uuid, '2009-02-01T02:00:00Z', ${acceptedBy}::uuid, ${u.supervisor!.id}::uuid, '2009-02-20', 60000) returning id`)).id;
    const same = await app(hit, u.supervisor!.id);
    const other = await app(miss, u.caseworker!.id);

    const { rows: found } = await listSameHands(u.auditor!);
    const row = found.find((r) => r.id === same);
    expect(row).toMatchObject({ kind: 'application', householdId: hit, userName: '李建国', steps: ['受理', '审批'] });
    expect(found.some((r) => r.id === other)).toBe(false);
    expect((await listSameHands(elsewhere(u.auditor!))).rows.some((r) => r.id === same)).toBe(false);
  });
});

describe('发放前变更银行账户', () => {
  it('lists a change 10 days before the run that paid the household; one 40 days before only when asked for 60 days', async () => {
    const runId = await run('2009-04', 1);
    const near = await insertHousehold(db, { headName: '审计丙' });
    const far = await insertHousehold(db, { headName: '审计丁' });
    const change = async (householdId: string, daysBeforeRun: number) =>
      (await insert(sql`insert into household_account_changes (household_id, after, reason, changed_by, changed_at)
        values (${householdId}::uuid, ${JSON.stringify({ bankName: '交口县农村信用合作联社', kind: 'card', account: '6228480470000009999', holder: '测试户主' })}::jsonb,
          '更换银行卡', ${u.caseworker!.id}::uuid,
          (select generated_at from payout_runs where id = ${runId}::uuid) - make_interval(days => ${daysBeforeRun}, hours => 1)) returning id`)).id;
    const nearChange = await change(near, 10);
    const farChange = await change(far, 40);
    await line(runId, near, '2009-04');
    await line(runId, far, '2009-04');

    const at30 = await listBankChangesBeforePayout(u.auditor!, 30);
    const hit = at30.rows.find((r) => r.changeId === nearChange);
    expect(hit).toMatchObject({ householdId: near, runId, runMonth: '2009-04', confirmed: false, changedByName: '王晓梅', daysBefore: 10 });
    expect(at30.rows.some((r) => r.changeId === farChange)).toBe(false);

    const at60 = await listBankChangesBeforePayout(u.auditor!, 60);
    expect(at60.rows.find((r) => r.changeId === farChange)?.daysBefore).toBe(40);
    expect((await listBankChangesBeforePayout(elsewhere(u.auditor!), 60)).rows.some((r) => r.householdId === near || r.householdId === far)).toBe(false);
  });

  it('a run that is still a draft, or a line held back, is no payment', async () => {
    const draft = await run('2009-06', 1, 'draft');
    const held = await run('2009-07', 1);
    const a = await insertHousehold(db, { headName: '审计戊' });
    const b = await insertHousehold(db, { headName: '审计己' });
    for (const h of [a, b]) {
      await db.execute(sql`insert into household_account_changes (household_id, after, reason, changed_by, changed_at)
        values (${h}::uuid, ${JSON.stringify({ bankName: '交口县农村信用合作联社', kind: 'card', account: '6228480470000008888', holder: '测试户主' })}::jsonb, '更换银行卡', ${u.caseworker!.id}::uuid, now() - interval '5 days')`);
    }
    await line(draft, a, '2009-06');
    await line(held, b, '2009-07', { blocked: true });
    const found = (await listBankChangesBeforePayout(u.auditor!, 30)).rows;
    expect(found.some((r) => r.householdId === a || r.householdId === b)).toBe(false);
  });
});

describe('已故成员仍在发放', () => {
  it('lists a line for a month after the covered member died, not the line of the month of death', async () => {
    const householdId = await insertHousehold(db, { headName: '审计庚' });
    const member = await insert<{ id: string; id_number: string }>(sql`select id, id_number from members where household_id = ${householdId}::uuid`);
    await db.execute(sql`update members set status = 'deceased', left_on = '2009-03-15' where id = ${member.id}::uuid`);
    const enrollmentId = (await insert(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
      values ('dibao', ${householdId}::uuid, 'active', '141130', '141130101', ${VILLAGE}, '2009-01') returning id`)).id;
    await db.execute(sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living, active) values (${enrollmentId}::uuid, ${member.id}::uuid, ${member.id_number}, true, true)`);
    const deceasedTask = async () => (await roleDashboard(u.auditor!)).sections.flatMap((x) => x.tasks).find((t) => t.key === 'view-deceased-paid')!;
    const before = (await deceasedTask()).count;
    const march = await run('2009-03', 60);
    const may = await run('2009-05', 5);
    await line(march, householdId, '2009-03', { kind: 'enrollment', enrollmentId });
    await line(may, householdId, '2009-05', { kind: 'enrollment', enrollmentId });

    const found = (await listDeceasedPaid(u.auditor!)).rows.filter((r) => r.householdId === householdId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ runId: may, runMonth: '2009-05', diedOn: '2009-03-15', program: 'dibao', amountFen: 60000 });
    expect((await listDeceasedPaid(elsewhere(u.auditor!))).rows.some((r) => r.householdId === householdId)).toBe(false);
    // The auditor's start page counts it and links to the view.
    const task = await deceasedTask();
    expect(task.count).toBeGreaterThan(before);
    expect(task.href).toBe('/audit/views#h-deceased');
  });
});

describe('查看完整身份证号（按用户）', () => {
  it('counts each user’s reveals within the days asked for, and of how many members', async () => {
    const at = (d: string) => `${d}T04:00:00Z`;
    for (const [day, member] of [['2009-08-03', 'm1'], ['2009-08-04', 'm1'], ['2009-08-05', 'm2'], ['2009-09-01', 'm3']] as const) {
      await db.execute(sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, at)
        values (${u.caseworker!.id}::uuid, '王晓梅', 'member.reveal_id', 'member', ${`audit-views-${member}`}, ${VILLAGE}, ${at(day)}::timestamptz)`);
    }
    const counts = await countIdReveals(u.auditor!, { from: '2009-08-01', to: '2009-08-31' });
    expect(counts.find((c) => c.actorId === u.caseworker!.id)).toMatchObject({ actorName: '王晓梅', count: 3, households: 2 });
    expect(await countIdReveals(elsewhere(u.auditor!), { from: '2009-08-01', to: '2009-08-31' })).toEqual([]);
  });

  it('the page’s filter refuses bad numbers and reversed dates with Chinese messages', () => {
    const bad = auditViewsFilterSchema.safeParse({ days: '0', from: '2009-09-01', to: '2009-08-01' });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => i.message);
    expect(messages).toContain('天数请填写 1 到 365 的整数');
    expect(auditViewsFilterSchema.safeParse({ from: '2009-09-01', to: '2009-08-01' }).error?.issues[0]?.message).toBe('结束日期不能早于开始日期');
    expect(auditViewsFilterSchema.parse({}).days).toBe(30);
  });
});
