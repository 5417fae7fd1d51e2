// Inputs of the temporary-aid verbs, shared by the forms, the server actions and the verbs.
import { z } from 'zod';
import { parseYuanToFen } from '@/lib/core/money';
import { safeText } from '@/lib/core/safe-text';
import { blankToUndefined, householdInputSchema, isObject } from '@/lib/households/schemas';
import { acknowledgmentField, lateReasonField, noticeEvidenceField } from '@/lib/late-entries/schemas';
import { caseStateLabels, causesFor, emergencyCauses, expenditureCauses, type CaseState } from './labels';

const uuid = z.uuid('记录不存在');
const version = z.coerce.number().int().min(1);
/** A name or number (one line) or a written account (`multiline`): lib/core/safe-text.ts. */
const text = (label: string, min: number, max: number, message: string, multiline = false) =>
  safeText(label, { multiline, required: message }).min(min, message).max(max, `最多 ${max} 个字`);
const optionalText = (label: string, max: number, multiline = false) =>
  z.preprocess(blankToUndefined, safeText(label, { multiline }).max(max, `最多 ${max} 个字`).optional());
const day = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-29')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效日期');

/** Yuan as typed ("5000", "5,000.00") → positive integer fen. */
const yuan = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((raw, ctx) => {
    const parsed = parseYuanToFen(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    if (parsed.fen <= 0) {
      ctx.addIssue({ code: 'custom', message: `${label}须大于 0` });
      return z.NEVER;
    }
    return parsed.fen;
  });
const optionalYuan = (label: string) => z.preprocess(blankToUndefined, yuan(label).optional());

/** One document per line (or separated by ；): the list a supervisor checks. */
const documentList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/\n|；|;/).map((s) => s.trim()).filter(Boolean) : (v ?? [])),
  z.array(safeText('材料名称').max(100, '每项材料最多 100 个字')).max(30, '最多 30 项材料'),
);

const method = z.enum(['bank', 'cash'], { error: '请选择发放方式' });
const payment = {
  method,
  payeeName: text('领款人', 1, 40, '请填写领款人姓名'),
  receiptNo: optionalText('收据编号', 40),
};

type LoosePayment = { method?: unknown; receiptNo?: unknown };
/** Cash is handed over against a receipt: its number is what an auditor checks. */
function checkReceipt(v: LoosePayment, ctx: z.RefinementCtx) {
  if (v.method === 'cash' && !v.receiptNo) ctx.addIssue({ code: 'custom', path: ['receiptNo'], message: '现金发放须填写收据编号' });
}

const allCauses = [...emergencyCauses, ...expenditureCauses] as const;

/**
 * 先行救助 in one screen: an existing household (householdId), or a new one registered on the
 * spot from the same form (the registry's own fields and rules), with the payment.
 */
export const firstResponseSchema = z
  .looseObject({
    householdId: z.preprocess(blankToUndefined, uuid.optional()),
    cause: z.enum(emergencyCauses, { error: '请选择急难情形' }),
    narrative: text('发生了什么', 4, 2000, '请写明发生了什么（至少 4 个字）', true),
    amount: yuan('救助金额'),
    ...payment,
    sameCauseNote: optionalText('同一事由再次救助的理由', 500, true),
    documents: documentList,
  })
  .superRefine(checkReceipt, { when: (p) => isObject(p.value) })
  .superRefine(
    (v, ctx) => {
      if (v.householdId) return;
      const parsed = householdInputSchema.safeParse(v);
      if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    },
    { when: (p) => isObject(p.value) && !(p.value as { householdId?: unknown }).householdId },
  )
  .transform((v) => ({
    householdId: v.householdId,
    newHousehold: v.householdId ? undefined : householdInputSchema.parse(v),
    cause: v.cause,
    narrative: v.narrative,
    amountFen: v.amount,
    method: v.method,
    payeeName: v.payeeName,
    receiptNo: v.receiptNo,
    sameCauseNote: v.sameCauseNote,
    documents: v.documents,
  }));
export type FirstResponseInput = z.output<typeof firstResponseSchema>;

/** 小额快救 or 支出型: the application. */
export const applySchema = z
  .object({
    householdId: uuid,
    kind: z.enum(['small_fast', 'expenditure'], { error: '请选择救助类型' }),
    cause: z.enum(allCauses, { error: '请选择救助事由' }),
    narrative: text('困难情况', 4, 2000, '请写明困难情况（至少 4 个字）', true),
    amount: yuan('申请金额'),
    sameCauseNote: optionalText('同一事由再次救助的理由', 500, true),
    documents: documentList,
  })
  .refine((v) => causesFor(v.kind).includes(v.cause), { path: ['cause'], message: '支出型临时救助的事由应为医疗、教育、基本生活或其他支出' });

