// One rule for what a user learns of a resident ID already active in another household
// (lib/households/registered-elsewhere.ts), through every way an ID enters the registry:
// registration, adding a member, correcting a member's ID, the roster import, and moving a
// member (whose target outside the region is "not found", like a household that does not exist).
import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { members, regions } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { addMember } from '@/lib/households/add-member';
import { addMemberSchema, moveMemberSchema, updateMemberSchema } from '@/lib/households/change-schemas';
import { importRoster, type ImportOutcome } from '@/lib/households/import/import-roster';
import { rosterHeaders } from '@/lib/households/import/layout';
import { moveMember } from '@/lib/households/move-member';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { updateMember } from '@/lib/households/update-member';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

const OUTSIDE_FOR_TOWNSHIP = '该身份证号已在本系统其他地区登记，请联系县级民政部门核实';
const OUTSIDE_FOR_COUNTY = '该身份证号已在本系统其他地区登记，请联系市级民政部门核实';

async function refused(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e, 'expected a refusal').toBeInstanceOf(AppError);
  return e as AppError;
}

const member = (idNumber: string, relation = '子女') => ({ name: '核对成员', idNumber, relation, workingCapacity: 'full' });
const registration = (idNumber: string) =>
  householdInputSchema.parse({ villageCode: '141130101200', address: '康城村 登记核对', kind: 'rural', members: [member(idNumber, '本人')] });

// Three people already registered: in the caseworker's own township; in another township of
// the same county (the supervisor's, not the caseworker's); in another county (方山县).
const id = { own: randomIdNumber(), neighbour: randomIdNumber(), far: randomIdNumber('141128') };
let homes: { own: string; neighbour: string; far: string };
let caseworker: SessionUser;
let supervisor: SessionUser;

beforeAll(async () => {
  const db = await appDb();
  const [neighbourVillage] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 'village'), eq(regions.countyCode, '141130'), ne(regions.townshipCode, '141130101')))
    .limit(1);
  homes = {
    own: await insertHousehold(db, { idNumber: id.own, headName: '本镇户主' }),
    neighbour: await insertHousehold(db, { idNumber: id.neighbour, headName: '邻镇户主', villageCode: neighbourVillage!.code }),
    far: await insertHousehold(db, { idNumber: id.far, headName: '方山户主', villageCode: '141128102200' }),
  };
  caseworker = await signedIn('caseworker'); // 康城镇
  supervisor = await signedIn('supervisor'); // 交口县
});

async function stillOnce() {
  const db = await appDb();
  const rows = await db.select({ idNumber: members.idNumber }).from(members).where(and(inArray(members.idNumber, Object.values(id)), eq(members.status, 'active')));
  expect(rows.map((r) => r.idNumber).sort()).toEqual(Object.values(id).sort());
}

describe('an ID registered elsewhere', () => {
  it('registration: named inside the user’s region, only "elsewhere" outside it — for a county user too', async () => {
    const field = async (user: SessionUser, idNumber: string) => (await refused(registerHousehold(user, registration(idNumber)))).fieldErrors['members.0.idNumber'];
    expect(await field(caseworker, id.own)).toMatch(/^该身份证号已登记在康城镇.+ 本镇户主户$/);
    expect(await field(caseworker, id.neighbour)).toBe(OUTSIDE_FOR_TOWNSHIP);
    expect(await field(caseworker, id.far)).toBe(OUTSIDE_FOR_TOWNSHIP);
    expect(await field(supervisor, id.neighbour)).toMatch(/^该身份证号已登记在.+ 邻镇户主户$/);
    expect(await field(supervisor, id.far)).toBe(OUTSIDE_FOR_COUNTY); // not even the county
    await stillOnce();
  });

  it('adding a member and correcting a member’s ID answer the same', async () => {
    const db = await appDb();
    const target = await insertHousehold(db, { headName: '核对户主' });
    const add = async (idNumber: string) =>
      (await refused(addMember(caseworker, addMemberSchema.parse({ householdId: target, version: '1', reason: '补录成员', member: member(idNumber) })))).fieldErrors['member.idNumber'];
    expect(await add(id.own)).toMatch(/^该身份证号已登记在康城镇.+ 本镇户主户$/);
    expect(await add(id.neighbour)).toBe(OUTSIDE_FOR_TOWNSHIP);
    expect(await add(id.far)).toBe(OUTSIDE_FOR_TOWNSHIP);

    const [head] = await db.select().from(members).where(eq(members.householdId, target));
    const correct = async (idNumber: string) =>
      (await refused(updateMember(caseworker, updateMemberSchema.parse({
        householdId: target, version: '1', memberId: head!.id, reason: '更正身份证号', member: { ...member(idNumber, '本人'), name: '核对户主' },
      })))).fieldErrors['member.idNumber'];
    expect(await correct(id.far)).toBe(OUTSIDE_FOR_TOWNSHIP);
    expect(await correct(id.neighbour)).toBe(OUTSIDE_FOR_TOWNSHIP);
    expect((await db.select().from(members).where(eq(members.householdId, target))).map((m) => m.idNumber)).toEqual([head!.idNumber]);
    await stillOnce();
  });

  it('the roster import: the same messages at the row, and nothing imported', async () => {
    const rows = [id.own, id.far].map((idNumber, i) => ({ 户编号: String(i + 1), 村代码: '141130101200', 住址: `导入核对 ${i}`, 城乡: '农村', 姓名: '导入成员', 身份证号: idNumber, 与户主关系: '本人', 劳动能力: '完全' }));
    const csv = [rosterHeaders.join(','), ...rows.map((r) => rosterHeaders.map((h) => (r as Record<string, string>)[h] ?? '').join(','))].join('\r\n');
    const run = (user: SessionUser) => importRoster(user, { name: 'check.csv', bytes: new TextEncoder().encode(csv) });
    const asCaseworker = (await run(caseworker)) as Extract<ImportOutcome, { ok: false }>;
    expect(asCaseworker.ok).toBe(false);
    expect(asCaseworker.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^该身份证号已登记在康城镇.+ 本镇户主户$/), OUTSIDE_FOR_TOWNSHIP]);
    const asSupervisor = (await run(supervisor)) as Extract<ImportOutcome, { ok: false }>;
    expect(asSupervisor.errors.map((e) => e.message)[1]).toBe(OUTSIDE_FOR_COUNTY);
    await stillOnce();
  });

  it('moving a member to a household outside the region answers exactly like a household that does not exist', async () => {
    const db = await appDb();
    const from = await insertHousehold(db, { headName: '迁出户主' });
    const [mover] = await db.select().from(members).where(eq(members.householdId, from));
    const move = (targetHouseholdId: string) =>
      refused(moveMember(caseworker, moveMemberSchema.parse({
        householdId: from, version: '1', memberId: mover!.id, targetHouseholdId, relation: '子女', date: '2024-05-01', reason: '迁移核对',
      })));
    const outside = await move(homes.neighbour);
    const missing = await move('00000000-0000-4000-8000-000000000000');
    expect(outside.code).toBe('not_found');
    expect(outside.fieldErrors).toEqual(missing.fieldErrors);
    expect((await db.select().from(members).where(eq(members.id, mover!.id)))[0]!.status).toBe('active');
  });
});
