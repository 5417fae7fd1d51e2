import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { applications, enrollmentAmounts, enrollmentChanges, enrollments } from '@/db/schema';
import { assessApplication } from '@/lib/applications/assess';
import { todayInChina } from '@/lib/core/time';
import { policyInt } from '@/lib/policy/values';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { gradualExitEnd } from '@/lib/programs/review';
import type { proposeChangeSchema } from './schemas';
import { enrollmentMessages } from './messages';
import { supportModeOf } from '@/lib/institutions/support-mode';

/**
 * A change to an active enrollment, proposed by a caseworker and approved by a supervisor:
 * a recomputed amount (income, members, a death, new standards) from a stated month, or a
 * suspension, termination (optionally after a gradual-exit period) or resumption. Reducing or
 * stopping requires the recipient's hearing on record.
 */
export async function proposeChange(user: SessionUser, input: z.output<typeof proposeChangeSchema>) {
  assertCan(user, 'enrollment.propose');
  const db = await getDb();
  return db.transaction((tx) => proposeChangeTx(tx, user, input, todayInChina()));
}

/** proposeChange inside the caller's transaction (a review's visit proposes its change with it). */
export async function proposeChangeTx(tx: Tx, user: SessionUser, input: z.output<typeof proposeChangeSchema>, today: string) {
  assertCan(user, 'enrollment.propose');
  {
    const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, input.enrollmentId)).for('update');
    assertCovers(user, e?.villageCode);
    if (!e) throw new AppError('not_found');
    if (e.version !== input.version) throw new AppError('conflict');
    const allowedFrom = { recompute: ['active'], suspend: ['active'], terminate: ['active', 'suspended'], resume: ['suspended'] }[input.kind];
    if (!allowedFrom.includes(e.status)) throw refuse('precondition', enrollmentMessages.notInThisState, 'kind');
    if (input.effectiveMonth < e.startMonth) throw refuse('invalid_input', enrollmentMessages.beforeStart(e.startMonth), 'effectiveMonth');

    const [current] = await tx.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, e.id)).orderBy(desc(enrollmentAmounts.effectiveMonth)).limit(1);
    let amountFen: number | null = null;
    let components: unknown = null;
    if (input.kind === 'recompute') {
      if (e.program !== 'dibao' && e.program !== 'tekun') throw refuse('precondition', enrollmentMessages.fixedAmount, 'kind');
      const [app] = e.applicationId ? await tx.select().from(applications).where(eq(applications.id, e.applicationId)) : [];
      // 特困: the standard follows the placement (集中 while living in an institution, 分散 after leaving one).
      const placed = e.program === 'tekun' ? await supportModeOf(tx, e.id) : null;
      const kind = placed ?? app?.kind ?? (e.program === 'tekun' ? 'tekun_dispersed' : e.memberId ? 'dibao_single' : 'dibao_household');
      const assessment = await assessApplication(tx, { kind, householdId: e.householdId, memberId: e.memberId }, `${input.effectiveMonth}-01` > today ? `${input.effectiveMonth}-01` : today);
      if (!assessment.eligible) {
        throw refuse('precondition', enrollmentMessages.noLongerEligible, 'kind');
      }
      amountFen = assessment.totalFen;
      components = assessment;
      if (current && amountFen < current.amountFen && !input.hearingNote) {
        throw refuse('invalid_input', enrollmentMessages.reductionNeedsHearing, 'hearingNote');
      }
    }
    if (input.kind === 'terminate' && input.gradualExitMonths) {
      const max = await policyInt(tx, 'dibao', 'gradual_exit_max_months', e.countyCode, today);
      const end = gradualExitEnd(input.effectiveMonth, input.gradualExitMonths, max);
      if (!end.ok) throw refuse('invalid_input', end.message, 'gradualExitMonths');
    }
    const [change] = await tx
      .insert(enrollmentChanges)
      .values({
        enrollmentId: e.id,
        kind: input.kind,
        effectiveMonth: input.effectiveMonth,
        amountFen,
        components,
        reason: input.reason,
        hearingNote: input.hearingNote ?? null,
        gradualExitMonths: input.gradualExitMonths ?? null,
        reasonCode: input.kind === 'terminate' ? input.reasonCode! : null,
        proposedBy: user.id,
      })
      .returning({ id: enrollmentChanges.id });
    const entry = { action: `enrollment.propose_${input.kind}` satisfies AuditAction, regionCode: e.villageCode, before: { amountFen: current?.amountFen ?? null, status: e.status }, after: { amountFen, effectiveMonth: input.effectiveMonth, changeId: change!.id }, reason: input.reason };
    await recordAudit(tx, user, { ...entry, entity: 'enrollment', entityId: e.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { id: change!.id, amountFen, previousFen: current?.amountFen ?? null };
  }
}
