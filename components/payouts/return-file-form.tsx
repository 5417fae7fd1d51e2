'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';
import { formatFen } from '@/lib/core/format';

interface RowError {
  row: number;
  lineId: string;
  message: string;
}
type State =
  | { kind: 'idle'; message?: string }
  | { kind: 'running' }
  | { kind: 'done'; paidCount: number; failedCount: number; paidFen: number; failedFen: number; outstanding: number; payableFen: number; reconciled: boolean }
  | { kind: 'failed'; message: string; errors: RowError[]; totalErrors: number };

/** Uploads the bank's return file; a file that does not match the run comes back with every bad line. */
export function ReturnFileForm({ runId, open }: { runId: string; open: boolean }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: 'idle', message: '请先选择银行回盘文件' });
    setState({ kind: 'running' });
    const body = new FormData();
    body.set('file', file);
    try {
      const res = await fetch(`/api/payouts/${runId}/return-file`, { method: 'POST', body });
      const data = (await res.json()) as Record<string, unknown>;
      if (data.ok === true) {
        setState({ kind: 'done', ...(data as Omit<Extract<State, { kind: 'done' }>, 'kind'>) });
        router.refresh();
      } else {
        setState({ kind: 'failed', message: String(data.message ?? '导入失败'), errors: (data.errors as RowError[]) ?? [], totalErrors: Number(data.totalErrors ?? 0) });
      }
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能导入；请重试', errors: [], totalErrors: 0 });
    }
  }
  return (
    <div className="space-y-2">
      {open && (
        <form onSubmit={onSubmit} noValidate aria-label="导入银行回盘" className="flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="return-file" className="block text-sm font-medium">银行回盘文件（CSV）</label>
            <input ref={input} id="return-file" name="file" type="file" accept=".csv" className={inputClass} disabled={state.kind === 'running'} />
          </div>
          <button type="submit" className={buttonClass} disabled={state.kind === 'running'}>导入回盘</button>
        </form>
      )}
      <div role="status" aria-live="polite" className="text-sm">
        {state.kind === 'idle' && state.message && <p className="text-red-700">{state.message}</p>}
        {state.kind === 'running' && <p>正在核对回盘文件…</p>}
        {state.kind === 'done' && (
          <p className="rounded border border-green-300 bg-green-50 p-2 text-green-900">
            已导入：成功 {state.paidCount} 笔 {formatFen(state.paidFen)}，失败 {state.failedCount} 笔 {formatFen(state.failedFen)}；
            {state.reconciled ? '全部明细已回盘，批次已对账。' : `尚有 ${state.outstanding} 笔待回盘。`}
          </p>
        )}
        {state.kind === 'failed' && <p className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
      {state.kind === 'failed' && state.errors.length > 0 && (
        <DataTable
          caption={`回盘文件错误明细${state.totalErrors > state.errors.length ? `（前 ${state.errors.length} 处，共 ${state.totalErrors} 处）` : ''}`}
          rows={state.errors.slice(0, 200)}
          rowKey={(e, i) => `${e.row}-${i}`}
          columns={[
            { key: 'row', header: '行号', className: 'font-mono', cell: (e) => e.row },
            { key: 'line', header: '序号', className: 'font-mono', cell: (e) => e.lineId },
            { key: 'message', header: '原因', cell: (e) => e.message },
          ]}
        />
      )}
    </div>
  );
}
