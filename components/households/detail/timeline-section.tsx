import { formatDateTime } from '@/lib/core/format';
import type { HouseholdDetail } from '@/lib/households/detail';
import { auditActionLabel } from '@/lib/audit/labels';

/** 变更记录: every change to the household, newest first, each with who, why and what changed. */
export function TimelineSection({ timeline }: { timeline: HouseholdDetail['timeline'] }) {
  return (
    <section aria-labelledby="h-timeline">
      <h2 id="h-timeline" className="text-lg font-semibold">变更记录</h2>
      <ol className="mt-2 space-y-2 text-sm">
        {timeline.map((e) => (
          <li key={e.id} className="rounded border border-slate-200 bg-white p-2">
            <span className="tabular-nums text-slate-500">{formatDateTime(e.at)}</span> · {e.actorName ?? '系统'} ·{' '}
            <strong>{auditActionLabel(e.action)}</strong>
            {e.reason && <span>（原因：{e.reason}）</span>}
            <ChangeSummary before={e.before} after={e.after} />
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The fields a change touched, before (struck through) and after. */
function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  if (!before && !after) return null;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'members' || !before);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-slate-600">详情</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>
              {before !== null && before !== undefined && <span className="text-red-700 line-through">{JSON.stringify(b[k])}</span>}{' '}
              <span className="text-green-800">{JSON.stringify(a[k])}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
