// 投诉举报 against real PostgreSQL: the deadline in working days across a holiday (worked out by
// hand), escalation to the city once overdue, the handler never the person complained about,
// who may see the complainant, and bad input refused at its field with nothing written.
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, complaints } from '@/db/schema';
import { runAction } from '@/lib/actions/authed-action';
import type { SessionUser } from '@/lib/auth/types';
import { intakeComplaint } from '@/lib/complaints/intake';
import { HIDDEN } from '@/lib/complaints/labels';
import { getComplaint, listComplaints } from '@/lib/complaints/queries';
import { intakeSchema, type IntakeInput } from '@/lib/complaints/schemas';
import { addComplaintNote, assignComplaint, recordComplaintOutcome, replyToComplaint } from '@/lib/complaints/steps';
import { todayInChina } from '@/lib/core/time';
import { setCalendarDay } from '@/lib/policy/calendar';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { roleDashboard } from '@/lib/reports/role-dashboard';
import { createUser } from '@/lib/users/create-user';
import { appDb, passwordChosen, signedIn } from './support/app';

const today = todayInChina();
const all = { overdue: false };

async function staff(role: 'supervisor' | 'caseworker', regionCode: string, name: string): Promise<SessionUser> {
  const admin = await signedIn('admin');
  const username = `c-${role}-${regionCode}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  await createUser(admin, { username, name, role, regionCode, password: 'Complaint#2026' });
  await passwordChosen(username);
  return signedIn(username);
}

const intake = (over: Partial<IntakeInput> = {}): IntakeInput => ({
  channel: 'phone_12345',
  category: 'favouritism',
  anonymous: false,
  complainantName: '刘桂兰',
  complainantPhone: '13912345678',
  regionCode: '141130101',
  receivedOn: today,
  content: '反映康城村有人情保问题，请核查',
  ...over,
});

/** 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked. */
async function nationalDay2025() {
  const admin = await signedIn('admin');
  for (const day of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']) await setCalendarDay(admin, { day, kind: 'holiday', note: '国庆节' });
  for (const day of ['2025-09-28', '2025-10-11']) await setCalendarDay(admin, { day, kind: 'workday', note: '国庆调休' });
}

describe('complaints', () => {
  it('fixes the deadline 15 working days after receipt, across the National Day holiday', async () => {
    await nationalDay2025();
    const caseworker = await signedIn('caseworker');
    // Received Friday 26 September 2025. Working days after it: Sun 28 (make-up) 1, Mon 29 2,
    // Tue 30 3, 1–8 Oct off, Thu 9 4, Fri 10 5, Sat 11 (make-up) 6, 13–17 Oct 7–11,
    // 20–23 Oct 12–15: due Thursday 23 October (without the holiday it would be 17 October).
    const { id, deadlineOn } = await intakeComplaint(caseworker, intake({ receivedOn: '2025-09-26' }));
    expect(deadlineOn).toBe('2025-10-23');
    expect((await getComplaint(caseworker, id, today)).deadlineOn).toBe('2025-10-23');
  });

  it('escalates an overdue complaint to the city, and stops once it is answered', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    // The user rules (lib/users/rules.ts) place supervisors in counties today; a city-level
    // supervisor is the session such an account would carry.
    const citySupervisor: SessionUser = { ...supervisor, id: crypto.randomUUID(), regionCode: '141100', regionName: '吕梁市', regionLevel: 'city' };
    const old = await intakeComplaint(caseworker, intake({ receivedOn: '2025-09-26' }));
    const fresh = await intakeComplaint(caseworker, intake());

    const overdue = await listComplaints(supervisor, { overdue: true }, today);
    expect(overdue.rows.find((r) => r.id === old.id)).toMatchObject({ escalated: true });
    expect(overdue.rows.map((r) => r.id)).not.toContain(fresh.id);
    // On the deadline day itself it is still in time; the day after it is escalated.
    expect((await getComplaint(supervisor, old.id, '2025-10-23')).escalated).toBe(false);
    expect((await getComplaint(supervisor, old.id, '2025-10-24')).escalated).toBe(true);

    // The city's supervisor sees the escalated one only.
    const city = (await listComplaints(citySupervisor, all, today)).rows.map((r) => r.id);
    expect(city).toContain(old.id);
    expect(city).not.toContain(fresh.id);
    await expect(getComplaint(citySupervisor, fresh.id, today)).rejects.toMatchObject({ code: 'not_found' });

    const handler = await staff('supervisor', '141130', '赵承办');
    const c = await getComplaint(supervisor, old.id, today);
    await assignComplaint(supervisor, { complaintId: old.id, version: c.version, handlerId: handler.id }, today);
    await addComplaintNote(handler, { complaintId: old.id, notedOn: today, text: '入户走访核实，情况属实' });
    const v2 = (await getComplaint(handler, old.id, today)).version;
    await recordComplaintOutcome(handler, { complaintId: old.id, version: v2, outcome: 'partly', outcomeText: '部分情况属实，已整改' }, today);
    await replyToComplaint(handler, { complaintId: old.id, version: v2 + 1, replyOn: today, replyMethod: 'phone', replyText: '已电话告知处理结果' });
    expect((await getComplaint(handler, old.id, today)).escalated).toBe(false);
    expect((await listComplaints(citySupervisor, all, today)).rows.map((r) => r.id)).not.toContain(old.id);
  });

  it('counts escalated and waiting complaints on the role dashboards, with a link', async () => {
    const [caseworker, supervisor, auditor] = await Promise.all([signedIn('caseworker'), signedIn('supervisor'), signedIn('auditor')]);
    const task = async (u: SessionUser, key: string) => (await roleDashboard(u)).sections.flatMap((s) => s.tasks).find((t) => t.key === key);
    const before = { esc: (await task(auditor, 'complaints-escalated'))!.count, open: (await task(supervisor, 'complaints-unassigned'))!.count, mine: (await task(caseworker, 'complaints-mine'))!.count };
    await intakeComplaint(caseworker, intake({ receivedOn: '2025-09-26' }));
    const { id } = await intakeComplaint(caseworker, intake());
    await assignComplaint(supervisor, { complaintId: id, version: 1, handlerId: caseworker.id }, today);
    expect(await task(auditor, 'complaints-escalated')).toMatchObject({ count: before.esc + 1, href: '/complaints?overdue=1' });
    // The overdue one is still unassigned; the fresh one went to the caseworker.
    expect(await task(supervisor, 'complaints-unassigned')).toMatchObject({ count: before.open + 1, href: '/complaints?status=received' });
    expect((await task(caseworker, 'complaints-mine'))!.count).toBe(before.mine + 1);
  });

  it('counts the month’s complaints by category and outcome in the 月通报, leaving its figures as they were', async () => {
    const [caseworker, supervisor, auditor] = await Promise.all([signedIn('caseworker'), signedIn('supervisor'), signedIn('auditor')]);
    const month = '2025-08';
    const before = await monthlyNotice(auditor, month);
    const cat = (n: typeof before, code: string) => n.complaints!.byCategory.find((r) => r.code === code)!.count;
    const out = (n: typeof before, code: string) => n.complaints!.byOutcome.find((r) => r.code === code)!.count;
    const a = await intakeComplaint(caseworker, intake({ receivedOn: '2025-08-05', category: 'payout' }));
    await intakeComplaint(caseworker, intake({ receivedOn: '2025-08-06', category: 'payout' }));
    await intakeComplaint(caseworker, intake({ receivedOn: '2025-08-07', category: 'missed' }));
    await intakeComplaint(caseworker, intake({ receivedOn: '2025-09-01', category: 'missed' })); // next month
    await assignComplaint(supervisor, { complaintId: a.id, version: 1, handlerId: caseworker.id }, today);
    await recordComplaintOutcome(caseworker, { complaintId: a.id, version: 2, outcome: 'unsubstantiated', outcomeText: '经核实已按时发放' }, today);
    await replyToComplaint(caseworker, { complaintId: a.id, version: 3, replyOn: '2025-08-20', replyMethod: 'letter', replyText: '书面答复已寄出' });
    const after = await monthlyNotice(auditor, month);
    expect([cat(after, 'payout') - cat(before, 'payout'), cat(after, 'missed') - cat(before, 'missed'), out(after, 'unsubstantiated') - out(before, 'unsubstantiated')]).toEqual([2, 1, 1]);
    const { complaints: _a, ...figuresAfter } = after;
    const { complaints: _b, ...figuresBefore } = before;
    expect(figuresAfter).toEqual(figuresBefore);
    // Another county's notice does not count them.
    const fangshan = await staff('supervisor', '141128', '方山审批');
    expect((await monthlyNotice(fangshan, month)).complaints!.byCategory.every((r) => r.count === 0)).toBe(true);
  });

  it('never assigns a complaint to the member of staff it is about', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const { id } = await intakeComplaint(supervisor, intake({ category: 'conduct', subjectUserId: caseworker.id }));
    const db = await appDb();
    const auditRows = async () => (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'complaint.assign'))))[0]!.n;

    await expect(assignComplaint(supervisor, { complaintId: id, version: 1, handlerId: caseworker.id }, today)).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { handlerId: '被投诉的工作人员不能办理针对本人的投诉举报，请交办给其他人' },
    });
    const [row] = await db.select().from(complaints).where(eq(complaints.id, id));
    expect(row).toMatchObject({ state: 'received', handlerId: null, version: 1 });
    expect(await auditRows()).toBe(0);

    // Positive control: another handler of the county is accepted.
    const other = await staff('caseworker', '141130101', '钱经办');
    await assignComplaint(supervisor, { complaintId: id, version: 1, handlerId: other.id }, today);
    expect((await db.select().from(complaints).where(eq(complaints.id, id)))[0]).toMatchObject({ state: 'assigned', handlerId: other.id });
    expect(await auditRows()).toBe(1);
    // Someone of another county cannot be the handler.
    const fangshan = await staff('caseworker', '141128102', '方山经办');
    await expect(assignComplaint(supervisor, { complaintId: id, version: 2, handlerId: fangshan.id }, today)).rejects.toMatchObject({ fieldErrors: { handlerId: expect.stringContaining('承办人') } });
  });

  it('shows the complainant only to the handler and the auditor; another county sees nothing', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const auditor = await signedIn('auditor');
    const handler = await staff('supervisor', '141130', '孙承办');
    const { id } = await intakeComplaint(caseworker, intake());
    // Before assignment no one but the auditor sees it (there is no handler yet).
    expect(await getComplaint(caseworker, id, today)).toMatchObject({ complainantName: HIDDEN, complainantPhone: HIDDEN });
    await assignComplaint(supervisor, { complaintId: id, version: 1, handlerId: handler.id }, today);

    expect(await getComplaint(handler, id, today)).toMatchObject({ complainantName: '刘桂兰', complainantPhone: '13912345678' });
    expect(await getComplaint(auditor, id, today)).toMatchObject({ complainantName: '刘桂兰', complainantPhone: '13912345678' });
    expect(await getComplaint(supervisor, id, today)).toMatchObject({ complainantName: HIDDEN, complainantPhone: HIDDEN });
    expect(await getComplaint(caseworker, id, today)).toMatchObject({ complainantName: HIDDEN, complainantPhone: HIDDEN });
    const inList = (await listComplaints(supervisor, all, today)).rows.find((r) => r.id === id);
    expect(inList).toMatchObject({ complainantName: HIDDEN, complainantPhone: HIDDEN });
    expect((await listComplaints(handler, all, today)).rows.find((r) => r.id === id)).toMatchObject({ complainantName: '刘桂兰' });

    // The audit log never holds the name or phone.
    const db = await appDb();
    const logged = JSON.stringify(await db.select().from(auditLog).where(eq(auditLog.entityId, id)));
    expect(logged).not.toContain('刘桂兰');
    expect(logged).not.toContain('13912345678');

    // Another county: not in its list, and the record answers like a missing one.
    const caseworker2 = await signedIn('caseworker2');
    const fangshanSup = await staff('supervisor', '141128', '方山审批');
    expect((await listComplaints(caseworker2, all, today)).rows.map((r) => r.id)).not.toContain(id);
    expect((await listComplaints(fangshanSup, all, today)).rows.map((r) => r.id)).not.toContain(id);
    await expect(getComplaint(fangshanSup, id, today)).rejects.toMatchObject({ code: 'not_found' });
    await expect(assignComplaint(fangshanSup, { complaintId: id, version: 2, handlerId: fangshanSup.id }, today)).rejects.toMatchObject({ code: 'not_found' });
    // An anonymous complaint has no name to show anyone.
    const anon = await intakeComplaint(caseworker, intake({ anonymous: true, complainantName: undefined, complainantPhone: undefined }));
    expect(await getComplaint(auditor, anon.id, today)).toMatchObject({ anonymous: true, complainantName: null, complainantPhone: null });
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const caseworker = await signedIn('caseworker');
    const db = await appDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(complaints))[0]!.n;
    const before = await count();
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    const bad = await runAction(async () => caseworker, intakeSchema, intakeComplaint, form({ channel: 'fax', category: '', anonymous: 'on', complainantName: '张三', regionCode: '14', receivedOn: '2999-01-01', content: '短' }));
    expect(bad).toMatchObject({
      ok: false,
      code: 'invalid_input',
      fieldErrors: {
        channel: '请选择来源渠道',
        category: '请选择投诉类别',
        regionCode: '请选择所涉县（市、区）或乡镇',
        receivedOn: '收到日期不能晚于今天',
        content: '请填写投诉举报内容（至少 5 个字）',
      },
    });
    // A region outside the caseworker's township is refused at its field by the verb.
    const outside = await runAction(async () => caseworker, intakeSchema, intakeComplaint, form({ channel: 'letter', category: 'missed', regionCode: '141128102', receivedOn: today, content: '反映应保未保问题' }));
    expect(outside).toMatchObject({ ok: false, fieldErrors: { regionCode: '所涉地区不在您的管辖范围内' } });
    const anonymousNamed = await runAction(async () => caseworker, intakeSchema, intakeComplaint, form({ channel: 'letter', category: 'missed', anonymous: 'on', complainantName: '张三', regionCode: '141130101', receivedOn: today, content: '反映应保未保问题' }));
    expect(anonymousNamed).toMatchObject({ ok: false, fieldErrors: { complainantName: '匿名投诉不填写投诉人姓名' } });
    expect(await count()).toBe(before);

    // Positive control: the same form, corrected, is taken.
    const good = await runAction(async () => caseworker, intakeSchema, intakeComplaint, form({ channel: 'letter', category: 'missed', anonymous: 'on', regionCode: '141130101', receivedOn: today, content: '反映应保未保问题' }));
    expect(good.ok).toBe(true);
    expect(await count()).toBe(before + 1);

    // A note without text, by the handler, is refused and not written.
    const { id } = await intakeComplaint(caseworker, intake());
    const supervisor = await signedIn('supervisor');
    await assignComplaint(supervisor, { complaintId: id, version: 1, handlerId: caseworker.id }, today);
    await expect(replyToComplaint(caseworker, { complaintId: id, version: 2, replyOn: today, replyMethod: 'phone', replyText: '已经答复过了' })).rejects.toMatchObject({ code: 'precondition' });
    const other = await signedIn('supervisor');
    await expect(addComplaintNote(other, { complaintId: id, notedOn: today, text: '不是承办人写的' })).rejects.toMatchObject({ code: 'same_person' });
  });
});
