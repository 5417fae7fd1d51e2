// 短信 outbox: written in the step's transaction (受理, a decision, a payment the bank confirmed), to
// the registry's phone, once per event; sent after commit by the dispatcher, retried with backoff
// and given up after the last try; two dispatchers at once never send one message twice.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApplication } from '@/lib/applications/create-application';
import { acceptApplication } from '@/lib/applications/steps';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { dispatchDue } from '@/lib/messages/dispatch';
import { enqueuePaymentMessages } from '@/lib/messages/enqueue';
import { listHouseholdMessages } from '@/lib/messages/queries';
import type { MessageSender } from '@/lib/messages/sender';
import { RETRY_MINUTES } from '@/lib/messages/texts';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { importReturn } from '@/lib/payouts/import-return';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, randomIdNumber, signedIn } from './support/app';
import { clearCounty, COUNTY, countyStaff, enroll, rows, textOf } from './support/payouts';

const today = todayInChina();
const day = (n: number) => addDays(today, -n);
const on = (n: number) => new Date(`${day(n)}T10:00:00+08:00`);

interface Msg { id: string; kind: string; ref: string; phone: string | null; body: string; state: string; attempts: number; last_error: string | null; due_in_s: number; sent_at: Date | null }
async function messagesOf(householdId: string): Promise<Msg[]> {
  return rows<Msg>(
    await (await appDb()).execute(sql`
      select id, kind, ref, phone, body, state, attempts, last_error, extract(epoch from next_attempt_at - now())::int as due_in_s, sent_at
      from text_messages where household_id = ${householdId} order by id`),
  );
}

async function household(phone: string | undefined) {
  const caseworker = await signedIn('caseworker');
  const input = householdInputSchema.parse({
    villageCode: '141130101200',
    address: '康城村 9 号',
    kind: 'rural',
    ...(phone ? { phone } : {}),
    members: [{ name: '穆短信', idNumber: randomIdNumber(), relation: '本人', workingCapacity: 'none' }],
  });
  return (await registerHousehold(caseworker, input)).id;
}

describe('messages written with the steps', () => {
  it('受理 tells the applicant at the registry phone, with the notice number; a refused step tells nothing; no phone is shown as such', async () => {
    const caseworker = await signedIn('caseworker');
    const householdId = await household('13912345678');
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(5));
    // A 受理 dated in the future is refused: nothing is written, nothing will be sent.
    await expect(acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: addDays(today, 3), missingDocuments: [] }, on(4))).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await messagesOf(householdId)).toEqual([]);

    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: day(4), missingDocuments: ['收入证明'] }, on(4));
    const [m, ...more] = await messagesOf(householdId);
    expect(more).toEqual([]); // one message for the acceptance and its 补正告知书
    expect(m).toMatchObject({ kind: 'accepted', phone: '13912345678', state: 'pending', attempts: 0 });
    expect(m!.body).toMatch(new RegExp(`^【交口县民政局】您家的社会救助申请已于 ${day(4)} 受理（交民救〔\\d{4}〕第 \\d{4} 号），`));
    expect(m!.body).not.toContain('穆短信');

    const shown = await listHouseholdMessages(caseworker, householdId, '141130101200');
    expect(shown.map((s) => [s.kind, s.phone, s.state])).toEqual([['accepted', '139****5678', 'pending']]);
    await expect(listHouseholdMessages(await signedIn('caseworker2'), householdId, '141130101200')).rejects.toMatchObject({ code: 'not_found' });

    const silent = await household(undefined);
    const { id: other } = await createApplication(caseworker, { householdId: silent, kind: 'dibao_household', closeRelative: false }, on(5));
    await acceptApplication(caseworker, { applicationId: other, version: 1, acceptedOn: day(4), missingDocuments: [] }, on(4));
    expect((await messagesOf(silent)).map((x) => [x.kind, x.phone, x.state])).toEqual([['accepted', null, 'no_phone']]);
  });
});

