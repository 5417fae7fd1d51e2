import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, households, members } from '@/db/schema';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema, type HouseholdInput } from '@/lib/households/schemas';
import { appDb, randomIdNumber, signedIn } from './support/app';

function input(overrides: Partial<Record<string, unknown>> = {}, ids: string[] = [randomIdNumber()]): HouseholdInput {
  return householdInputSchema.parse({
    villageCode: '141130101200',
    address: '康城村 99 号',
    kind: 'rural',
    members: ids.map((idNumber, i) => ({ name: `登记测试${i}`, idNumber, relation: i === 0 ? '本人' : '子女', workingCapacity: 'full' })),
    ...overrides,
  });
}

describe('registering a household', () => {
  it('writes the household, its members with birth date and sex from the ID, and one audit row', async () => {
    const caseworker = await signedIn('caseworker');
    const ids = [randomIdNumber(), randomIdNumber()];
    const { id } = await registerHousehold(caseworker, input({}, ids));
    const db = await appDb();
    const [h] = await db.select().from(households).where(eq(households.id, id));
    expect(h).toMatchObject({ townshipCode: '141130101', countyCode: '141130', createdBy: caseworker.id });
    const people = await db.select().from(members).where(eq(members.householdId, id));
    expect(people).toHaveLength(2);
    const head = people.find((p) => p.isHead)!;
    expect(head.birthDate).toBe(`${ids[0]!.slice(6, 10)}-${ids[0]!.slice(10, 12)}-${ids[0]!.slice(12, 14)}`);
    expect(head.sex).toBe(Number(ids[0]![16]) % 2 ? '男' : '女');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'household'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action)).toEqual(['household.register']);
    expect(JSON.stringify(audit[0]!.after)).not.toContain(ids[0]); // IDs are masked in the log
  });

  it('refuses an ID already active elsewhere, naming where for a user who may see it and not for others', async () => {
    const shared = randomIdNumber();
    await registerHousehold(await signedIn('caseworker'), input({}, [shared]));
    await expect(registerHousehold(await signedIn('supervisor'), input({ address: '另一户' }, [shared]))).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { 'members.0.idNumber': expect.stringMatching(/^该身份证号已登记在康城村委会 登记测试0户$/) },
    });
    await expect(
      registerHousehold(await signedIn('caseworker2'), input({ villageCode: '141128102200' }, [shared])),
    ).rejects.toMatchObject({ fieldErrors: { 'members.0.idNumber': '该身份证号已在其他地区登记' } });
  });

  it('lets only one of two concurrent registrations of the same ID succeed (database constraint)', async () => {
    const shared = randomIdNumber();
    const caseworker = await signedIn('caseworker');
    const results = await Promise.allSettled([
      registerHousehold(caseworker, input({ address: '并发 A' }, [shared])),
      registerHousehold(caseworker, input({ address: '并发 B' }, [shared])),
      registerHousehold(caseworker, input({ address: '并发 C' }, [shared])),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'invalid_input', fieldErrors: { 'members.0.idNumber': expect.stringContaining('已登记') } });
    }
    const db = await appDb();
    const active = await db.select().from(members).where(and(eq(members.idNumber, shared), eq(members.status, 'active')));
    expect(active).toHaveLength(1);
    const orphans = await db.select().from(households).where(eq(households.address, '并发 B'));
    const orphansC = await db.select().from(households).where(eq(households.address, '并发 C'));
    expect(orphans.length + orphansC.length).toBeLessThanOrEqual(1); // a loser's household rolled back with its members
  });

  it('has the database itself refuse a second active member with the same ID', async () => {
    const db = await appDb();
    const shared = randomIdNumber();
    const { id } = await registerHousehold(await signedIn('caseworker'), input({}, [shared]));
    const row = { householdId: id, name: '绕过检查', idNumber: shared, birthDate: '1980-01-01', sex: '男' as const, relation: '其他' };
    await expect(db.insert(members).values(row)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    // A member who has left no longer blocks the ID.
    await db.update(members).set({ status: 'moved_out' }).where(eq(members.idNumber, shared));
    await expect(db.insert(members).values(row)).resolves.toBeDefined();
  });

  it('refuses a village outside the user region and a user who may not write, changing nothing', async () => {
    const db = await appDb();
    const id = randomIdNumber();
    await expect(registerHousehold(await signedIn('caseworker2'), input({}, [id]))).rejects.toMatchObject({
      fieldErrors: { villageCode: '请选择您管辖范围内的村（社区）' },
    });
    await expect(registerHousehold(await signedIn('auditor'), input({}, [id]))).rejects.toMatchObject({ code: 'not_found' });
    expect(await db.select().from(members).where(eq(members.idNumber, id))).toHaveLength(0);
  });
});
