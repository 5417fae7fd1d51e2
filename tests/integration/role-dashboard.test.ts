// The start page by role (lib/reports/role-dashboard.ts): each figure is checked against rows this
// test writes straight to the tables, as a change of the count (other test files share the
// database), and against a user of another county, who must not see them. Months in 2013, which
// no other test pays, so the runs written here collide with nobody's.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { addDays } from '@/lib/core/calendar-date';
import { roleDashboard, type RoleDashboard } from '@/lib/reports/role-dashboard';
import { appDb, insertHousehold, signedIn } from './support/app';

const KANGCHENG = '141130101200'; // 交口县 康城镇 康城村
const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
const today = todayInChina();

let db: Db;
const u: Record<string, SessionUser> = {};
let household: string;

/** The same person moved to 方山县: everything of 交口县 is outside their region. */
const elsewhere = (user: SessionUser): SessionUser => ({ ...user, regionCode: '141128', regionLevel: 'county', regionName: '方山县' });

function task(d: RoleDashboard, key: string) {
  const t = d.sections.flatMap((s) => s.tasks).find((x) => x.key === key);
  if (!t) throw new Error(`no task ${key}`);
  return t;
}
const countOf = async (user: SessionUser, key: string) => task(await roleDashboard(user), key).count;

async function insert<T = { id: string }>(q: ReturnType<typeof sql>): Promise<T> {
  return rows<T>(await db.execute(q))[0]!;
}

