// Changes to a registered household, against real PostgreSQL: each change lands with its audit
// row, bad input changes nothing and names the field, a stale form is refused, and a household
// outside the user's region (or a role that may not write) answers "not found".
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Db } from '@/db/client';
import { assets, auditLog, households, incomeItems, members } from '@/db/schema';
import { fieldErrorsOf } from '@/lib/actions/authed-action';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { addMember } from '@/lib/households/add-member';
import { addAsset, disposeAsset } from '@/lib/households/assets';
import {
  addAssetSchema,
  addIncomeItemSchema,
  addMemberSchema,
  disposeAssetSchema,
  endIncomeItemSchema,
  memberLeaveSchema,
  moveMemberSchema,
  updateHouseholdSchema,
  updateMemberSchema,
} from '@/lib/households/change-schemas';
import { todayInChina } from '@/lib/core/time';
import { getHouseholdDetail } from '@/lib/households/detail';
import { addIncomeItem, endIncomeItem } from '@/lib/households/income-items';
import { memberLeaves } from '@/lib/households/member-leaves';
import { moveMember } from '@/lib/households/move-member';
import { revealIdNumber } from '@/lib/households/reveal-id';
import { updateHousehold } from '@/lib/households/update-household';
import { updateMember } from '@/lib/households/update-member';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

const FANGSHAN_VILLAGE = '141128102200'; // 方山县 峪口镇: outside the demo caseworker's township
const CARD = '6228480470000001235'; // passes Luhn

/** Parses like the server action does; a test that expects valid input fails loudly here. */
function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new Error(`expected valid input, got ${JSON.stringify(fieldErrorsOf(result.error))}`);
  return result.data;
}

function fieldErrors(schema: z.ZodType, raw: unknown): Record<string, string> {
  const result = schema.safeParse(raw);
  expect(result.success, 'expected the input to be refused').toBe(false);
  return result.success ? {} : fieldErrorsOf(result.error);
}

async function refused(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'expected the change to be refused').toBeInstanceOf(AppError);
  return error as AppError;
}

async function household(db: Db, id: string) {
  const [h] = await db.select().from(households).where(eq(households.id, id));
  return h!;
}

async function membersOf(db: Db, householdId: string) {
  return db.select().from(members).where(eq(members.householdId, householdId)).orderBy(members.sortOrder, members.createdAt);
}

async function auditOf(db: Db, householdId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'household'), eq(auditLog.entityId, householdId)))
    .orderBy(desc(auditLog.id));
}

function memberFields(overrides: Record<string, string> = {}) {
  return {
    name: '新成员',
    idNumber: randomIdNumber(),
    relation: '子女',
    disabilityKind: '',
    disabilityGrade: '',
    disabilityCertificate: '',
    schoolStage: '',
    workingCapacity: 'full',
    ...overrides,
  };
}

/** A household with a head and `others` more members, added through the verb. */
async function family(db: Db, user: SessionUser, others: string[] = [], villageCode?: string) {
  const id = await insertHousehold(db, { headName: '户主甲', villageCode });
  for (const name of others) {
    const { version } = await household(db, id);
    await addMember(user, parse(addMemberSchema, { householdId: id, version, reason: '登记家庭成员', member: memberFields({ name }) }));
  }
  const rows = await membersOf(db, id);
  const by = (name: string) => rows.find((m) => m.name === name)!;
  return { id, head: rows.find((m) => m.isHead)!, by };
}

const v = async (db: Db, id: string) => (await household(db, id)).version;

