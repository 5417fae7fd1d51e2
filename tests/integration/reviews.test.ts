// 定期复核 worked by hand: a township's batch of the month, assignment, and each outcome of a
// visit — 维持 (the next review moves on from the visit: 6 months when income is unstable, 12
// when stable, 12 for 特困 whatever is chosen), 重新核算 up (¥300.00 → ¥402.00, the 交口县 rural
// standard for one person without income), 减发 (¥500.00 → ¥402.00, only with the recipient's
// hearing), the same amount (no change proposed: closed as 维持), 终止 — and the supervisor's
// decision closing a review whether it approves or not. Every review closes.
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, enrollmentAmounts, enrollmentChanges, enrollments, regions, reviews } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { AppError } from '@/lib/core/errors';
import { idCheckDigit } from '@/lib/core/resident-id';
import { monthInChina, todayInChina } from '@/lib/core/time';
import { decideChange } from '@/lib/enrollments/decide-change';
import { assignReviews, createBatch } from '@/lib/reviews/batch';
import { getBatch, getReview, listBatches, overdueReviews } from '@/lib/reviews/queries';
import { recordReview } from '@/lib/reviews/record';
import { recordReviewSchema } from '@/lib/reviews/schemas';
import { appDb, passwordChosen, signedIn } from './support/app';

let db: Db;
let township: string; // the last township of 交口县: no other test file writes there
let village: string;
let townshipCw: SessionUser;
let countySupervisor: SessionUser;
let otherCountySupervisor: SessionUser;
let seq = 100;
const month = monthInChina();
const today = todayInChina();

/** A person born on 1986-03-04 (40, working age, no classified allowance), ID valid and unique. */
function idNumber(): string {
  seq++;
  const first17 = `141130198603${String(4).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

async function onRoll(opts: { program?: 'dibao' | 'tekun' | 'dis_living'; status?: 'active' | 'suspended' | 'terminated'; dueOn: string; amountFen?: number }) {
  const [h] = await db.execute<{ id: string }>(sql`
    insert into households (village_code, township_code, county_code, address, kind)
    values (${village}, ${township}, '141130', '复核测试 1 号', 'rural') returning id`);
  const householdId = (h as { id: string }).id;
  const id = idNumber();
  const [m] = await db.execute<{ id: string }>(sql`
    insert into members (household_id, name, id_number, birth_date, sex, relation, is_head)
    values (${householdId}, '复核户主', ${id}, '1986-03-04', ${Number(id[16]) % 2 ? '男' : '女'}, '本人', true) returning id`);
  const memberId = (m as { id: string }).id;
  const program = opts.program ?? 'dibao';
  const [e] = await db
    .insert(enrollments)
    .values({
      program,
      householdId,
      memberId: program === 'dibao' ? null : memberId,
      status: opts.status ?? 'active',
      countyCode: '141130',
      townshipCode: township,
      villageCode: village,
      startMonth: '2020-01',
      nextReviewOn: opts.dueOn,
      reviewCycle: 'stable',
    })
    .returning({ id: enrollments.id });
  await db.insert(enrollmentAmounts).values({ enrollmentId: e!.id, effectiveMonth: '2020-01', amountFen: opts.amountFen ?? 30_000, components: {} });
  await db.execute(sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) values (${e!.id}, ${memberId}, ${id}, ${program !== 'dis_living'})`);
  return { enrollmentId: e!.id, householdId };
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

const visit = (reviewId: string, version: number, over: Record<string, unknown> = {}) =>
  recordReviewSchema.parse({ reviewId, version, visitedOn: '2026-11-30', investigator1: '王复核', investigator2: '李复核', findings: '入户查看，家庭情况与上次复核一致', reviewCycle: 'stable', outcome: 'keep', ...over });

async function reviewOf(enrollmentId: string) {
  const [r] = await db.select().from(reviews).where(and(eq(reviews.enrollmentId, enrollmentId))).orderBy(sql`${reviews.createdAt} desc`).limit(1);
  return r!;
}

async function enrollmentRow(id: string) {
  const [e] = await db.select().from(enrollments).where(eq(enrollments.id, id));
  return e!;
}

