// Bad input through the whole action path (lib/actions/authed-action.ts runAction: size limit,
// schema, verb, error mapping) against real PostgreSQL: each is refused with its field's
// Chinese message — never 系统错误 — and nothing is written. Before the safe-text and date
// rules, a NUL reached PostgreSQL (which refused the statement: 系统错误), and an invisible
// character or a date in year 1 was stored.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { assets, auditLog, households, incomeItems, policyStandards, users, workCalendar } from '@/db/schema';
import { MAX_ACTION_BYTES, runAction } from '@/lib/actions/authed-action';
import type { SessionUser } from '@/lib/auth/types';
import type { ActionResult } from '@/lib/core/errors';
import { addAsset } from '@/lib/households/assets';
import { addAssetSchema, addIncomeItemSchema } from '@/lib/households/change-schemas';
import { addIncomeItem } from '@/lib/households/income-items';
import { encodeCursor } from '@/lib/households/list-cursor';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { searchHouseholds } from '@/lib/households/search';
import { addStandard } from '@/lib/policy/add-standard';
import { setCalendarDay } from '@/lib/policy/calendar';
import { addStandardSchema, calendarDaySchema } from '@/lib/policy/schemas';
import { createUser } from '@/lib/users/create-user';
import { createUserSchema } from '@/lib/users/schemas';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

/** Runs the action as the server would for `user`, and expects it refused. */
async function refusedAction<S extends z.ZodType, T>(
  user: SessionUser,
  schema: S,
  verb: (user: SessionUser, input: z.output<S>) => Promise<T>,
  fields: Record<string, string>,
): Promise<Record<string, string>> {
  const result: ActionResult<T> = await runAction(async () => user, schema, verb, form(fields));
  expect(result.ok, 'the action should have been refused').toBe(false);
  if (result.ok) return {};
  expect(result.code).toBe('invalid_input');
  expect(result.message).not.toContain('系统错误');
  return result.fieldErrors;
}

const tag = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const HIDDEN = '该字段不能包含控制字符或不可见字符';
const hidden = (label: string, at: number) => HIDDEN.replace('该字段', label).concat(`（第 ${at} 个字符处），请删除后重新输入`);

describe('control and invisible characters are refused at their field, and nothing is written', () => {
  it('a NUL in a member’s name, a right-to-left override in the address: no household', async () => {
    const user = await signedIn('caseworker');
    const address = `康城村 ${tag()} 号`;
    const base = { villageCode: '141130101200', address, kind: 'rural', 'members.0.idNumber': randomIdNumber(), 'members.0.relation': '本人', 'members.0.workingCapacity': 'full' };
    const nul = await refusedAction(user, householdInputSchema, registerHousehold, { ...base, 'members.0.name': '穆\u0000小军' });
    expect(nul['members.0.name']).toBe(hidden('姓名', 2));
    const rlo = await refusedAction(user, householdInputSchema, registerHousehold, { ...base, address: `${address}\u202E2`, 'members.0.name': '穆小军' });
    expect(rlo.address).toBe(hidden('住址', [...address].length + 1));
    const db = await appDb();
    expect(await db.select().from(households).where(sql`${households.address} like ${`%${address}%`}`)).toEqual([]);
  });

  it('a zero-width space in an income note; a noncharacter in an asset description', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const id = await insertHousehold(db);
    const ref = { householdId: id, version: '1', reason: '年审' };
    const note = await refusedAction(user, addIncomeItemSchema, addIncomeItem, { ...ref, kind: 'wages', amount: '800', fromDate: '2026-01-01', note: '打工\u200B收入' });
    expect(note.note).toBe(hidden('备注', 3));
    const asset = await refusedAction(user, addAssetSchema, addAsset, { ...ref, kind: 'vehicle', description: '三轮车\uFFFF', recordedOn: '2026-01-01' });
    expect(asset.description).toBe(hidden('资产说明', 4));
    expect(await db.select().from(incomeItems).where(eq(incomeItems.householdId, id))).toEqual([]);
    expect(await db.select().from(assets).where(eq(assets.householdId, id))).toEqual([]);
    const [h] = await db.select({ version: households.version }).from(households).where(eq(households.id, id));
    expect(h!.version).toBe(1);
  });

  it('a user’s name with an override (an admin creating an account); a policy note with a C1 control', async () => {
    const admin = await signedIn('admin');
    const username = `u${tag()}`;
    const name = await refusedAction(admin, createUserSchema, createUser, { username, name: '李\u202E四', role: 'caseworker', regionCode: '141130101', password: 'Strong#Pass2026' });
    expect(name.name).toBe(hidden('姓名', 2));
    const db = await appDb();
    expect(await db.select().from(users).where(eq(users.username, username))).toEqual([]);

    const note = await refusedAction(admin, addStandardSchema, addStandard, { key: 'dibao/rural_standard_monthly', regionCode: '141124', effectiveFrom: '2031-01-01', value: '600', note: '晋民发\u0085 2031' });
    expect(note.note).toBe(hidden('依据或说明', 4));
    expect(await db.select().from(policyStandards).where(eq(policyStandards.effectiveFrom, '2031-01-01'))).toEqual([]);
  });
});

