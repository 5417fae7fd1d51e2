// Separation of duties along the money path: every maker of a run (whoever started it,
// regenerated it, or had a 补发 / 扣回 taken into it) is kept on the run, and none may approve it.
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { approveRun } from '@/lib/payouts/approve-run';
import { getRun } from '@/lib/payouts/queries';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import type { SessionUser } from '@/lib/auth/types';
import { appDb, signedIn, passwordChosen } from './support/app';
import { clearCounty, COUNTY, countyStaff, enroll, rows } from './support/payouts';

let staff: Awaited<ReturnType<typeof countyStaff>>;
let supervisor3: SessionUser;
beforeAll(async () => {
  staff = await countyStaff();
  const { createUser } = await import('@/lib/users/create-user');
  const username = `lx-sc-${Date.now().toString(36)}`;
  await createUser(await signedIn('admin'), { username, name: '岚县审批丙', role: 'supervisor', regionCode: COUNTY, password: 'Lanxian#2026' });
  await passwordChosen(username);
  supervisor3 = await signedIn(username);
});
beforeEach(async () => clearCounty(await appDb()));

async function versionOf(runId: string): Promise<number> {
  const [r] = rows<{ version: number }>(await (await appDb()).execute(sql`select version from payout_runs where id = ${runId}`));
  return r!.version;
}

const samePerson = (message: string) => ({ code: 'same_person', fieldErrors: { _form: message } });
const MAKER = '生成或重新生成发放批次的人不能审批同一批次';

describe('who may approve a run', () => {
  it('refuses the supervisor who generated it first even after a caseworker regenerated it', async () => {
    await enroll(await appDb(), { amountFen: 50_000, startMonth: '2018-01' });
    const { runId } = await startRun(staff.supervisor, { countyCode: COUNTY, month: '2018-02' });
    await regenerateRun(staff.caseworker, { runId });
    const version = await versionOf(runId);

    await expect(approveRun(staff.supervisor, { runId, version })).rejects.toMatchObject(samePerson(MAKER));
    await expect(approveRun(staff.caseworker, { runId, version })).rejects.toMatchObject({ code: 'not_found' }); // not a supervisor at all
    // The page does not offer the button to either maker, and says why.
    expect((await getRun(staff.supervisor, runId))?.approvalBlock).toBe(MAKER);
    expect((await getRun(staff.supervisor2, runId))?.approvalBlock).toBeNull();
    await expect(approveRun(staff.supervisor2, { runId, version })).resolves.toEqual({ state: 'approved' });
  });

  it('refuses both supervisors who generated it in turn; a third approves', async () => {
    await enroll(await appDb(), { amountFen: 50_000, startMonth: '2018-03' });
    const { runId } = await startRun(staff.supervisor, { countyCode: COUNTY, month: '2018-04' });
    await regenerateRun(staff.supervisor2, { runId });
    const version = await versionOf(runId);
    await expect(approveRun(staff.supervisor, { runId, version })).rejects.toMatchObject(samePerson(MAKER));
    await expect(approveRun(staff.supervisor2, { runId, version })).rejects.toMatchObject(samePerson(MAKER));
    await expect(approveRun(supervisor3, { runId, version })).resolves.toEqual({ state: 'approved' });
  });

  it('refuses the author of an adjustment the run holds; another supervisor approves', async () => {
    const e = await enroll(await appDb(), { amountFen: 50_000, startMonth: '2018-05' });
    await addAdjustment(staff.supervisor2, { enrollmentId: e.enrollmentId, kind: 'arrears', startMonth: '2018-06', forMonth: '2018-05', amount: 20_000, reason: '漏发补发' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2018-06' });
    const version = await versionOf(runId);
    await expect(approveRun(staff.supervisor2, { runId, version })).rejects.toMatchObject(
      samePerson('批次中有您本人录入的补发或扣回，须由其他审核审批人审批'),
    );
    expect((await getRun(staff.supervisor2, runId))?.approvalBlock).toBe('批次中有您本人录入的补发或扣回，须由其他审核审批人审批');
    await expect(approveRun(staff.supervisor, { runId, version })).resolves.toEqual({ state: 'approved' });
  });
});
