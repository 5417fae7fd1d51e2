// A temporary-aid payment approved for bank transfer and the county's monthly payout run, as pure
// rules: which payment a payout line pays, whether a run holds the payment (then only the bank
// pays it, never the township fund), and how the payment reads on the case page.

import { isUuid } from '@/lib/core/uuid';

/** A payout line as far as it concerns a temporary-aid payment. */
export interface PaymentLine {
  kind: string;
  sourceId: string | null;
  components: unknown;
}

/**
 * The temporary-aid payment a line pays: a 'temp_aid' line names it as its source; a re-issue
 * carries the working of the line it re-issues (components.original), itself perhaps a re-issue.
 * Null for every other line.
 */
export function paymentIdOfLine(line: PaymentLine): string | null {
  if (line.kind === 'temp_aid') return isUuid(line.sourceId) ? line.sourceId : null;
  if (line.kind !== 'reissue') return null;
  let c = line.components as Record<string, unknown> | null;
  // A line can only be re-issued so many times; the bound keeps a malformed chain finite.
  for (let depth = 0; depth < 24 && c && typeof c === 'object'; depth++) {
    const original = c.original as Record<string, unknown> | null | undefined;
    if (c.originalKind === 'temp_aid') {
      const id = original?.tempAidPaymentId;
      return isUuid(id) ? id : null;
    }
    if (c.originalKind !== 'reissue') return null;
    c = original ?? null;
  }
  return null;
}

/** A line that pays (or paid, or tried to pay) a payment, with the state of its run. */
export interface RunLine {
  lineId: number;
  runId: string;
  month: string;
  runState: string;
  status: string;
  blocked: boolean;
  failureReason: string | null;
}

/**
 * The month of the latest run out of draft that holds the payment, or null. Once a run is
 * approved the bank pays the payment (a failed or blocked line is re-issued by a later run), so
 * paying it from the township fund as well would pay it twice. A draft holds nothing: paying by
 * hand first is allowed, and the draft drops the line when it is regenerated.
 */
export function holdingMonth(lines: readonly RunLine[]): string | null {
  const held = lines.filter((l) => l.runState !== 'draft').map((l) => l.month);
  return held.length ? held.reduce((a, b) => (b > a ? b : a)) : null;
}

export function heldMessage(month: string): string {
  return `该笔已列入 ${month} 发放批次，由银行代发，不能再单独支付`;
}

/** The line that says where the payment stands: the paid one, else the latest. */
export function currentLine(lines: readonly RunLine[]): RunLine | null {
  const paid = lines.find((l) => l.status === 'paid');
  if (paid) return paid;
  return lines.reduce<RunLine | null>((a, b) => (!a || b.month > a.month || (b.month === a.month && b.lineId > a.lineId) ? b : a), null);
}

/** How a payment taken by a payout run reads on the case and household pages. */
export function bankRunNote(line: RunLine): string {
  const batch = `${line.month} 发放批次`;
  if (line.status === 'paid') return `银行代发（${batch}）`;
  if (line.runState === 'draft') return `已列入 ${batch}（草稿，审批后由银行代发）`;
  if (line.blocked) return `已列入 ${batch}，账户受阻未发送银行；更正账户后由以后的发放批次重新发放`;
  if (line.status === 'failed') {
    return `${batch} 银行代发失败${line.failureReason ? `（${line.failureReason}）` : ''}；更正或核实账户后由以后的发放批次重新发放`;
  }
  return `已列入 ${batch}，由银行代发，待银行回盘`;
}
