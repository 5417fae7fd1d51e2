import type { Metadata } from 'next';
import Link from 'next/link';
import { BreakdownTables } from '@/components/temp-aid/breakdown';
import { CaseTable } from '@/components/temp-aid/case-table';
import { inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { listTownshipsInScope } from '@/lib/temp-aid/fund-queries';
import { aidKindLabels, caseStateLabels, causeLabels, methodLabels, purposeLabels } from '@/lib/temp-aid/labels';
import { listCases, listPaymentsDue, paidTotals } from '@/lib/temp-aid/queries';
import { caseFilterSchema } from '@/lib/temp-aid/schemas';
import { caseBreakdown } from '@/lib/temp-aid/stats';

export const metadata: Metadata = { title: '临时救助' };

type Search = Record<string, string | string[] | undefined>;

export default async function TempAidPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('tempaid.read');
  const raw = await searchParams;
  const parsed = caseFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const filter = parsed.success ? parsed.data : {};
  const year = Number(todayInChina().slice(0, 4));
  const [awaiting, overdue, due, totals, breakdown, townships, found] = await Promise.all([
    listCases(user, { state: 'paid_awaiting_completion' }),
    listCases(user, { overdue: true }),
    listPaymentsDue(user),
    paidTotals(user),
    caseBreakdown(user, filter.year ?? year),
    listTownshipsInScope(user),
    listCases(user, filter, new Date(), 200),
  ]);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">临时救助</h1>
        <p className="flex gap-4 text-sm">
          {can(user.role, 'tempaid.pay') && <Link href="/temp-aid/new" className="text-blue-700 underline">先行救助（现场登记家庭）</Link>}
          <Link href="/temp-aid/funds" className="text-blue-700 underline">乡镇备用金</Link>
        </p>
      </header>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4" aria-label="发放金额">
        <Stat label="本月已发放" value={formatFen(totals.monthFen)} note={`${totals.monthCount} 笔`} />
        <Stat label="本年已发放" value={formatFen(totals.yearFen)} note={`${totals.yearCount} 笔`} />
        <Stat label="待办结先行救助" value={String(awaiting.length)} note="件" />
        <Stat label="已超期" value={String(overdue.length)} note="件" />
      </dl>
      <CaseTable title="待办结" rows={awaiting} />
      <CaseTable title="已超期" rows={overdue} empty="没有超期案件。" />
      <section aria-label="待发放">
        <h2 className="text-lg font-semibold">待发放（{due.length}）</h2>
        {due.length === 0 ? <p className="text-sm text-slate-600">无。</p> : (
          <ul className="mt-2 space-y-1 text-sm">
            {due.map((p) => (
              <li key={p.id}>
                <Link href={`/temp-aid/${p.caseId}`} className="text-blue-700 underline">{p.headName ?? '—'}户</Link> · {purposeLabels[p.purpose]} {formatFen(p.amountFen)} · {methodLabels[p.method]} · {p.approvedOn} 批准{p.runNote && ` · ${p.runNote}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <BreakdownTables data={breakdown} />
      <section aria-label="案件查询" className="space-y-3">
        <h2 className="text-lg font-semibold">案件查询</h2>
        <form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-6">
          <Select name="state" label="状态" value={filter.state} options={Object.entries(caseStateLabels)} />
          <Select name="kind" label="类型" value={filter.kind} options={Object.entries(aidKindLabels)} />
          <Select name="cause" label="事由" value={filter.cause} options={Object.entries(causeLabels)} />
          <Select name="township" label="乡镇" value={filter.township} options={townships.map((t) => [t.code, t.name])} />
          <div>
            <label htmlFor="year" className="block text-sm font-medium">年度</label>
            <input id="year" name="year" inputMode="numeric" defaultValue={filter.year ?? year} className={inputClass} />
          </div>
          <div className="flex items-end gap-2">
            <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-white">查询</button>
            <button type="submit" formAction="/api/temp-aid/export" formMethod="post" className="rounded border border-blue-700 px-3 py-2 text-sm text-blue-700">导出 Excel</button>
          </div>
        </form>
        <CaseTable title="查询结果" rows={found} empty="没有符合条件的案件。" />
      </section>
    </div>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">全部</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className="text-xs text-slate-500">{note}</dd>
    </div>
  );
}
