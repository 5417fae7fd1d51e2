// Withdrawing (撤销) a 补发 or 扣回: kept and audited with its reason, refused once an approved run
// took it, and dropped from a draft by regeneration (which its approval waits for).
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payoutAdjustments } from '@/db/schema';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { householdAdjustments } from '@/lib/payouts/adjustment-queries';
import { approveRun } from '@/lib/payouts/approve-run';
import { cancelAdjustment } from '@/lib/payouts/cancel-adjustment';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, signedIn } from './support/app';
import { clearCounty, COUNTY, countyStaff, enroll, linesOf, rows } from './support/payouts';
import { refusal } from './support/temp-aid';

let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
});
beforeEach(async () => clearCounty(await appDb()));

async function adjustmentOf(id: string) {
  const db = await appDb();
  const [a] = await db.select().from(payoutAdjustments).where(eq(payoutAdjustments.id, id));
  return a!;
}

async function cancelAudits(id: string) {
  const db = await appDb();
  return rows<{ entity: string; actor_id: string; reason: string }>(
    await db.execute(sql`select entity, actor_id, reason from audit_log where action = 'payout.adjustment_cancel' and after->>'adjustmentId' = ${id} order by id`),
  );
}

async function version(runId: string): Promise<number> {
  const db = await appDb();
  const [r] = rows<{ version: number }>(await db.execute(sql`select version from payout_runs where id = ${runId}`));
  return r!.version;
}

const arrears = (enrollmentId: string, startMonth: string, forMonth: string) =>
  ({ enrollmentId, kind: 'arrears', startMonth, forMonth, amount: 50_000, reason: '系统故障漏发' }) as const;

describe('withdrawing a 补发 or 扣回', () => {
  it('before any run: kept as cancelled with who and when, audited with its reason, and no run pays it', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 50_000, startMonth: '2020-01' });
    const { id } = await addAdjustment(staff.caseworker, arrears(e.enrollmentId, '2025-02', '2025-01'));

    const done = await cancelAdjustment(staff.caseworker, { adjustmentId: id, reason: '金额录入错误，重新登记' });
    expect(done.id).toBe(id);
    expect(await adjustmentOf(id)).toMatchObject({ cancelledBy: staff.caseworker.id, cancelledAt: expect.any(Date), totalFen: 50_000 });
    expect((await cancelAudits(id)).map((a) => [a.entity, a.actor_id, a.reason])).toEqual([
      ['payout_adjustment', staff.caseworker.id, '金额录入错误，重新登记'],
      ['household', staff.caseworker.id, '金额录入错误，重新登记'],
    ]);
    const [listed] = await householdAdjustments(staff.supervisor, e.householdId);
    expect(listed).toMatchObject({ id, open: false, cancelledByName: staff.caseworker.name, cancelReason: '金额录入错误，重新登记', takenMonths: [] });

    const again = await refusal(cancelAdjustment(staff.caseworker, { adjustmentId: id, reason: '再次撤销' }));
    expect(again.fieldErrors._form).toBe('该补发已撤销');

    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2025-02' });
    expect((await linesOf(db, runId)).filter((l) => l.kind === 'arrears')).toEqual([]);
    // Withdrawn arrears do not count as the month already paid: the right ones can be entered.
    await expect(addAdjustment(staff.caseworker, { ...arrears(e.enrollmentId, '2025-03', '2025-01'), amount: 40_000 })).resolves.toMatchObject({ id: expect.any(String) });
  });

  it('is refused once an approved run has taken any of it, and nothing changes', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 50_000, startMonth: '2020-01' });
    const { id } = await addAdjustment(staff.caseworker, { enrollmentId: e.enrollmentId, kind: 'recovery', startMonth: '2025-04', amount: 30_000, perMonth: 10_000, floor: 0, reason: '重复领取追回' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2025-04' });
    expect((await linesOf(db, runId)).filter((l) => l.kind === 'recovery' && l.source_id === id).map((l) => l.amount_fen)).toEqual([-10_000]);
    await approveRun(staff.supervisor, { runId, version: await version(runId) });

    const refused = await refusal(cancelAdjustment(staff.caseworker, { adjustmentId: id, reason: '户主已一次性退回' }));
    expect(refused.fieldErrors._form).toBe('该扣回已计入 2025-04 发放批次（已审批），不能撤销；如需更正，请另行登记补发或扣回');
    expect(await adjustmentOf(id)).toMatchObject({ cancelledBy: null, cancelledAt: null });
    expect(await cancelAudits(id)).toEqual([]);
    expect((await householdAdjustments(staff.caseworker, e.householdId))[0]).toMatchObject({ open: false, takenMonths: ['2025-04'], cancelledAt: null });
  });

  it('answers a user outside the enrollment’s region, or without the permission, as if it did not exist', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 50_000, startMonth: '2020-01' });
    const { id } = await addAdjustment(staff.caseworker, arrears(e.enrollmentId, '2025-06', '2025-05'));
    for (const username of ['caseworker', 'supervisor', 'auditor']) {
      // 交口县 staff, and an auditor of the city (who reads but never changes)
      const e2 = await refusal(cancelAdjustment(await signedIn(username), { adjustmentId: id, reason: '越权撤销尝试' }));
      expect(e2.code, username).toBe('not_found');
    }
    expect((await refusal(cancelAdjustment(staff.caseworker, { adjustmentId: '00000000-0000-4000-8000-000000000000', reason: '不存在的调整' }))).code).toBe('not_found');
    expect(await adjustmentOf(id)).toMatchObject({ cancelledAt: null });
    expect(await cancelAudits(id)).toEqual([]);
  });

  it('taken only by a draft: allowed; the draft cannot be approved until regeneration drops the line', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 50_000, startMonth: '2020-01' });
    const { id } = await addAdjustment(staff.caseworker, arrears(e.enrollmentId, '2025-08', '2025-07'));
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2025-08' });
    const held = async () => (await linesOf(db, runId)).filter((l) => l.kind === 'arrears' && l.source_id === id);
    expect(await held()).toHaveLength(1);

    await cancelAdjustment(staff.supervisor, { adjustmentId: id, reason: '该月已线下补发' });
    expect(await adjustmentOf(id)).toMatchObject({ cancelledBy: staff.supervisor.id });
    const refused = await refusal(approveRun(staff.supervisor2, { runId, version: await version(runId) }));
    expect(refused.fieldErrors._form).toBe('批次中有已撤销的补发或扣回，请先重新生成批次再审批');

    await regenerateRun(staff.caseworker, { runId });
    expect(await held()).toEqual([]);
    await approveRun(staff.supervisor2, { runId, version: await version(runId) });
    expect((await householdAdjustments(staff.caseworker, e.householdId))[0]).toMatchObject({ id, takenMonths: [], open: false });
  });
});
