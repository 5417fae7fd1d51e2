// The arithmetic and eligibility rules of a payout run, as pure functions. Generation runs them as
// set-based SQL (lib/payouts/generation/); the app runs these TypeScript twins where one case is
// decided at a time (add-adjustment: monthVerdict, amountInForce; the block reason shown before
// a run). The twins are proven equal to the SQL over the same cases by integration tests:
// tests/integration/payout-rule-twins.test.ts (monthVerdict, recoveryDeduction) and
// tests/integration/payouts-block-reason.test.ts (accountBlockReason).

export type EnrollmentStatus = 'proposed' | 'active' | 'suspended' | 'terminated';
export type StatusChangeKind = 'suspend' | 'resume' | 'terminate';

export interface PayableEnrollment {
  status: EnrollmentStatus;
  startMonth: string; // payment starts the month after the decision: the decision wrote this
  endMonth: string | null; // the last month paid (termination, or the end of a gradual exit)
}

export interface ApprovedStatusChange {
  kind: StatusChangeKind;
  effectiveMonth: string;
}

export type MonthVerdict =
  | { pays: true; gradualExit: boolean }
  | { pays: false; reason: 'not_confirmed' | 'not_started' | 'ended' | 'suspended' | 'no_amount' };

/**
 * Whether an enrollment pays in a month. A status change is approved at one time and takes
 * effect from its month, so the month's status is the latest approved suspend / resume /
 * terminate at or before it, not the enrollment's status today (a suspension approved now for a
 * later month still pays the months before); a suspension recorded without any dated change
 * suspends every month.
 */
export function monthVerdict(e: PayableEnrollment, changes: ApprovedStatusChange[], month: string, amountFen: number | null): MonthVerdict {
  if (e.status === 'proposed') return { pays: false, reason: 'not_confirmed' };
  if (month < e.startMonth) return { pays: false, reason: 'not_started' };
  if (e.status === 'terminated' && (e.endMonth === null || month > e.endMonth)) return { pays: false, reason: 'ended' };
  if (e.endMonth !== null && month > e.endMonth) return { pays: false, reason: 'ended' };
  const latest = changes
    .filter((c) => c.effectiveMonth <= month)
    .reduce<ApprovedStatusChange | null>((a, c) => (a === null || c.effectiveMonth >= a.effectiveMonth ? c : a), null);
  // No change yet in force: suspended only when suspended today and no dated suspension says from when.
  const suspended = latest === null ? e.status === 'suspended' && !changes.some((c) => c.kind === 'suspend') : latest.kind === 'suspend';
  if (suspended) return { pays: false, reason: 'suspended' };
  if (amountFen === null || amountFen <= 0) return { pays: false, reason: 'no_amount' };
  return { pays: true, gradualExit: latest?.kind === 'terminate' };
}

/** The amount row in force for a month: the one with the greatest effective month not after it. */
export function amountInForce<T extends { effectiveMonth: string }>(rows: T[], month: string): T | null {
  return rows.filter((r) => r.effectiveMonth <= month).reduce<T | null>((a, r) => (a === null || r.effectiveMonth > a.effectiveMonth ? r : a), null);
}

export interface AccountFields {
  bankName: string | null;
  bankAccountKind: string | null;
  bankAccount: string | null;
  bankAccountHolder: string | null;
  householdStatus?: string;
  /** An account change no second person has confirmed yet (households.account_change_id is set). */
  accountChangePending?: boolean;
}

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === '';

/**
 * Why a household cannot be paid through the bank, or null when it can. The account was checked
 * in full (Luhn included) when it was entered; this catches what is missing or malformed, and a
 * change of the account that a second person has not confirmed yet. Mirrored exactly by
 * BLOCK_REASON_SQL (tests/integration/payouts-block-reason.test.ts runs both over the same cases).
 */
export function accountBlockReason(a: AccountFields): string | null {
  if (blank(a.bankAccount)) return '未登记发放账户';
  if (blank(a.bankName)) return '未登记开户银行';
  if (blank(a.bankAccountHolder)) return '未登记账户名';
  if (a.bankAccountKind === 'card' && !/^[0-9]{16,19}$/.test(a.bankAccount!)) return '银行卡号格式不正确';
  if (a.bankAccountKind === 'passbook' && !/^[0-9A-Za-z]{6,30}$/.test(a.bankAccount!)) return '存折账号格式不正确';
  if (a.bankAccountKind !== 'card' && a.bankAccountKind !== 'passbook') return '未登记账户类型';
  if (a.accountChangePending) return '账户变更待复核';
  if (a.householdStatus === 'closed') return '家庭已销户';
  return null;
}

