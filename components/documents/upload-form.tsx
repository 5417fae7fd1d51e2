'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { buttonClass, inputClass } from '@/components/ui/field';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; fileName: string } | { kind: 'failed'; message: string; field?: 'kind' | 'file' };

/** 上传材料: PDF, JPEG or PNG up to 10 MB; the server checks the type from the content and refuses duplicates. */
export function DocumentUploadForm({ owner, kinds }: { owner: { ownerType: string; ownerId: string }; kinds: { value: string; label: string }[] }) {
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  const id = (name: string) => `doc-${name}-${owner.ownerId}`;

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('file');
    if (!data.get('kind')) return setState({ kind: 'failed', message: '请选择材料类别', field: 'kind' });
    if (!(file instanceof File) || file.size === 0) return setState({ kind: 'failed', message: '请选择要上传的文件', field: 'file' });
    data.set('ownerType', owner.ownerType);
    data.set('ownerId', owner.ownerId);
    setState({ kind: 'running' });
    try {
      const res = await fetch('/api/documents', { method: 'POST', body: data });
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean; message?: string; fieldErrors?: Record<string, string> };
      if (res.ok && body.ok) {
        setState({ kind: 'done', fileName: file.name });
        form.current?.reset();
        router.refresh();
        return;
      }
      const fe = body.fieldErrors ?? {};
      const field = fe.file ? 'file' : fe.kind ? 'kind' : undefined;
      setState({ kind: 'failed', message: (field && fe[field]) || body.message || '上传失败，请稍后再试', field });
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能上传；请检查网络后重试' });
    }
  }

  const running = state.kind === 'running';
  const err = (f: 'kind' | 'file') => (state.kind === 'failed' && state.field === f ? state.message : undefined);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate aria-label="上传材料" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <div>
        <label htmlFor={id('kind')} className="block text-sm font-medium">材料类别</label>
        <select id={id('kind')} name="kind" defaultValue="" className={inputClass} disabled={running} aria-invalid={err('kind') ? true : undefined} aria-describedby={err('kind') ? id('kind-error') : undefined}>
          <option value="">请选择</option>
          {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
        </select>
        {err('kind') && <p id={id('kind-error')} className="mt-1 text-sm text-red-700">{err('kind')}</p>}
      </div>
      <div>
        <label htmlFor={id('file')} className="block text-sm font-medium">文件</label>
        <input id={id('file')} name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" className={inputClass} disabled={running} aria-invalid={err('file') ? true : undefined} aria-describedby={err('file') ? id('file-error') : id('file-hint')} />
        <p id={id('file-hint')} className="mt-1 text-xs text-slate-500">PDF、JPEG 或 PNG，最大 10 MB。</p>
        {err('file') && <p id={id('file-error')} className="mt-1 text-sm text-red-700">{err('file')}</p>}
      </div>
      <div className="flex items-end">
        <button type="submit" className={buttonClass} disabled={running}>上传</button>
      </div>
      <div role="status" aria-live="polite" className="md:col-span-3">
        {running && <p>正在上传…</p>}
        {state.kind === 'done' && <p className="text-green-800">已上传：{state.fileName}</p>}
        {state.kind === 'failed' && !state.field && <p className="text-red-700">{state.message}</p>}
      </div>
    </form>
  );
}
