import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { NoticeTable } from '@/components/reports/notice-table';
import { inputClass } from '@/components/ui/field';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { noticeBlocks } from '@/lib/reports/notice-columns';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { resolveMonth } from './resolve-month';

export const metadata: Metadata = { title: '月通报' };

const runStates: Record<string, string> = { approved: '已审批', exported: '已报送银行', reconciled: '已对账' };

export default async function MonthlyNoticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('report.read');
  const month = await resolveMonth(user, await searchParams);
  const notice = await monthlyNotice(user, month);
  const { main, townships } = noticeBlocks(notice);
  const total = notice.scope.total;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{notice.scope.name}困难群众生活救助资金发放月通报</h1>
          <p className="text-slate-600">{month}，与 {notice.previousMonth} 比较</p>
        </div>
        <nav aria-label="月通报操作" className="flex flex-wrap items-end gap-3 text-sm">
          <Link href={`/reports/monthly?month=${addMonthsToMonth(month, -1)}`} className="text-blue-700 underline">上一月</Link>
          <Link href={`/reports/monthly?month=${addMonthsToMonth(month, 1)}`} className="text-blue-700 underline">下一月</Link>
          <form action="/reports/monthly" className="flex items-end gap-2">
            <label>
              月份
              <input type="month" name="month" defaultValue={month} className={`${inputClass} block`} />
            </label>
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-2">查看</button>
          </form>
          <a href={`/api/reports/monthly?month=${month}`} className="rounded bg-blue-700 px-3 py-2 text-white hover:bg-blue-800" download>导出 Excel</a>
          <Link href={`/reports/monthly/print?month=${month}`} className="rounded border border-slate-300 bg-white px-3 py-2">打印版</Link>
        </nav>
      </header>

      <section aria-label="本月概况" className="rounded-lg border border-slate-200 bg-white p-4 text-sm leading-7">
        <p>
          本月应发 <strong>{formatFen(total.cur.amountFen)}</strong>，已发放 <strong>{formatFen(total.cur.paidFen)}</strong>
          （{total.cur.paidPersonMonths.toLocaleString('zh-CN')} 人次），发放失败 {formatFen(total.cur.failedFen)}，账户待补未发 {formatFen(total.cur.blockedFen)}，
          待银行回盘 {formatFen(total.cur.pendingFen)}；月度发放较上月{total.cur.rollFen >= total.prev.rollFen ? '增加' : '减少'} {formatFen(Math.abs(total.cur.rollFen - total.prev.rollFen))}。
        </p>
        <p>
          先行救助：本月 {notice.scope.firstResponse.opened} 件，待办结 {notice.scope.firstResponse.awaiting} 件，其中超期 {notice.scope.firstResponse.overdue} 件。
        </p>
        <p>
          补录：本月录入 {notice.scope.lateEntries} 件
          {notice.counties.filter((c) => c.lateEntries > 0).map((c) => `，${c.name} ${c.lateEntries} 件`).join('')}。
          {can(user.role, 'late_entry.read') && (
            <Link href={`/reports/late-entries?month=${month}`} className="ml-2 text-blue-700 underline">查看补录明细</Link>
          )}
        </p>
        {notice.tekunSupport && (
          <p>
            特困人员救助供养：集中供养 {notice.tekunSupport.centralized.persons.toLocaleString('zh-CN')} 人，{formatFen(notice.tekunSupport.centralized.amountFen)}（发放至供养机构）；分散供养{' '}
            {notice.tekunSupport.dispersed.persons.toLocaleString('zh-CN')} 人，{formatFen(notice.tekunSupport.dispersed.amountFen)}。
          </p>
        )}
        {notice.complaints && (
          <p>
            投诉举报：本月受理 {notice.complaints.byCategory.reduce((a, r) => a + r.count, 0)} 件
            {notice.complaints.byCategory.filter((r) => r.count > 0).map((r) => `，${r.label} ${r.count} 件`).join('')}；本月办结{' '}
            {notice.complaints.byOutcome.reduce((a, r) => a + r.count, 0)} 件
            {notice.complaints.byOutcome.filter((r) => r.count > 0).map((r) => `，${r.label} ${r.count} 件`).join('')}。
          </p>
        )}
        {notice.alerts && (
          <p>
            监测预警：本月产生 {notice.alerts.byRule.reduce((a, r) => a + r.count, 0)} 条
            {notice.alerts.byRule.filter((r) => r.count > 0).map((r) => `，${r.label} ${r.count} 条`).join('')}；本月处理{' '}
            {notice.alerts.byOutcome.reduce((a, r) => a + r.count, 0)} 条
            {notice.alerts.byOutcome.filter((r) => r.count > 0).map((r) => `，${r.label} ${r.count} 条`).join('')}；月末待处理 {notice.alerts.open} 条，其中逾期 {notice.alerts.overdue} 条。
          </p>
        )}
        {notice.counties.length > 0 && (
          <p>
            发放批次：
            {notice.counties.map((c, i) => (
              <span key={c.code}>
                {i > 0 && '；'}
                {c.name}{' '}
                {c.run ? `${runStates[c.run.state] ?? c.run.state}，${c.run.sentOn ?? ''} ${c.run.onTime ? '按时' : '延迟'}报送` : '本月批次尚未审批'}
                {!c.comparable && '（上月无已审批批次：本月各户均计为新增）'}
              </span>
            ))}
          </p>
        )}
      </section>

      {main.length === 0 ? (
        <p className="text-sm text-slate-600">{month} 没有已审批的发放批次。</p>
      ) : (
        <>
          <NoticeTable caption={notice.scope.code.length === 9 ? '本乡镇' : '分县（区）'} blocks={main} />
          {townships.length > 0 && <NoticeTable caption="乡镇明细" blocks={townships} />}
        </>
      )}
    </div>
  );
}
