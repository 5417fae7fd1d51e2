'use client';

import { confirmSubsidyAction } from '@/lib/enrollments/actions';
import { useFormAction } from '@/components/ui/use-form-action';

export function ConfirmSubsidyForm({ enrollmentId, householdId, version, label }: { enrollmentId: string; householdId: string; version: number; label: string }) {
  const { state, pending, onSubmit } = useFormAction(confirmSubsidyAction);
  return (
    <form onSubmit={onSubmit} className="ml-2 inline">
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
