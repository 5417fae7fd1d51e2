'use client';

import { verifyAuditChainAction } from '@/lib/audit/actions';
import { chainProblemLabels } from '@/lib/audit/chain-labels';
import { buttonClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

/** The auditor's tamper check: walks the whole hash chain and names the first broken link. */
export function ChainCheck() {
  const { state, pending, onSubmit } = useFormAction(verifyAuditChainAction);
  const r = state?.ok ? state.data : null;
  return (
    <form onSubmit={onSubmit} aria-label="审计日志完整性校验" className="flex flex-wrap items-center gap-3 rounded border border-slate-200 bg-white p-3 text-sm">
      <button type="submit" disabled={pending} className={buttonClass}>校验审计日志完整性</button>
      <p role="status" aria-live="polite">
        {pending && '正在逐条核对哈希链…'}
        {r?.ok && <span className="text-green-800">完整：{r.links.toLocaleString('zh-CN')} 条记录，哈希链无断点。</span>}
        {r && !r.ok && (
          <span className="font-semibold text-red-700">
            发现改动：第 {r.brokenSeq ?? '—'} 个链节（审计记录 #{r.brokenAuditId ?? '—'}）{chainProblemLabels[r.problem!]}。请保全数据库并报告。
          </span>
        )}
        {state && !state.ok && <span className="text-red-700">{state.message}</span>}
      </p>
    </form>
  );
}
