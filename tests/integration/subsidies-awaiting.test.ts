// A disability subsidy proposed at a decision and not yet confirmed pays nothing; it must never
// be dropped in silence: it is on the supervisor's list and named beside the run it is not in.
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmSubsidy } from '@/lib/enrollments/confirm-subsidy';
import { listSubsidiesAwaitingConfirmation } from '@/lib/enrollments/queries';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, signedIn } from './support/app';
import { COUNTY, countyStaff, enroll, linesOf } from './support/payouts';

let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
});

describe('disability subsidies awaiting confirmation', () => {
  it('are listed for the county, beside the run they are not in, until confirmed; then the run takes them', async () => {
    const db = await appDb();
    const care = await enroll(db, { program: 'dis_care', status: 'proposed', amountFen: 5_000, startMonth: '2015-05' });

    const listed = await listSubsidiesAwaitingConfirmation(staff.supervisor);
    expect(listed.find((s) => s.id === care.enrollmentId)).toMatchObject({ program: 'dis_care', amountFen: 5_000, startMonth: '2015-05', headName: '测试户主' });
    // For a run: those that would pay in its month, not those that start later.
    expect((await listSubsidiesAwaitingConfirmation(staff.supervisor, { countyCode: COUNTY, month: '2015-05' })).map((s) => s.id)).toContain(care.enrollmentId);
    expect((await listSubsidiesAwaitingConfirmation(staff.supervisor, { countyCode: COUNTY, month: '2015-04' })).map((s) => s.id)).not.toContain(care.enrollmentId);
    // Nothing of it outside the region.
    expect((await listSubsidiesAwaitingConfirmation(await signedIn('supervisor'))).map((s) => s.id)).not.toContain(care.enrollmentId);

    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2015-05' });
    expect((await linesOf(db, runId)).filter((l) => l.enrollment_id === care.enrollmentId)).toEqual([]);

    await confirmSubsidy(staff.supervisor, { enrollmentId: care.enrollmentId, version: 1, confirm: true });
    expect((await listSubsidiesAwaitingConfirmation(staff.supervisor)).map((s) => s.id)).not.toContain(care.enrollmentId);
    await regenerateRun(staff.caseworker, { runId });
    expect((await linesOf(db, runId)).filter((l) => l.enrollment_id === care.enrollmentId).map((l) => [l.kind, l.amount_fen])).toEqual([['enrollment', 5_000]]);
  });
});
