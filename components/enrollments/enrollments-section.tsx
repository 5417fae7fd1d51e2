import Link from 'next/link';
import { listHouseholdEnrollments } from '@/lib/enrollments/queries';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { formatFen } from '@/lib/core/format';
import { DataTable } from '@/components/ui/data-table';
import { ProposeChangeForm } from '@/components/enrollments/change-forms';
import { todayInChina } from '@/lib/core/time';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { ConfirmSubsidyForm } from './confirm-subsidy-form';
import { HistoryList } from '@/components/audit/history-list';

const programLabels = { dibao: '最低生活保障', tekun: '特困人员救助供养', dis_living: '困难残疾人生活补贴', dis_care: '重度残疾人护理补贴' } as const;
const statusLabels = { proposed: '待确认（确认后发放）', active: '在保', suspended: '暂停', terminated: '终止' } as const;

/** The household's programs: what it is enrolled in, since when, and for how much a month. */
export async function EnrollmentsSection({ user, householdId }: { user: SessionUser; householdId: string }) {
  if (!can(user.role, 'enrollment.read')) return null;
  const rows = await listHouseholdEnrollments(user, householdId);
  const approve = can(user.role, 'enrollment.approve');
  return (
    <section aria-labelledby="h-programs">
      <h2 id="h-programs" className="text-lg font-semibold">救助项目</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-programs"
        rows={rows}
        rowKey={(e) => e.id}
        whenEmpty="message"
        empty="尚未纳入任何救助项目。"
        columns={[
          { key: 'program', header: '项目', cell: (e) => programLabels[e.program] },
          { key: 'member', header: '对象', cell: (e) => e.memberName ?? '全户' },
          { key: 'amount', header: '月金额', numeric: true, cell: (e) => formatFen(e.amountFen) },
          { key: 'start', header: '起始月份', className: 'tabular-nums', cell: (e) => e.startMonth },
          {
            key: 'status',
            header: '状态',
            cell: (e) => (
              <>
                {statusLabels[e.status]}
                {approve && e.status === 'proposed' && (
                  <ConfirmSubsidyForm enrollmentId={e.id} householdId={householdId} version={e.version} label={`${programLabels[e.program]}（${e.memberName ?? ''}）`} amountFen={e.amountFen} startMonth={e.startMonth} />
                )}
              </>
            ),
          },
          { key: 'review', header: '下次复核', className: 'tabular-nums', cell: (e) => e.nextReviewOn ?? '—' },
        ]}
      />
      {rows.map((e) => (
        <details key={e.id} className="mt-2 rounded border border-slate-200 bg-white p-2 text-sm">
          <summary className="cursor-pointer">历史记录：{programLabels[e.program]}{e.memberName ? `（${e.memberName}）` : ''}</summary>
          <p className="mt-1 text-slate-600">
            金额记录：{e.amountHistory.map((a) => `${a.effectiveMonth} 起 ${formatFen(a.amountFen)}`).join('；') || '—'}
          </p>
          <HistoryList entries={e.history} />
        </details>
      ))}
      {can(user.role, 'enrollment.propose') &&
        rows
          .filter((e) => (e.program === 'dibao' || e.program === 'tekun') && (e.status === 'active' || e.status === 'suspended'))
          .map((e) => (
            <ProposeChangeForm key={e.id} enrollmentId={e.id} version={e.version} label={programLabels[e.program]} nextMonth={addMonthsToMonth(todayInChina().slice(0, 7), 1)} />
          ))}
      {can(user.role, 'application.write') && (
        <Link href={`/applications/new?household=${householdId}`} className="mt-2 inline-block text-sm text-blue-700 underline">
          申请低保或特困
        </Link>
      )}
    </section>
  );
}
