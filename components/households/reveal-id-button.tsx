'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/ui/use-form-action';
import { revealIdAction } from '@/lib/households/actions';

/** Shows one member's full resident ID on request; the server logs every such view. */
export function RevealIdButton({ memberId, name }: { memberId: string; name: string }) {
  const { state, pending, onSubmit } = useFormAction(revealIdAction);
  const [hidden, setHidden] = useState(false);
  const shown = state?.ok && !hidden ? state.data.idNumber : null;
  return (
    <span className="ml-2 inline-flex flex-wrap items-center gap-2">
      {shown ? (
        <button type="button" onClick={() => setHidden(true)} className="text-xs text-blue-700 underline" aria-label={`隐藏 ${name} 的完整身份证号`}>
          隐藏
        </button>
      ) : (
        <form onSubmit={(e) => { setHidden(false); onSubmit(e); }} className="inline">
          <input type="hidden" name="memberId" value={memberId} />
          <button type="submit" disabled={pending} className="text-xs text-blue-700 underline" aria-label={`显示完整号码（${name}）`}>
            显示完整号码
          </button>
        </form>
      )}
      <span role="status" className="font-mono">
        {shown ? `完整号码：${shown}` : state && !state.ok ? <span className="font-sans text-red-700">{state.message}</span> : null}
      </span>
    </span>
  );
}
