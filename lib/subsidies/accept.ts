import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { enrollments, households, members, subsidyApplications } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { uniqueViolation } from '@/lib/db/errors';
import { todayInChina } from '@/lib/core/time';
import { auditSubsidyStep } from './load';
import { subsidyMessages } from './messages';
import type { acceptSubsidySchema } from './schemas';

/** 受理: a disability subsidy application for one active member of a household in the user's area. */
export async function acceptSubsidyApplication(user: SessionUser, input: z.output<typeof acceptSubsidySchema>, now: Date = new Date()): Promise<{ id: string }> {
  assertCan(user, 'application.write');
  const today = todayInChina(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [member] = await tx.select().from(members).where(eq(members.id, input.memberId)).for('update');
    const [household] = member ? await tx.select().from(households).where(eq(households.id, member.householdId)) : [];
    assertCovers(user, household?.villageCode);
    if (!member || !household) throw new AppError('not_found');
    if (member.status !== 'active' || household.status !== 'active') throw refuse('precondition', subsidyMessages.memberNotActive, 'memberId');
    if (input.acceptedOn > today) throw refuse('invalid_input', subsidyMessages.dateInFuture, 'acceptedOn');
    const open = await tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(and(eq(enrollments.memberId, member.id), eq(enrollments.program, input.program), inArray(enrollments.status, ['proposed', 'active', 'suspended'])));
    if (open.length) throw refuse('precondition', subsidyMessages.alreadyEnrolled, 'program');
    let created: { id: string };
    try {
      [created] = (await tx
        .insert(subsidyApplications)
        .values({
          program: input.program,
          householdId: household.id,
          memberId: member.id,
          state: 'accepted',
          countyCode: household.countyCode,
          townshipCode: household.townshipCode,
          villageCode: household.villageCode,
          needsLongTermCare: input.program === 'dis_care' ? input.needsLongTermCare : null,
          acceptedBy: user.id,
          acceptedOn: input.acceptedOn,
          createdAt: now,
        })
        .returning({ id: subsidyApplications.id })) as [{ id: string }];
    } catch (e) {
      if (uniqueViolation(e) === 'subsidy_applications_open_uq') throw refuse('precondition', subsidyMessages.openApplication, 'program');
      throw e;
    }
    const [app] = await tx.select().from(subsidyApplications).where(eq(subsidyApplications.id, created.id));
    await auditSubsidyStep(tx, user, app!, 'subsidy_application.accept', null, {
      state: 'accepted',
      acceptedOn: input.acceptedOn,
      ...(input.program === 'dis_care' ? { needsLongTermCare: input.needsLongTermCare } : {}),
    });
    return created;
  });
}
