import { z } from 'zod';
import { parseYuanToFen } from '@/lib/core/money';
import { safeText } from '@/lib/core/safe-text';

/** The written reason of an approval over open 数据核查 findings is at least this long. */
export const OVERRIDE_REASON_MIN = 10;

const month = (label: string) => z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12');
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), s.optional());
/** A yuan amount as people type it ("2452", "2,452.00", "¥12.30") → fen, as everywhere else in the app. */
const yuan = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .transform((v, ctx) => {
      if (v === '') {
        ctx.addIssue({ code: 'custom', message: `请填写${label}` });
        return z.NEVER;
      }
      const parsed = parseYuanToFen(v);
      if (!parsed.ok) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed.fen;
    });

export const startRunSchema = z.object({
  countyCode: z.string({ error: '请选择县（区）' }).regex(/^\d{6}$/, '请选择县（区）'),
  month: month('发放月份'),
});

export const runRefSchema = z.object({ runId: z.uuid('批次不存在') });

export const approveRunSchema = z.object({
  runId: z.uuid('批次不存在'),
  version: z.coerce.number().int().min(1),
  // Only to approve over open 数据核查 findings: why the run cannot wait for them.
  overrideReason: optional(safeText('未解决核查的审批理由', { multiline: true }).min(OVERRIDE_REASON_MIN, `请写明在核查未解决时审批的理由（至少 ${OVERRIDE_REASON_MIN} 个字）`).max(500, '理由不能超过 500 字')),
});

export const resolveFlagSchema = z.object({
  flagId: z.coerce.number({ error: '该核查记录不存在' }).int().positive('该核查记录不存在'),
  outcome: z.enum(['resolved', 'held'], { error: '请选择核查结果' }),
  note: safeText('核查情况', { multiline: true, required: '请写明核查情况' }).min(4, '请写明核查情况（至少 4 个字）').max(500, '核查情况不能超过 500 字'),
});

export const adjustmentSchema = z
  .object({
    enrollmentId: z.uuid('请选择救助项目'),
    kind: z.enum(['arrears', 'recovery'], { error: '请选择调整类型' }),
    startMonth: month('发放月份'),
    forMonth: optional(month('补发月份')),
    amount: yuan('金额'),
    perMonth: optional(yuan('每月扣回金额')),
    floor: optional(yuan('每月至少发放')),
    reason: safeText('原因', { multiline: true }).min(4, '请写明原因（至少 4 个字）').max(500, '原因不能超过 500 字'),
  })
  .superRefine((v, ctx) => {
    if (v.amount <= 0) ctx.addIssue({ code: 'custom', path: ['amount'], message: '金额须大于 0' });
    if (v.kind === 'arrears') {
      if (!v.forMonth) ctx.addIssue({ code: 'custom', path: ['forMonth'], message: '请填写漏发的月份' });
      else if (v.forMonth >= v.startMonth) ctx.addIssue({ code: 'custom', path: ['forMonth'], message: '补发月份须早于发放月份' });
    } else if (!v.perMonth || v.perMonth <= 0) {
      ctx.addIssue({ code: 'custom', path: ['perMonth'], message: '请填写每月扣回金额' });
    }
  });

export const cancelAdjustmentSchema = z.object({
  adjustmentId: z.uuid('该补发或扣回不存在'),
  reason: safeText('撤销原因', { multiline: true }).min(4, '请写明撤销原因（至少 4 个字）').max(500, '撤销原因不能超过 500 字'),
});

export const priceSubsidySchema = z.object({
  month: month('补贴月份'),
  regionCode: z.string({ error: '请选择地区' }).regex(/^\d{6}$/, '请选择地区'),
  perPerson: yuan('每人金额').refine((f) => f > 0 && f <= 100_000, '每人金额应在 0.01–1,000 元之间'),
  programs: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(['dibao', 'tekun', 'dis_living', 'dis_care'])).min(1, '请至少选择一个救助项目'),
  ),
  note: safeText('文件依据', { multiline: true }).min(2, '请填写文件依据或说明').max(500, '文件依据不能超过 500 字'),
});

export const confirmAccountSchema = z.object({
  lineId: z.coerce.number().int().positive(),
  note: safeText('核实情况', { multiline: true, required: '请写明核实情况' }).min(4, '请写明核实情况（至少 4 个字）').max(500, '核实情况不能超过 500 字'),
});