describe('updateHousehold', () => {
  const form = (householdId: string, version: number, extra: Record<string, unknown> = {}) => ({
    householdId,
    version: String(version),
    address: '康城村 2 组 8 号',
    kind: 'rural',
    phone: '13912345678',
    povertyCauses: '',
    reason: '入户核实住址',
    ...extra,
  });

  it('changes the fields and writes one audit row with only what changed, the account masked', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    const input = parse(updateHouseholdSchema, form(id, 1, {
      changeBank: 'on',
      bank: { bankName: '吕梁农商银行', accountKind: 'card', account: '6228 4804 7000 0001 235', holder: '户主' },
    }));
    expect(await updateHousehold(user, input)).toEqual({ changed: true });

    const h = await household(db, id);
    expect(h).toMatchObject({ address: '康城村 2 组 8 号', phone: '13912345678', bankAccount: CARD, version: 2 });
    const [row] = await auditOf(db, id);
    expect(row).toMatchObject({ action: 'household.update', reason: '入户核实住址', actorName: user.name, regionCode: '141130101200' });
    expect(row!.before).toEqual({ address: '测试地址 1 号', phone: null, bankName: null, bankAccountKind: null, bankAccount: null, bankAccountHolder: null });
    expect(row!.after).toMatchObject({ address: '康城村 2 组 8 号', phone: '13912345678', bankAccount: '6228 **** **** 1235' });
    expect(JSON.stringify(row)).not.toContain(CARD);

    // Unticked "change account": the account stays; an unchanged form writes nothing.
    expect(await updateHousehold(user, parse(updateHouseholdSchema, form(id, 2)))).toEqual({ changed: false });
    expect((await household(db, id)).bankAccount).toBe(CARD);
    expect(await auditOf(db, id)).toHaveLength(1);
  });

  it('refuses bad input at its field, with the same rules as registration', async () => {
    const id = await insertHousehold(await appDb());
    expect(fieldErrors(updateHouseholdSchema, form(id, 1, { reason: ' ' }))).toMatchObject({ reason: '请填写变更原因' });
    expect(fieldErrors(updateHouseholdSchema, form(id, 1, { phone: '12345' })).phone).toContain('联系电话格式不正确');
    expect(fieldErrors(updateHouseholdSchema, form(id, 1, { registeredPoor: 'on' }))).toMatchObject({
      registeredPoorYear: '建档立卡户须填写建档年份',
      povertyCauses: '建档立卡户须至少选择一项致贫原因',
    });
    const bank = { bankName: '农商银行', accountKind: 'card', account: '6228480470000001234', holder: '户主' };
    expect(fieldErrors(updateHouseholdSchema, form(id, 1, { changeBank: 'on', bank }))['bank.account']).toContain('校验不通过');
  });

  it('refuses a stale form, another region and a role that may not write, changing nothing', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    await updateHousehold(user, parse(updateHouseholdSchema, form(id, 1)));

    const stale = await refused(updateHousehold(user, parse(updateHouseholdSchema, form(id, 1, { address: '旧表单' }))));
    expect(stale.code).toBe('conflict');
    for (const who of ['caseworker2', 'auditor', 'admin']) {
      const e = await refused(updateHousehold(await signedIn(who), parse(updateHouseholdSchema, form(id, 2, { address: '越权' }))));
      expect(e.code, who).toBe('not_found');
    }
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await refused(updateHousehold(user, parse(updateHouseholdSchema, form(missing, 1))))).code).toBe('not_found');
    expect(await household(db, id)).toMatchObject({ address: '康城村 2 组 8 号', version: 2 });
    expect(await auditOf(db, id)).toHaveLength(1);
  });
  it('lets only one of two simultaneous changes read at the same version through', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    const results = await Promise.allSettled([
      updateHousehold(user, parse(updateHouseholdSchema, form(id, 1, { address: '甲的修改' }))),
      updateHousehold(user, parse(updateHouseholdSchema, form(id, 1, { address: '乙的修改' }))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: 'conflict' });
    expect(await auditOf(db, id)).toHaveLength(1);
    expect((await household(db, id)).version).toBe(2);
  });
});

