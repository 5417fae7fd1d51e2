// The text messages' wording: short, no name or ID number (a phone may be the neighbour's or a
// village cadre's), the county's bureau as sender, and where the full text is (the paper notice).
// The payment message is written in SQL, set-based, by enqueuePaymentMessages (./enqueue.ts).
import type { NoticeKind } from '@/db/schema';

export function noticeMessage(input: { countyName: string; kind: NoticeKind; number: string; issuedOn: string }): string | null {
  const sender = `【${input.countyName}民政局】`;
  switch (input.kind) {
    case 'acceptance':
      return `${sender}您家的社会救助申请已于 ${input.issuedOn} 受理（${input.number}），工作人员将入户调查，请保持电话畅通。`;
    case 'approval':
      return `${sender}您家的社会救助申请已批准（${input.number}），决定书请到乡镇（街道）社会救助窗口领取。`;
    case 'non_acceptance':
      return `${sender}您家的社会救助申请不予受理（${input.number}），理由和复议、诉讼途径见通知书，请到乡镇（街道）社会救助窗口领取。`;
    case 'refusal':
      return `${sender}您家的社会救助申请未获批准（${input.number}），理由和复议、诉讼途径见决定书，请到乡镇（街道）社会救助窗口领取。`;
    case 'suspension':
    case 'termination':
    case 'reduction':
      return `${sender}您家的救助待遇有变化（${input.number}），详见告知书，请到乡镇（街道）社会救助窗口领取。`;
    case 'correction':
      return null; // told with the acceptance, on the same day, in the same paper
  }
}

export const messageKindLabels = { accepted: '受理', decided: '决定', paid: '发放' } as const;
export const messageStateLabels = { pending: '待发送', sent: '已发送', failed: '发送失败', no_phone: '无联系电话，未发送' } as const;

/** 139****1234: enough for the caseworker to tell which number, not enough to copy it. */
export function maskPhone(phone: string | null): string {
  if (!phone) return '—';
  const p = phone.trim();
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

/** Minutes to wait after the n-th failed attempt (1-based); after the last, the message is given up. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240, 720] as const;
export function retryDelayMinutes(attempts: number): number | null {
  return attempts >= 1 && attempts <= RETRY_MINUTES.length ? RETRY_MINUTES[attempts - 1]! : null;
}
