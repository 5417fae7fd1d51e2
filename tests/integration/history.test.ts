// 历史记录 of an application and a temporary-aid case: the audit rows of that record only, newest
// first, read with the record under the user's scope (out of region: no record, no history).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { listHouseholdEnrollments } from '@/lib/enrollments/queries';
import { getRun } from '@/lib/payouts/queries';
import { createApplication } from '@/lib/applications/create-application';
import { getApplication } from '@/lib/applications/queries';
import { acceptApplication } from '@/lib/applications/steps';
import { todayInChina } from '@/lib/core/time';
import { payFirstResponse } from '@/lib/temp-aid/pay-first-response';
import { getCase } from '@/lib/temp-aid/queries';
import { appDb, insertHousehold, signedIn } from './support/app';
import { firstResponse } from './support/temp-aid';

describe('history of a record', () => {
  it('an application’s history is its own audit rows, newest first, and nobody out of region reads it', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const householdId = await insertHousehold(db, { headName: '史测试' });
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false });
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: todayInChina(), missingDocuments: [] });

    const app = await getApplication(caseworker, id);
    expect(app!.history.map((h) => h.action)).toEqual(['application.accept', 'application.create']);
    expect(app!.history[0]).toMatchObject({ actorName: caseworker.name, before: { state: 'draft' } });
    // The auditor (city-wide) reads it too; a caseworker of another county finds no application.
    expect((await getApplication(await signedIn('auditor'), id))!.history).toHaveLength(2);
    expect(await getApplication(await signedIn('caseworker2'), id)).toBeNull();
  });

  it('a temporary-aid case’s history holds the case’s rows, not the household’s', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const householdId = await insertHousehold(db, { headName: '史救助' });
    const paid = await payFirstResponse(caseworker, firstResponse(householdId, { amountFen: 20_000 }));
    const c = await getCase(caseworker, paid.id);
    expect(c!.history.map((h) => h.action)).toEqual(['tempaid.first_response']);
    expect(await getCase(await signedIn('caseworker2'), paid.id)).toBeNull();
  });

  it('a payout run’s history is its own audit rows; another county’s user finds no run', async () => {
    const db = await appDb();
    const supervisor = await signedIn('supervisor');
    const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
    const [run] = rows<{ id: string }>(await db.execute(sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at)
      values ('141130', '2008-02', 'draft', ${supervisor.id}::uuid, now()) on conflict (county_code, month) do update set state = 'draft' returning id`));
    await db.execute(sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, after)
      values (${supervisor.id}::uuid, '李建国', 'payout.start', 'payout_run', ${run!.id}, '141130', '{"lines": 3}'::jsonb),
             (${supervisor.id}::uuid, '李建国', 'payout.approve', 'payout_run', 'some-other-run', '141130', null)`);
    const found = await getRun(supervisor, run!.id);
    expect(found!.history.map((h) => h.action)).toEqual(['payout.start']);
    expect(await getRun(await signedIn('caseworker2'), run!.id)).toBeNull();
  });

  it('each enrollment on the household page carries its amounts and its own audit rows', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const householdId = await insertHousehold(db, { headName: '史在册' });
    const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
    const [e] = rows<{ id: string }>(await db.execute(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
      values ('dibao', ${householdId}::uuid, 'active', '141130', '141130101', '141130101200', '2008-01') returning id`));
    await db.execute(sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values
      (${e!.id}::uuid, '2008-01', 60000, '{}'::jsonb), (${e!.id}::uuid, '2008-07', 65000, '{}'::jsonb)`);
    await db.execute(sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, reason)
      values (${caseworker.id}::uuid, '王晓梅', 'enrollment.propose_recompute', 'enrollment', ${e!.id}, '141130101200', '收入变化')`);
    const [found] = await listHouseholdEnrollments(caseworker, householdId);
    expect(found!.amountHistory).toEqual([{ effectiveMonth: '2008-07', amountFen: 65000 }, { effectiveMonth: '2008-01', amountFen: 60000 }]);
    expect(found!.history.map((h) => [h.action, h.reason])).toEqual([['enrollment.propose_recompute', '收入变化']]);
    expect(await listHouseholdEnrollments(await signedIn('caseworker2'), householdId)).toEqual([]);
  });
});
