import { and, eq, inArray, sql } from 'drizzle-orm';
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
      fieldErrors: { 'members.0.idNumber': expect.stringMatching(/^该身份证号已登记在康城镇康城村委会 登记测试0户$/) },
    });
    await expect(
      registerHousehold(await signedIn('caseworker2'), input({ villageCode: '141128102200' }, [shared])),
    ).rejects.toMatchObject({ fieldErrors: { 'members.0.idNumber': '该身份证号已在本系统其他地区登记，请联系县级民政部门核实' } });
  });

  it('lets only one of three concurrent registrations of the same ID succeed (database constraint), and the losers leave nothing behind', async () => {
    const shared = randomIdNumber();
    const caseworker = await signedIn('caseworker');
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const addresses = ['A', 'B', 'C'].map((x) => `并发 ${x} ${tag}`);
    const db = await appDb();
    // Left alone, the calls often run one after another and the losers are refused by the
    // pre-check, so the constraint would go untested. A SHARE lock on households lets the
    // pre-checks (reads) through and holds every INSERT: all three pass the pre-check before any
    // writes, and the unique index alone decides.
    let running!: Promise<PromiseSettledResult<{ id: string }>[]>;
    await db.transaction(async (tx) => {
      await tx.execute(sql`lock table households in share mode`);
      running = Promise.allSettled(addresses.map((address) => registerHousehold(caseworker, input({ address }, [shared]))));
      for (let waited = 0; ; waited += 20) {
        // pg_stat_activity is read once per transaction unless the snapshot is cleared.
        await tx.execute(sql`select pg_stat_clear_snapshot()`);
        const [w] = await tx.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "households"%'`,
        );
        if (w!.n === addresses.length) break;
        if (waited > 10_000) throw new Error(`only ${w!.n} of ${addresses.length} registrations reached their insert`);
        await new Promise((r) => setTimeout(r, 20));
      }
    });
    const results = await running;
    const won = results.filter((r): r is PromiseFulfilledResult<{ id: string }> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    const winner = won[0]!.value.id;
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(2);
    for (const r of lost) {
      expect(r.reason).toMatchObject({ code: 'invalid_input', fieldErrors: { 'members.0.idNumber': expect.stringContaining('已登记') } });
    }
    // Exactly one household of the three, the winner's, with its one member; a loser's household,
    // its member and its audit row rolled back together.
    const written = await db.select({ id: households.id }).from(households).where(inArray(households.address, addresses));
    expect(written.map((h) => h.id)).toEqual([winner]);
    const withId = await db.select({ householdId: members.householdId, status: members.status }).from(members).where(eq(members.idNumber, shared));
    expect(withId).toEqual([{ householdId: winner, status: 'active' }]);
    expect(await db.select({ id: members.id }).from(members).where(eq(members.householdId, winner))).toHaveLength(1);
    const audits = await db
      .select({ entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'household.register'), inArray(sql<string>`${auditLog.after}->>'address'`, addresses)));
    expect(audits).toEqual([{ entityId: winner }]);
  });

  it('has the database itself refuse a second active member with the same ID', async () => {
    const db = await appDb();
    const shared = randomIdNumber();
    const { id } = await registerHousehold(await signedIn('caseworker'), input({}, [shared]));
    const row = { householdId: id, name: '绕过检查', idNumber: shared, birthDate: '1980-01-01', sex: '男' as const, relation: '其他' };
    await expect(db.insert(members).values(row)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23505' }) });
    // A member who has left no longer blocks the ID.
    await db.update(members).set({ status: 'moved_out' }).where(eq(members.idNumber, shared));
    await db.insert(members).values(row);
    expect((await db.select({ name: members.name, status: members.status }).from(members).where(eq(members.idNumber, shared))).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { name: '绕过检查', status: 'active' },
      { name: '登记测试0', status: 'moved_out' },
    ]);
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
