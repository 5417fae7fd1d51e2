import 'server-only';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutRuns, policyStandards } from '@/db/schema';
import { and, gte, like, ne } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { refuse } from '@/lib/core/errors';
import { parseYuanToFen } from '@/lib/core/money';
import { checkTekunStandard } from '@/lib/programs/tekun';
import { componentOf } from './components';
import type { addStandardSchema } from './schemas';
import { dibaoMonthlyStandard, standardInForce } from './standards';
import { policyMessages } from './messages';

/**
 * A change of policy is a new dated row, never an edit, so every past amount can be recomputed.
 * A 特困 basic standard below the configured multiple of the dibao standard is refused.
 */
export async function addStandard(user: SessionUser, input: z.output<typeof addStandardSchema>): Promise<{ id: number }> {
  assertCan(user, 'policy.manage');
  const [program, component] = input.key.split('/') as [string, string];
  const spec = componentOf(program, component);
  if (!spec) throw refuse('invalid_input', policyMessages.chooseItem, 'key');
  if (!userCovers(user, input.regionCode)) throw refuse('invalid_input', policyMessages.regionOutOfScope, 'regionCode');

  const value: { amountFen?: number; basisPoints?: number; intValue?: number; textValue?: string } = {};
  if (spec.kind === 'money') {
    const parsed = parseYuanToFen(input.value);
    if (!parsed.ok) throw refuse('invalid_input', parsed.error, 'value');
    value.amountFen = parsed.fen;
  } else if (spec.kind === 'percent') {
    const pct = Number(input.value);
    if (!/^\d+(\.\d{1,2})?$/.test(input.value) || pct > 1000) throw refuse('invalid_input', policyMessages.percent, 'value');
    value.basisPoints = Math.round(pct * 100);
  } else if (spec.kind === 'int') {
    if (!/^\d{1,4}$/.test(input.value)) throw refuse('invalid_input', policyMessages.integer, 'value');
    value.intValue = Number(input.value);
  } else {
    value.textValue = input.value;
  }

  const db = await getDb();
  // Money already approved for payment was computed under the old standard: the past is not rewritten.
  const month = input.effectiveFrom.slice(0, 7);
  const counties = input.regionCode.endsWith('00') ? `${input.regionCode.slice(0, 4)}%` : input.regionCode;
  const [covered] = await db
    .select({ month: payoutRuns.month, countyCode: payoutRuns.countyCode })
    .from(payoutRuns)
    .where(and(like(payoutRuns.countyCode, counties), ne(payoutRuns.state, 'draft'), gte(payoutRuns.month, month)))
    .limit(1);
  if (covered) {
    throw refuse('precondition', policyMessages.monthPaid(covered.month), 'effectiveFrom');
  }
  if (program === 'tekun' && component.endsWith('_basic_annual')) {
    const [ratio, dibao] = await Promise.all([
      standardInForce(db, 'tekun', 'min_ratio_to_dibao_pct', input.regionCode, input.effectiveFrom),
      dibaoMonthlyStandard(db, 'rural', input.regionCode, input.effectiveFrom, (annual) => annual),
    ]);
    if (dibao) {
      const dibaoAnnualFen = dibao.source.component.endsWith('_annual') ? dibao.source.amountFen! : dibao.source.amountFen! * 12;
      const check = checkTekunStandard({ tekunAnnualFen: value.amountFen!, dibaoAnnualFen, minRatioPct: ratio?.intValue ?? null });
      if (!check.ok) throw refuse('invalid_input', check.message, 'value');
    }
  }

  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(policyStandards)
        .values({ program, component, regionCode: input.regionCode, effectiveFrom: input.effectiveFrom, note: input.note, createdBy: user.id, ...value })
        .returning({ id: policyStandards.id });
      await recordAudit(tx, user, {
        action: 'policy.add',
        entity: 'policy_standard',
        entityId: String(row!.id),
        regionCode: input.regionCode,
        after: { program, component, effectiveFrom: input.effectiveFrom, ...value },
        reason: input.note,
      });
      return row!;
    });
  } catch (e) {
    if (uniqueViolation(e)) throw refuse('precondition', policyMessages.sameDay, 'effectiveFrom');
    throw e;
  }
}
