import type { Metadata } from 'next';
import Link from 'next/link';
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
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="mb-1 text-left font-medium">分县（区）、分项目</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="p-2">县（区）</th>
              <th scope="col" className="p-2">项目</th>
              <th scope="col" className="p-2 text-right">人次</th>
              <th scope="col" className="p-2 text-right">已发放金额</th>
              <th scope="col" className="p-2 text-right">发放失败</th>
            </tr>
          </thead>
          <tbody>
            {p.counties.flatMap((c) =>
              c.rows.map((r, i) => (
                <tr key={`${c.code}-${r.key}`} className="border-b border-slate-100">
                  {i === 0 && <th scope="rowgroup" rowSpan={c.rows.length} className="p-2 text-left align-top font-normal">{c.name}</th>}
                  <th scope="row" className="p-2 text-left font-normal">{r.label}</th>
                  <td className="p-2 text-right tabular-nums"><Link href={href(r.key, c.code)} className="text-blue-800 underline decoration-slate-300">{r.figures.paidPersonMonths.toLocaleString('zh-CN')}</Link></td>
                  <td className="p-2 text-right tabular-nums"><Link href={href(r.key, c.code)} className="text-blue-800 underline decoration-slate-300">{formatFen(r.figures.paidFen)}</Link></td>
                  <td className="p-2 text-right tabular-nums">{formatFen(r.figures.failedFen)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
