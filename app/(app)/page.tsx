import type { Metadata } from 'next';
import Link from 'next/link';
import { StatCard } from '@/components/reports/stat-card';
import { TrendChart } from '@/components/reports/trend-chart';
import { requireUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';
import { formatFen } from '@/lib/core/format';
import { applicationStateLabels } from '@/lib/applications/flow';
import { dashboardFigures } from '@/lib/reports/dashboard';
import { countInWan, programKeyLabel, splitProgramKey, unitOf } from '@/lib/reports/rules';
import { keyFilter, linesHref } from '@/lib/reports/schemas';
import { workQueue } from '@/lib/reports/work-queue';

export const metadata: Metadata = { title: '工作台' };

const count = (n: number) => n.toLocaleString('zh-CN');

export default async function DashboardPage() {
  const user = await requireUser();
  const [figures, work] = await Promise.all([dashboardFigures(user), workQueue(user)]);
  const { month, coveredMonth } = figures;
  const year = month.slice(0, 4);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">工作台</h1>
        <p className="text-slate-600">
          {user.name}（{roleLabels[user.role]}），管辖范围：{user.regionName}。金额与人数来自已审批的发放批次。
        </p>
      </header>

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

      {(work.applications || work.firstResponse || work.reviews) && (
        <section aria-labelledby="work-title">
          <h2 id="work-title" className="text-lg font-semibold">待办事项</h2>
          <dl className="mt-2 grid grid-cols-2 gap-4 md:grid-cols-4">
            {work.applications?.byState.map((s) => (
              <StatCard key={s.state} label={`申请·${applicationStateLabels[s.state]}`} value={count(s.count)} href="/applications" />
            ))}
            {work.applications && <StatCard label="申请已超期" value={count(work.applications.overdue)} href="/applications" />}
            {work.firstResponse && (
              <>
                <StatCard label="先行救助待办结" value={count(work.firstResponse.awaiting)} href="/temp-aid?kind=first_response&state=paid_awaiting_completion" />
                <StatCard label="临时救助已超期" value={count(work.firstResponse.overdue)} href="/temp-aid" />
              </>
            )}
            {work.reviews && (
              <>
                <StatCard label="30 天内到期复核" value={count(work.reviews.due)} href="/enrollments" />
                <StatCard label="复核已逾期" value={count(work.reviews.overdue)} href="/enrollments" />
              </>
            )}
          </dl>
        </section>
      )}
    </div>
  );
}
