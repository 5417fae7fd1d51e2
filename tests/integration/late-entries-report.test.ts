import { describe, expect, it } from 'vitest';
import { createApplication } from '@/lib/applications/create-application';
import { acceptApplication } from '@/lib/applications/steps';
import { listLateEntries } from '@/lib/late-entries/queries';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { noticeBlocks, noticeColumns } from '@/lib/reports/notice-columns';
import { createUser } from '@/lib/users/create-user';
import { appDb, insertHousehold, signedIn, passwordChosen } from './support/app';

// Clock-independent: the late entry is entered on a stated day of November 2026.
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

/** A 受理 of 2 November entered on 16 November (10 working days late), in 交口县 康城镇. */
async function lateAcceptance(): Promise<string> {
  const caseworker = await signedIn('caseworker');
  const householdId = await insertHousehold(await appDb());
  const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, at('2026-11-02'));
  await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: '2026-11-02', missingDocuments: [], lateReason: '纸质材料集中补录' }, at('2026-11-16'));
  return id;
}

describe('the late-entry list and the monthly notice', () => {
  it('shows the auditor a late entry by township, caseworker and month, and hides it from another county', async () => {
    const id = await lateAcceptance();
    const [auditor, supervisor, caseworker] = await Promise.all([signedIn('auditor'), signedIn('supervisor'), signedIn('caseworker')]);
    const filter = { township: '141130101', recordedBy: caseworker.id, month: '2026-11' };
    const found = await listLateEntries(auditor, filter);
    expect(found.rows.find((r) => r.entityId === id)).toMatchObject({ step: 'accept', statedOn: '2026-11-02', recordedOn: '2026-11-16', workingDaysLate: 10, townshipName: '康城镇', recorderName: '王晓梅' });
    expect(found.summary.find((s) => s.month === '2026-11' && s.recordedBy === caseworker.id && s.townshipCode === '141130101')?.count).toBe(found.rows.length);
    // The county's supervisor sees it too; other months and other caseworkers filter it out.
    expect((await listLateEntries(supervisor, filter)).rows.map((r) => r.entityId)).toContain(id);
    expect((await listLateEntries(auditor, { ...filter, month: '2026-10' })).rows.map((r) => r.entityId)).not.toContain(id);
    expect((await listLateEntries(auditor, { ...filter, recordedBy: supervisor.id })).rows.map((r) => r.entityId)).not.toContain(id);

    const admin = await signedIn('admin');
    const username = `fangshan-sup-${Date.now()}`;
    await createUser(admin, { username, name: '方山县审批', role: 'supervisor', regionCode: '141128', password: 'Fangshan#2026' });
    await passwordChosen(username);
    const other = await signedIn(username);
    expect((await listLateEntries(other, {})).rows.map((r) => r.entityId)).not.toContain(id);
    // Caseworkers do not get the list at all (it answers like a missing page).
    await expect(listLateEntries(caseworker, {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts the late entries entered in the month per county and township in the 月通报', async () => {
    const auditor = await signedIn('auditor');
    const count = async () => {
      const notice = await monthlyNotice(auditor, '2026-11');
      const county = notice.counties.find((c) => c.code === '141130');
      return { scope: notice.scope.lateEntries, county: county?.lateEntries ?? 0, township: county?.townships.find((t) => t.code === '141130101')?.lateEntries ?? 0 };
    };
    const before = await count();
    await lateAcceptance();
    await lateAcceptance();
    const after = await count();
    expect(after).toEqual({ scope: before.scope + 2, county: before.county + 2, township: before.township + 2 });

    // The column of the page, print layout and XLSX shows it on the county's total row.
    const notice = await monthlyNotice(auditor, '2026-11');
    const block = noticeBlocks(notice).main.find((b) => b.area.code === '141130')!;
    const column = noticeColumns.find((c) => c.header === '本月录入')!;
    expect(column.value(block.area.total, block.area)).toBe(after.county);
    expect(column.href?.(block.area.total, block.place)).toBe('/reports/late-entries?month=2026-11&county=141130');
  });
});
