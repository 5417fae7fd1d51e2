'use client';

import { startTransition, useActionState } from 'react';
import type { ActionResult } from '@/lib/core/errors';

/**
 * useActionState without React's automatic form reset: a form that came back with errors keeps
 * everything the user typed, and the errors sit next to the fields. `confirm`, when given, is asked
 * with what is about to be sent (e.g. through useConfirmDialog) and nothing is sent unless it says yes.
 */
export function useFormAction<T>(
  action: (prev: unknown, formData: FormData) => Promise<ActionResult<T>>,
  confirm?: (data: FormData) => boolean | Promise<boolean>,
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // The submitter's name/value counts too (e.g. a "next page" button carrying its cursor).
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // A button marked data-native posts the form the ordinary way (a file download, say).
    if (submitter?.dataset.native !== undefined) return;
    event.preventDefault();
    const data = new FormData(event.currentTarget, submitter);
    if (!confirm) return startTransition(() => dispatch(data));
    void Promise.resolve(confirm(data)).then((ok) => {
      if (ok) startTransition(() => dispatch(data));
    });
  };
  const errors: Record<string, string> = state && !state.ok ? state.fieldErrors : {};
  return { state, pending, onSubmit, errors };
}