describe('addMember', () => {
  it('adds the member with its audit row (ID masked) and moves the version on', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    const idNumber = randomIdNumber();
    const input = parse(addMemberSchema, { householdId: id, version: '1', reason: '新生儿落户', member: memberFields({ name: '穆小华', idNumber }) });
    const { memberId } = await addMember(user, input);

    const added = (await membersOf(db, id)).find((m) => m.id === memberId)!;
    expect(added).toMatchObject({ name: '穆小华', idNumber, relation: '子女', isHead: false, status: 'active', sortOrder: 1 });
    expect(added.birthDate).toBe(`${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`);
    expect(await v(db, id)).toBe(2);
    const [row] = await auditOf(db, id);
    expect(row).toMatchObject({ action: 'member.add', reason: '新生儿落户' });
    expect(row!.after).toMatchObject({ name: '穆小华', idNumber: `${idNumber.slice(0, 6)}********${idNumber.slice(14)}` });
    expect(JSON.stringify(row)).not.toContain(idNumber);
  });

  it('refuses an ID already active in another household, naming where, and changes nothing', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const taken = randomIdNumber();
    await insertHousehold(db, { headName: '已登记户主', idNumber: taken });
    const farAway = randomIdNumber('141128');
    await insertHousehold(db, { villageCode: FANGSHAN_VILLAGE, idNumber: farAway });
    const id = await insertHousehold(db);

    const near = await refused(addMember(user, parse(addMemberSchema, { householdId: id, version: '1', reason: '补录成员', member: memberFields({ idNumber: taken }) })));
    expect(near.code).toBe('invalid_input');
    expect(near.fieldErrors['member.idNumber']).toMatch(/已登记在.*已登记户主户/);
    const far = await refused(addMember(user, parse(addMemberSchema, { householdId: id, version: '1', reason: '补录成员', member: memberFields({ idNumber: farAway }) })));
    expect(far.fieldErrors['member.idNumber']).toBe('该身份证号已在本系统其他地区登记，请联系县级民政部门核实');
    expect(await membersOf(db, id)).toHaveLength(1);
    expect(await auditOf(db, id)).toHaveLength(0);
    expect(await v(db, id)).toBe(1);
  });

  it('refuses a second 本人 and bad fields; stale, out-of-region and read-only users are refused', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db, { headName: '唯一户主' });
    const raw = (extra: Record<string, string>) => ({ householdId: id, version: '1', reason: '补录成员', member: memberFields(extra) });

    const head = await refused(addMember(user, parse(addMemberSchema, raw({ relation: '本人' }))));
    expect(head.fieldErrors['member.relation']).toContain('已有户主（唯一户主）');
    expect(fieldErrors(addMemberSchema, raw({ idNumber: '141130198003129010' }))['member.idNumber']).toBe('身份证号校验码不正确，请核对后重新输入');
    expect(fieldErrors(addMemberSchema, { ...raw({ name: '' }), reason: '' })).toMatchObject({ 'member.name': '请填写姓名', reason: '请填写变更原因' });

    expect((await refused(addMember(user, parse(addMemberSchema, { ...raw({}), version: '7' })))).code).toBe('conflict');
    expect((await refused(addMember(await signedIn('caseworker2'), parse(addMemberSchema, raw({}))))).code).toBe('not_found');
    expect((await refused(addMember(await signedIn('auditor'), parse(addMemberSchema, raw({}))))).code).toBe('not_found');
    expect(await membersOf(db, id)).toHaveLength(1);
    expect(await auditOf(db, id)).toHaveLength(0);
  });
});

