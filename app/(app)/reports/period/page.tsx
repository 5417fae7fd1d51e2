import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { periodTotals } from '@/lib/reports/period';
import { keyFilter, linesHref, periodQuerySchema } from '@/lib/reports/schemas';

export const metadata: Metadata = { title: '累计救助人次与金额' };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function PeriodPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('report.read');
  const raw = await searchParams;
  const thisMonth = todayInChina().slice(0, 7);
  const parsed = periodQuerySchema.safeParse({ from: first(raw.from) ?? `${thisMonth.slice(0, 4)}-01`, to: first(raw.to) ?? thisMonth });
  const error = parsed.success ? null : parsed.error.issues[0]?.message;
  const { from, to } = parsed.success ? parsed.data : { from: `${thisMonth.slice(0, 4)}-01`, to: thisMonth };
  const p = await periodTotals(user, from, to);
  const href = (key: string, county?: string) => linesHref({ from, to, county, ...keyFilter(key), status: 'paid' });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">累计救助人次与金额</h1>
      <form action="/reports/period" className="flex flex-wrap items-end gap-3 text-sm">
        <label>
          起始月份
          <input type="month" name="from" defaultValue={from} required className={`${inputClass} block`} />
        </label>
        <label>
          截止月份
          <input type="month" name="to" defaultValue={to} required className={`${inputClass} block`} />
        </label>
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-white hover:bg-blue-800">统计</button>
        {error && <p role="alert" className="text-red-700">{error}</p>}
      </form>
      <p className="text-sm text-slate-600">人次：每人每发放一个月计 1 人次（补发、扣回不计）；金额：银行回盘确认已发放的金额。</p>

      <section aria-labelledby="sentences-title">
        <h2 id="sentences-title" className="text-lg font-semibold">{p.regionName}</h2>
        {p.totals.length === 0 ? (
          <p className="text-sm text-slate-600">这段时间没有已审批的发放。</p>
        ) : (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {p.totals.map((t) => (
              <li key={t.key}>
                <Link href={href(t.key)} className="text-blue-800 underline decoration-slate-300">{t.sentence}</Link>。
              </li>
            ))}
          </ul>
        )}
      </section>

      {p.counties.length > 0 && (
        <DataTable
          caption="分县（区）、分项目"
          groups={p.counties.map((c) => ({ key: c.code, header: c.name, rows: c.rows.map((r) => ({ county: c.code, ...r })) }))}
          groupHeader={{ header: '县（区）', className: 'align-top' }}
          rowKey={(r) => `${r.county}-${r.key}`}
          columns={[
            { key: 'program', header: '项目', rowHeader: true, cell: (r) => r.label },
            {
              key: 'persons',
              header: '人次',
              numeric: true,
              cell: (r) => <Link href={href(r.key, r.county)} className="text-blue-800 underline decoration-slate-300">{r.figures.paidPersonMonths.toLocaleString('zh-CN')}</Link>,
            },
            {
              key: 'paid',
              header: '已发放金额',
              numeric: true,
              cell: (r) => <Link href={href(r.key, r.county)} className="text-blue-800 underline decoration-slate-300">{formatFen(r.figures.paidFen)}</Link>,
            },
            { key: 'failed', header: '发放失败', numeric: true, cell: (r) => formatFen(r.figures.failedFen) },
          ]}
        />
      )}
    </div>
  );
}
