// Temporary aid (临时救助) as pure rules: who may pay or decide how much, the deadlines, the
// same-cause flag and the case's state machine. Every number comes in as policy data; `today`
// and the working-day calendar are passed in.
import type { RegionLevel, Role } from '@/db/schema';
import { formatFen } from '@/lib/core/format';
import { addDays } from '@/lib/core/calendar-date';
import { addWorkingDays, type WorkCalendar } from '@/lib/core/working-days';
import { aidKindLabels, causeLabels, type AidCause, type AidKind, type CaseState } from './labels';

/** The policy values the caps are made of, in force for the household's region and kind on the day. */
export interface CapPolicy {
  firstResponseCapFen: number;
  /** Small fast aid: this share (in %) of one month's dibao standard. */
  smallFastCapPct: number;
  /** The normal cap: this many months of the dibao standard. */
  normalCapMonths: number;
  /** Above this the city must decide (一事一议 at city level). */
  cityDecisionAboveFen: number;
  monthlyStandardFen: number;
}

export interface Caps {
  firstResponseFen: number;
  smallFastFen: number;
  normalFen: number;
  cityDecisionAboveFen: number;
}

export function capsOf(p: CapPolicy): Caps {
  return {
    firstResponseFen: p.firstResponseCapFen,
    // A limit, not a benefit: rounding down never lets a payment exceed what policy allows.
    smallFastFen: Math.floor((p.monthlyStandardFen * p.smallFastCapPct) / 100),
    normalFen: p.monthlyStandardFen * p.normalCapMonths,
    cityDecisionAboveFen: p.cityDecisionAboveFen,
  };
}

export type AuthorityCheck =
  | { ok: true; oneCase: boolean }
  | { ok: false; limitFen: number | null; message: string };

export interface AuthorityInput {
  role: Role;
  regionLevel: RegionLevel;
  kind: AidKind;
  /** pay = a caseworker's first-response payment; decide = the county's decision on the total. */
  step: 'pay' | 'decide';
  amountFen: number;
  caps: Caps;
}

const refuse = (limitFen: number | null, message: string): AuthorityCheck => ({ ok: false, limitFen, message });

/**
 * Whether this user may pay or decide this amount, and which limit applies when not. A caseworker
 * pays first response up to its cap; small fast aid never exceeds its cap; a county supervisor
 * decides up to the normal cap, above it only as 一事一议 with a written reason, and never above
 * the city's threshold, which only a supervisor at city level may pass.
 */
export function checkAuthority(input: AuthorityInput): AuthorityCheck {
  const { amountFen: amount, caps } = input;
  if (!Number.isSafeInteger(amount) || amount <= 0) return refuse(null, '金额须大于 0');
  if (input.step === 'pay') {
    if (input.kind !== 'first_response') return refuse(null, `${aidKindLabels[input.kind]}须先审批后发放`);
    if (input.role !== 'caseworker') return refuse(null, '先行救助由经办人发放');
    if (amount > caps.firstResponseFen) return refuse(caps.firstResponseFen, `先行救助金额不能超过 ${formatFen(caps.firstResponseFen)}（先行救助上限）`);
    return { ok: true, oneCase: false };
  }
  if (input.role !== 'supervisor') return refuse(null, '临时救助由审核审批人审批');
  if (input.kind === 'small_fast') {
    if (amount > caps.smallFastFen) {
      return refuse(caps.smallFastFen, `小额快救不能超过 ${formatFen(caps.smallFastFen)}（当地 1 个月低保标准）；金额更大请按支出型临时救助办理`);
    }
    return { ok: true, oneCase: false };
  }
  if (amount <= caps.normalFen) return { ok: true, oneCase: false };
  const cityLevel = input.regionLevel === 'city' || input.regionLevel === 'province';
  if (amount <= caps.cityDecisionAboveFen || cityLevel) return { ok: true, oneCase: true };
  return refuse(caps.cityDecisionAboveFen, `超过 ${formatFen(caps.cityDecisionAboveFen)} 须报市级一事一议决定，县级审批上限为 ${formatFen(caps.cityDecisionAboveFen)}`);
}

/** A first response must be completed within this many working days after the payment day. */
export function completionDeadline(paidOn: string, workingDays: number, cal: WorkCalendar): string {
  return addWorkingDays(paidOn, workingDays, cal);
}

/** Small fast aid is decided within this many calendar days of the application. */
export function smallFastDeadline(appliedOn: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new Error(`days must be a non-negative integer, got ${days}`);
  return addDays(appliedOn, days);
}

/** The states in which a case waits on a deadline: completion of a first response, decision of small fast aid. */
const waitingStates: Partial<Record<AidKind, CaseState>> = { first_response: 'paid_awaiting_completion', small_fast: 'applied' };

/** Overdue once the deadline day has passed; on the deadline day itself the case is still in time. */
export function isCaseOverdue(c: { kind: AidKind; state: CaseState; deadlineOn: string | null }, today: string): boolean {
  return waitingStates[c.kind] === c.state && c.deadlineOn !== null && today > c.deadlineOn;
}

export interface PriorAid {
  caseId: string;
  kind: AidKind;
  cause: AidCause;
  openedOn: string;
  amountFen: number;
}

/** The household's earlier cases for the same cause in the same calendar year: a second one is flagged. */
export function sameCausePrior(prior: readonly PriorAid[], cause: AidCause, onDate: string): PriorAid[] {
  const year = onDate.slice(0, 4);
  return prior.filter((p) => p.cause === cause && p.openedOn.slice(0, 4) === year);
}

export function sameCauseMessage(matches: readonly PriorAid[]): string {
  const first = matches[0]!;
  const list = matches.map((m) => `${m.openedOn} ${aidKindLabels[m.kind]} ${formatFen(m.amountFen)}`).join('；');
  return `该户 ${first.openedOn.slice(0, 4)} 年已因“${causeLabels[first.cause]}”获得临时救助（${list}），再次救助须写明理由`;
}

// Every move not listed is refused, so a case cannot skip its decision nor be paid twice.
const transitions: Record<AidKind, Partial<Record<CaseState, readonly CaseState[]>>> = {
  first_response: {
    paid_awaiting_completion: ['completed', 'improper_recovery'],
    improper_recovery: ['recovered'],
  },
  small_fast: {
    applied: ['approved', 'refused'],
    approved: ['paid'],
  },
  expenditure: {
    applied: ['investigated'],
    investigated: ['in_public_notice', 'approved', 'refused'],
    in_public_notice: ['approved', 'refused'],
    approved: ['paid'],
  },
};

export function canMove(kind: AidKind, from: CaseState, to: CaseState): boolean {
  return transitions[kind][from]?.includes(to) ?? false;
}

/** A 支出型 case whose amount exceeds the configured threshold is publicly noticed before the decision. */
export function needsPublicNotice(amountFen: number, noticeAboveFen: number): boolean {
  return amountFen > noticeAboveFen;
}

/** What a caseworker may ask for: small fast aid stays within its cap from the start; a 支出型 amount is decided later. */
export function checkApplication(kind: AidKind, amountFen: number, caps: Caps): AuthorityCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return refuse(null, '金额须大于 0');
  if (kind === 'first_response') return refuse(null, '先行救助请直接发放');
  if (kind === 'small_fast' && amountFen > caps.smallFastFen) {
    return refuse(caps.smallFastFen, `小额快救不能超过 ${formatFen(caps.smallFastFen)}（当地 1 个月低保标准）；金额更大请按支出型临时救助办理`);
  }
  return { ok: true, oneCase: false };
}
