'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';

interface RowError {
  row: number;
  column: string;
  message: string;
  value?: string;
}

type State =
  | { kind: 'idle'; message?: string; field?: 'kind' | 'file' }
  | { kind: 'running' }
  | { kind: 'done'; rows: number; alerts: number }
  | { kind: 'failed'; message: string; errors: RowError[]; totalErrors: number };

/** The comparison-file upload: checked whole by the server; any bad line and nothing is imported. */
export function MonitoringImportForm({ kinds }: { kinds: { value: string; label: string }[] }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') outcome.current?.focus();
  }, [state.kind]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const kind = select.current?.value ?? '';
    const file = input.current?.files?.[0];
    if (!kind) return setState({ kind: 'idle', message: '请选择比对数据类型', field: 'kind' });
    if (!file) return setState({ kind: 'idle', message: '请先选择要导入的文件', field: 'file' });
    setState({ kind: 'running' });
    const body = new FormData();
    body.set('kind', kind);
    body.set('file', file);
    try {
      const res = await fetch('/api/monitoring/import', { method: 'POST', body });
      const data = (await res.json()) as Record<string, unknown>;
      if (data.ok === true) setState({ kind: 'done', rows: Number(data.rows), alerts: Number(data.alerts) });
      else {
        const errors = Array.isArray(data.errors) ? (data.errors as RowError[]) : [];
        setState({ kind: 'failed', message: typeof data.message === 'string' ? data.message : '导入失败，请稍后再试', errors, totalErrors: Number(data.totalErrors ?? errors.length) });
      }
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能完成导入；请检查网络后重试', errors: [], totalErrors: 0 });
    }
  }

  const running = state.kind === 'running';
  const fieldError = (f: 'kind' | 'file') => (state.kind === 'idle' && state.field === f ? state.message : undefined);
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate aria-label="导入比对数据" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        <div>
          <label htmlFor="mon-kind" className="block text-sm font-medium">比对数据类型</label>
          <select ref={select} id="mon-kind" name="kind" defaultValue="" aria-invalid={fieldError('kind') ? true : undefined} aria-describedby={fieldError('kind') ? 'mon-kind-error' : undefined} className={inputClass} disabled={running}>
            <option value="">请选择</option>
            {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
          </select>
          {fieldError('kind') && <p id="mon-kind-error" className="mt-1 text-sm text-red-700">{fieldError('kind')}</p>}
        </div>
        <div>
          <label htmlFor="mon-file" className="block text-sm font-medium">文件</label>
          <input ref={input} id="mon-file" name="file" type="file" accept=".xlsx,.csv" aria-invalid={fieldError('file') ? true : undefined} aria-describedby={fieldError('file') ? 'mon-file-error' : 'mon-file-hint'} className={inputClass} disabled={running} />
          <p id="mon-file-hint" className="mt-1 text-xs text-slate-500">.xlsx 或 .csv（UTF-8 或 GBK），最多 200,000 行、20 MB。</p>
          {fieldError('file') && <p id="mon-file-error" className="mt-1 text-sm text-red-700">{fieldError('file')}</p>}
        </div>
        <div className="flex items-end">
          <button type="submit" className={buttonClass} disabled={running}>开始导入</button>
        </div>
      </form>
      <div role="status" aria-live="polite" ref={outcome} tabIndex={-1} className="outline-none">
        {running && <p>正在校验、导入和比对…</p>}
        {state.kind === 'done' && (
          <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
            已导入 {state.rows.toLocaleString('zh-CN')} 行，产生预警 {state.alerts.toLocaleString('zh-CN')} 条。 <Link href="/monitoring" className="text-blue-700 underline">查看预警</Link>
          </p>
        )}
        {state.kind === 'failed' && <p className="rounded border border-red-300 bg-red-50 p-3 text-red-900">{state.message}</p>}
      </div>
      {state.kind === 'failed' && state.errors.length > 0 && (
        <section aria-labelledby="mon-errors" className="space-y-2">
          <h2 id="mon-errors" className="text-lg font-semibold">错误明细</h2>
          {state.totalErrors > state.errors.length && <p className="text-sm text-slate-600">共 {state.totalErrors} 处错误，列出前 {state.errors.length} 处。</p>}
          <DataTable
            aria-labelledby="mon-errors"
            rows={state.errors.slice(0, 200)}
            rowKey={(e) => `${e.row}-${e.column}`}
            columns={[
              { key: 'row', header: '行号', className: 'font-mono', cell: (e) => e.row },
              { key: 'column', header: '列', cell: (e) => e.column },
              { key: 'value', header: '填写的内容', cell: (e) => e.value ?? '' },
              { key: 'message', header: '原因', cell: (e) => e.message },
            ]}
          />
        </section>
      )}
    </div>
  );
}
