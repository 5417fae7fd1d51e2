// 历史记录 of an application and a temporary-aid case: the audit rows of that record only, newest
// first, read with the record under the user's scope (out of region: no record, no history).
import { describe, expect, it } from 'vitest';
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
});
