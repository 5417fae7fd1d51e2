// The wording of each notice, from the facts of the step that issues it.
import { formatFen } from '@/lib/core/format';

const programOf = (kind: string) => (kind.startsWith('tekun') ? '特困人员救助供养' : '最低生活保障');

export const noticeTexts = {
  acceptance: (p: { kind: string; acceptedOn: string }) => [
    `你（户）提出的${programOf(p.kind)}申请，本机关已于 ${p.acceptedOn} 依法受理。`,
    '本机关将组织入户调查，核对家庭经济状况，经公示后报县级民政部门审核确认，并在规定时限内将结果书面告知。请如实提供情况，配合调查；家庭人口、收入和财产发生变化的，请及时告知。',
  ],
  correction: (p: { kind: string; missing: string[] }) => [
    `你（户）提出的${programOf(p.kind)}申请，材料尚不齐全。请补充提交以下材料（一次告知）：`,
    ...p.missing.map((m, i) => `${i + 1}. ${m}`),
    '材料补齐后，本机关将继续办理。',
  ],
  nonAcceptance: (p: { kind: string; reason: string }) => [`你（户）提出的${programOf(p.kind)}申请，经审查，本机关决定不予受理。`, `理由：${p.reason}`],
  approval: (p: { kind: string; startMonth: string; persons: number; amountFen: number; working: string[] }) => [
    `经审核确认，你（户）符合${programOf(p.kind)}条件，决定自 ${p.startMonth} 起给予${programOf(p.kind)}，保障人数 ${p.persons} 人，每月保障金额 ${formatFen(p.amountFen)}。`,
    '金额核算：',
    ...p.working,
    '享受期间，家庭人口、收入和财产状况发生变化的，应当及时告知，本机关将定期复核。',
  ],
  refusal: (p: { kind: string; reason: string }) => [`经审核，你（户）的${programOf(p.kind)}申请不符合条件，决定不予批准。`, `理由：${p.reason}`],
  change: (p: { what: 'suspension' | 'termination' | 'reduction'; effectiveMonth: string; reason: string; hearing: string | null; amountFen?: number | null }) => [
    p.what === 'reduction'
      ? `经复核，决定自 ${p.effectiveMonth} 起将你（户）的每月保障金额调整为 ${formatFen(p.amountFen ?? 0)}。`
      : p.what === 'termination'
        ? `经复核，决定自 ${p.effectiveMonth} 起停止发放你（户）的救助金。`
        : `经复核，决定自 ${p.effectiveMonth} 起暂停发放你（户）的救助金。`,
    `理由：${p.reason}`,
    ...(p.hearing ? [`告知及陈述申辩情况：${p.hearing}`] : []),
  ],
};