describe('updateMember', () => {
  it('changes details and audits only the changed fields; a corrected ID carries its birth date', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['小儿子']);
    const child = f.by('小儿子');
    const newId = randomIdNumber();
    const input = parse(updateMemberSchema, {
      householdId: f.id,
      version: String(await v(db, f.id)),
      memberId: child.id,
      reason: '残疾证核实',
      member: memberFields({ name: '小儿子', idNumber: newId, disabilityKind: '肢体', disabilityGrade: '2', schoolStage: '初中', workingCapacity: 'none' }),
    });
    expect(await updateMember(user, input)).toEqual({ changed: true });

    const [after] = await db.select().from(members).where(eq(members.id, child.id));
    expect(after).toMatchObject({ idNumber: newId, disabilityKind: '肢体', disabilityGrade: 2, schoolStage: '初中', workingCapacity: 'none' });
    expect(after!.birthDate).toBe(`${newId.slice(6, 10)}-${newId.slice(10, 12)}-${newId.slice(12, 14)}`);
    const [row] = await auditOf(db, f.id);
    expect(row).toMatchObject({ action: 'member.update', reason: '残疾证核实' });
    expect(Object.keys(row!.after as object).sort()).toEqual(
      ['member', 'idNumber', 'birthDate', 'disabilityKind', 'disabilityGrade', 'schoolStage', 'workingCapacity', ...(after!.sex !== child.sex ? ['sex'] : [])].sort(),
    );
    expect(JSON.stringify(row)).not.toContain(newId);
  });

  it('keeps the resident ID when the correction field is left blank (the form only knows the masked number)', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db, { headName: '户主乙' });
    const [head] = await membersOf(db, id);
    const input = parse(updateMemberSchema, {
      householdId: id, version: '1', memberId: head!.id, reason: '更正姓名',
      member: memberFields({ name: '户主乙改', idNumber: '', relation: '本人' }),
    });
    expect(input.member.idNumber).toBeUndefined();
    expect(await updateMember(user, input)).toEqual({ changed: true });
    const [after] = await membersOf(db, id);
    expect(after).toMatchObject({ name: '户主乙改', idNumber: head!.idNumber, isHead: true });
    expect((await auditOf(db, id))[0]!.after).toEqual({ member: '户主乙改', name: '户主乙改', workingCapacity: 'full' });
  });

  it('refuses a duplicate ID, a second 本人 and a head who stops being 本人', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['女儿']);
    const daughter = f.by('女儿');
    const version = String(await v(db, f.id));
    const raw = (memberId: string, extra: Record<string, string>) => ({ householdId: f.id, version, memberId, reason: '更正信息', member: memberFields(extra) });

    const dup = await refused(updateMember(user, parse(updateMemberSchema, raw(daughter.id, { name: '女儿', idNumber: f.head.idNumber }))));
    expect(dup.fieldErrors['member.idNumber']).toBe('该身份证号已是本户成员（户主甲）');
    const second = await refused(updateMember(user, parse(updateMemberSchema, raw(daughter.id, { name: '女儿', idNumber: daughter.idNumber, relation: '本人' }))));
    expect(second.fieldErrors['member.relation']).toContain('已有户主');
    const head = await refused(updateMember(user, parse(updateMemberSchema, raw(f.head.id, { name: '户主甲', idNumber: f.head.idNumber, relation: '配偶' }))));
    expect(head.fieldErrors['member.relation']).toContain('只能是"本人"');
    const other = await insertHousehold(db);
    const [stranger] = await membersOf(db, other);
    expect((await refused(updateMember(user, parse(updateMemberSchema, raw(stranger!.id, { idNumber: stranger!.idNumber }))))).code).toBe('not_found');
    expect((await refused(updateMember(user, parse(updateMemberSchema, { ...raw(daughter.id, {}), version: '1' })))).code).toBe('conflict');
    expect(String(await v(db, f.id))).toBe(version);
  });
});

