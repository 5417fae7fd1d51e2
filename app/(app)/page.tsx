import type { Metadata } from 'next';
import Link from 'next/link';
import { StatCard } from '@/components/reports/stat-card';
import { FirstSteps, TaskSection } from '@/components/reports/task-list';
import { TrendChart } from '@/components/reports/trend-chart';
import { requireUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';
import { formatFen } from '@/lib/core/format';
import { dashboardFigures } from '@/lib/reports/dashboard';
import { countInWan, programKeyLabel, splitProgramKey, unitOf } from '@/lib/reports/rules';
import { keyFilter, linesHref } from '@/lib/reports/schemas';
import { roleDashboard } from '@/lib/reports/role-dashboard';

export const metadata: Metadata = { title: '工作台' };

const count = (n: number) => n.toLocaleString('zh-CN');

export default async function DashboardPage() {
  const user = await requireUser();
  const [figures, role] = await Promise.all([dashboardFigures(user), roleDashboard(user)]);
  const { month, coveredMonth } = figures;
  const year = month.slice(0, 4);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">工作台</h1>
        <p className="text-slate-600">
          {user.name}（{roleLabels[user.role]}），管辖范围：{user.regionName}。今天是 {role.today}。下方金额与人数来自已审批的发放批次。
        </p>
      </header>

      {role.firstSteps && <FirstSteps steps={role.firstSteps} />}
      {role.sections.map((s) => (
        <TaskSection key={s.key} id={`tasks-${s.key}`} title={s.title} tasks={s.tasks} links={s.links} />
      ))}

      <section aria-labelledby="covered-title">
        <h2 id="covered-title" className="text-lg font-semibold">
          保障对象{coveredMonth ? `（${coveredMonth} 发放名册，最近一个已审批的月份）` : ''}
        </h2>
        {figures.covered.length === 0 ? (
          <p className="text-sm text-slate-600">本地区还没有已审批的发放批次。</p>
        ) : (
          <dl className="mt-2 grid grid-cols-2 gap-4 md:grid-cols-4">
            {figures.covered.map((c) => {
              const href = linesHref({ month: coveredMonth!, roll: '1', ...keyFilter(c.key) });
              const unit = unitOf(splitProgramKey(c.key).program);
              return (
                <StatCard
                  key={c.key}
                  label={programKeyLabel(c.key)}
                  value={unit === '户' ? `${count(c.households)} 户` : `${count(c.persons)} 人`}
                  note={unit === '户' ? `${count(c.persons)} 人` : undefined}
                  href={href}
                />
              );
            })}
          </dl>
        )}
      </section>

      <section aria-labelledby="paid-title">
        <h2 id="paid-title" className="text-lg font-semibold">资金发放</h2>
        <dl className="mt-2 grid grid-cols-2 gap-4 md:grid-cols-3">
          <StatCard label={`本月（${month}）已发放`} value={formatFen(figures.paidThisMonthFen)} href={linesHref({ month, status: 'paid' })} />
          <StatCard label={`${year} 年已发放`} value={formatFen(figures.paidThisYearFen)} href={linesHref({ from: `${year}-01`, to: month, status: 'paid' })} />
          <StatCard label={`${year} 年救助人次`} value={`${countInWan(figures.personMonthsThisYear)} 人次`} href={linesHref({ from: `${year}-01`, to: month, status: 'paid' })} />
        </dl>
        <p className="mt-2 text-sm">
          <Link href="/reports" className="text-blue-700 underline">月通报与累计统计</Link>
        </p>
      </section>

      <TrendChart months={figures.trend} series={figures.programs.map((p) => ({ key: p, label: programKeyLabel(p) }))} />

    </div>
  );
}
