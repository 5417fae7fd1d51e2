// The dibao / 特困 application as a state machine (最低生活保障审核确认办法): 受理 → 入户调查 →
// 乡镇审核 → 村公示 → 县级确认. Every move not listed here is refused with a typed code, so a
// case can never skip the home visit or the public notice.
import { addDays, addMonthsToMonth, monthText, parseDate } from '../core/calendar-date';

export const applicationStates = [
  'draft',
  'accepted',
  'investigated',
  'township_reviewed',
  'in_public_notice',
  'approved',
  'refused',
  'not_accepted',
  'withdrawn',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const applicationStateLabels: Record<ApplicationState, string> = {
  draft: '草稿',
  accepted: '已受理',
  investigated: '已入户调查',
  township_reviewed: '乡镇已审核',
  in_public_notice: '公示中',
  approved: '已批准',
  refused: '不予批准',
  not_accepted: '不予受理',
  withdrawn: '已撤回',
};

// An objection during the notice sends the case back to investigation (a new visit or a 民主评议
// record), which then goes through the township and a fresh notice. The applicant may withdraw
// at any point before the county decides.
const transitions: Record<ApplicationState, readonly ApplicationState[]> = {
  // 不予受理: the township refuses to take the case up at all (not a social-assistance matter, not
  // the applicant's place of registration …), in writing with the reason and the appeal rights.
  draft: ['accepted', 'not_accepted', 'withdrawn'],
  accepted: ['investigated', 'withdrawn'],
  investigated: ['township_reviewed', 'withdrawn'],
  township_reviewed: ['in_public_notice', 'withdrawn'],
  // An objection (recorded with the case) sends it straight back to investigation.
  in_public_notice: ['investigated', 'approved', 'refused', 'withdrawn'],
  approved: [],
  refused: [],
  not_accepted: [],
  withdrawn: [],
};

export function isFinal(state: ApplicationState): boolean {
  return transitions[state].length === 0;
}

export type FlowErrorCode = 'application_closed' | 'illegal_transition';
export type FlowCheck = { ok: true } | { ok: false; code: FlowErrorCode; message: string };

export function assertTransition(from: ApplicationState, to: ApplicationState): FlowCheck {
  if (transitions[from].includes(to)) return { ok: true };
  if (isFinal(from)) {
    return { ok: false, code: 'application_closed', message: `申请已${applicationStateLabels[from]}，不能再变更` };
  }
  const allowed = transitions[from].map((s) => applicationStateLabels[s]).join('、');
  return {
    ok: false,
    code: 'illegal_transition',
    message: `申请当前为“${applicationStateLabels[from]}”，不能直接变为“${applicationStateLabels[to]}”（下一步只能是：${allowed}）`,
  };
}

export type DecideErrorCode = 'decider_is_submitter' | 'decider_took_part' | 'county_visit_required';
export type DecideCheck = { ok: true } | { ok: false; code: DecideErrorCode; message: string };

/**
 * Maker–checker for the county decision. The decider must be independent of everyone who built
 * the case (submitter, investigators, township reviewer). For an applicant registered as a close
 * relative of staff or a village cadre (近亲属备案), the county's own home visit must be recorded first.
 */
export function canDecide(input: {
  deciderId: string;
  submittedBy: string;
  participantIds: readonly string[];
  closeRelativeFlag: boolean;
  countyHomeVisitRecorded: boolean;
}): DecideCheck {
  if (input.deciderId === input.submittedBy) {
    return { ok: false, code: 'decider_is_submitter', message: '提交申请的人不能审批同一申请' };
  }
  if (input.participantIds.includes(input.deciderId)) {
    return { ok: false, code: 'decider_took_part', message: '参与入户调查或乡镇审核的人不能审批同一申请' };
  }
  if (input.closeRelativeFlag && !input.countyHomeVisitRecorded) {
    return { ok: false, code: 'county_visit_required', message: '申请人为近亲属备案对象，县级须先完成入户核查并记录，方可审批' };
  }
  return { ok: true };
}

/** The county decision on this application by this person: the maker–checker check of canDecide, with the case's own participants. */
export function decisionCheck(
  app: { createdBy: string; acceptedBy: string | null; investigatedBy: string | null; townshipReviewedBy: string | null; closeRelative: boolean; countyVisitOn: string | null },
  deciderId: string,
): DecideCheck {
  return canDecide({
    deciderId,
    submittedBy: app.createdBy,
    participantIds: [app.acceptedBy, app.investigatedBy, app.townshipReviewedBy].filter((x): x is string => !!x),
    closeRelativeFlag: app.closeRelative,
    countyHomeVisitRecorded: !!app.countyVisitOn,
  });
}

/** Payment starts the month after the decision: 2026-12-05 → 2027-01. */
export function startMonthAfterDecision(decisionDate: string): string {
  const { year, month } = parseDate(decisionDate);
  return addMonthsToMonth(monthText(year, month), 1);
}

/**
 * The last day of the public notice, counted in calendar days from the day after it is posted
 * (posted 2026-10-10 for 7 days → runs through 2026-10-17). The length is policy data.
 */
export function publicNoticeEnd(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new Error(`notice days must be a positive integer, got ${days}`);
  return addDays(start, days);
}

/** The county may decide only after the notice has run its full length. */
export function isPublicNoticeOver(start: string, days: number, today: string): boolean {
  parseDate(today);
  return today > publicNoticeEnd(start, days);
}