describe('payment messages', () => {
  let staff: Awaited<ReturnType<typeof countyStaff>>;
  beforeAll(async () => {
    staff = await countyStaff();
  });

  it('one per line the bank paid, at what it paid (扣回 netted), to the account tail; none for a failed line; never twice', async () => {
    const db = await appDb();
    await clearCounty(db);
    const month = '2019-08';
    const a = await enroll(db, { amountFen: 245_200, startMonth: '2019-01', persons: 5 });
    const c = await enroll(db, { amountFen: 80_000, startMonth: '2019-01' });
    const f = await enroll(db, { amountFen: 60_000, startMonth: '2019-01' });
    for (const [h, p] of [[a, '13800000001'], [c, '13800000002'], [f, '13800000003']] as const) await db.execute(sql`update households set phone = ${p} where id = ${h.householdId}`);
    await addAdjustment(staff.caseworker, { enrollmentId: c.enrollmentId, kind: 'recovery', startMonth: month, amount: 3_000, perMonth: 3_000, floor: 0, reason: '多发追回' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
    const [{ version }] = rows<{ version: number }>(await db.execute(sql`select version from payout_runs where id = ${runId}`)) as [{ version: number }];
    await approveRun(staff.supervisor, { runId, version });
    const { stream } = await exportBankFile(staff.finance, runId, 'csv');
    const data = (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1, -1).map((l) => l.split(','));
    const [fLine] = rows<{ id: string }>(await db.execute(sql`select id from payout_lines where run_id = ${runId} and household_id = ${f.householdId}`));
    const answer = ['序号,账号,金额,结果,原因', ...data.map((r) => (r[0] === String(fLine!.id) ? [r[0], r[5], r[6], '失败', '账户冻结'] : [r[0], r[5], r[6], '成功', '']).join(','))].join('\r\n');
    expect(await importReturn(staff.finance, runId, { name: 'return.csv', text: answer })).toMatchObject({ ok: true, paidCount: 2, failedCount: 1 });

    const tail = async (h: { householdId: string }) => rows<{ t: string }>(await db.execute(sql`select right(bank_account, 4) as t from households where id = ${h.householdId}`))[0]!.t;
    expect((await messagesOf(a.householdId)).map((m) => [m.kind, m.state, m.body])).toEqual([['paid', 'pending', `【岚县民政局】${month} 救助金 ¥2,452.00 已发放至您尾号 ${await tail(a)} 的账户。`]]);
    expect((await messagesOf(c.householdId)).map((m) => m.body)).toEqual([`【岚县民政局】${month} 救助金 ¥770.00 已发放至您尾号 ${await tail(c)} 的账户。`]);
    expect(await messagesOf(f.householdId)).toEqual([]);
    expect(await db.transaction((tx) => enqueuePaymentMessages(tx, { id: runId, countyCode: COUNTY }, '岚县'))).toBe(0);
  });
});

describe('the dispatcher', () => {
  async function pending(n: number, householdId: string): Promise<number[]> {
    const db = await appDb();
    const tag = `t${Date.now()}${Math.random()}`;
    return rows<{ id: string }>(
      await db.execute(sql`insert into text_messages (household_id, kind, ref, phone, body)
        select ${householdId}, 'decided', ${tag} || ':' || g, '13700000000', '测试 ' || g from generate_series(1, ${n}) g returning id`),
    ).map((r) => Number(r.id));
  }
  // Messages left pending by earlier files are sent first; these senders only fail or record.
  const failing = (mine: Set<number>): MessageSender => ({ name: 'test', send: async (m) => { if (mine.has(m.id)) throw new Error('网关超时'); } });

  it('retries a failed message after the backoff, sends it when the gateway takes it, and gives up after the last try', async () => {
    const householdId = await household('13700000000');
    const [id] = await pending(1, householdId);
    const mine = new Set([id!]);
    const db = await appDb();
    // Until nothing is due (earlier files' messages go too; this one fails and waits for its retry).
    for (let r = await dispatchDue(failing(mine), { limit: 500 }); r.sent + r.failed + r.gaveUp > 0; r = await dispatchDue(failing(mine), { limit: 500 }));
    let [m] = (await messagesOf(householdId)).filter((x) => Number(x.id) === id);
    expect(m).toMatchObject({ state: 'pending', attempts: 1, last_error: '网关超时' });
    expect(m!.due_in_s).toBeGreaterThan(RETRY_MINUTES[0] * 60 - 10);
    expect(m!.due_in_s).toBeLessThanOrEqual(RETRY_MINUTES[0] * 60);
    // Not due yet: nothing takes it.
    await dispatchDue({ name: 'x', send: async (x) => { if (x.id === id) throw new Error('sent too early'); } }, { limit: 500 });
    expect((await messagesOf(householdId)).find((x) => Number(x.id) === id)!.attempts).toBe(1);

    await db.execute(sql`update text_messages set next_attempt_at = now() where id = ${id!}`);
    const sent: number[] = [];
    await dispatchDue({ name: 'ok', send: async (x) => void sent.push(x.id) }, { limit: 500 });
    expect(sent).toContain(id);
    [m] = (await messagesOf(householdId)).filter((x) => Number(x.id) === id);
    expect(m).toMatchObject({ state: 'sent', attempts: 2, last_error: null });
    expect(m!.sent_at).not.toBeNull();

    const [doomed] = await pending(1, householdId);
    for (let i = 0; i < RETRY_MINUTES.length + 1; i++) {
      await db.execute(sql`update text_messages set next_attempt_at = now() where id = ${doomed!}`);
      await dispatchDue(failing(new Set([doomed!])), { limit: 500 });
    }
    const [d] = (await messagesOf(householdId)).filter((x) => Number(x.id) === doomed);
    expect(d).toMatchObject({ state: 'failed', attempts: RETRY_MINUTES.length + 1, last_error: '网关超时' });
  });

  it('never sends one message twice when two servers dispatch at once (10 rounds)', async () => {
    const householdId = await household('13700000000');
    for (let round = 0; round < 10; round++) {
      const ids = await pending(60, householdId);
      const mine = new Set(ids);
      const seen: number[] = [];
      const slow: MessageSender = { name: 'rec', send: async (m) => { if (mine.has(m.id)) seen.push(m.id); await new Promise((r) => setTimeout(r, 1)); } };
      await Promise.all([dispatchDue(slow, { limit: 25 }), dispatchDue(slow, { limit: 25 }), dispatchDue(slow, { limit: 25 }), dispatchDue(slow, { limit: 25 })]);
      await dispatchDue(slow, { limit: 100 });
      expect(new Set(seen).size, 'a message sent twice').toBe(seen.length);
      const left = rows<{ n: number }>(await (await appDb()).execute(sql`select count(*)::int as n from text_messages where id = any(${`{${ids.join(',')}}`}::bigint[]) and state <> 'sent'`))[0]!.n;
      expect(left + seen.length).toBeGreaterThanOrEqual(60);
      expect(seen.length).toBeGreaterThan(0);
    }
  });
});
