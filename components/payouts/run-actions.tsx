'use client';

import { approveRunAction, regenerateRunAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { buttonClass, inputClass } from '@/components/ui/field';
import { OVERRIDE_REASON_MIN } from '@/lib/payouts/schemas';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { formatFen } from '@/lib/core/format';
import { GenerationProgress } from './generation-progress';

export function RegenerateForm({ runId, county, month }: { runId: string; county: string; month: string }) {
  const { state, pending, onSubmit } = useFormAction(regenerateRunAction);
  return (
    <form onSubmit={onSubmit} aria-label="重新生成" className="space-y-1">
      <input type="hidden" name="runId" value={runId} />
      <button type="submit" disabled={pending} className="rounded border border-blue-700 px-4 py-2 text-blue-700 disabled:opacity-60">重新生成</button>
      <GenerationProgress active={pending} county={county} month={month} />
      {state?.ok && (
        <p role="status" className="text-sm text-green-800">
          已重新生成：新增 {state.data.inserted} 条，更新 {state.data.updated} 条，移除 {state.data.removed} 条；共 {state.data.lineCount} 条，{formatFen(state.data.totalFen)}。
        </p>
      )}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors._form ?? state.message}</p>}
    </form>
  );
}

/** Approval fixes the run for good: the figures the supervisor saw are stated before it is sent. */
export function ApproveForm({ runId, version, label, lineCount, totalFen, blockedCount, openFlags = 0 }: {
  openFlags?: number;
  runId: string;
  version: number;
  label: string;
  lineCount: number;
  totalFen: number;
  blockedCount: number;
}) {
  const { ask, dialog } = useConfirmDialog();
  const blocked = blockedCount > 0 ? `（其中受阻 ${blockedCount.toLocaleString('zh-CN')} 笔，暂不发往银行）` : '';
  const { state, pending, onSubmit, errors } = useFormAction(approveRunAction, () =>
    ask({
      title: '确认审批发放批次',
      message: `确认审批通过 ${label} 发放批次：${lineCount.toLocaleString('zh-CN')} 笔，${formatFen(totalFen)}${blocked}。审批后批次不再变更。`,
      confirmLabel: '确认审批通过',
    }),
  );
  return (
    <form onSubmit={onSubmit} aria-label="审批发放批次" className="space-y-1">
      {dialog}
      <input type="hidden" name="runId" value={runId} />
      <input type="hidden" name="version" value={version} />
      {openFlags > 0 && (
        <label className="block max-w-md text-sm">
          尚有 {openFlags} 条数据核查未解决（相应明细暂不发放）。如确需先审批，请写明理由（至少 {OVERRIDE_REASON_MIN} 个字）
          <textarea name="overrideReason" rows={2} aria-invalid={errors.overrideReason ? true : undefined} className={inputClass} />
          {errors.overrideReason && <span className="text-red-700">{errors.overrideReason}</span>}
        </label>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>审批通过（{label}）</button>
      {state?.ok && <p role="status" className="text-sm text-green-800">已审批，批次不再变更。</p>}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors._form ?? state.message}</p>}
    </form>
  );
}
