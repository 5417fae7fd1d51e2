import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { requirePermission } from '@/lib/auth/session';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { latestReportedMonth } from '@/lib/reports/monthly-notice';

export const metadata: Metadata = { title: '统计报表' };

export default async function ReportsPage() {
  const user = await requirePermission('report.read');
  const thisMonth = todayInChina().slice(0, 7);
  const latest = (await latestReportedMonth(user)) ?? addMonthsToMonth(thisMonth, -1);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">统计报表</h1>
      <p className="text-sm text-slate-600">所有数字都来自已审批的发放批次及银行回盘结果（已发放、失败分列），范围为{user.regionName}。</p>
      <section aria-labelledby="notice-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="notice-title" className="text-lg font-semibold">困难群众生活救助资金发放月通报</h2>
        <p className="mt-1 text-sm text-slate-600">按县（区）和乡镇、按项目：户数、人数、金额，与上月比较及变动原因，按时发放情况，先行救助办结情况。</p>
        <form action="/reports/monthly" className="mt-3 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            月份
            <input type="month" name="month" defaultValue={latest} required className={`${inputClass} block`} />
          </label>
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm text-white hover:bg-blue-800">查看月通报</button>
        </form>
      </section>
      <section aria-labelledby="period-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="period-title" className="text-lg font-semibold">累计救助人次与金额</h2>
        <p className="mt-1 text-sm text-slate-600">两个月份之间，按项目和县（区）统计的救助人次（每人每发放一个月计 1 人次）与已发放金额。</p>
        <form action="/reports/period" className="mt-3 flex flex-wrap items-end gap-3">
          <label className="text-sm">
            起始月份
            <input type="month" name="from" defaultValue={`${latest.slice(0, 4)}-01`} required className={`${inputClass} block`} />
          </label>
          <label className="text-sm">
            截止月份
            <input type="month" name="to" defaultValue={latest} required className={`${inputClass} block`} />
          </label>
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-sm text-white hover:bg-blue-800">统计</button>
        </form>
      </section>
      {can(user.role, 'late_entry.read') && (
        <section aria-labelledby="late-title" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="late-title" className="text-lg font-semibold">补录情况</h2>
          <p className="mt-1 text-sm text-slate-600">环节日期早于录入日超过规定工作日数的补录环节，按乡镇、经办人和录入月份查询，含补录原因和审批人核实情况。</p>
          <Link href="/reports/late-entries" className="mt-3 inline-block rounded bg-blue-700 px-4 py-2 text-sm text-white hover:bg-blue-800">查看补录情况</Link>
        </section>
      )}
    </div>
  );
}
