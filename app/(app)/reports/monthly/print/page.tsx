import type { Metadata } from 'next';
import { NoticeTable } from '@/components/reports/notice-table';
import { todayInChina } from '@/lib/core/time';
import { requirePermission } from '@/lib/auth/session';
import { parseMonth } from '@/lib/core/calendar-date';
import { noticeBlocks } from '@/lib/reports/notice-columns';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { civilAffairsOffice } from '@/lib/regions/bureau';
import { resolveMonth } from '../resolve-month';

export const metadata: Metadata = { title: '月通报（打印）' };

/** 月通报 for paper: black on white, landscape, no links; the browser's print fits it to the page. */
export default async function MonthlyNoticePrintPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('report.read');
  const month = await resolveMonth(user, await searchParams);
  const notice = await monthlyNotice(user, month);
  const { main, townships } = noticeBlocks(notice);
  const { year, month: m } = parseMonth(month);
  const today = todayInChina();
  // Landscape through a named page (globals.css): an inline <style> would need the CSP nonce.
  return (
    <article className="print-landscape bg-white font-serif text-black">
      <h1 className="text-center text-xl font-bold">{notice.scope.name}困难群众生活救助资金发放月通报</h1>
      <p className="mb-3 text-center text-sm">
        {year} 年 {m} 月（与 {notice.previousMonth} 比较） · 数据来自已审批的发放批次，截至 {today}
      </p>
      <NoticeTable caption={notice.scope.code.length === 9 ? '本乡镇' : '分县（区）'} blocks={main} links={false} />
      {townships.length > 0 && (
        <div className="mt-6 break-before-page">
          <NoticeTable caption="乡镇明细" blocks={townships} links={false} />
        </div>
      )}
      {/* Who made the table and who checks it; 审核人 signs in ink. Page numbers: globals.css. */}
      <footer className="mt-6 flex flex-wrap justify-between gap-x-8 gap-y-2 text-sm break-inside-avoid">
        <span>制表单位：{civilAffairsOffice(user.regionName, user.regionLevel)}</span>
        <span>制表人：{user.name}</span>
        <span>
          审核人：<span className="inline-block w-32 border-b border-black" aria-hidden="true" />
        </span>
        <span>日期：{today}</span>
      </footer>
      <p className="mt-4 text-sm print:hidden">
        使用浏览器的“打印”（Ctrl+P）打印本页。
      </p>
    </article>
  );
}
