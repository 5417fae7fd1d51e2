// Adding up payout_summary rows. A row is one township × program × area × line kind of a run;
// the roll (households, persons) comes from the kinds that put a household on the month's list
// (the monthly line, the price subsidy, temporary aid), money from every kind, 补发 / 扣回 /
// 重发 included, so that the money matches what the bank moved.

export const ROLL_KINDS = ['enrollment', 'price_subsidy', 'temp_aid'] as const;
const isRoll = (kind: string) => (ROLL_KINDS as readonly string[]).includes(kind);

export interface SummaryRow {
  kind: string;
  households: number;
  persons: number;
  personMonths: number;
  amountFen: number;
  paidPersonMonths: number;
  paidFen: number;
  failedFen: number;
  blockedFen: number;
  lines: number;
  paidLines: number;
  failedLines: number;
}

export interface Figures {
  households: number;
  persons: number;
  /** 人次 paid: persons of the paid lines that pay a month of support. */
  paidPersonMonths: number;
  /** 应发: every line of the approved runs. */
  amountFen: number;
  /** Of it, the monthly roll (for the comparison with last month). */
  rollFen: number;
  paidFen: number;
  failedFen: number;
  /** No valid account: never sent to the bank, re-issued once the account is fixed. */
  blockedFen: number;
  /** Sent, bank's answer not yet imported. */
  pendingFen: number;
  /** 补发, 扣回 and 重发 lines. */
  adjustmentFen: number;
  /** Paid lines of re-issues: money that reached people late. */
  reissuePaidFen: number;
  lines: number;
  paidLines: number;
  failedLines: number;
}

export function emptyFigures(): Figures {
  return {
    households: 0, persons: 0, paidPersonMonths: 0, amountFen: 0, rollFen: 0, paidFen: 0, failedFen: 0,
    blockedFen: 0, pendingFen: 0, adjustmentFen: 0, reissuePaidFen: 0, lines: 0, paidLines: 0, failedLines: 0,
  };
}

/** Adds a summary row into the running figures (mutates and returns them). */
export function addRow(f: Figures, r: SummaryRow): Figures {
  if (isRoll(r.kind)) {
    f.households += r.households;
    f.persons += r.persons;
    f.rollFen += r.amountFen;
  } else {
    f.adjustmentFen += r.amountFen;
  }
  if (r.kind === 'reissue') f.reissuePaidFen += r.paidFen;
  f.paidPersonMonths += r.paidPersonMonths;
  f.amountFen += r.amountFen;
  f.paidFen += r.paidFen;
  f.failedFen += r.failedFen;
  f.blockedFen += r.blockedFen;
  f.pendingFen += r.amountFen - r.paidFen - r.failedFen - r.blockedFen;
  f.lines += r.lines;
  f.paidLines += r.paidLines;
  f.failedLines += r.failedLines;
  return f;
}

export function addFigures(into: Figures, f: Figures): Figures {
  for (const k of Object.keys(into) as (keyof Figures)[]) into[k] += f[k];
  return into;
}
