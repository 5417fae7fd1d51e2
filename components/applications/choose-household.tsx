'use client';

import Link from 'next/link';
import { searchHouseholdsAction } from '@/lib/households/actions';
import type { HouseholdListRow } from '@/lib/households/search';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';

interface Page {
  rows: HouseholdListRow[];
  nextCursor?: string;
  message?: string;
}

/**
 * 新建申请 without a household: find the household first (the registry's own search, a POST, so
 * the name or ID typed stays out of the URL), then open the form for it.
 */
export function ChooseHousehold({ initial }: { initial: Page }) {
  const { state, pending, onSubmit } = useFormAction(searchHouseholdsAction);
  const page: Page = state?.ok ? state.data : initial;
  return (
    <div className="space-y-4">
      <form role="search" aria-label="选择申请家庭" method="post" onSubmit={onSubmit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">户主或成员姓名、身份证号或电话</label>
          <input id="q" name="q" placeholder="如：小军、9013 或完整身份证号" className={inputClass} />
        </div>
        <button type="submit" className={buttonClass} aria-busy={pending}>查找家庭</button>
        {page.nextCursor && (
          <button type="submit" name="after" value={page.nextCursor} disabled={pending} className="text-sm text-blue-700 underline">
            下一页
          </button>
        )}
      </form>
      {page.message && <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{page.message}</p>}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors.q ?? state.message}</p>}
      {(page.rows.length > 0 || !page.message) && (
        <DataTable
          caption="可选家庭"
          captionHidden
          rows={page.rows}
          rowKey={(h) => h.id}
          whenEmpty="message"
          empty="没有符合条件的家庭。请先在家庭档案中登记家庭。"
          columns={[
            { key: 'head', header: '户主', cell: (h) => h.headName ?? '（无户主）' },
            { key: 'id', header: '身份证号', className: 'font-mono', cell: (h) => h.headIdMasked },
            { key: 'members', header: '人数', numeric: true, cell: (h) => h.memberCount },
            { key: 'township', header: '乡镇', cell: (h) => h.townshipName },
            { key: 'village', header: '村（社区）', cell: (h) => h.villageName },
            {
              key: 'choose',
              header: '操作',
              cell: (h) => (
                <Link href={`/applications/new?household=${h.id}`} className="text-blue-700 underline" aria-label={`为${h.headName ?? ''}户新建申请`}>
                  为该户新建申请
                </Link>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
