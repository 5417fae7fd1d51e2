import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, deathReports, enrollments, households, monitoredFlags, monitoringAlerts, monitoringImports } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { importMonitoringFile } from '@/lib/monitoring/import-file';
import { getAlert, listAlerts } from '@/lib/monitoring/queries';
import { alertOutcomeSchema } from '@/lib/monitoring/schemas';
import { setAlertOutcome } from '@/lib/monitoring/set-outcome';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

const csv = (lines: string[]) => ({ name: 'file.csv', bytes: new TextEncoder().encode(`${lines.join('\n')}\n`) });
const KANGCHENG_VILLAGE = '141130101200';

async function household(opts: { paid?: boolean; village?: string; flag?: boolean } = {}) {
  const db = await appDb();
  const id = randomIdNumber();
  const village = opts.village ?? KANGCHENG_VILLAGE;
  const householdId = await insertHousehold(db, { idNumber: id, villageCode: village });
  if (opts.paid) {
    await db.insert(enrollments).values({ program: 'dibao', householdId, status: 'active', countyCode: village.slice(0, 6), townshipCode: village.slice(0, 9), villageCode: village, startMonth: '2025-01' });
  }
  if (opts.flag) {
    const cw = await signedIn('caseworker');
    await db.insert(monitoredFlags).values({ householdId, reason: 'near_dibao', setBy: cw.id });
  }
  return { id, householdId };
}

async function alertsOf(householdId: string) {
  const db = await appDb();
  return db.select().from(monitoringAlerts).where(eq(monitoringAlerts.householdId, householdId));
}

