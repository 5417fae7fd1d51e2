import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { applications, households, members } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { mayApplyAlone } from '@/lib/programs/near-dibao';
import type { createApplicationSchema } from './schemas';
import { assertDibaoCoverable } from './eligibility';
import { applicationMessages } from './messages';

const openStates = ['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice'] as const;

/** Registers an application (登记); `now` is its moment, whose China day is the registration date every step follows. */
export async function createApplication(user: SessionUser, input: z.output<typeof createApplicationSchema>, now: Date = new Date()): Promise<{ id: string }> {
  assertCan(user, 'application.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [household] = await tx.select().from(households).where(eq(households.id, input.householdId)).for('update');
    assertCovers(user, household?.villageCode);
    if (!household || household.status !== 'active') throw new AppError('not_found');
    if (input.memberId) {
      const [member] = await tx
        .select()
        .from(members)
        .where(and(eq(members.id, input.memberId), eq(members.householdId, household.id), eq(members.status, 'active')));
      if (!member) throw refuse('invalid_input', applicationMessages.applicantNotMember, 'memberId');
      if (input.kind === 'dibao_single' && !mayApplyAlone(member)) {
        throw refuse('precondition', applicationMessages.singleNotAllowed, 'memberId');
      }
    }
    const program = input.kind.startsWith('tekun') ? ['tekun_dispersed', 'tekun_centralized'] : ['dibao_household', 'dibao_single'];
    const open = await tx
      .select({ id: applications.id })
      .from(applications)
      .where(
        and(
          eq(applications.householdId, household.id),
          inArray(applications.kind, program as (typeof applications.kind.enumValues)[number][]),
          inArray(applications.state, [...openStates]),
        ),
      );
    if (open.length > 0) throw refuse('precondition', applicationMessages.openApplication, 'kind');
    await assertDibaoCoverable(tx, { kind: input.kind, householdId: household.id, memberId: input.memberId ?? null }, input.memberId ? 'memberId' : 'kind');

    const [created] = await tx
      .insert(applications)
      .values({
        kind: input.kind,
        householdId: household.id,
        memberId: input.memberId ?? null,
        selfCareLevel: input.selfCareLevel ?? null,
        countyCode: household.countyCode,
        townshipCode: household.townshipCode,
        villageCode: household.villageCode,
        closeRelative: input.closeRelative,
        closeRelativeNote: input.closeRelativeNote ?? null,
        createdBy: user.id,
        createdAt: now,
      })
      .returning({ id: applications.id });
    await recordAudit(tx, user, {
      action: 'application.create',
      entity: 'application',
      entityId: created!.id,
      regionCode: household.villageCode,
      after: { kind: input.kind, householdId: household.id, closeRelative: input.closeRelative },
    });
    await recordAudit(tx, user, { action: 'application.create', entity: 'household', entityId: household.id, regionCode: household.villageCode, after: { applicationId: created!.id, kind: input.kind } });
    return created!;
  });
}
