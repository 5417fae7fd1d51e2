import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db/client';
import { applications, complaints, enrollments, households, regions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { AppError } from '@/lib/core/errors';
import { loadCalendar } from '@/lib/policy/calendar';
import { policyInt } from '@/lib/policy/values';
import { complaintMessages } from './messages';
import { complaintDeadline } from './rules';
import type { IntakeInput } from './schemas';

/** The policy's working days, and the calendar around them (15 working days fit well inside 120 days). */
export async function deadlineFor(tx: Tx, countyCode: string, receivedOn: string): Promise<string> {
  const days = await policyInt(tx, 'complaint', 'complaint_deadline_working_days', countyCode, receivedOn);
  const cal = await loadCalendar(tx as unknown as Db, receivedOn, addDays(receivedOn, Math.max(120, days * 4)));
  return complaintDeadline(receivedOn, days, cal);
}

type Linked = { villageCode: string; countyCode: string } | undefined;

/** A linked record must exist, lie in the user's region and in the complaint's county. */
function checkLinked(user: SessionUser, row: Linked, countyCode: string, field: string, errors: Record<string, string>) {
  if (!row || !userCovers(user, row.villageCode) || row.countyCode !== countyCode) errors[field] = complaintMessages.linkedNotFound;
}

/**
 * 登记投诉举报: by a caseworker or supervisor, for a region inside their own. The deadline is
 * fixed now from the policy in force on the day received. The audit row says whether a name or
 * phone was given, never what they are.
 */
export async function intakeComplaint(user: SessionUser, input: IntakeInput): Promise<{ id: string; deadlineOn: string }> {
  assertCan(user, 'complaint.intake');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region || (region.level !== 'county' && region.level !== 'township')) throw new AppError('invalid_input', { regionCode: complaintMessages.regionUnknown });
    if (!userCovers(user, region.code)) throw new AppError('invalid_input', { regionCode: complaintMessages.regionOutside });
    const countyCode = region.code.slice(0, 6);
    const townshipCode = region.level === 'township' ? region.code : null;

    const errors: Record<string, string> = {};
    if (input.householdId) {
      const [h] = await tx.select({ villageCode: households.villageCode, countyCode: households.countyCode }).from(households).where(eq(households.id, input.householdId));
      checkLinked(user, h, countyCode, 'householdId', errors);
    }
    if (input.applicationId) {
      const [a] = await tx.select({ villageCode: applications.villageCode, countyCode: applications.countyCode }).from(applications).where(eq(applications.id, input.applicationId));
      checkLinked(user, a, countyCode, 'applicationId', errors);
    }
    if (input.enrollmentId) {
      const [e] = await tx.select({ villageCode: enrollments.villageCode, countyCode: enrollments.countyCode }).from(enrollments).where(eq(enrollments.id, input.enrollmentId));
      checkLinked(user, e, countyCode, 'enrollmentId', errors);
    }
    if (input.subjectUserId) {
      const [s] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, input.subjectUserId)));
      if (!s) errors.subjectUserId = complaintMessages.subjectNotFound;
    }
    if (Object.keys(errors).length > 0) throw new AppError('invalid_input', errors);

    const deadlineOn = await deadlineFor(tx, countyCode, input.receivedOn);
    const [row] = await tx
      .insert(complaints)
      .values({
        channel: input.channel,
        category: input.category,
        anonymous: input.anonymous,
        complainantName: input.anonymous ? null : (input.complainantName ?? null),
        complainantPhone: input.anonymous ? null : (input.complainantPhone ?? null),
        content: input.content,
        receivedOn: input.receivedOn,
        deadlineOn,
        countyCode,
        townshipCode,
        householdId: input.householdId ?? null,
        applicationId: input.applicationId ?? null,
        enrollmentId: input.enrollmentId ?? null,
        subjectUserId: input.subjectUserId ?? null,
        createdBy: user.id,
      })
      .returning({ id: complaints.id });
    await recordAudit(tx, user, {
      action: 'complaint.intake',
      entity: 'complaint',
      entityId: row!.id,
      regionCode: region.code,
      after: {
        channel: input.channel,
        category: input.category,
        anonymous: input.anonymous,
        complainantGiven: !input.anonymous && Boolean(input.complainantName || input.complainantPhone),
        receivedOn: input.receivedOn,
        deadlineOn,
        householdId: input.householdId ?? null,
        applicationId: input.applicationId ?? null,
        enrollmentId: input.enrollmentId ?? null,
        subjectUserId: input.subjectUserId ?? null,
      },
    });
    return { id: row!.id, deadlineOn };
  });
}
