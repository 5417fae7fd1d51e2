'use client';

import { confirmSubsidyAction } from '@/lib/enrollments/actions';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { useFormAction } from '@/components/ui/use-form-action';
import { formatFen } from '@/lib/core/format';

/** Confirming a proposed disability subsidy starts its monthly payments: said, with the amount, first. */
export function ConfirmSubsidyForm({ enrollmentId, householdId, version, label, amountFen, startMonth }: {
  enrollmentId: string;
  householdId: string;
  version: number;
  label: string;
  amountFen: number;
  startMonth: string;
}) {
  const { ask, dialog } = useConfirmDialog();
  const { state, pending, onSubmit } = useFormAction(confirmSubsidyAction, () =>
    ask({
      title: '确认补贴',
      message: `确认 ${label}：每月 ${formatFen(amountFen)}，自 ${startMonth} 起按月发放。确认后列入发放批次。`,
      confirmLabel: '确认补贴',
    }),
  );
  return (
    <form onSubmit={onSubmit} className="ml-2 inline">
      {dialog}
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" name="confirm" value="yes" disabled={pending} aria-label={`确认 ${label}`} className="rounded bg-blue-700 px-2 py-0.5 text-xs text-white">
        确认
      </button>
      {state && !state.ok && <span role="alert" className="ml-1 text-xs text-red-700">{state.message}</span>}
    </form>
  );
}