async function run(state: string, month: string): Promise<string> {
  const r = await insert(sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at, approved_at, exported_at)
    values ('141130', ${month}, ${state}, ${u.caseworker!.id}::uuid, now() - interval '3 days',
      ${state === 'draft' ? null : sql`now() - interval '2 days'`}, ${state === 'exported' || state === 'reconciled' ? sql`now() - interval '1 day'` : null}) returning id`);
  return r.id;
}

let sourceSeq = 0;
async function line(runId: string, month: string, opts: { status?: string; blocked?: boolean; blockReason?: string | null; kind?: string; sourceId?: string | null; village?: string }) {
  const village = opts.village ?? KANGCHENG;
  const kind = opts.kind ?? 'temp_aid';
  return insert<{ id: number }>(sql`insert into payout_lines (run_id, kind, program, source_id, household_id, month, persons, amount_fen,
      bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, status, county_code, township_code, village_code)
    values (${runId}::uuid, ${kind}, 'temp', ${opts.sourceId ?? `role-dash-${++sourceSeq}`}, ${household}::uuid, ${month}, 1, 245200,
      '交口县农村信用合作联社', 'card', '6228480470000001235', '测试户主', ${opts.blocked ?? false}, ${opts.blockReason ?? null}, ${opts.status ?? 'pending'},
      ${village.slice(0, 6)}, ${village.slice(0, 9)}, ${village}) returning id`);
}

beforeAll(async () => {
  db = await appDb();
  for (const name of ['caseworker', 'caseworker2', 'supervisor', 'finance', 'auditor', 'admin']) u[name] = await signedIn(name);
  household = await insertHousehold(db, { headName: '穆小军' });
});

describe('the caseworker’s day: what needs my step', () => {
  it('counts the applications waiting for the caseworker’s step, the overdue ones, and the oldest', async () => {
    const before = task(await roleDashboard(u.caseworker!), 'applications');
    await db.execute(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, accepted_by, accepted_on)
      values ('dibao_household', ${household}::uuid, 'accepted', '141130', '141130101', ${KANGCHENG}, ${u.supervisor!.id}::uuid, ${u.supervisor!.id}::uuid, ${addDays(today, -400)})`);
    // In public notice: the village's step, not the caseworker's; the county decides after it.
    await db.execute(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, notice_start, notice_end)
      values ('dibao_household', ${household}::uuid, 'in_public_notice', '141130', '141130101', ${KANGCHENG}, ${u.supervisor!.id}::uuid, ${addDays(today, -3)}, ${addDays(today, 4)})`);
    const after = task(await roleDashboard(u.caseworker!), 'applications');
    expect(after.count).toBe(before.count + 1);
    expect(after.note).toMatch(/^其中 \d+ 件已超期$/);
    expect(after.age).toBe('最久已等 400 天');
    expect(after.href).toBe('/applications');
    expect(await countOf(u.caseworker2!, 'applications')).toBe(0);
  });

  it('counts 先行救助 whose account is still to be written, with the overdue ones', async () => {
    const before = task(await roleDashboard(u.caseworker!), 'first-response');
    const insertCase = (account: boolean, deadline: string) =>
      db.execute(sql`insert into temp_aid_cases (household_id, kind, cause, narrative, state, requested_fen, paid_fen, county_code, township_code, village_code, created_by, opened_on, deadline_on, account, account_by, account_on)
        values (${household}::uuid, 'first_response', 'fire', '房屋失火', 'paid_awaiting_completion', 500000, 500000, '141130', '141130101', ${KANGCHENG}, ${u.caseworker!.id}::uuid,
          ${addDays(today, -20)}, ${deadline}, ${account ? '已补齐' : null}, ${account ? u.caseworker!.id : null}::uuid, ${account ? addDays(today, -1) : null})`);
    await insertCase(false, addDays(today, -2));
    await insertCase(true, addDays(today, 5)); // written: now the supervisor's step
    const after = task(await roleDashboard(u.caseworker!), 'first-response');
    expect(after.count).toBe(before.count + 1);
    expect(after.note).toMatch(/已超过办结期限/);
    expect(after.age).toMatch(/^最早已逾期 \d+ 天$/);
    expect(await countOf(u.caseworker2!, 'first-response')).toBe(0);
    const sup = task(await roleDashboard(u.supervisor!), 'first-response');
    expect(sup.count).toBeGreaterThanOrEqual(1);
    expect(await countOf(elsewhere(u.supervisor!), 'first-response')).toBe(0);
  });

  it('counts reviews due within 30 days and overdue', async () => {
    const before = task(await roleDashboard(u.caseworker!), 'reviews');
    for (const due of [addDays(today, -7), addDays(today, 10), addDays(today, 60)]) {
      await db.execute(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month, next_review_on)
        values ('dibao', ${household}::uuid, 'active', '141130', '141130101', ${KANGCHENG}, '2013-01', ${due})`);
    }
    const after = task(await roleDashboard(u.caseworker!), 'reviews');
    expect(after.count).toBe(before.count + 2); // not the one due in 60 days
    expect(after.note).toMatch(/已逾期/);
    expect(await countOf(u.caseworker2!, 'reviews')).toBe(0);
  });

  it('lists the payout lines blocked in the township: account change to confirm, bank failures, until a run re-issues them', async () => {
    const d0 = await roleDashboard(u.caseworker!);
    const [failed0, account0, blocked0] = ['lines-failed', 'lines-account', 'lines-blocked'].map((k) => task(d0, k).count);
    const runId = await run('reconciled', '2013-03');
    const bad = await line(runId, '2013-03', { status: 'failed' });
    await line(runId, '2013-03', { blocked: true, blockReason: '账户变更待复核' });
    await line(runId, '2013-03', { blocked: true, blockReason: '未登记发放账户' });
    await line(runId, '2013-03', { kind: 'recovery', status: 'failed' }); // a 扣回 is never re-issued
    const d1 = await roleDashboard(u.caseworker!);
    expect(task(d1, 'lines-failed').count).toBe(failed0! + 1);
    expect(task(d1, 'lines-account').count).toBe(account0! + 1);
    expect(task(d1, 'lines-blocked').count).toBe(blocked0! + 1);
    if (failed0 === 0) expect(task(d1, 'lines-failed').href).toBe(`/payouts/${runId}`);
    expect(await countOf(u.caseworker2!, 'lines-failed')).toBe(0);

    // The next run re-issues the failed line: nothing waits on it any more.
    const next = await run('draft', '2013-04');
    await line(next, '2013-04', { kind: 'reissue', sourceId: String(bad.id) });
    expect(await countOf(u.caseworker!, 'lines-failed')).toBe(failed0);
  });

  it('counts account changes someone else made, for the caseworker to confirm (never their own)', async () => {
    const before = await countOf(u.caseworker!, 'account-changes');
    const other = await insertHousehold(db);
    const mine = await insertHousehold(db);
    const change = (h: string, by: string) =>
      db.execute(sql`insert into household_account_changes (household_id, after, reason, changed_by)
        values (${h}::uuid, ${JSON.stringify({ bankName: '交口县农村信用合作联社', bankAccountKind: 'card', bankAccount: '6228480470000009999', bankAccountHolder: '测试户主' })}::jsonb, '换卡', ${by}::uuid)`);
    await change(other, u.supervisor!.id);
    await change(mine, u.caseworker!.id);
    expect(await countOf(u.caseworker!, 'account-changes')).toBe(before + 1);
    expect(await countOf(u.caseworker2!, 'account-changes')).toBe(0);
  });

  it('shows a fresh region what to do first, and stops once a household is registered', async () => {
    // A township of its own (other test files register households in every real one).
    const town = `1411279${String(Date.now() % 100).padStart(2, '0')}`;
    await db.execute(sql`insert into regions (code, name, level, parent_code, city_code, county_code, township_code)
      values (${town}, '测试新镇', 'township', '141127', '141100', '141127', ${town}),
             (${town + '200'}, '测试新村', 'village', ${town}, '141100', '141127', ${town})
      on conflict do nothing`);
    const fresh: SessionUser = { ...u.caseworker!, regionCode: town, regionLevel: 'township', regionName: '测试新镇' };
    const first = await roleDashboard(fresh);
    expect(first.firstSteps?.map((s) => s.label)).toEqual(['登记家庭', '先行救助', '导入花名册']);
    expect(first.firstSteps?.map((s) => s.href)).toEqual(['/households/new', '/temp-aid/new', '/households/import']);
    expect((await roleDashboard(u.caseworker!)).firstSteps).toBeNull();
    try {
      await insertHousehold(db, { villageCode: town + '200' });
      expect((await roleDashboard(fresh)).firstSteps).toBeNull();
    } finally {
      // The city's regions stay as the seed made them (audit-and-seed.test.ts counts them).
      await db.execute(sql`delete from members where household_id in (select id from households where township_code = ${town})`);
      await db.execute(sql`delete from households where township_code = ${town}`);
      await db.execute(sql`delete from regions where code in (${town + '200'}, ${town})`);
    }
  });
});

