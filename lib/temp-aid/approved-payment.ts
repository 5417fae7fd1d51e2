import 'server-only';
import type { Tx } from '@/db/client';
import { tempAidPayments } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { canDecide } from '@/lib/applications/flow';
import type { AidCase } from './load';
import { tempAidMessages } from './messages';

/**
 * Maker–checker: the county decision on a case is made by someone who neither opened it (paid
 * the first response, or entered the application) nor investigated it nor wrote its account.
 */
export function independenceRefusal(userId: string, c: Pick<AidCase, 'kind' | 'createdBy' | 'investigatedBy' | 'accountBy'>): { code: 'precondition' | 'same_person'; message: string } | null {
  const check = canDecide({
    deciderId: userId,
    submittedBy: c.createdBy,
    participantIds: [c.investigatedBy, c.accountBy].filter((x): x is string => !!x),
    closeRelativeFlag: false,
    countyHomeVisitRecorded: true,
  });
  if (check.ok) return null;
  const message =
    c.kind === 'first_response'
      ? tempAidMessages.completerTookPart
      : check.code === 'decider_is_submitter'
        ? tempAidMessages.deciderSubmitted
        : check.message;
  return { code: check.code === 'county_visit_required' ? 'precondition' : 'same_person', message };
}

export function assertIndependent(user: SessionUser, c: AidCase, field: string): void {
  const refusal = independenceRefusal(user.id, c);
  if (refusal) throw refuse(refusal.code, refusal.message, field);
}

/**
 * Money the county has decided and that is still to be paid: a caseworker pays it from the
 * township's fund (lib/temp-aid/pay-approved.ts); a later payout run may take the month's bank transfers.
 */
export async function approvePayment(
  tx: Tx,
  user: SessionUser,
  c: AidCase,
  p: { purpose: 'follow_up' | 'approved'; amountFen: number; method: 'bank' | 'cash'; payeeName: string; today: string },
): Promise<string> {
  const [row] = await tx
    .insert(tempAidPayments)
    .values({
      caseId: c.id,
      householdId: c.householdId,
      purpose: p.purpose,
      amountFen: p.amountFen,
      method: p.method,
      payeeName: p.payeeName,
      status: 'approved',
      month: p.today.slice(0, 7),
      approvedBy: user.id,
      approvedOn: p.today,
      countyCode: c.countyCode,
      townshipCode: c.townshipCode,
      villageCode: c.villageCode,
    })
    .returning({ id: tempAidPayments.id });
  return row!.id;
}