describe('memberLeaves', () => {
  const leave = (householdId: string, version: number, memberId: string, extra: Record<string, string> = {}) =>
    parse(memberLeaveSchema, { householdId, version: String(version), memberId, kind: 'deceased', date: '2024-03-15', reason: '因病去世', ...extra });

  it('a death keeps the member in history, ends their income and is on the timeline', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['老父亲']);
    const father = f.by('老父亲');
    await addIncomeItem(user, parse(addIncomeItemSchema, {
      householdId: f.id, version: String(await v(db, f.id)), kind: 'pension_basic', memberId: father.id, amount: '150', fromDate: '2020-01-01', reason: '养老金',
    }));
    await memberLeaves(user, leave(f.id, await v(db, f.id), father.id));

    const [row] = await db.select().from(members).where(eq(members.id, father.id));
    expect(row).toMatchObject({ status: 'deceased', leftOn: '2024-03-15', leftReason: '因病去世', name: '老父亲' });
    const [income] = await db.select().from(incomeItems).where(eq(incomeItems.memberId, father.id));
    expect(income!.toDate).toBe('2024-03-15');
    const detail = await getHouseholdDetail(user, f.id);
    expect(detail!.members.map((m) => [m.name, m.status])).toEqual([['户主甲', 'active'], ['老父亲', 'deceased']]);
    expect(detail!.status).toBe('active');
    expect(detail!.timeline[0]).toMatchObject({ action: 'member.death', reason: '因病去世', after: { member: '老父亲', status: 'deceased', leftOn: '2024-03-15', endedIncomeItems: 1 } });
  });

  it('refuses a date before birth or in the future, and a missing kind, at their fields', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['晚辈']);
    const junior = f.by('晚辈');
    const version = await v(db, f.id);
    const before = await refused(memberLeaves(user, leave(f.id, version, junior.id, { date: '1900-01-01' })));
    expect(before.fieldErrors.date).toBe(`日期不能早于该成员的出生日期（${junior.birthDate}）`);
    const raw = { householdId: f.id, version: String(version), memberId: junior.id, kind: '', date: '2999-01-01', reason: '迁出' };
    expect(fieldErrors(memberLeaveSchema, raw)).toMatchObject({ kind: '请选择离开类型', date: '日期不能晚于今天' });
    expect(fieldErrors(memberLeaveSchema, { ...raw, kind: 'moved_out', date: '2024-02-30' }).date).toContain('有效日期');
    expect(memberLeaveSchema.safeParse({ ...raw, kind: 'moved_out', date: todayInChina() }).success).toBe(true);
    expect((await membersOf(db, f.id)).every((m) => m.status === 'active')).toBe(true);
    expect(await v(db, f.id)).toBe(version);
  });

  it('the head leaving requires a new head from the remaining members, who becomes 本人', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['妻子', '儿子']);
    const wife = f.by('妻子');
    const version = await v(db, f.id);

    const none = await refused(memberLeaves(user, leave(f.id, version, f.head.id)));
    expect(none.fieldErrors.newHeadMemberId).toBe('户主离开后须从本户在册成员中指定新户主');
    const self = await refused(memberLeaves(user, leave(f.id, version, f.head.id, { newHeadMemberId: f.head.id })));
    expect(self.fieldErrors.newHeadMemberId).toBe('新户主须是本户在册的其他成员');
    expect((await membersOf(db, f.id)).find((m) => m.isHead)?.id).toBe(f.head.id);

    expect((await household(db, f.id)).headName).toBe(f.head.name); // the list sorts by it
    await memberLeaves(user, leave(f.id, version, f.head.id, { newHeadMemberId: wife.id }));
    expect((await household(db, f.id)).headName).toBe(wife.name);
    const rows = await membersOf(db, f.id);
    expect(rows.find((m) => m.id === wife.id)).toMatchObject({ isHead: true, relation: '本人', status: 'active' });
    expect(rows.find((m) => m.id === f.head.id)).toMatchObject({ isHead: false, status: 'deceased', relation: '本人' });
    const [row] = await auditOf(db, f.id);
    expect(row!.before).toMatchObject({ newHead: '妻子', newHeadRelation: '子女' });
    expect(row!.after).toMatchObject({ newHead: '妻子', newHeadRelation: '本人' });
  });

  it('closes the household when its last member leaves; stale, other-region and auditor are refused', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    const [head] = await membersOf(db, id);
    for (const who of ['caseworker2', 'auditor']) {
      expect((await refused(memberLeaves(await signedIn(who), leave(id, 1, head!.id)))).code, who).toBe('not_found');
    }
    expect((await refused(memberLeaves(user, leave(id, 9, head!.id)))).code).toBe('conflict');
    expect(await household(db, id)).toMatchObject({ status: 'active', version: 1 });

    const result = await memberLeaves(user, leave(id, 1, head!.id, { kind: 'moved_out', reason: '外出务工落户外地' }));
    expect(result).toEqual({ closed: true });
    expect(await household(db, id)).toMatchObject({ status: 'closed', version: 2, headName: '' });
    expect((await auditOf(db, id))[0]!.after).toMatchObject({ status: 'moved_out', householdStatus: 'closed' });
    const again = await refused(memberLeaves(user, leave(id, 2, head!.id)));
    expect(again.fieldErrors._form).toContain('已不在本户');
  });
});