describe('the supervisor’s decisions waiting', () => {
  it('counts applications to decide, enrollment changes, subsidies to confirm and runs to approve', async () => {
    const keys = ['applications', 'county-visits', 'changes', 'subsidies', 'runs', 'temp-aid'];
    const d0 = await roleDashboard(u.supervisor!);
    const before = Object.fromEntries(keys.map((k) => [k, task(d0, k).count]));
    const away0 = await roleDashboard(elsewhere(u.supervisor!));
    await db.execute(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, notice_start, notice_end)
      values ('dibao_household', ${household}::uuid, 'in_public_notice', '141130', '141130101', ${KANGCHENG}, ${u.caseworker!.id}::uuid, ${addDays(today, -12)}, ${addDays(today, -5)})`);
    await db.execute(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, accepted_by, accepted_on, close_relative)
      values ('dibao_household', ${household}::uuid, 'accepted', '141130', '141130101', ${KANGCHENG}, ${u.caseworker!.id}::uuid, ${u.caseworker!.id}::uuid, ${addDays(today, -1)}, true)`);
    const e = await insert(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
      values ('dibao', ${household}::uuid, 'active', '141130', '141130101', ${KANGCHENG}, '2013-01') returning id`);
    await db.execute(sql`insert into enrollment_changes (enrollment_id, kind, effective_month, reason, proposed_by)
      values (${e.id}::uuid, 'suspend', '2013-05', '外出务工', ${u.caseworker!.id}::uuid)`);
    await db.execute(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
      values ('dis_living', ${household}::uuid, 'proposed', '141130', '141130101', ${KANGCHENG}, '2013-01')`);
    await db.execute(sql`insert into temp_aid_cases (household_id, kind, cause, narrative, state, requested_fen, county_code, township_code, village_code, created_by, opened_on)
      values (${household}::uuid, 'small_fast', 'sudden_illness', '突发疾病', 'applied', 40200, '141130', '141130101', ${KANGCHENG}, ${u.caseworker!.id}::uuid, ${addDays(today, -1)})`);
    await run('draft', '2013-06');
    const d1 = await roleDashboard(u.supervisor!);
    for (const k of keys) expect([k, task(d1, k).count]).toEqual([k, before[k]! + 1]);
    expect(task(d1, 'applications').age).toBe('最久已等 5 天');
    expect(d1.sections.map((s) => s.title)).toEqual(['待我审批']);

    // Another county's supervisor: none of these rows (other test files have their own there).
    const away = await roleDashboard(elsewhere(u.supervisor!));
    for (const k of keys) expect([k, task(away, k).count]).toEqual([k, task(away0, k).count]);
  });
});

