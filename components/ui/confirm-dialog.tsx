'use client';

import { useCallback, useEffect, useId, useRef, useState } from 'react';

export interface ConfirmRequest {
  /** The dialog's heading, e.g. "确认审批". */
  title: string;
  /** What will happen, with the amount: the sentence the user agrees to. */
  message: string;
  /** The confirming button, naming the act (e.g. "确认审批通过"). */
  confirmLabel: string;
}

/**
 * A confirmation before an irreversible step, in the native modal <dialog> (role dialog, named by
 * its heading, described by its message; the rest of the page inert while it is open). Focus
 * moves to 取消, Escape cancels, and closing returns focus to the button that asked. It only asks:
 * the server enforces every rule whatever the browser does, so nothing relies on it.
 *
 *   const { ask, dialog } = useConfirmDialog();
 *   if (await ask({ title, message, confirmLabel })) …;   // and render {dialog}
 */
export function useConfirmDialog() {
  const [request, setRequest] = useState<(ConfirmRequest & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback((r: ConfirmRequest) => new Promise<boolean>((resolve) => setRequest({ ...r, resolve })), []);
  const close = useCallback(
    (ok: boolean) => {
      request?.resolve(ok);
      setRequest(null);
    },
    [request],
  );
  return { ask, dialog: <ConfirmDialog request={request} onClose={close} /> };
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (request && !d.open) {
      d.showModal();
      cancel.current?.focus(); // the safe choice first
    } else if (!request && d.open) {
      d.close();
    }
  }, [request]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      // Escape: the browser's cancel event; the dialog closes through our state, not behind it.
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
      className="m-auto max-w-lg rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      {request && (
        <>
          <h2 id={`${id}-title`} className="text-lg font-semibold">{request.title}</h2>
          <p id={`${id}-message`} className="mt-2 text-slate-800">{request.message}</p>
          <div className="mt-5 flex justify-end gap-3">
            <button ref={cancel} type="button" onClick={() => onClose(false)} className="rounded border border-slate-400 px-4 py-2">
              取消
            </button>
            <button type="button" onClick={() => onClose(true)} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
              {request.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
