'use client';

import Link from 'next/link';
import { searchEnrollmentsAction } from '@/lib/enrollments/actions';
import type { EnrollmentListPage, EnrollmentListRow } from '@/lib/enrollments/list';
import { enrollmentFilterEntries, enrollmentStatusLabels, programLabels, type EnrollmentListFilter } from '@/lib/enrollments/list-filter';
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
  initial: EnrollmentListPage;
  filter: EnrollmentListFilter;
  regions: Region[];
}


/**
 * 在册名单, as the applications list: the filters are a GET form (bookmarkable, no JavaScript
 * needed); the name / ID search is a POST within those filters, so a name or an ID never lands
 * in a URL. 导出 Excel posts both.
 */
export function EnrollmentList({ initial, filter, regions }: Props) {
  const { state, pending, onSubmit } = useFormAction(searchEnrollmentsAction);
  const searched = state?.ok ? state.data : null;
  const page = searched ?? initial;
  const applied = enrollmentFilterEntries(filter);
  const counties = regions.filter((r) => r.level === 'county');
  const townships = regions.filter((r) => r.level === 'township');
  const nextHref = `/enrollments/list?${new URLSearchParams([...applied, ['after', initial.nextCursor ?? '']]).toString()}`;
  const errors = page.fieldErrors;

  return (
    <div className="space-y-4">
      <form method="get" action="/enrollments/list" aria-label="筛选在册名单" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
        <Select name="program" label="项目" value={filter.program} options={Object.entries(programLabels)} />
        <Select name="status" label="状态" value={filter.status} options={Object.entries(enrollmentStatusLabels)} />
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
        <AmountInput name="amountFrom" label="月金额（起，元）" value={filter.amountFrom} error={errors?.amountFrom} />
        <AmountInput name="amountTo" label="月金额（止，元）" value={filter.amountTo} error={errors?.amountTo} />
        <div className="flex items-end gap-3 md:col-span-5">
          <button type="submit" className={buttonClass}>筛选</button>
          {applied.length > 0 && <Link href="/enrollments/list" className="text-sm text-blue-700 underline">清除筛选</Link>}
        </div>
      </form>

      <ListSearchForm
        label="查找在册对象"
        searchLabel="户主或保障对象姓名、身份证号"
        placeholder="如：国庆、9013 或完整身份证号"
        applied={applied}
        exportAction="/api/enrollments/export"
        nextCursor={searched?.nextCursor}
        pending={pending}
        onSubmit={onSubmit}
      />

      <p role="status" className="sr-only">{pending ? '正在查找…' : `找到 ${page.rows.length}${page.nextCursor ? '+' : ''} 条`}</p>
      {page.message && <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{page.message}</p>}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors.q ?? state.message}</p>}

      {(page.rows.length > 0 || !page.message) && <ListTable rows={page.rows} />}
      {!searched && initial.nextCursor && (
        <Link href={nextHref} className="inline-block text-sm text-blue-700 underline">下一页</Link>
      )}
    </div>
  );
}

function ListTable({ rows }: { rows: EnrollmentListRow[] }) {
  return (
    <DataTable
      caption="在册名单"
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      whenEmpty="message"
      empty="没有符合条件的在册对象。"
      columns={[
        { key: 'head', header: '户主', cell: (r) => <Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> },
        { key: 'member', header: '保障对象', cell: (r) => r.memberName ?? '—' },
        { key: 'program', header: '项目', cell: (r) => programLabels[r.program] },
        { key: 'status', header: '状态', cell: (r) => enrollmentStatusLabels[r.status] },
        { key: 'township', header: '乡镇', cell: (r) => r.townshipName },
        { key: 'start', header: '起始月份', className: 'tabular-nums', cell: (r) => r.startMonth },
        { key: 'amount', header: '当前月金额', numeric: true, cell: (r) => (r.currentAmountFen === null ? '—' : formatFen(r.currentAmountFen)) },
        { key: 'review', header: '下次复核', className: 'tabular-nums', cell: (r) => r.nextReviewOn ?? '—' },
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

function AmountInput({ name, label, value, error }: { name: string; label: string; value?: string; error?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <input
        id={name}
        name={name}
        inputMode="decimal"
        defaultValue={value ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
        className={inputClass}
      />
      {error && <p id={`${name}-error`} className="mt-1 text-sm text-red-700">{error}</p>}
    </div>
  );
}