describe('moveMember', () => {
  it('ends the row in the old household and creates it in the target, audited on both', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const from = await family(db, user, ['出嫁女儿']);
    const daughter = from.by('出嫁女儿');
    const to = await insertHousehold(db, { headName: '夫家户主' });
    const sourceVersion = await v(db, from.id);

    const { memberId } = await moveMember(user, parse(moveMemberSchema, {
      householdId: from.id, version: String(sourceVersion), memberId: daughter.id,
      targetHouseholdId: `http://localhost:3000/households/${to}`, relation: '配偶', date: '2024-05-01', reason: '婚嫁迁入夫家',
    }));

    const [old] = await db.select().from(members).where(eq(members.id, daughter.id));
    expect(old).toMatchObject({ householdId: from.id, status: 'moved_out', leftOn: '2024-05-01', leftReason: '婚嫁迁入夫家' });
    const [moved] = await db.select().from(members).where(eq(members.id, memberId));
    expect(moved).toMatchObject({ householdId: to, status: 'active', relation: '配偶', isHead: false, idNumber: daughter.idNumber, name: '出嫁女儿', birthDate: daughter.birthDate });
    expect(await v(db, from.id)).toBe(sourceVersion + 1);
    expect(await v(db, to)).toBe(2);
    expect((await auditOf(db, from.id))[0]).toMatchObject({ action: 'member.move_out', after: { member: '出嫁女儿', toHousehold: to, toHead: '夫家户主' } });
    expect((await auditOf(db, to))[0]).toMatchObject({ action: 'member.move_in', after: { member: '出嫁女儿', relation: '配偶', fromHousehold: from.id } });
    expect((await getHouseholdDetail(user, from.id))!.members.find((m) => m.id === daughter.id)?.status).toBe('moved_out');
  });

  it('refuses a target outside the region (not found), the same household, and 本人 where there is a head', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const from = await family(db, user, ['儿子']);
    const son = from.by('儿子');
    const version = String(await v(db, from.id));
    const far = await insertHousehold(db, { villageCode: FANGSHAN_VILLAGE });
    const near = await insertHousehold(db, { headName: '邻户户主' });
    const raw = (extra: Record<string, string>) => ({ householdId: from.id, version, memberId: son.id, targetHouseholdId: near, relation: '子女', date: '2024-05-01', reason: '分户', ...extra });

    const outside = await refused(moveMember(user, parse(moveMemberSchema, raw({ targetHouseholdId: far }))));
    expect(outside.code).toBe('not_found');
    expect((await refused(moveMember(user, parse(moveMemberSchema, raw({ targetHouseholdId: from.id }))))).fieldErrors.targetHouseholdId).toBe('目标家庭不能是本户');
    expect((await refused(moveMember(user, parse(moveMemberSchema, raw({ relation: '本人' }))))).fieldErrors.relation).toContain('已有户主（邻户户主）');
    expect((await refused(moveMember(await signedIn('auditor'), parse(moveMemberSchema, raw({}))))).code).toBe('not_found');
    expect((await refused(moveMember(user, parse(moveMemberSchema, { ...raw({}), version: '1' })))).code).toBe('conflict');
    expect(fieldErrors(moveMemberSchema, raw({ targetHouseholdId: '张三家' })).targetHouseholdId).toContain('目标家庭编号');

    expect((await db.select().from(members).where(eq(members.id, son.id)))[0]!.status).toBe('active');
    expect(await membersOf(db, near)).toHaveLength(1);
    expect(await auditOf(db, near)).toHaveLength(0);
  });
});

