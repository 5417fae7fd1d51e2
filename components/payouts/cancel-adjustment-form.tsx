'use client';

import { cancelAdjustmentAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { inputClass } from '@/components/ui/field';

/** 撤销 of an open 补发 or 扣回, with the written reason it needs. */
export function CancelAdjustmentForm({ adjustmentId, label }: { adjustmentId: string; label: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(cancelAdjustmentAction);
  if (state?.ok) return <p role="status" className="text-sm text-green-800">已撤销。</p>;
  const reasonId = `cancel-reason-${adjustmentId}`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`撤销${label}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="adjustmentId" value={adjustmentId} />
      <label htmlFor={reasonId} className="text-sm">
        撤销原因
        <input
          id={reasonId}
          name="reason"
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? `${reasonId}-error` : undefined}
          className={`${inputClass} w-48`}
        />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-red-700 px-2 py-1 text-sm text-red-700">撤销</button>
      {state && !state.ok && (
        <span id={`${reasonId}-error`} className="text-sm text-red-700">{errors.reason ?? errors._form ?? state.message}</span>
      )}
    </form>
  );
}
