import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { members, subsidyApplications } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { auditSubsidyStep, loadSubsidyForUpdate } from './load';
import { subsidyMessages } from './messages';
import { checkCertificateNumber } from './rules';
import type { verifySubsidySchema } from './schemas';

const numberMessages = {
  format: subsidyMessages.certificateFormat,
  holder: subsidyMessages.certificateHolder,
  kind: subsidyMessages.certificateKind,
  grade: subsidyMessages.certificateGrade,
} as const;

/**
 * 证件核验: the 残疾人证 read against its holder — the number is the member's ID with the kind and
 * grade digits, and kind and grade are those of the registry. Its valid-until date is kept on the
 * application and on the member (the yearly review and the expired list read it there).
 */
export async function verifySubsidyCertificate(user: SessionUser, input: z.output<typeof verifySubsidySchema>, now: Date = new Date()) {
  assertCan(user, 'application.write');
  const today = todayInChina(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await loadSubsidyForUpdate(tx, user, input.applicationId);
    if (app.state !== 'accepted' || app.version !== input.version) throw new AppError('conflict');
    if (input.verifiedOn > today) throw refuse('invalid_input', subsidyMessages.dateInFuture, 'verifiedOn');
    if (input.verifiedOn < app.acceptedOn) throw refuse('invalid_input', subsidyMessages.verifyBeforeAccept(app.acceptedOn), 'verifiedOn');
    const [member] = await tx.select().from(members).where(eq(members.id, app.memberId)).for('update');
    if (!member || member.status !== 'active') throw refuse('precondition', subsidyMessages.memberNotActive, '_form');
    const check = checkCertificateNumber(input.certificateNumber, member.idNumber, input.certificateKind, input.certificateGrade);
    if (!check.ok) throw refuse('invalid_input', numberMessages[check.reason], check.field);
    if (member.disabilityKind === null || member.disabilityGrade === null) throw refuse('precondition', subsidyMessages.notDisabled, '_form');
    if (member.disabilityKind !== input.certificateKind || member.disabilityGrade !== input.certificateGrade) {
      throw refuse('precondition', subsidyMessages.registryMismatch(member.disabilityKind, member.disabilityGrade), 'certificateGrade');
    }
    if (input.validUntil < input.verifiedOn) throw refuse('invalid_input', subsidyMessages.certificateExpired(input.validUntil), 'validUntil');
    const [updated] = await tx
      .update(subsidyApplications)
      .set({
        state: 'verified',
        certificateNumber: input.certificateNumber,
        certificateKind: input.certificateKind,
        certificateGrade: input.certificateGrade,
        certificateValidUntil: input.validUntil,
        verifiedBy: user.id,
        verifiedOn: input.verifiedOn,
        version: sql`${subsidyApplications.version} + 1`,
      })
      .where(and(eq(subsidyApplications.id, app.id), eq(subsidyApplications.version, input.version)))
      .returning();
    if (!updated) throw new AppError('conflict');
    await tx.update(members).set({ disabilityCertificate: input.certificateNumber, disabilityValidUntil: input.validUntil }).where(eq(members.id, member.id));
    await auditSubsidyStep(tx, user, updated, 'subsidy_application.verify', { state: app.state }, {
      state: 'verified',
      verifiedOn: input.verifiedOn,
      certificateKind: input.certificateKind,
      certificateGrade: input.certificateGrade,
      certificateValidUntil: input.validUntil,
    });
    return { application: updated };
  });
}
