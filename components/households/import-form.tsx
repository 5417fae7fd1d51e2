'use client';

import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';

interface RowError {
  row: number;
  column: string;
  message: string;
  household?: string;
  name?: string;
  value?: string;
}

type State =
  | { kind: 'idle'; message?: string }
  | { kind: 'running'; what: string }
  | { kind: 'done'; households: number; members: number }
  | { kind: 'failed'; message: string; errors: RowError[]; totalErrors: number; file?: File };

const MAX_BYTES = 10 * 1024 * 1024;
const SHOWN_ERRORS = 50;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** What is being imported, for the waiting message: the row count of a CSV, else the file size. */
async function describe(file: File): Promise<string> {
  if (/\.csv$/i.test(file.name)) {
    const lines = (await file.text()).split(/\r?\n/).filter((l) => l.replace(/[,\s]/g, '') !== '').length;
    if (lines > 1) return `${(lines - 1).toLocaleString('zh-CN')} 行`;
  }
  return `${file.name}（${sizeText(file.size)}）`;
}

/**
 * The roster upload. The import runs inside the request (all or nothing, seconds even for a
 * large file), so the page shows an indeterminate progress bar while it waits.
 */
export function ImportForm() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.kind === 'done' || state.kind === 'failed') outcome.current?.focus();
  }, [state.kind]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: 'idle', message: '请先选择花名册文件' });
    if (file.size > MAX_BYTES) return setState({ kind: 'idle', message: '文件超过 10 MB，请拆分成几个文件分别导入' });
    setState({ kind: 'running', what: await describe(file) });
    const body = new FormData();
    body.set('file', file);
    try {
      const res = await fetch('/api/households/import', { method: 'POST', body });
      const data = (await res.json()) as Record<string, unknown>;
      if (data.ok === true) {
        setState({ kind: 'done', households: Number(data.households), members: Number(data.members) });
      } else {
        const errors = Array.isArray(data.errors) ? (data.errors as RowError[]) : [];
        const message = typeof data.message === 'string' ? data.message : '导入失败，请稍后再试';
        setState({ kind: 'failed', message, errors, totalErrors: Number(data.totalErrors ?? errors.length), file });
      }
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能完成导入；请检查网络后重试', errors: [], totalErrors: 0 });
    }
  }

  const running = state.kind === 'running';
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <div>
          <label htmlFor="roster-file" className="block text-sm font-medium">花名册文件</label>
          <input
            ref={input}
            id="roster-file"
            name="file"
            type="file"
            accept=".xlsx,.csv"
            aria-describedby="roster-file-hint"
            aria-invalid={state.kind === 'idle' && state.message ? true : undefined}
            className={inputClass}
            disabled={running}
          />
          <p id="roster-file-hint" className="mt-1 text-xs text-slate-500">.xlsx 或 .csv，最多 20,000 行、10 MB。</p>
          {state.kind === 'idle' && state.message && <p className="mt-1 text-sm text-red-700">{state.message}</p>}
        </div>
        <button type="submit" className={buttonClass} disabled={running}>开始导入</button>
      </form>

      <div role="status" aria-live="polite" ref={outcome} tabIndex={-1} className="space-y-3 outline-none">
        {running && (
          <div className="space-y-2">
            <p>正在校验和导入 {state.what}…</p>
            <progress aria-label="导入进度" className="w-full" />
          </div>
        )}
        {state.kind === 'done' && (
          <p className="rounded border border-green-300 bg-green-50 p-3 text-green-900">
            已导入 {state.households.toLocaleString('zh-CN')} 户、{state.members.toLocaleString('zh-CN')} 人。{' '}
            <Link href="/households" className="text-blue-700 underline">查看家庭档案</Link>
          </p>
        )}
        {state.kind === 'failed' && <p className="rounded border border-red-300 bg-red-50 p-3 text-red-900">{state.message}</p>}
      </div>

      {state.kind === 'failed' && state.errors.length > 0 && <ErrorTable errors={state.errors} total={state.totalErrors} file={state.file} />}
    </div>
  );
}

/** The user's file back with a 错误说明 column: checked again by the server, downloaded in place. */
function AnnotatedDownload({ file }: { file: File }) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  async function download() {
    setBusy(true);
    setFailed(false);
    try {
      const body = new FormData();
      body.set('file', file);
      const res = await fetch('/api/households/import/annotated', { method: 'POST', body });
      if (!res.ok) throw new Error(String(res.status));
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = `${file.name.replace(/\.(xlsx|csv)$/i, '')}（标注错误）.xlsx`;
      a.click();
      URL.revokeObjectURL(url);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <button type="button" onClick={download} disabled={busy} className={buttonClass}>
        下载标注错误的原文件
      </button>
      {failed && <span className="text-sm text-red-700">未能生成文件，请稍后重试</span>}
    </>
  );
}

function ErrorTable({ errors, total, file }: { errors: RowError[]; total: number; file?: File }) {
  return (
    <section aria-labelledby="import-errors" className="space-y-3">
      <h2 id="import-errors" className="text-lg font-semibold">错误明细</h2>
      {/* A plain form post: the browser downloads the XLSX the server builds from this list. */}
      <div className="flex flex-wrap items-center gap-3">
        <form method="post" action="/api/households/import/report">
          <input type="hidden" name="errors" value={JSON.stringify(errors)} />
          <button type="submit" className={buttonClass}>下载错误报告</button>
        </form>
        {file && <AnnotatedDownload file={file} />}
      </div>
      {total > errors.length && <p className="text-sm text-slate-600">共 {total} 处错误，错误报告列出前 {errors.length} 处。</p>}
      <DataTable
        caption={<span className="text-sm font-normal text-slate-600">{errors.length > SHOWN_ERRORS ? `前 ${SHOWN_ERRORS} 处错误，完整列表见错误报告` : '全部错误'}</span>}
        rows={errors.slice(0, SHOWN_ERRORS)}
        rowKey={(e) => `${e.row}-${e.column}`}
        columns={[
          { key: 'row', header: '行号', className: 'font-mono', cell: (e) => e.row },
          { key: 'household', header: '户编号', cell: (e) => e.household ?? '' },
          { key: 'name', header: '姓名', cell: (e) => e.name ?? '' },
          { key: 'column', header: '列', cell: (e) => e.column },
          { key: 'value', header: '填写的内容', cell: (e) => e.value ?? '' },
          { key: 'message', header: '原因', cell: (e) => e.message },
        ]}
      />
    </section>
  );
}
