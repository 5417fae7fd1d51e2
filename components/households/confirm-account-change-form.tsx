'use client';

import { confirmAccountChangeAction } from '@/lib/households/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { buttonClass } from '@/components/ui/field';

/** The second person's confirmation of the account change the page shows (by its id). */
export function ConfirmAccountChangeForm({ householdId, changeId }: { householdId: string; changeId: string }) {
  const { state, pending, onSubmit } = useFormAction(confirmAccountChangeAction);
  return (
    <form onSubmit={onSubmit} aria-label="复核账户变更" className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="changeId" value={changeId} />
      <button type="submit" disabled={pending} className={buttonClass}>核对无误，确认账户变更</button>
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.message}</p>}
    </form>
  );
}
