import type { Metadata } from 'next';
import { CalendarDayForm, RemoveCalendarDay } from '@/components/policy/calendar-form';
import { DataTable } from '@/components/ui/data-table';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listCalendar } from '@/lib/policy/calendar';
import { addDays } from '@/lib/core/calendar-date';

export const metadata: Metadata = { title: '工作日历' };

export default async function CalendarPage() {
  const user = await requirePermission('policy.read');
  const days = await listCalendar(user, addDays(todayInChina(), -366));
  const manage = can(user.role, 'calendar.manage');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">工作日历</h1>
      <p className="text-sm text-slate-600">办理时限按工作日计算：周一至周五为工作日，以下登记的节假日和调休上班日除外。</p>
      {manage && <CalendarDayForm />}
      <DataTable
        rows={days}
        rowKey={(d) => d.day}
        columns={[
          { key: 'day', header: '日期', className: 'tabular-nums', cell: (d) => d.day },
          { key: 'kind', header: '类型', cell: (d) => (d.kind === 'holiday' ? '节假日' : '调休上班') },
          { key: 'note', header: '说明', cell: (d) => d.note },
          manage && { key: 'remove', header: <span className="sr-only">操作</span>, cell: (d) => <RemoveCalendarDay day={d.day} /> },
        ]}
      />
    </div>
  );
}