describe('monitoring imports', () => {
  it('refuses a whole file for one bad line, with the line and column, and writes nothing', async () => {
    const db = await appDb();
    const cw = await signedIn('caseworker');
    const a = await household({ paid: true });
    const before = (await db.select().from(monitoringImports)).length;
    const out = await importMonitoringFile(cw, 'death', csv(['身份证号,姓名,死亡日期', `${a.id},张三,2026-10-01`, `${a.id},李四,2026-13-01`]));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors).toEqual([{ row: 3, column: '死亡日期', message: '死亡日期须为 YYYY-MM-DD 格式的有效日期，如 2026-11-29', value: '2026-13-01' }]);
    expect(await db.select().from(monitoringImports)).toHaveLength(before);
    expect(await db.select().from(deathReports).where(eq(deathReports.idNumber, a.id))).toHaveLength(0);
    expect(await alertsOf(a.householdId)).toHaveLength(0);
  });

  it('raises one alert for a death in a paid household, none for one not paid, and none again on re-import', async () => {
    const cw = await signedIn('caseworker');
    const paid = await household({ paid: true });
    const unpaid = await household();
    const file = csv(['身份证号,姓名,死亡日期', `${paid.id},甲,2026-10-01`, `${unpaid.id},乙,2026-10-02`]);
    const first = await importMonitoringFile(cw, 'death', file);
    expect(first).toMatchObject({ ok: true, rows: 2, alerts: 1 });
    const again = await importMonitoringFile(cw, 'death', file);
    expect(again).toMatchObject({ ok: true, rows: 2, alerts: 0 });
    const alerts = await alertsOf(paid.householdId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ rule: 'death_while_paid', outcome: null });
    expect(await alertsOf(unpaid.householdId)).toHaveLength(0);
  });

  it('fires on ¥10,000.01 of self-paid spending in 12 months, summed over files, not on ¥9,999.99', async () => {
    const cw = await signedIn('caseworker');
    const over = await household();
    const under = await household();
    await importMonitoringFile(cw, 'medical', csv(['身份证号,姓名,结算日期,自付金额', `${over.id},甲,2026-09-01,5000.00`, `${under.id},乙,2026-09-01,9999.99`]));
    expect(await alertsOf(over.householdId)).toHaveLength(0);
    const out = await importMonitoringFile(cw, 'medical', csv(['身份证号,姓名,结算日期,自付金额', `${over.id},甲,2026-10-01,5000.01`, `${over.id},甲,2024-10-01,90000`]));
    expect(out).toMatchObject({ ok: true, alerts: 1 });
    const [alert] = await alertsOf(over.householdId);
    expect(alert?.detail).toBe('近 12 个月医保自付合计 10,000.01 元');
    expect(await alertsOf(under.householdId)).toHaveLength(0);
    // A later settlement the same year: the person already has the year's alert.
    await importMonitoringFile(cw, 'medical', csv(['身份证号,姓名,结算日期,自付金额', `${over.id},甲,2026-11-01,1.00`]));
    expect(await alertsOf(over.householdId)).toHaveLength(1);
  });

  it('fires on a new grade 1–2 certificate, not on grade 3; on unemployment only in a monitored household', async () => {
    const cw = await signedIn('caseworker');
    const g2 = await household();
    const g3 = await household();
    await importMonitoringFile(cw, 'disability', csv(['身份证号,证号,类别,等级,发证日期', `${g2.id},C1,肢体,2,2026-11-01`, `${g3.id},C2,肢体,3,2026-11-01`]));
    await importMonitoringFile(cw, 'disability', csv(['身份证号,证号,类别,等级,发证日期', `${g2.id},C1,肢体,2,2026-11-01`]));
    expect((await alertsOf(g2.householdId)).map((a) => a.rule)).toEqual(['severe_disability']);
    expect(await alertsOf(g3.householdId)).toHaveLength(0);

    const flagged = await household({ flag: true });
    const plain = await household();
    await importMonitoringFile(cw, 'unemployment', csv(['身份证号,登记日期', `${flagged.id},2026-11-02`, `${plain.id},2026-11-02`]));
    expect((await alertsOf(flagged.householdId)).map((a) => a.rule)).toEqual(['unemployment_monitored']);
    expect(await alertsOf(plain.householdId)).toHaveLength(0);
  });

  it('needs a reason for 无需救助, closes an alert once, and keeps it from another township', async () => {
    const cw = await signedIn('caseworker');
    const other = await signedIn('caseworker2');
    const paid = await household({ paid: true });
    await importMonitoringFile(cw, 'death', csv(['身份证号,姓名,死亡日期', `${paid.id},甲,2026-10-01`]));
    const [alert] = await alertsOf(paid.householdId);
    const noReason = alertOutcomeSchema.safeParse({ alertId: alert!.id, outcome: 'no_aid', reason: ' ' });
    expect(noReason.success).toBe(false);
    expect(noReason.error?.issues[0]).toMatchObject({ path: ['reason'], message: '选择“无需救助”时须填写理由' });

    expect(await getAlert(other, alert!.id)).toBeNull();
    expect((await listAlerts(other, { state: 'all' })).some((a) => a.id === alert!.id)).toBe(false);
    await expect(setAlertOutcome(other, { alertId: alert!.id, outcome: 'referred', reason: '' })).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAlerts(cw)).some((a) => a.id === alert!.id)).toBe(true);

    await setAlertOutcome(cw, { alertId: alert!.id, outcome: 'no_aid', reason: '家庭其他成员收入稳定' });
    const e = await setAlertOutcome(cw, { alertId: alert!.id, outcome: 'referred', reason: '' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((await alertsOf(paid.householdId))[0]).toMatchObject({ outcome: 'no_aid', outcomeReason: '家庭其他成员收入稳定' });
  });

  it('matches only households inside the importer’s region', async () => {
    const other = await signedIn('caseworker2');
    const paid = await household({ paid: true });
    const db = await appDb();
    expect((await db.select().from(households).where(eq(households.id, paid.householdId)))[0]?.townshipCode).toBe('141130101');
    const out = await importMonitoringFile(other, 'death', csv(['身份证号,姓名,死亡日期', `${paid.id},甲,2026-10-01`]));
    expect(out).toMatchObject({ ok: true, alerts: 0 });
  });
});