/**
 * 扣回: what one month takes back of an overpayment. At most the monthly instalment, at most
 * what is still owed, and never so much that the month pays less than the floor; a month that
 * already pays no more than the floor takes nothing back.
 */
export function recoveryDeduction(p: { payableFen: number; perMonthFen: number; remainingFen: number; floorFen: number }): number {
  for (const [k, v] of Object.entries(p)) if (!Number.isInteger(v) || v < 0) throw new Error(`${k} must be a whole number of fen ≥ 0, got ${v}`);
  return Math.max(0, Math.min(p.perMonthFen, p.remainingFen, p.payableFen - p.floorFen));
}

/**
 * 补发: the arrears for a missed month are what that month would have paid (the amount in force
 * then); a caseworker may pay less, never more, and never for a month that was already paid.
 */
export function arrearsCheck(p: { dueFen: number | null; requestedFen: number; alreadyPaid: boolean }): { ok: true } | { ok: false; message: string } {
  if (p.alreadyPaid) return { ok: false, message: '该月已有发放记录，不能重复补发' };
  if (p.dueFen === null || p.dueFen <= 0) return { ok: false, message: '该月不在保障期内，没有应发金额' };
  if (!Number.isInteger(p.requestedFen) || p.requestedFen <= 0) return { ok: false, message: '补发金额须大于 0' };
  if (p.requestedFen > p.dueFen) return { ok: false, message: `补发金额不能超过该月应发金额（${(p.dueFen / 100).toFixed(2)} 元）` };
  return { ok: true };
}

/**
 * 撤销 of a 补发 or 扣回: withdrawn (kept, never deleted) while no run out of draft has taken any
 * of it; after that the money is paid or being paid, and a correction is a new adjustment. A
 * draft that took it drops its line when regenerated.
 */
export function adjustmentCancelCheck(
  a: { kind: 'arrears' | 'recovery'; cancelledAt: Date | null },
  takenIn: { month: string } | null,
): { ok: true } | { ok: false; message: string } {
  const what = a.kind === 'arrears' ? '补发' : '扣回';
  if (a.cancelledAt) return { ok: false, message: `该${what}已撤销` };
  if (takenIn) return { ok: false, message: `该${what}已计入 ${takenIn.month} 发放批次（已审批），不能撤销；如需更正，请另行登记补发或扣回` };
  return { ok: true };
}

/**
 * Maker–checker for a run: who may not approve it. The makers are everyone who started or
 * regenerated the draft and the authors of the 补发 / 扣回 a generation took into it; an
 * adjustment entered since the last generation counts too (its author is in adjusterIds).
 * The verb refuses with this message; the page does not offer the button.
 */
export function approvalRefusal(run: { makerIds: readonly string[] }, adjusterIds: readonly string[], userId: string): string | null {
  if (adjusterIds.includes(userId)) return '批次中有您本人录入的补发或扣回，须由其他审核审批人审批';
  if (run.makerIds.includes(userId)) return '生成或重新生成发放批次的人不能审批同一批次';
  return null;
}

/**
 * Separation of duties after approval: who may not import a run's bank return file (record what
 * the bank paid). Whoever approved the run, or made it, is refused whatever their role is now: a
 * supervisor who later becomes finance still may not reconcile the run they approved.
 */
export function reconcileRefusal(run: { approvedBy: string | null; makerIds: readonly string[] }, userId: string): string | null {
  if (run.approvedBy === userId) return '审批本批次的人不能导入它的银行回盘，须由其他资金发放员办理';
  if (run.makerIds.includes(userId)) return '生成本批次的人不能导入它的银行回盘，须由其他资金发放员办理';
  return null;
}

/** Runs are prepared for a past month (a missed one) or up to next month, never further ahead. */
export function monthAllowed(month: string, today: string): boolean {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) return false;
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return month >= '2000-01' && month <= next;
}
