'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';

interface RowError {
  row: number;
  column?: string;
  message: string;
}

type State =
  | { kind: 'idle'; message?: string }
  | { kind: 'running' }
  | { kind: 'done'; enrollments: number; periods: number }
  | { kind: 'failed'; message: string; errors: RowError[] };

/** The federation's roster upload: checked whole by the server; any bad row and nothing is imported. */
export function SubsidyRosterImportForm() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') outcome.current?.focus();
  }, [state.kind]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: 'idle', message: '请先选择要导入的花名册文件' });
    setState({ kind: 'running' });
    const body = new FormData();
    body.set('file', file);
    try {
      const res = await fetch('/api/subsidies/roster', { method: 'POST', body });
      const data = (await res.json()) as Record<string, unknown>;
      if (data.ok === true) setState({ kind: 'done', enrollments: Number(data.enrollments), periods: Number(data.periods) });
      else setState({ kind: 'failed', message: typeof data.message === 'string' ? data.message : '导入失败，请稍后再试', errors: Array.isArray(data.errors) ? (data.errors as RowError[]) : [] });
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能完成导入；请检查网络后重试', errors: [] });
    }
  }

  const running = state.kind === 'running';
  const fileError = state.kind === 'idle' ? state.message : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label="导入残疾人补贴花名册" className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="roster-file" className="block text-sm font-medium">花名册文件</label>
          <input ref={input} id="roster-file" name="file" type="file" accept=".csv" aria-invalid={fileError ? true : undefined} aria-describedby={fileError ? 'roster-file-error' : 'roster-file-hint'} className={inputClass} disabled={running} />
          <p id="roster-file-hint" className="mt-1 text-xs text-slate-500">.csv（UTF-8 或 GBK），最多 20,000 行、5 MB。</p>
          {fileError && <p id="roster-file-error" className="mt-1 text-sm text-red-700">{fileError}</p>}
        </div>
        <button type="submit" className={buttonClass} disabled={running}>开始导入</button>
      </form>
      <div role="status" aria-live="polite" ref={outcome} tabIndex={-1} className="outline-none">
        {running && <p>正在校验和导入…</p>}
        {state.kind === 'done' && (
          <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
            已导入 {state.enrollments.toLocaleString('zh-CN')} 人次的补贴、{state.periods.toLocaleString('zh-CN')} 段发放标准。 <Link href="/enrollments" className="text-blue-700 underline">查看在册名单</Link>
          </p>
        )}
        {state.kind === 'failed' && <p className="rounded border border-red-300 bg-red-50 p-3 text-red-900">{state.message}</p>}
      </div>
      {state.kind === 'failed' && state.errors.length > 0 && (
        <section aria-labelledby="roster-errors" className="space-y-2">
          <h2 id="roster-errors" className="text-lg font-semibold">错误明细</h2>
          {state.errors.length > 200 && <p className="text-sm text-slate-600">共 {state.errors.length} 处错误，列出前 200 处。</p>}
          <DataTable
            aria-labelledby="roster-errors"
            rows={state.errors.slice(0, 200)}
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
            columns={[
              { key: 'row', header: '行号', className: 'font-mono', cell: (e) => e.row },
              { key: 'column', header: '列', cell: (e) => e.column ?? '' },
              { key: 'message', header: '原因', cell: (e) => e.message },
            ]}
          />
        </section>
      )}
    </div>
  );
}
