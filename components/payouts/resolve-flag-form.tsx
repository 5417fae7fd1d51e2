'use client';

import { resolveFlagAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { inputClass } from '@/components/ui/field';

/** On an open 数据核查 finding: 核实无误 releases the line; 暂缓发放 leaves it for a later run. */
export function ResolveFlagForm({ flagId }: { flagId: number }) {
  const { state, pending, onSubmit, errors } = useFormAction(resolveFlagAction);
  if (state?.ok) return <p role="status" className="text-sm text-green-800">{state.data.state === 'resolved' ? '已核实无误，明细恢复发放。' : '已暂缓发放，由以后的批次重新发放。'}</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`处理核查 ${flagId}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="flagId" value={flagId} />
      <label className="text-sm">
        核查情况
        <input name="note" aria-invalid={errors.note ? true : undefined} className={`${inputClass} w-48`} />
      </label>
      <button type="submit" name="outcome" value="resolved" disabled={pending} className="rounded border border-blue-700 px-2 py-1 text-sm text-blue-700">核实无误</button>
      <button type="submit" name="outcome" value="held" disabled={pending} className="rounded border border-slate-500 px-2 py-1 text-sm text-slate-700">暂缓发放</button>
      {state && !state.ok && <span className="text-sm text-red-700">{errors.note ?? errors.outcome ?? errors._form ?? state.message}</span>}
    </form>
  );
}
