'use client';

import Link from 'next/link';
import { useState } from 'react';
import { searchHouseholdsAction } from '@/lib/households/actions';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';
import type { HouseholdListRow } from '@/lib/households/search';
import { useFormAction } from '@/components/ui/use-form-action';

interface Region {
  code: string;
  name: string;
  level: string;
  countyCode: string | null;
}

interface Page {
  rows: HouseholdListRow[];
  nextCursor?: string;
  message?: string;
}

export function HouseholdSearch({ initial, regions }: { initial: Page; regions: Region[] }) {
  const { state, pending, onSubmit } = useFormAction(searchHouseholdsAction);
  const [county, setCounty] = useState('');
  const page: Page = state?.ok ? state.data : initial;
  const counties = regions.filter((r) => r.level === 'county');
  const townships = regions.filter((r) => r.level === 'township' && (!county || r.countyCode === county));

  return (
    <div className="space-y-4">
      <form role="search" aria-label="查找家庭" onSubmit={onSubmit} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-6">
        <div className="md:col-span-2">
          <label htmlFor="q" className="block text-sm font-medium">姓名、身份证号或电话</label>
          <input id="q" name="q" placeholder="如：小军、9013 或完整身份证号" className={inputClass} />
        </div>
        {counties.length > 1 && (
          <div>
            <label htmlFor="county" className="block text-sm font-medium">县（市、区）</label>
            <select id="county" name="county" value={county} onChange={(e) => setCounty(e.target.value)} className={inputClass}>
              <option value="">全部</option>
              {counties.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
            </select>
          </div>
        )}
        {townships.length > 1 && (
          <div>
            <label htmlFor="township" className="block text-sm font-medium">乡镇（街道）</label>
            <select id="township" name="township" defaultValue="" className={inputClass}>
              <option value="">全部</option>
              {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="poor" className="block text-sm font-medium">建档立卡</label>
          <select id="poor" name="poor" defaultValue="" className={inputClass}>
            <option value="">全部</option>
            <option value="yes">是</option>
            <option value="no">否</option>
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="block text-sm font-medium">排序</label>
          <select id="sort" name="sort" defaultValue="newest" className={inputClass}>
            <option value="newest">最近登记</option>
            <option value="oldest">最早登记</option>
            <option value="name">户主姓名</option>
          </select>
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className={buttonClass} aria-busy={pending}>查找</button>
          <button type="submit" formAction="/api/households/export" formMethod="post" data-native="" className="rounded border border-blue-700 px-3 py-2 text-sm text-blue-700">
            导出 Excel
          </button>
        </div>
        {page.nextCursor && (
          <div className="md:col-span-6">
            <button type="submit" name="after" value={page.nextCursor} disabled={pending} className="text-sm text-blue-700 underline">
              下一页
            </button>
          </div>
        )}
      </form>

      <p role="status" className="sr-only">{pending ? '正在查找…' : `找到 ${page.rows.length}${page.nextCursor ? '+' : ''} 户`}</p>
      {page.message && <p role="alert" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-800">{page.message}</p>}
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.fieldErrors.q ?? state.message}</p>}

      {/* A refused search (too short, say) has its message above: no "nothing found" under it. */}
      {(page.rows.length > 0 || !page.message) && (
        <DataTable
          caption="家庭列表"
          captionHidden
          rows={page.rows}
          rowKey={(h) => h.id}
          whenEmpty="message"
          empty="没有符合条件的家庭。"
          columns={[
            { key: 'head', header: '户主', cell: (h) => <Link href={`/households/${h.id}`} className="text-blue-700 underline">{h.headName ?? '（无户主）'}</Link> },
            { key: 'id', header: '身份证号', className: 'font-mono', cell: (h) => h.headIdMasked },
            { key: 'members', header: '人数', numeric: true, cell: (h) => h.memberCount },
            { key: 'township', header: '乡镇', cell: (h) => h.townshipName },
            { key: 'village', header: '村（社区）', cell: (h) => h.villageName },
            { key: 'address', header: '住址', cell: (h) => h.address },
            { key: 'poor', header: '建档立卡', cell: (h) => (h.registeredPoor ? '是' : '否') },
          ]}
        />
      )}
    </div>
  );
}