describe('the monitored population, owners and the month', () => {
  it('lists flagged households and those out of a program within 12 months, not one out 13 months ago; a flag is set and removed, audited', async () => {
    const db = await appDb();
    const cw = await signedIn('caseworker');
    const flagged = await household();
    const { setMonitoredFlag, listMonitored } = await import('@/lib/monitoring/population');
    await setMonitoredFlag(cw, { householdId: flagged.householdId, reason: 'rigid_spending', note: '长期透析' });
    const left = await household();
    const longAgo = await household();
    const { addMonthsToMonth } = await import('@/lib/core/calendar-date');
    const { monthInChina } = await import('@/lib/core/time');
    const month = monthInChina();
    for (const [h, end] of [[left, addMonthsToMonth(month, -11)], [longAgo, addMonthsToMonth(month, -13)]] as const) {
      await db.insert(enrollments).values({ program: 'dibao', householdId: h.householdId, status: 'terminated', countyCode: '141130', townshipCode: '141130101', villageCode: KANGCHENG_VILLAGE, startMonth: '2020-01', endMonth: end });
    }
    const { rows } = await listMonitored(cw);
    const reasonsOf = (id: string) => rows.find((r) => r.householdId === id)?.reasons;
    expect(reasonsOf(flagged.householdId)).toEqual(['rigid_spending']);
    expect(reasonsOf(left.householdId)).toEqual(['left_program']);
    expect(reasonsOf(longAgo.householdId)).toBeUndefined();
    // Another county sees none of them.
    const other = await listMonitored(await signedIn('caseworker2'));
    expect(other.rows.find((r) => r.householdId === flagged.householdId)).toBeUndefined();

    await setMonitoredFlag(cw, { householdId: flagged.householdId, reason: 'none' });
    expect((await listMonitored(cw)).rows.find((r) => r.householdId === flagged.householdId)).toBeUndefined();
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'monitoring.flag'), eq(auditLog.entityId, flagged.householdId)));
    expect(audit).toHaveLength(2);
  });

  it('a supervisor names an owner from the township’s staff only; the owner finds it under 由我承办', async () => {
    const cw = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const a = await household({ paid: true });
    await importMonitoringFile(cw, 'death', csv(['身份证号,姓名,死亡日期', `${a.id},张三,2026-10-01`]));
    const [alert] = await alertsOf(a.householdId);
    const { assignAlertOwner } = await import('@/lib/monitoring/population');
    await expect(assignAlertOwner(cw, { alertId: alert!.id, ownerId: cw.id })).rejects.toThrow();
    const stranger = await signedIn('caseworker2');
    await expect(assignAlertOwner(supervisor, { alertId: alert!.id, ownerId: stranger.id })).rejects.toMatchObject({ fieldErrors: { ownerId: '承办人须是负责该乡镇（街道）的经办人员或审核审批人员' } });
    await assignAlertOwner(supervisor, { alertId: alert!.id, ownerId: cw.id });
    expect((await listAlerts(cw, { state: 'mine' })).map((x) => x.id)).toContain(alert!.id);
    expect((await getAlert(cw, alert!.id))?.ownerName).toBe(cw.name);
  });

  it('counts the month’s alerts by rule and outcome for the monthly notice', async () => {
    const cw = await signedIn('caseworker2'); // 方山县: this test's own county
    const { monthInChina, todayInChina } = await import('@/lib/core/time');
    const { alertsOfMonth } = await import('@/lib/monitoring/counts');
    const before = await alertsOfMonth(cw, monthInChina(), todayInChina());
    const village = cw.regionCode.length === 12 ? cw.regionCode : (await (await appDb()).execute<{ code: string }>(sql`select code from regions where level = 'village' and code like ${`${cw.regionCode}%`} order by code limit 1`) as unknown as { code: string }[])[0]!.code;
    const a = await household({ paid: true, village });
    const b = await household({ paid: true, village });
    await importMonitoringFile(cw, 'death', csv(['身份证号,姓名,死亡日期', `${a.id},甲,2026-10-01`, `${b.id},乙,2026-10-02`]));
    const [first] = await alertsOf(a.householdId);
    await setAlertOutcome(cw, alertOutcomeSchema.parse({ alertId: first!.id, outcome: 'referred', reason: '转民政救助站' }));
    const after = await alertsOfMonth(cw, monthInChina(), todayInChina());
    const n = (m: typeof after, key: 'byRule' | 'byOutcome', code: string) => m[key].find((r) => r.code === code)!.count;
    expect(n(after, 'byRule', 'death_while_paid') - n(before, 'byRule', 'death_while_paid')).toBe(2);
    expect(n(after, 'byOutcome', 'referred') - n(before, 'byOutcome', 'referred')).toBe(1);
    expect(after.open - before.open).toBe(1);
  });
});
