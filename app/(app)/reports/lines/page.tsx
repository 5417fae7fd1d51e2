import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { kindLabels, lineStatusLabels, programLabels } from '@/lib/payouts/labels';
import { regionName } from '@/lib/regions/queries';
import { listReportLines } from '@/lib/reports/lines';
import { movementLabels } from '@/lib/reports/rules';
import { linesFilterSchema, linesHref, type LinesFilter } from '@/lib/reports/schemas';

export const metadata: Metadata = { title: '发放明细' };

const statusText: Record<string, string> = { paid: '已发放', failed: '发放失败', blocked: '账户待补未发', pending: '待银行回盘' };

function describe(f: LinesFilter, names: { county: string | null; township: string | null }): string {
  return [
    f.month ?? `${f.from} 至 ${f.to}`,
    names.county ?? f.county,
    names.township ?? f.township,
    f.area && (f.area === 'rural' ? '农村' : '城市'),
    f.program && programLabels[f.program],
    f.roll && '月度名册',
    f.kind && kindLabels[f.kind],
    f.status && statusText[f.status],
    f.movement && `较上月${movementLabels[f.movement]}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The payout lines behind a report figure: filters in the URL, never a name or an ID. */
export default async function ReportLinesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('report.read');
  const raw = await searchParams;
  const parsed = linesFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  if (!parsed.success) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">发放明细</h1>
        <p role="alert" className="text-red-700">{parsed.error.issues[0]?.message ?? '筛选条件有误'}</p>
        <Link href="/reports" className="text-blue-700 underline">返回统计报表</Link>
      </div>
    );
  }
  const f = parsed.data;
  const [{ rows, nextCursor, personal }, county, township] = await Promise.all([
    listReportLines(user, f),
    f.county ? regionName(f.county) : null,
    f.township ? regionName(f.township) : null,
  ]);
  const { after: _after, ...filter } = f;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">发放明细</h1>
      <p className="text-slate-600">{describe(f, { county, township })}（仅含已审批批次，{user.regionName}范围内）</p>
      {!personal && <p className="text-sm text-slate-600">您的角色不查看个人信息：明细只列地区、项目与金额。</p>}
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="没有符合条件的发放记录。"
        columns={[
          { key: 'id', header: '明细号', className: 'tabular-nums', cell: (r) => r.id },
          { key: 'month', header: '月份', className: 'tabular-nums', cell: (r) => r.month },
          personal && {
            key: 'head',
            header: '户主',
            cell: (r) => (r.householdId ? <Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> : '—'),
          },
          { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
          { key: 'program', header: '项目', cell: (r) => <>{programLabels[r.program] ?? r.program}{r.kind !== 'enrollment' ? `（${kindLabels[r.kind] ?? r.kind}）` : ''}</> },
          { key: 'persons', header: '人数', numeric: true, cell: (r) => r.persons },
          { key: 'amount', header: '金额', numeric: true, cell: (r) => formatFen(r.amountFen) },
          f.movement && { key: 'delta', header: '较上月', numeric: true, cell: (r) => formatFen(r.amountDeltaFen ?? 0) },
          {
            key: 'status',
            header: '状态',
            cell: (r) => <>{r.status === 'pending' && r.blocked ? '账户待补未发' : (lineStatusLabels[r.status] ?? r.status)}{r.failureReason ? `：${r.failureReason}` : ''}</>,
          },
          personal && { key: 'account', header: '账户', className: 'tabular-nums', cell: (r) => <>{r.bankName} {r.accountMasked}</> },
        ]}
      />
      {nextCursor && (
        <p>
          <Link href={`${linesHref(filter)}&after=${nextCursor}`} className="text-blue-700 underline">下一页</Link>
        </p>
      )}
    </div>
  );
}
