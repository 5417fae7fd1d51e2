// Separation of duties after approval: the county's finance staff (资金发放员) send an approved run
// to the bank and import the bank's answer; those who prepare or approve runs do neither, and
// whoever approved or made a run may not record what the bank paid on it, whatever role they hold now.
import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { importReturn } from '@/lib/payouts/import-return';
import { startRun } from '@/lib/payouts/start-run';
import { updateUser } from '@/lib/users/update-user';
import { appDb, signedIn, passwordChosen } from './support/app';
import { clearCounty, COUNTY, countyStaff, enroll, rows, textOf } from './support/payouts';

let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
});
beforeEach(async () => clearCounty(await appDb()));

async function approvedRun(month: string) {
  const db = await appDb();
  await enroll(db, { amountFen: 245_200, startMonth: '2012-01', persons: 5 });
  const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
  const [r] = rows<{ version: number }>(await db.execute(sql`select version from payout_runs where id = ${runId}`));
  await approveRun(staff.supervisor, { runId, version: r!.version });
  return runId;
}

/** The bank's answer to every row of the bank file: paid. */
async function paidAnswer(runId: string): Promise<{ name: string; text: string }> {
  const { stream } = await exportBankFile(staff.finance, runId, 'csv');
  const data = (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1, -1).map((l) => l.split(','));
  return { name: 'return.csv', text: ['序号,账号,金额,结果,原因', ...data.map((r) => `${r[0]},${r[5]},${r[6]},成功,`)].join('\r\n') };
}

async function stateOf(runId: string): Promise<string> {
  const [r] = rows<{ state: string }>(await (await appDb()).execute(sql`select state from payout_runs where id = ${runId}`));
  return r!.state;
}

describe('the money path after approval', () => {
  it('lets the county’s finance export the bank file and import the return, and no caseworker or supervisor', async () => {
    const runId = await approvedRun('2012-02');
    for (const who of [staff.caseworker, staff.supervisor, staff.supervisor2]) {
      await expect(exportBankFile(who, runId, 'csv'), `${who.role} exporting`).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await stateOf(runId), 'a refused export leaves the run as it was').toBe('approved');
    // Finance of another county sees no such run.
    const admin = await signedIn('admin');
    const { createUser } = await import('@/lib/users/create-user');
    const username = `fin-141128-${Date.now().toString(36)}`;
    await createUser(admin, { username, name: '方山县发放员', role: 'finance', regionCode: '141128', password: 'Fangshan#2026' });
    await passwordChosen(username);
    await expect(exportBankFile(await signedIn(username), runId, 'csv')).rejects.toMatchObject({ code: 'not_found' });

    const answer = await paidAnswer(runId); // the positive control: finance gets it
    expect(await stateOf(runId)).toBe('exported');
    for (const who of [staff.caseworker, staff.supervisor, staff.supervisor2]) {
      await expect(importReturn(who, runId, answer), `${who.role} importing`).rejects.toMatchObject({ code: 'not_found' });
    }
    expect(await stateOf(runId), 'a refused import records nothing').toBe('exported');
    expect(await importReturn(staff.finance, runId, answer)).toMatchObject({ ok: true, paidCount: 1, reconciled: true });
    expect(await stateOf(runId)).toBe('reconciled');
  });

  it('refuses the return file to the run’s approver turned finance, and to its maker, as same_person', async () => {
    const runId = await approvedRun('2012-03');
    const answer = await paidAnswer(runId);
    const admin = await signedIn('admin');
    // The approver and the caseworker who generated the run move to finance (their sessions end; they sign in again).
    for (const who of [staff.supervisor, staff.caseworker]) {
      await updateUser(admin, { userId: who.id, role: 'finance', regionCode: COUNTY, active: true, reason: '调任资金发放岗位' });
    }
    const approverNow = await signedIn(staff.supervisor.username);
    const makerNow = await signedIn(staff.caseworker.username);
    expect([approverNow.role, makerNow.role]).toEqual(['finance', 'finance']);
    await expect(importReturn(approverNow, runId, answer)).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { _form: '审批本批次的人不能导入它的银行回盘，须由其他资金发放员办理' },
    });
    await expect(importReturn(makerNow, runId, answer)).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { _form: '生成本批次的人不能导入它的银行回盘，须由其他资金发放员办理' },
    });
    expect(await stateOf(runId)).toBe('exported');
    // Another finance officer of the county may (the probe could have succeeded).
    expect(await importReturn(staff.finance, runId, answer)).toMatchObject({ ok: true, reconciled: true });
    // Back to their own roles for the rest of the file.
    await updateUser(admin, { userId: staff.supervisor.id, role: 'supervisor', regionCode: COUNTY, active: true, reason: '回到审批岗位' });
    await updateUser(admin, { userId: staff.caseworker.id, role: 'caseworker', regionCode: COUNTY, active: true, reason: '回到经办岗位' });
  });
});