describe('income items', () => {
  it('adds an item in fen and ends it later, never deleting it', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const f = await family(db, user, ['打工儿子']);
    const son = f.by('打工儿子');
    const { itemId } = await addIncomeItem(user, parse(addIncomeItemSchema, {
      householdId: f.id, version: String(await v(db, f.id)), kind: 'wages', memberId: son.id, amount: '1,200.50', fromDate: '2024-01-01', toDate: '', excluded: '', note: '县城务工', reason: '入户调查',
    }));
    const [item] = await db.select().from(incomeItems).where(eq(incomeItems.id, itemId));
    expect(item).toMatchObject({ amountFen: 120050, memberId: son.id, kind: 'wages', toDate: null, excluded: false, note: '县城务工' });
    expect((await auditOf(db, f.id))[0]).toMatchObject({ action: 'income.add', after: { kind: '工资性收入', member: '打工儿子', amountFen: 120050 } });

    const end = (toDate: string, version: number) =>
      endIncomeItem(user, parse(endIncomeItemSchema, { householdId: f.id, version: String(version), itemId, toDate, reason: '返乡务农' }));
    const early = await refused(end('2023-12-31', await v(db, f.id)));
    expect(early.fieldErrors.toDate).toBe('截止日期不能早于起始日期（2024-01-01）');
    await end('2024-06-30', await v(db, f.id));
    expect((await db.select().from(incomeItems).where(eq(incomeItems.id, itemId)))[0]!.toDate).toBe('2024-06-30');
    expect((await auditOf(db, f.id))[0]).toMatchObject({ action: 'income.end', reason: '返乡务农', before: { toDate: null }, after: { toDate: '2024-06-30' } });
    expect((await refused(end('2024-07-31', await v(db, f.id)))).fieldErrors.toDate).toContain('已于 2024-06-30 截止');
  });

  it('refuses bad amounts, dates and a member of another household; read-only users cannot add', async () => {
    const db = await appDb();
    const user = await signedIn('caseworker');
    const id = await insertHousehold(db);
    const other = await insertHousehold(db);
    const [stranger] = await membersOf(db, other);
    const raw = (extra: Record<string, string>) => ({ householdId: id, version: '1', kind: 'wages', amount: '800', fromDate: '2024-01-01', reason: '入户调查', ...extra });

    expect(fieldErrors(addIncomeItemSchema, raw({ amount: '8.001', kind: 'salary', toDate: '2023-01-01' }))).toMatchObject({
      amount: '金额最多两位小数',
      kind: '请选择收入类型',
      toDate: '截止日期不能早于起始日期',
    });
    const wrong = await refused(addIncomeItem(user, parse(addIncomeItemSchema, raw({ memberId: stranger!.id }))));
    expect(wrong.fieldErrors.memberId).toBe('请选择本户在册成员');
    expect((await refused(addIncomeItem(await signedIn('auditor'), parse(addIncomeItemSchema, raw({}))))).code).toBe('not_found');
    expect((await refused(addIncomeItem(await signedIn('caseworker2'), parse(addIncomeItemSchema, raw({}))))).code).toBe('not_found');
    expect((await refused(addIncomeItem(user, parse(addIncomeItemSchema, raw({ version: '3' }))))).code).toBe('conflict');
    expect(await db.select().from(incomeItems).where(eq(incomeItems.householdId, id))).toHaveLength(0);
    expect(await auditOf(db, id)).toHaveLength(0);
  });
});