const step = { caseId: uuid, version };

export const accountSchema = z.object({
  ...step,
  account: text('情况说明', 4, 4000, '请填写情况说明（至少 4 个字）', true),
  documents: documentList.pipe(z.array(z.string()).min(1, '请列出已收集的材料，每行一项')),
});

export const completeSchema = z
  .object({
    ...step,
    outcome: z.enum(['confirmed', 'improper'], { error: '请选择审核结论' }),
    note: text('审核意见', 4, 2000, '请填写审核意见（至少 4 个字）', true),
    followUp: optionalYuan('追加金额'),
    method: z.preprocess(blankToUndefined, method.optional()),
    payeeName: optionalText('领款人', 40),
    oneCaseNote: optionalText('一事一议说明', 1000, true),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'improper' && v.followUp) ctx.addIssue({ code: 'custom', path: ['followUp'], message: '认定不当的案件不能追加救助' });
    if (v.followUp && !v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: '追加救助须选择发放方式' });
    if (v.followUp && !v.payeeName) ctx.addIssue({ code: 'custom', path: ['payeeName'], message: '追加救助须填写领款人姓名' });
  });

export const investigateCaseSchema = z
  .object({
    ...step,
    ...lateReasonField,
    investigator1: text('调查人姓名', 2, 20, '请填写第一位调查人姓名'),
    investigator2: text('调查人姓名', 2, 20, '请填写第二位调查人姓名'),
    investigatedOn: day,
    findings: text('调查情况', 4, 2000, '请填写调查情况（至少 4 个字）', true),
  })
  .refine((v) => v.investigator1 !== v.investigator2, { path: ['investigator2'], message: '入户调查须由两名不同的工作人员进行' });

export const caseNoticeSchema = z.object({ ...step, ...lateReasonField, ...noticeEvidenceField, noticeStart: day });

export const decideCaseSchema = z
  .object({
    ...step,
    ...acknowledgmentField,
    decision: z.enum(['approve', 'refuse'], { error: '请选择审批结果' }),
    amount: optionalYuan('批准金额'),
    method: z.preprocess(blankToUndefined, method.optional()),
    payeeName: optionalText('领款人', 40),
    reason: optionalText('审批理由', 1000, true),
    oneCaseNote: optionalText('一事一议说明', 1000, true),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'refuse' && (!v.reason || v.reason.length < 4)) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不予救助须写明理由' });
    if (v.decision === 'approve' && !v.method) ctx.addIssue({ code: 'custom', path: ['method'], message: '请选择发放方式' });
    if (v.decision === 'approve' && !v.payeeName) ctx.addIssue({ code: 'custom', path: ['payeeName'], message: '请填写领款人姓名' });
  });

/** The day the money was handed over or transferred: today unless given (a receipt of an earlier day is a late entry). */
export const payApprovedSchema = z.object({ paymentId: uuid, receiptNo: optionalText('收据编号', 40), paidOn: z.preprocess(blankToUndefined, day.optional()), ...lateReasonField });

export const recoverySchema = z.object({ ...step, amount: yuan('追回金额'), note: text('追回情况', 2, 500, '请写明追回情况（如收据编号）', true) });

export const fundMovementSchema = z.object({
  townshipCode: z.string({ error: '请选择乡镇' }).regex(/^\d{9}$/, '请选择乡镇'),
  kind: z.enum(['allocation', 'top_up', 'return'], { error: '请选择类型' }),
  amount: yuan('金额'),
  note: text('说明', 2, 200, '请填写说明（如拨付文号）', true),
  // The day of the transfer: today unless given; an earlier day entered late is a late entry.
  movedOn: z.preprocess(blankToUndefined, day.optional()),
  ...lateReasonField,
});

/** The list filter (GET, no names in it) and the export (POST of the same fields). */
export const caseFilterSchema = z.object({
  state: z.preprocess(blankToUndefined, z.enum(Object.keys(caseStateLabels) as [CaseState, ...CaseState[]]).optional()),
  kind: z.preprocess(blankToUndefined, z.enum(['first_response', 'small_fast', 'expenditure']).optional()),
  cause: z.preprocess(blankToUndefined, z.enum(allCauses).optional()),
  township: z.preprocess(blankToUndefined, z.string().regex(/^\d{9}$/).optional()),
  year: z.preprocess(blankToUndefined, z.coerce.number().int().min(2000).max(2100).optional()),
});
export type CaseFilter = z.output<typeof caseFilterSchema>;
