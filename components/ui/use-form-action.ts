'use client';

import { startTransition, useActionState, useEffect, useState } from 'react';
import { requestSignIn } from '@/components/auth/session-expired-dialog';
import type { ActionResult } from '@/lib/core/errors';

/** What the form shows once the user has signed in again in place: the same form, to send again. */
const SIGNED_IN_AGAIN: ActionResult<never> = {
  ok: false,
  code: 'unauthenticated',
  message: '已重新登录，请再次提交。',
  fieldErrors: {},
};

/**
 * useActionState without React's automatic form reset: a form that came back with errors keeps
 * everything the user typed, and the errors sit next to the fields. `confirm`, when given, is asked
 * with what is about to be sent (e.g. through useConfirmDialog) and nothing is sent unless it says yes.
 * When the session has ended meanwhile (the action answers 'unauthenticated'), sign-in is offered
 * in place (SessionExpiredDialog) and the form, untouched, can be sent again.
 */
export function useFormAction<T>(
  action: (prev: unknown, formData: FormData) => Promise<ActionResult<T>>,
  confirm?: (data: FormData) => boolean | Promise<boolean>,
) {
  const [state, dispatch, pending] = useActionState(action, null);
  const [resumed, setResumed] = useState<ActionResult<T> | null>(null);
  useEffect(() => {
    if (!state || state.ok || state.code !== 'unauthenticated') return;
    let live = true;
    void requestSignIn().then((signedIn) => {
      if (signedIn && live) setResumed(state);
    });
    return () => {
      live = false;
    };
  }, [state]);

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
  const shown: ActionResult<T> | null = state !== null && state === resumed ? SIGNED_IN_AGAIN : state;
  const errors: Record<string, string> = shown && !shown.ok ? shown.fieldErrors : {};
  return { state: shown, pending, onSubmit, errors };
}
