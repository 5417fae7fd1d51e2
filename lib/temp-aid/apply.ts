import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { tempAidCases } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { auditCase, lockHouseholdInScope, priorAidOf } from './load';
import { loadTempAidPolicy } from './policy';
import { checkApplication, sameCauseMessage, sameCausePrior, smallFastDeadline } from './rules';
import type { applySchema } from './schemas';

/**
 * An application for 小额快救 (within one month's standard, decided within days, no income
 * verification) or for 支出型 aid (investigation, notice where policy asks, decision).
 */
export async function applyForAid(user: SessionUser, input: z.output<typeof applySchema>, now: Date = new Date()): Promise<{ id: string }> {
  assertCan(user, 'tempaid.write');
  const today = todayInChina(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const household = await lockHouseholdInScope(tx, user, input.householdId);
    const policy = await loadTempAidPolicy(tx, household, today);
    const allowed = checkApplication(input.kind, input.amount, policy.caps);
    if (!allowed.ok) throw refuse('invalid_input', allowed.message, 'amount');
    const same = sameCausePrior(await priorAidOf(tx, household.id), input.cause, today);
    if (same.length > 0 && !input.sameCauseNote) throw refuse('invalid_input', sameCauseMessage(same), 'sameCauseNote');

    const deadlineOn = input.kind === 'small_fast' ? smallFastDeadline(today, policy.smallFastDecisionDays) : null;
    const [created] = await tx
      .insert(tempAidCases)
      .values({
        householdId: household.id,
        kind: input.kind,
        cause: input.cause,
        narrative: input.narrative,
        state: 'applied',
        requestedFen: input.amount,
        sameCauseFlag: same.length > 0,
        sameCauseNote: same.length > 0 ? input.sameCauseNote : null,
        countyCode: household.countyCode,
        townshipCode: household.townshipCode,
        villageCode: household.villageCode,
        createdBy: user.id,
        openedOn: today,
        deadlineOn,
        documents: input.documents,
      })
      .returning();
    await auditCase(tx, user, created!, {
      action: 'tempaid.apply',
      after: { kind: input.kind, cause: input.cause, requestedFen: input.amount, deadlineOn, sameCauseFlag: same.length > 0 },
      reason: same.length > 0 ? (input.sameCauseNote ?? null) : null,
    });
    return { id: created!.id };
  });
}