describe('dates out of range are refused at their field', () => {
  it('an income starting before 1900 or more than a year ahead; an asset recorded in year 1', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const id = await insertHousehold(db);
    const ref = { householdId: id, version: '1', reason: '年审', kind: 'wages', amount: '800' };
    expect((await refusedAction(user, addIncomeItemSchema, addIncomeItem, { ...ref, fromDate: '1899-12-31' })).fromDate).toBe('起始日期不能早于 1900 年 1 月 1 日');
    const ahead = await refusedAction(user, addIncomeItemSchema, addIncomeItem, { ...ref, fromDate: `${Number(new Date().getFullYear()) + 2}-01-01` });
    expect(ahead.fromDate).toMatch(/^起始日期不能晚于一年以后（\d{4}-\d{2}-\d{2}）$/);
    expect((await refusedAction(user, addIncomeItemSchema, addIncomeItem, { ...ref, fromDate: '2026-01-01', toDate: '9999-12-31' })).toDate).toBe('截止日期不能晚于 2100 年 12 月 31 日');
    const asset = await refusedAction(user, addAssetSchema, addAsset, { householdId: id, version: '1', reason: '年审', kind: 'vehicle', description: '三轮车', recordedOn: '0001-01-01' });
    expect(asset.recordedOn).toBe('登记日期不能早于 1900 年 1 月 1 日');
    expect(await db.select().from(incomeItems).where(eq(incomeItems.householdId, id))).toEqual([]);
    expect(await db.select().from(assets).where(eq(assets.householdId, id))).toEqual([]);
  });

  it('a policy date or a calendar day that is no date (2月30日) names the field instead of failing in the database', async () => {
    const admin = await signedIn('admin');
    const std = await refusedAction(admin, addStandardSchema, addStandard, { key: 'dibao/rural_standard_monthly', regionCode: '141124', effectiveFrom: '2031-02-30', value: '600', note: '测试文件' });
    expect(std.effectiveFrom).toBe('生效日期应为有效日期，格式如 2024-03-15');
    const day = await refusedAction(admin, calendarDaySchema, setCalendarDay, { day: '2031-02-31', kind: 'holiday', note: '测试' });
    expect(day.day).toBe('日期应为有效日期，格式如 2024-03-15');
    const db = await appDb();
    expect(await db.select().from(workCalendar).where(sql`${workCalendar.day} >= '2031-02-01' and ${workCalendar.day} < '2031-04-01'`)).toEqual([]);
  });
});

describe('a body over the action limit', () => {
  it('is refused with its size, at its largest field, before the schema or the verb see it', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const id = await insertHousehold(db);
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const result = await runAction(async () => user, addIncomeItemSchema, addIncomeItem, form({
      householdId: id, version: '1', reason: '年审', kind: 'wages', amount: '800', fromDate: '2026-01-01', note: '长'.repeat(MAX_ACTION_BYTES / 3 + 100),
    }));
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { note: '内容过长，请删减' } });
    expect(result.ok ? '' : result.message).toBe('提交的内容超过 1 MB 的上限，未保存；请删减后重试');
    expect(await db.select().from(incomeItems).where(eq(incomeItems.householdId, id))).toEqual([]);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('just under the limit reaches the schema, which answers with the field’s own length rule', async () => {
    const user = await signedIn('caseworker');
    const id = await insertHousehold(await appDb());
    const errors = await refusedAction(user, addIncomeItemSchema, addIncomeItem, {
      householdId: id, version: '1', reason: '年审', kind: 'wages', amount: '800', fromDate: '2026-01-01', note: '长'.repeat(1000),
    });
    expect(errors.note).toBe('备注不能超过 200 个字');
  });
});

describe('a tampered list cursor', () => {
  it('starts the household list from its first page instead of failing the query', async () => {
    const user = await signedIn('supervisor');
    const first = await searchHouseholds(user, { sort: 'newest' }, { pageSize: 5 });
    expect(first.rows.length).toBeGreaterThan(0);
    const someId = first.rows[0]!.id;
    for (const after of [
      'garbage',
      encodeCursor(['not-a-time', someId]), // would have failed ::timestamptz
      encodeCursor(['2026-01-01T00:00:00.000000Z', '12345678-aaaa-bbbb-cccc-zzzzzzzzzzzz']), // would have failed ::uuid
      Buffer.from(JSON.stringify(['2026-02-30T25:61:00.000000Z', someId])).toString('base64url'),
    ]) {
      const page = await searchHouseholds(user, { sort: 'newest', after }, { pageSize: 5 });
      expect(page.rows.map((r) => r.id), after).toEqual(first.rows.map((r) => r.id));
    }
    // The real cursor still pages on.
    if (first.nextCursor) {
      const second = await searchHouseholds(user, { sort: 'newest', after: first.nextCursor }, { pageSize: 5 });
      expect(second.rows.map((r) => r.id)).not.toContain(someId);
    }
  });

  it('a name cursor with a NUL (PostgreSQL refuses it in text) also starts from the first page', async () => {
    const user = await signedIn('supervisor');
    const first = await searchHouseholds(user, { sort: 'name' }, { pageSize: 3 });
    const page = await searchHouseholds(user, { sort: 'name', after: encodeCursor(['张\u0000', first.rows[0]!.id]) }, { pageSize: 3 });
    expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});
