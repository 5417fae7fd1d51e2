import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, policyStandards, workCalendar } from '@/db/schema';
import { addStandard } from '@/lib/policy/add-standard';
import { removeCalendarDay, setCalendarDay } from '@/lib/policy/calendar';
import { listCountyStandardsBelowCity } from '@/lib/policy/queries';
import { dibaoMonthlyStandard } from '@/lib/policy/standards';
import { annualToMonthlyFen } from '@/lib/programs/rounding';
import { appDb, signedIn } from './support/app';

// A standard cannot take effect in a month an approved payout run of its region covers, and the
// payout tests approve runs in 岚县 (141127) in many years: a city-wide standard here would meet
// them, depending on the order the files run in. These tests use counties no payout test approves
// a run in (中阳县 141129 and 交口县 141130); the guard has its own test below.
describe('policy standards', () => {
  it('refuses a 特困 standard below 1.3 × the dibao standard, with the minimum in the message', async () => {
    const admin = await signedIn('admin');
    await expect(
      addStandard(admin, { key: 'tekun/dispersed_basic_annual', regionCode: '141129', effectiveFrom: '2020-06-01', value: '6300', note: '测试' }),
    ).rejects.toMatchObject({ fieldErrors: { value: '特困基本生活标准不得低于低保标准的 1.3 倍（应不低于 6,308.90 元/年）' } });
    const { id } = await addStandard(admin, { key: 'tekun/dispersed_basic_annual', regionCode: '141129', effectiveFrom: '2020-07-01', value: '6600', note: '测试文件' });
    const db = await appDb();
    const [row] = await db.select().from(policyStandards).where(eq(policyStandards.id, id));
    expect(row).toMatchObject({ amountFen: 660_000, createdBy: admin.id });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.entity, 'policy_standard'), eq(auditLog.entityId, String(id))))).toHaveLength(1);
  });

  it('keeps history: a change is a new row, the same date twice is refused, and a county overrides the city', async () => {
    const admin = await signedIn('admin');
    await expect(
      addStandard(admin, { key: 'dibao/rural_standard_monthly', regionCode: '141130', effectiveFrom: '2019-01-01', value: '500', note: '重复' }),
    ).rejects.toMatchObject({ fieldErrors: { effectiveFrom: expect.stringContaining('已有同一项标准') } });
    await addStandard(admin, { key: 'dibao/rural_standard_monthly', regionCode: '141124', effectiveFrom: '2026-01-01', value: '520', note: '临县 2026' });
    const db = await appDb();
    expect((await dibaoMonthlyStandard(db, 'rural', '141124', '2026-03-01', annualToMonthlyFen))?.monthlyFen).toBe(52_000);
    expect((await dibaoMonthlyStandard(db, 'rural', '141124', '2025-12-31', annualToMonthlyFen))?.monthlyFen).toBe(40_400); // city 4,853 ÷ 12
    expect((await dibaoMonthlyStandard(db, 'rural', '141130', '2026-03-01', annualToMonthlyFen))?.monthlyFen).toBe(40_200); // 交口县's own
  });

  it('keeps a county’s own older row in force after the city’s newer, higher one, and shows the admin that it fell below', async () => {
    const db = await appDb();
    // The city raised rural dibao to 4,853 a year in 2020 (¥404 a month); 交口县 kept its 2019 ¥402.
    expect((await dibaoMonthlyStandard(db, 'rural', '141130', '2026-12-01', annualToMonthlyFen))?.monthlyFen).toBe(40_200);
    expect((await dibaoMonthlyStandard(db, 'rural', '141127', '2026-12-01', annualToMonthlyFen))?.monthlyFen).toBe(40_400); // 岚县: none of its own
    const below = await listCountyStandardsBelowCity(await signedIn('admin'), '2026-12-01');
    expect(below).toContainEqual(
      expect.objectContaining({ countyCode: '141130', countyName: '交口县', label: '农村低保标准', county: expect.objectContaining({ monthlyFen: 40_200, effectiveFrom: '2019-01-01' }), city: expect.objectContaining({ monthlyFen: 40_400, effectiveFrom: '2020-01-01' }) }),
    );
    expect(below.filter((b) => b.countyCode === '141127')).toEqual([]);
    // A county user sees their own county only: 交口县's supervisor its row, 方山县's caseworker nothing.
    expect((await listCountyStandardsBelowCity(await signedIn('supervisor'), '2026-12-01')).map((b) => b.countyCode)).toEqual(['141130']);
    expect(await listCountyStandardsBelowCity(await signedIn('caseworker2'), '2026-12-01')).toEqual([]);
  });

  it('lets only admins change standards', async () => {
    await expect(
      addStandard(await signedIn('supervisor'), { key: 'dibao/rural_standard_monthly', regionCode: '141130', effectiveFrom: '2027-01-01', value: '999', note: '越权' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the working-day calendar', () => {
  it('records holidays on weekdays and make-up days on weekends, refuses the reverse, and audits removal', async () => {
    const admin = await signedIn('admin');
    await setCalendarDay(admin, { day: '2026-10-01', kind: 'holiday', note: '国庆节' });
    await setCalendarDay(admin, { day: '2026-10-10', kind: 'workday', note: '国庆调休' });
    await expect(setCalendarDay(admin, { day: '2026-10-04', kind: 'holiday', note: '周日' })).rejects.toMatchObject({ fieldErrors: { day: expect.stringContaining('周末') } });
    await expect(setCalendarDay(admin, { day: '2026-10-09', kind: 'workday', note: '周五' })).rejects.toMatchObject({ fieldErrors: { day: expect.stringContaining('周六或周日') } });
    await expect(setCalendarDay(await signedIn('caseworker'), { day: '2026-10-02', kind: 'holiday', note: '越权' })).rejects.toMatchObject({ code: 'not_found' });
    const db = await appDb();
    // Other files record their own months (the complaints test: 2025's National Day); October 2026 is this test's.
    expect((await db.select().from(workCalendar)).map((d) => d.day).filter((d) => d.startsWith('2026-10')).sort()).toEqual(['2026-10-01', '2026-10-10']);
    await removeCalendarDay(admin, '2026-10-10');
    expect(await db.select().from(workCalendar).where(eq(workCalendar.day, '2026-10-10'))).toHaveLength(0);
  });
});

describe('standards and approved payouts', () => {
  it('refuses a standard taking effect in a month that an approved payout run already covers', async () => {
    const { payoutRuns } = await import('@/db/schema');
    const admin = await signedIn('admin');
    const db = await appDb();
    await db.insert(payoutRuns).values({ countyCode: '141125', month: '2026-05', state: 'approved', preparedBy: admin.id });
    await expect(
      addStandard(admin, { key: 'dibao/rural_standard_monthly', regionCode: '141125', effectiveFrom: '2026-04-01', value: '480', note: '柳林县' }),
    ).rejects.toMatchObject({ fieldErrors: { effectiveFrom: expect.stringContaining('2026-05 的发放批次已审批') } });
    await expect(
      addStandard(admin, { key: 'dibao/rural_standard_monthly', regionCode: '141100', effectiveFrom: '2026-05-01', value: '480', note: '全市' }),
    ).rejects.toMatchObject({ fieldErrors: { effectiveFrom: expect.stringContaining('已审批') } });
    await expect(
      addStandard(admin, { key: 'dibao/rural_standard_monthly', regionCode: '141125', effectiveFrom: '2026-06-01', value: '480', note: '柳林县' }),
    ).resolves.toMatchObject({ id: expect.any(Number) });
  });
});
