'use client';

import Link from 'next/link';
import { useState } from 'react';
import { searchHouseholdsAction } from '@/lib/households/actions';
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
      {state && !state.ok && <p role="alert" className="text-sm text-red-700">{state.message}</p>}

      {page.rows.length === 0 && !page.message ? (
        <p className="text-slate-600">没有符合条件的家庭。</p>
      ) : page.rows.length > 0 ? (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">家庭列表</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">户主</th>
              <th scope="col" className="p-2">身份证号</th>
              <th scope="col" className="p-2">人数</th>
              <th scope="col" className="p-2">乡镇</th>
              <th scope="col" className="p-2">村（社区）</th>
              <th scope="col" className="p-2">住址</th>
              <th scope="col" className="p-2">建档立卡</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((h) => (
              <tr key={h.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/households/${h.id}`} className="text-blue-700 underline">{h.headName ?? '（无户主）'}</Link>
                </td>
                <td className="p-2 font-mono">{h.headIdMasked}</td>
                <td className="p-2 tabular-nums">{h.memberCount}</td>
                <td className="p-2">{h.townshipName}</td>
                <td className="p-2">{h.villageName}</td>
                <td className="p-2">{h.address}</td>
                <td className="p-2">{h.registeredPoor ? '是' : '否'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
