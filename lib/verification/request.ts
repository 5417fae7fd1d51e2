import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applicationSupporters, members, verificationAnswers, verificationConsents, verificationDepartments, verificationRequests, type VerificationPerson } from '@/db/schema';
import { assessApplication } from '@/lib/applications/assess';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { rowsOf } from '@/lib/core/sql';
import { todayInChina } from '@/lib/core/time';
import { supporterRelationLabels } from './labels';
import { openApplication } from './consent';
import { verificationMessages } from './messages';
import { batchNumber } from './rules';
import type { RequestInput } from './schemas';

/**
 * Requests verification once the consent is on file: one request for every covered member of the
 * application and its supporters (a snapshot, numbered 序号 1…n), one expected answer per
 * department active today. One open request per application at a time.
 */
export async function requestVerification(user: SessionUser, input: RequestInput, now: Date = new Date()): Promise<{ id: string; batchNo: string; persons: number; departments: number }> {
  assertCan(user, 'verification.write');
  const today = todayInChina(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await openApplication(tx, user, input.applicationId);
    const [consent] = await tx.select().from(verificationConsents).where(and(eq(verificationConsents.applicationId, app.id), isNull(verificationConsents.withdrawnOn)));
    if (!consent) throw refuse('precondition', verificationMessages.noConsent);
    const [open] = await tx.select({ id: verificationRequests.id }).from(verificationRequests).where(and(eq(verificationRequests.applicationId, app.id), eq(verificationRequests.state, 'open')));
    if (open) throw refuse('precondition', verificationMessages.openRequest);
    const departments = await tx.select().from(verificationDepartments).where(eq(verificationDepartments.active, true)).orderBy(asc(verificationDepartments.sortOrder), asc(verificationDepartments.name));
    if (departments.length === 0) throw refuse('precondition', verificationMessages.noDepartment);

    const covered = new Set((await assessApplication(tx, app, today)).coveredMemberIds);
    const people = (await tx.select().from(members).where(and(eq(members.householdId, app.householdId), eq(members.status, 'active')))).filter((m) => covered.has(m.id));
    people.sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.birthDate.localeCompare(b.birthDate));
    const supporters = await tx.select().from(applicationSupporters).where(eq(applicationSupporters.applicationId, app.id)).orderBy(asc(applicationSupporters.createdAt));
    const persons: VerificationPerson[] = [
      ...people.map((m) => ({ kind: 'member' as const, personId: m.id, name: m.name, idNumber: m.idNumber, relation: m.relation })),
      ...supporters.map((s) => ({ kind: 'supporter' as const, personId: s.id, name: s.name, idNumber: s.idNumber, relation: `${s.relationText}（${supporterRelationLabels[s.relation]}）` })),
    ].map((p, i) => ({ seq: i + 1, ...p }));

    // A county's requests of the day numbered in order, under a lock on the county and day.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`verification:${app.countyCode}:${today}`}))`);
    const [count] = rowsOf<{ n: number }>(await tx.execute(sql`SELECT count(*)::int AS n FROM verification_requests WHERE county_code = ${app.countyCode} AND requested_on = ${today}`));
    const batchNo = batchNumber(app.countyCode, today, Number(count?.n ?? 0) + 1);
    const [request] = await tx
      .insert(verificationRequests)
      .values({ batchNo, applicationId: app.id, consentId: consent.id, countyCode: app.countyCode, villageCode: app.villageCode, persons, requestedBy: user.id, requestedOn: today })
      .returning({ id: verificationRequests.id });
    await tx.insert(verificationAnswers).values(departments.map((d) => ({ requestId: request!.id, departmentId: d.id })));
    const after = { batchNo, persons: persons.length, departments: departments.length };
    await recordAudit(tx, user, { action: 'verification.request', entity: 'application', entityId: app.id, regionCode: app.villageCode, after });
    await recordAudit(tx, user, { action: 'verification.request', entity: 'household', entityId: app.householdId, regionCode: app.villageCode, after: { ...after, applicationId: app.id } });
    return { id: request!.id, batchNo, persons: persons.length, departments: departments.length };
  });
}