describe('finance: runs waiting for the bank', () => {
  it('counts approved runs without a bank file and exported runs without a return file', async () => {
    const [file0, ret0] = await Promise.all(['bank-file', 'return-file'].map((k) => countOf(u.finance!, k)));
    const approved = await run('approved', '2013-07');
    await run('exported', '2013-08');
    await run('reconciled', '2013-09');
    const d = await roleDashboard(u.finance!);
    expect(task(d, 'bank-file').count).toBe(file0! + 1);
    expect(task(d, 'return-file').count).toBe(ret0! + 1);
    if (file0 === 0) expect(task(d, 'bank-file').href).toBe(`/payouts/${approved}`);
    expect(task(d, 'bank-file').age).toMatch(/^最久已等 \d+ 天$/);
    const away = await roleDashboard(elsewhere(u.finance!));
    expect([task(away, 'bank-file').count, task(away, 'return-file').count]).toEqual([0, 0]);
  });
});

describe('the auditor’s views', () => {
  it('counts today’s audit rows, late entries not acknowledged and this month’s, with links to the views', async () => {
    const d0 = await roleDashboard(u.auditor!);
    const [log0, late0, month0] = ['audit-today', 'late-unacknowledged', 'late-month'].map((k) => task(d0, k).count);
    await db.execute(sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code) values (${u.caseworker!.id}::uuid, '王晓梅', 'household.create', 'household', ${household}, '141130101')`);
    await db.execute(sql`insert into late_entries (entity_kind, entity_id, step, stated_on, recorded_on, recorded_at, working_days_late, threshold_working_days, reason, recorded_by, county_code, township_code, village_code)
      values ('application', ${household}::uuid, 'accept', ${addDays(today, -9)}, ${today}, now(), 6, 3, '纸质材料后补', ${u.caseworker!.id}::uuid, '141130', '141130101', ${KANGCHENG})`);
    const d1 = await roleDashboard(u.auditor!);
    expect(task(d1, 'audit-today').count).toBeGreaterThanOrEqual(log0! + 1);
    expect(task(d1, 'late-unacknowledged').count).toBe(late0! + 1);
    expect(task(d1, 'late-month').count).toBe(month0! + 1);
    expect(task(d1, 'audit-today').href).toBe(`/audit?tab=changes&from=${today}&to=${today}`);
    expect(task(d1, 'late-month').href).toBe(`/reports/late-entries?month=${today.slice(0, 7)}`);
    expect(d1.sections[0]!.links!.map((l) => l.href)).toEqual(['/audit', '/audit/views', '/reports/late-entries', '/reports/monthly', '/reports/period']);
    // A county's auditor elsewhere sees none of 交口县's late entries.
    expect(await countOf(elsewhere(u.auditor!), 'late-unacknowledged')).toBe(0);
  });
});

describe('the admin’s system', () => {
  it('counts users, those still on a temporary password, the standards and the calendar', async () => {
    const d0 = await roleDashboard(u.admin!);
    const [active0, must0] = ['users', 'must-change'].map((k) => task(d0, k).count);
    await db.execute(sql`insert into users (username, name, role, region_code, password_hash, must_change_password)
      values (${`dash-${Date.now()}`}, '新同事', 'caseworker', '141130101', 'x', true)`);
    const d1 = await roleDashboard(u.admin!);
    expect(task(d1, 'users').count).toBe(active0! + 1);
    expect(task(d1, 'must-change').count).toBe(must0! + 1);
    expect(task(d1, 'standards').count).toBeGreaterThan(0); // the demo seed's standards
    expect(task(d1, 'under-attack').href).toBe('/admin/users');
    expect(task(d1, 'calendar').href).toBe('/admin/calendar');
    expect(d1.sections.map((s) => s.title)).toEqual(['系统管理']);
  });
});
