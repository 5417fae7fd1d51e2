import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass, inputClass } from '@/components/ui/field';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { categoryLabels, channelLabels, stateLabels } from '@/lib/complaints/labels';
import { listComplaints } from '@/lib/complaints/queries';
import { complaintFilterSchema } from '@/lib/complaints/schemas';
import { todayInChina } from '@/lib/core/time';

export const metadata: Metadata = { title: '投诉举报' };

export default async function ComplaintsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission('complaint.read');
  const filter = complaintFilterSchema.parse(await searchParams);
  const today = todayInChina();
  const { rows, truncated } = await listComplaints(user, filter, today);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">投诉举报</h1>
        {can(user.role, 'complaint.intake') && <Link href="/complaints/new" className={buttonClass}>登记投诉举报</Link>}
      </div>
      <form method="get" aria-label="筛选" className="flex flex-wrap items-end gap-3">
        <label className="text-sm">状态
          <select name="status" defaultValue={filter.status ?? ''} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(stateLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <label className="text-sm">类别
          <select name="category" defaultValue={filter.category ?? ''} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(categoryLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} /> 仅看已逾期
        </label>
        <button type="submit" className={buttonClass}>筛选</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-slate-600">没有符合条件的投诉举报。</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">投诉举报列表</caption>
          <thead>
            <tr className="text-left"><th>收到日期</th><th>渠道</th><th>类别</th><th>所涉地区</th><th>投诉人</th><th>承办人</th><th>办结期限</th><th>状态</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td><Link href={`/complaints/${r.id}`} className="text-blue-700 underline">{r.receivedOn}</Link></td>
                <td>{channelLabels[r.channel]}</td>
                <td>{categoryLabels[r.category]}</td>
                <td>{r.countyName}{r.townshipName ? ` ${r.townshipName}` : ''}</td>
                <td>{r.anonymous ? '匿名' : (r.complainantName ?? '未留姓名')}</td>
                <td>{r.handlerName ?? '未交办'}</td>
                <td>{r.deadlineOn}</td>
                <td>{stateLabels[r.state]}{r.escalated && <span className="ml-2 font-semibold text-red-700">已逾期 / 已升级至市级</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {truncated && <p className="text-sm text-slate-600">只显示最近 500 件，请用筛选缩小范围。</p>}
    </div>
  );
}
