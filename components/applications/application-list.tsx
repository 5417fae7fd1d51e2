'use client';

import Link from 'next/link';
import { searchApplicationsAction } from '@/lib/applications/actions';
import type { ApplicationListPage, ApplicationListRow } from '@/lib/applications/list';
import { applicationKindLabels, applicationStateLabels, filterEntries, type ListFilter } from '@/lib/applications/list-filter';
import { formatFen } from '@/lib/core/format';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { ListSearchForm } from '@/components/ui/list-search-form';

interface Region {
  code: string;
  name: string;
  level: string;
  countyCode: string | null;
}

interface Props {
  /** The first page under the URL's filters, rendered by the server. */
  initial: ApplicationListPage;
  filter: ListFilter;
  regions: Region[];
  deciders: { id: string; name: string }[];
}


/**
 * 全部申请: the filters are a GET form (in the URL, so a filtered list can be bookmarked and
 * works without JavaScript); the name / ID search is a POST within those filters, like the
 * household list's, so a name or an ID never lands in a URL. 导出 Excel posts both.
 */
export function ApplicationList({ initial, filter, regions, deciders }: Props) {
  const { state, pending, onSubmit } = useFormAction(searchApplicationsAction);
  const searched = state?.ok ? state.data : null;
  const page = searched ?? initial;
  const applied = filterEntries(filter);
  const counties = regions.filter((r) => r.level === 'county');
  const townships = regions.filter((r) => r.level === 'township');
  const nextHref = `/applications?${new URLSearchParams([...applied, ['after', initial.nextCursor ?? '']]).toString()}`;

  return (
    <div className="space-y-4">
      <form method="get" action="/applications" aria-label="筛选申请" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <Select name="kind" label="项目" value={filter.kind} options={Object.entries(applicationKindLabels)} />
        <Select name="state" label="环节" value={filter.state} options={Object.entries(applicationStateLabels)} />
        {townships.length > 1 && (
          <div>
            <label htmlFor="township" className="block text-sm font-medium">乡镇（街道）</label>
            <select id="township" name="township" defaultValue={filter.township ?? ''} className={inputClass}>
              <option value="">全部</option>
              {counties.length > 1
                ? counties.map((c) => (
                    <optgroup key={c.code} label={c.name}>
                      {townships.filter((t) => t.countyCode === c.code).map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
                    </optgroup>
                  ))
                : townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </div>
        )}
        <Select name="decidedBy" label="审批人" value={filter.decidedBy} options={deciders.map((d) => [d.id, d.name])} />
        <DateInput name="submittedFrom" label="申请日期（起）" value={filter.submittedFrom} />
        <DateInput name="submittedTo" label="申请日期（止）" value={filter.submittedTo} />
        <DateInput name="decidedFrom" label="审批日期（起）" value={filter.decidedFrom} />
        <DateInput name="decidedTo" label="审批日期（止）" value={filter.decidedTo} />
        <div className="flex items-end gap-3 md:col-span-4">
          <button type="submit" className={buttonClass}>筛选</button>
          {applied.length > 0 && <Link href="/applications" className="text-sm text-blue-700 underline">清除筛选</Link>}
        </div>
      </form>

      <ListSearchForm
        label="查找申请"
        searchLabel="申请人或户主姓名、身份证号"
        placeholder="如：小军、9013 或完整身份证号"
        applied={applied}
        exportAction="/api/applications/export"
        nextCursor={searched?.nextCursor}
        pending={pending}
        onSubmit={onSubmit}
      />

      <p role="status" className="sr-only">{pending ? '正在查找…' : `找到 ${page.rows.length}${page.nextCursor ? '+' : ''} 件`}</p>
      {page.message && <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{page.message}</p>}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors.q ?? state.message}</p>}

      {(page.rows.length > 0 || !page.message) && <ListTable rows={page.rows} />}
      {!searched && initial.nextCursor && (
        <Link href={nextHref} className="inline-block text-sm text-blue-700 underline">下一页</Link>
      )}
    </div>
  );
}

function ListTable({ rows }: { rows: ApplicationListRow[] }) {
  return (
    <DataTable
      caption="申请列表"
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      whenEmpty="message"
      empty="没有符合条件的申请。"
      columns={[
        {
          key: 'applicant',
          header: '申请人',
          cell: (r) => <Link href={`/applications/${r.id}`} className="text-blue-700 underline">{r.applicantName ?? r.headName ?? '—'}</Link>,
        },
        { key: 'head', header: '户主', cell: (r) => r.headName ?? '—' },
        { key: 'id', header: '身份证号', className: 'font-mono', cell: (r) => r.idMasked },
        { key: 'kind', header: '类型', cell: (r) => applicationKindLabels[r.kind] },
        { key: 'township', header: '乡镇', cell: (r) => r.townshipName },
        { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
        { key: 'state', header: '环节', cell: (r) => applicationStateLabels[r.state] },
        { key: 'submitted', header: '申请日期', className: 'tabular-nums', cell: (r) => r.submittedOn },
        { key: 'decided', header: '审批日期', className: 'tabular-nums', cell: (r) => r.decidedOn ?? '—' },
        { key: 'decider', header: '审批人', cell: (r) => r.deciderName ?? '—' },
        { key: 'amount', header: '核定月金额', numeric: true, cell: (r) => (r.approvedAmountFen === null ? '—' : formatFen(r.approvedAmountFen)) },
      ]}
    />
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">全部</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}

function DateInput({ name, label, value }: { name: string; label: string; value?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input id={name} name={name} type="date" defaultValue={value ?? ''} className={inputClass} />
    </div>
  );
}
