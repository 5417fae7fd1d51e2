import type { HistoryEntry as HistoryItem } from '@/lib/audit/history';
import { auditFieldLabel, formatAuditValue } from '@/lib/audit/field-labels';
import { auditActionLabel } from '@/lib/audit/labels';
import { formatDateTime } from '@/lib/core/format';

/** Audit rows of one record, newest first: when, who, what (in Chinese), why and what changed. */
export function HistoryList({ entries }: { entries: HistoryItem[] }) {
  if (entries.length === 0) return <p className="mt-2 text-sm text-slate-600">暂无记录</p>;
  return (
    <ol className="mt-2 space-y-2 text-sm">
      {entries.map((e) => (
        <li key={e.id} className="rounded border border-slate-200 bg-white p-2">
          <span className="tabular-nums text-slate-500">{formatDateTime(e.at)}</span> · {e.actorName ?? '系统'} ·{' '}
          <strong>{auditActionLabel(e.action)}</strong>
          {e.reason && <span>（原因：{e.reason}）</span>}
          <ChangeSummary action={e.action} before={e.before} after={e.after} />
        </li>
      ))}
    </ol>
  );
}

const asFields = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/**
 * The fields a change touched, before (struck through) and after, by their Chinese names
 * (lib/audit/field-labels.ts): no field name or code of the source reaches the page.
 */
export function ChangeSummary({ action, before, after }: { action: string; before: unknown; after: unknown }) {
  if (!before && !after) return null;
  const b = asFields(before);
  const a = asFields(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'members' || !before);
  if (keys.length === 0) return null;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-slate-600">详情</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 text-xs">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{auditFieldLabel(k)}</dt>
            <dd>
              {before !== null && before !== undefined && <span className="text-red-700 line-through">{formatAuditValue(k, b[k], action)}</span>}{' '}
              <span className="text-green-800">{after !== null && after !== undefined ? formatAuditValue(k, a[k], action) : ''}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** 历史记录 of an application or a temporary-aid case, from the audit log. */
export function HistorySection({ entries }: { entries: HistoryItem[] }) {
  return (
    <section aria-labelledby="h-history">
      <h2 id="h-history" className="text-lg font-semibold">历史记录</h2>
      <HistoryList entries={entries} />
    </section>
  );
}
