import type { Metadata } from 'next';
import { CalendarDayForm, RemoveCalendarDay } from '@/components/policy/calendar-form';
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
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">日期</th>
            <th scope="col" className="p-2">类型</th>
            <th scope="col" className="p-2">说明</th>
            {manage && <th scope="col" className="p-2"><span className="sr-only">操作</span></th>}
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day} className="border-b border-slate-100">
              <td className="p-2 tabular-nums">{d.day}</td>
              <td className="p-2">{d.kind === 'holiday' ? '节假日' : '调休上班'}</td>
              <td className="p-2">{d.note}</td>
              {manage && <td className="p-2"><RemoveCalendarDay day={d.day} /></td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