beforeAll(async () => {
  db = await appDb();
  const [t] = await db.select().from(regions).where(and(eq(regions.countyCode, '141130'), eq(regions.level, 'township'))).orderBy(sql`${regions.code} desc`).limit(1);
  township = t!.code;
  const [v] = await db.select().from(regions).where(and(eq(regions.parentCode, township), eq(regions.level, 'village'))).orderBy(regions.code).limit(1);
  village = v!.code;
  const admin = await signedIn('admin');
  const { createUser } = await import('@/lib/users/create-user');
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const make = async (role: 'caseworker' | 'supervisor', regionCode: string, name: string) => {
    const username = `rv-${role}-${regionCode}-${tag}`;
    await createUser(admin, { username, name, role, regionCode, password: 'Review#2026x' });
    await passwordChosen(username);
    return signedIn(username);
  };
  townshipCw = await make('caseworker', township, '乡镇复核员');
  countySupervisor = await signedIn('supervisor');
  otherCountySupervisor = await make('supervisor', '141127', '岚县审批人');
});

describe('a township’s review batch', () => {
  it('takes every dibao and 特困 review due by the month’s end, once, and adds only what fell due since', async () => {
    const due = await onRoll({ dueOn: `${month}-05` });
    const overdue = await onRoll({ program: 'tekun', status: 'suspended', dueOn: addMonthsToMonth(month, -2) + '-10' });
    const later = await onRoll({ dueOn: `${addMonthsToMonth(month, 1)}-01` });
    const ended = await onRoll({ status: 'terminated', dueOn: `${month}-01` });
    const subsidy = await onRoll({ program: 'dis_living', dueOn: `${month}-01` });

    const first = await createBatch(townshipCw, { townshipCode: township, month });
    const inBatch = await db.select({ enrollmentId: reviews.enrollmentId }).from(reviews).where(eq(reviews.batchId, first.batchId));
    const ids = inBatch.map((r) => r.enrollmentId);
    expect(ids).toContain(due.enrollmentId);
    expect(ids).toContain(overdue.enrollmentId);
    for (const e of [later, ended, subsidy]) expect(ids).not.toContain(e.enrollmentId);

    const again = await createBatch(townshipCw, { townshipCode: township, month });
    expect(again).toEqual({ batchId: first.batchId, added: 0 });
    const fresh = await onRoll({ dueOn: `${month}-20` });
    expect(await createBatch(countySupervisor, { townshipCode: township, month })).toEqual({ batchId: first.batchId, added: 1 });
    expect((await reviewOf(fresh.enrollmentId)).batchId).toBe(first.batchId);

    // Next month's batch takes the one due then, and none of this month's still open.
    const next = await createBatch(townshipCw, { townshipCode: township, month: addMonthsToMonth(month, 1) });
    const nextIds = (await db.select({ enrollmentId: reviews.enrollmentId }).from(reviews).where(eq(reviews.batchId, next.batchId))).map((r) => r.enrollmentId);
    expect(nextIds).toContain(later.enrollmentId);
    expect(nextIds).not.toContain(due.enrollmentId);

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'review.batch_create'), eq(auditLog.entityId, first.batchId))).limit(1);
    expect(audit?.regionCode).toBe(township);

    const listed = await listBatches(countySupervisor, month);
    const row = listed.find((b) => b.id === first.batchId)!;
    expect(row.total).toBeGreaterThanOrEqual(3);
    expect(row.overdue).toBeGreaterThanOrEqual(1);
  });

  it('refuses a month too far ahead at its field, and a township outside the user’s county as not found', async () => {
    const far = await refusal(createBatch(townshipCw, { townshipCode: township, month: addMonthsToMonth(month, 2) }));
    expect(far.fieldErrors.month).toContain(addMonthsToMonth(month, 1));
    const outside = await refusal(createBatch(otherCountySupervisor, { townshipCode: township, month }));
    expect(outside.code).toBe('not_found');
    await expect(listBatches(otherCountySupervisor, month)).resolves.toEqual([]);
  });

  it('assigns to the township’s staff only; 全部未分派 takes every open one nobody has', async () => {
    await onRoll({ dueOn: `${month}-03` });
    const { batchId } = await createBatch(townshipCw, { townshipCode: township, month });
    const batch = await getBatch(townshipCw, batchId);
    const stranger = await refusal(assignReviews(countySupervisor, { batchId, scope: 'unassigned', reviewIds: [], assigneeId: otherCountySupervisor.id }));
    expect(stranger.fieldErrors.assigneeId).toBe('调查人须是负责该乡镇（街道）的经办人员或审核审批人员');
    const one = batch.reviews[0]!;
    expect(await assignReviews(countySupervisor, { batchId, scope: 'selected', reviewIds: [one.id], assigneeId: countySupervisor.id })).toEqual({ assigned: 1 });
    const rest = await assignReviews(countySupervisor, { batchId, scope: 'unassigned', reviewIds: [], assigneeId: townshipCw.id });
    expect(rest.assigned).toBe(batch.reviews.filter((r) => r.state === 'open' && !r.assignedTo).length - 1);
    const after = await getBatch(countySupervisor, batchId);
    expect(after.reviews.find((r) => r.id === one.id)?.assigneeName).toBe(countySupervisor.name);
    expect(after.reviews.filter((r) => r.state === 'open').every((r) => r.assignedTo)).toBe(true);
    const outside = await refusal(getBatch(otherCountySupervisor, batchId));
    expect(outside.code).toBe('not_found');
  });
});