describe('assets', () => {
  it('adds an asset and disposes of it, keeping the row', async () => {
    const db = await appDb();
    const user = await signedIn('supervisor');
    const id = await insertHousehold(db);
    const { assetId } = await addAsset(user, parse(addAssetSchema, {
      householdId: id, version: '1', kind: 'vehicle', description: '农用三轮车', value: '3,000', recordedOn: '2024-02-01', reason: '入户调查',
    }));
    expect((await db.select().from(assets).where(eq(assets.id, assetId)))[0]).toMatchObject({ kind: 'vehicle', valueFen: 300000, disposedOn: null });
    expect((await auditOf(db, id))[0]).toMatchObject({ action: 'asset.add', after: { kind: '车辆', description: '农用三轮车', valueFen: 300000 } });

    const dispose = (disposedOn: string, version: number) =>
      disposeAsset(user, parse(disposeAssetSchema, { householdId: id, version: String(version), assetId, disposedOn, reason: '已变卖' }));
    expect((await refused(dispose('2024-01-01', 2))).fieldErrors.disposedOn).toBe('处置日期不能早于登记日期（2024-02-01）');
    await dispose('2024-08-01', 2);
    expect((await db.select().from(assets).where(eq(assets.id, assetId)))[0]!.disposedOn).toBe('2024-08-01');
    expect((await auditOf(db, id))[0]).toMatchObject({ action: 'asset.dispose', reason: '已变卖', after: { disposedOn: '2024-08-01' } });
    expect(await v(db, id)).toBe(3);
  });

  it('refuses bad input, a stale form and other regions', async () => {
    const db = await appDb();
    const id = await insertHousehold(db);
    const raw = { householdId: id, version: '1', kind: 'boat', description: '', value: '-5', recordedOn: '2999-01-01', reason: '入户调查' };
    expect(fieldErrors(addAssetSchema, raw)).toMatchObject({
      kind: '请选择资产类型',
      description: '请填写资产说明',
      value: '金额不能为负数',
      recordedOn: '登记日期不能晚于今天',
    });
    const ok = parse(addAssetSchema, { ...raw, kind: 'house', description: '土坯房 3 间', value: '', recordedOn: '2024-01-01' });
    expect(ok.value).toBeUndefined();
    expect((await refused(addAsset(await signedIn('caseworker2'), ok))).code).toBe('not_found');
    expect((await refused(addAsset(await signedIn('caseworker'), { ...ok, version: 4 }))).code).toBe('conflict');
    expect(await db.select().from(assets).where(eq(assets.householdId, id))).toHaveLength(0);
  });
});

describe('revealIdNumber', () => {
  it('returns the full ID to readers in the region and logs every view', async () => {
    const db = await appDb();
    const idNumber = randomIdNumber();
    const id = await insertHousehold(db, { headName: '穆测试', idNumber });
    const [member] = await membersOf(db, id);

    for (const who of ['caseworker', 'auditor']) {
      const user = await signedIn(who);
      expect(await revealIdNumber(user, member!.id)).toEqual({ householdId: id, name: '穆测试', idNumber });
      expect((await auditOf(db, id))[0]).toMatchObject({ action: 'member.reveal_id', actorName: user.name, after: { member: '穆测试' } });
    }
    expect(await auditOf(db, id)).toHaveLength(2);
    expect(JSON.stringify(await auditOf(db, id))).not.toContain(idNumber);
    expect(await v(db, id)).toBe(1); // a read does not make open forms stale
  });

  it('answers "not found" outside the region, for a role without access and for a bad id', async () => {
    const db = await appDb();
    const id = await insertHousehold(db);
    const [member] = await membersOf(db, id);
    for (const who of ['caseworker2', 'admin']) {
      expect((await refused(revealIdNumber(await signedIn(who), member!.id))).code, who).toBe('not_found');
    }
    expect((await refused(revealIdNumber(await signedIn('caseworker'), 'not-a-uuid'))).code).toBe('not_found');
    expect(await auditOf(db, id)).toHaveLength(0);
  });
});
