'use client';

import { buttonClass, inputClass } from '@/components/ui/field';

const outlineClass = 'rounded border border-blue-700 px-3 py-2 text-sm text-blue-700';

/**
 * A list's search by name or resident ID: a POST within the list's filters (carried as hidden
 * fields), so names and IDs never reach a URL; 导出 Excel posts the same fields to the export
 * route the ordinary way (a download); 下一页 of a search posts its cursor.
 */
export function ListSearchForm({
  label,
  searchLabel,
  placeholder,
  applied,
  exportAction,
  nextCursor,
  pending,
  onSubmit,
}: {
  label: string;
  searchLabel: string;
  placeholder: string;
  applied: [string, string][];
  exportAction: string;
  nextCursor?: string;
  pending: boolean;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <form role="search" aria-label={label} method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      {applied.map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <div className="min-w-64 flex-1">
        <label htmlFor="q" className="block text-sm font-medium">{searchLabel}</label>
        <input id="q" name="q" placeholder={placeholder} className={inputClass} />
      </div>
      <button type="submit" className={buttonClass} aria-busy={pending}>查找</button>
      <button type="submit" formAction={exportAction} formMethod="post" data-native="" className={outlineClass}>
        导出 Excel
      </button>
      {nextCursor && (
        <button type="submit" name="after" value={nextCursor} disabled={pending} className="text-sm text-blue-700 underline">
          下一页
        </button>
      )}
    </form>
  );
}