describe('a review visit', () => {
  async function batched(opts: Parameters<typeof onRoll>[0]) {
    const e = await onRoll(opts);
    await createBatch(townshipCw, { townshipCode: township, month });
    return { ...e, review: await reviewOf(e.enrollmentId) };
  }

  it('维持 closes the review and moves the next review on from the visit: 6 months unstable, 12 stable, 12 for 特困', async () => {
    const unstable = await batched({ dueOn: `${month}-02` });
    const out = await recordReview(townshipCw, visit(unstable.review.id, unstable.review.version, { reviewCycle: 'unstable' }));
    expect(out).toEqual({ outcome: 'keep', nextReviewOn: '2027-05-30', changeId: null });
    const r = await reviewOf(unstable.enrollmentId);
    expect(r).toMatchObject({ state: 'closed', outcome: 'keep', closedOn: today, nextReviewOn: '2027-05-30', visitedOn: '2026-11-30', investigators: ['王复核', '李复核'] });
    expect(await enrollmentRow(unstable.enrollmentId)).toMatchObject({ nextReviewOn: '2027-05-30', reviewCycle: 'unstable' });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'review.record'), eq(auditLog.entityId, r.id)));
    expect(audit).toHaveLength(1);

    const stable = await batched({ dueOn: `${month}-02` });
    await recordReview(townshipCw, visit(stable.review.id, stable.review.version));
    expect((await enrollmentRow(stable.enrollmentId)).nextReviewOn).toBe('2027-11-30');

    const tekun = await batched({ program: 'tekun', dueOn: `${month}-02` });
    await recordReview(townshipCw, visit(tekun.review.id, tekun.review.version, { reviewCycle: 'unstable' }));
    expect(await enrollmentRow(tekun.enrollmentId)).toMatchObject({ nextReviewOn: '2027-11-30', reviewCycle: 'stable' });

    // Closed is closed: a second record is refused, and the enrollment is no longer overdue.
    const again = await refusal(recordReview(townshipCw, visit(stable.review.id, stable.review.version + 1)));
    expect(again.fieldErrors.outcome).toBe('该复核已登记结果，不能再修改');
  });

  it('重新核算 up proposes ¥402.00 and waits for the supervisor; approval closes the review a year on', async () => {
    const up = await batched({ dueOn: `${month}-02`, amountFen: 30_000 });
    const out = await recordReview(townshipCw, visit(up.review.id, up.review.version, { outcome: 'recompute', effectiveMonth: addMonthsToMonth(month, 1) }));
    expect(out.outcome).toBe('recompute');
    const [change] = await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.id, out.changeId!));
    expect(change).toMatchObject({ kind: 'recompute', amountFen: 40_200, state: 'proposed', effectiveMonth: addMonthsToMonth(month, 1) });
    expect(change!.reason).toBe('定期复核：入户查看，家庭情况与上次复核一致');
    expect(await reviewOf(up.enrollmentId)).toMatchObject({ state: 'awaiting_decision', outcome: 'recompute', changeId: change!.id });
    await decideChange(countySupervisor, { changeId: change!.id, decision: 'approve' });
    const closed = await reviewOf(up.enrollmentId);
    const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect(closed).toMatchObject({ state: 'closed', closedBy: countySupervisor.id, nextReviewOn: yearOn });
    expect((await enrollmentRow(up.enrollmentId)).nextReviewOn).toBe(yearOn);
  });

  it('减发 needs the recipient’s hearing; a rejected change still closes the review and moves the next one', async () => {
    const down = await batched({ dueOn: `${month}-02`, amountFen: 50_000 });
    const input = { outcome: 'recompute', effectiveMonth: addMonthsToMonth(month, 1) };
    const noHearing = await refusal(recordReview(townshipCw, visit(down.review.id, down.review.version, input)));
    expect(noHearing.fieldErrors.hearingNote).toBeTruthy();
    expect(await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.enrollmentId, down.enrollmentId))).toEqual([]);
    expect((await reviewOf(down.enrollmentId)).state).toBe('open');

    const out = await recordReview(townshipCw, visit(down.review.id, down.review.version, { ...input, hearingNote: '已告知减发理由，本人无异议' }));
    expect(out.outcome).toBe('reduce');
    await decideChange(countySupervisor, { changeId: out.changeId!, decision: 'reject', reason: '收入材料不全，维持原金额' });
    const closed = await reviewOf(down.enrollmentId);
    const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect(closed).toMatchObject({ state: 'closed', outcome: 'reduce', nextReviewOn: yearOn });
    expect((await enrollmentRow(down.enrollmentId)).nextReviewOn).toBe(yearOn);
    const amounts = await db.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, down.enrollmentId));
    expect(amounts.map((a) => a.amountFen)).toEqual([50_000]);
  });

  it('a recompute that comes out the same closes as 维持 and proposes nothing', async () => {
    const same = await batched({ dueOn: `${month}-02`, amountFen: 40_200 });
    const out = await recordReview(townshipCw, visit(same.review.id, same.review.version, { outcome: 'recompute', effectiveMonth: addMonthsToMonth(month, 1) }));
    expect(out).toEqual({ outcome: 'keep', nextReviewOn: '2027-11-30', changeId: null });
    expect(await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.enrollmentId, same.enrollmentId))).toEqual([]);
    expect((await reviewOf(same.enrollmentId)).state).toBe('closed');
  });

  it('终止 needs a reason code and the hearing; approved, the roll ends and the review closes with no next date', async () => {
    const stop = await batched({ dueOn: `${month}-02` });
    const parsed = recordReviewSchema.safeParse({ reviewId: stop.review.id, version: 1, visitedOn: '2026-11-30', investigator1: '王复核', investigator2: '李复核', findings: '家庭已有稳定收入', reviewCycle: 'stable', outcome: 'stop', effectiveMonth: addMonthsToMonth(month, 1) });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['reasonCode', 'hearingNote']));
    const out = await recordReview(townshipCw, visit(stop.review.id, stop.review.version, { outcome: 'stop', effectiveMonth: addMonthsToMonth(month, 1), reasonCode: 'income_rose', hearingNote: '已告知终止理由' }));
    expect(out.outcome).toBe('stop');
    await decideChange(countySupervisor, { changeId: out.changeId!, decision: 'approve' });
    expect(await reviewOf(stop.enrollmentId)).toMatchObject({ state: 'closed', outcome: 'stop', nextReviewOn: null });
    expect((await enrollmentRow(stop.enrollmentId)).status).toBe('terminated');
  });

  it('refuses a visit in the future or before the roll began, and the same investigator twice; nothing changes', async () => {
    const r = await batched({ dueOn: `${month}-02` });
    const future = await refusal(recordReview(townshipCw, visit(r.review.id, r.review.version, { visitedOn: `${Number(today.slice(0, 4)) + 1}-01-01` })));
    expect(future.fieldErrors.visitedOn).toBe('复核日期不能晚于今天');
    const early = await refusal(recordReview(townshipCw, visit(r.review.id, r.review.version, { visitedOn: '2019-12-31' })));
    expect(early.fieldErrors.visitedOn).toBe('复核日期不能早于保障开始月份（2020-01）');
    const twice = recordReviewSchema.safeParse({ reviewId: r.review.id, version: 1, visitedOn: '2026-11-30', investigator1: '王复核', investigator2: '王复核', findings: '入户查看情况', reviewCycle: 'stable', outcome: 'keep' });
    expect(twice.error?.issues.find((i) => i.path[0] === 'investigator2')?.message).toBe('入户复核须由两名不同的工作人员进行');
    expect(await reviewOf(r.enrollmentId)).toMatchObject({ state: 'open', visitedOn: null });
    expect((await enrollmentRow(r.enrollmentId)).nextReviewOn).toBe(`${month}-02`);
    const outside = await refusal(recordReview(otherCountySupervisor, visit(r.review.id, r.review.version)));
    expect(outside.code).toBe('not_found');
    await expect(getReview(otherCountySupervisor, r.review.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('lists overdue reviews by township for the county, and one leaves the list once its review closes', async () => {
    const late = await batched({ dueOn: addMonthsToMonth(month, -3) + '-15' });
    const before = await overdueReviews(countySupervisor);
    expect(before.level).toBe('township');
    expect(before.list.map((e) => e.id)).toContain(late.enrollmentId);
    const mine = before.groups.find((g) => g.code === township)!;
    await recordReview(townshipCw, visit(late.review.id, late.review.version));
    const after = await overdueReviews(countySupervisor);
    expect(after.list.map((e) => e.id)).not.toContain(late.enrollmentId);
    expect(after.groups.find((g) => g.code === township)?.count ?? 0).toBe(mine.count - 1);
    const city = await overdueReviews(await signedIn('auditor'));
    expect(city.level).toBe('county');
  });
});

describe('the monthly notice', () => {
  it('counts a township’s reviews due, done and overdue in the month', async () => {
    const { monthlyNotice } = await import('@/lib/reports/monthly-notice');
    const { monthEnd } = await import('@/lib/reviews/batch');
    // The second-to-last township of 交口县: this test alone writes there.
    const [, t2] = await db.select().from(regions).where(and(eq(regions.countyCode, '141130'), eq(regions.level, 'township'))).orderBy(sql`${regions.code} desc`).limit(2);
    const [v2] = await db.select().from(regions).where(and(eq(regions.parentCode, t2!.code), eq(regions.level, 'village'))).limit(1);
    const saved = { township, village };
    township = t2!.code;
    village = v2!.code;
    try {
      const last = monthEnd(month);
      const keptDue = `${month}-01`;
      const e1 = await onRoll({ dueOn: keptDue }); // due this month, visited and kept: due, done
      const e2 = await onRoll({ dueOn: `${addMonthsToMonth(month, -1)}-15` }); // last month's, still open: overdue
      await onRoll({ dueOn: last }); // due at the month's end, not in a batch yet: due
      await onRoll({ dueOn: `${addMonthsToMonth(month, 1)}-01` }); // next month's: nothing
      await createBatch(countySupervisor, { townshipCode: township, month });
      const r1 = await reviewOf(e1.enrollmentId);
      await recordReview(countySupervisor, visit(r1.id, r1.version));
      expect((await reviewOf(e2.enrollmentId)).state).toBe('open');

      const notice = await monthlyNotice(countySupervisor, month);
      const area = notice.counties.flatMap((c) => c.townships).find((t) => t.code === township)!;
      expect(area.reviews).toEqual({ due: 2, done: 1, overdue: today === last ? 2 : 1 });
    } finally {
      township = saved.township;
      village = saved.village;
    }
  });
});
