import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import { kindLabels, movementLabels, programLabels } from '@/lib/payouts/labels';
import type { RunSummary } from '@/lib/payouts/queries';

const movements = ['new', 'stopped', 'attrition', 'increased', 'decreased'] as const;
const count = (n: unknown) => Number(n).toLocaleString('zh-CN');

/** Households, persons and money per program and kind, and why the total moved since last month. */
export function RunSummaryTables({ summary }: { summary: RunSummary }) {
  const programs = [...new Set([...summary.byKind.filter((k) => k.kind === 'enrollment').map((k) => k.program), ...summary.previousByProgram.map((p) => p.program)])];
  return (
    <div className="space-y-4">
      <DataTable
        caption="本月构成"
        rows={summary.byKind}
        rowKey={(k) => `${k.kind}-${k.program}`}
        columns={[
          { key: 'program', header: '项目', cell: (k) => programLabels[k.program] ?? k.program },
          { key: 'kind', header: '类别', cell: (k) => kindLabels[k.kind] ?? k.kind },
          { key: 'households', header: '户数', numeric: true, cell: (k) => count(k.households) },
          { key: 'persons', header: '人数', numeric: true, cell: (k) => (k.kind === 'enrollment' || k.kind === 'price_subsidy' ? count(k.persons) : '—') },
          { key: 'lines', header: '明细', numeric: true, cell: (k) => count(k.lines) },
          { key: 'amount', header: '金额', numeric: true, cell: (k) => formatFen(Number(k.amount_fen)) },
          { key: 'blocked', header: '其中受阻', numeric: true, cell: (k) => (Number(k.blocked_lines) ? `${k.blocked_lines} 条 ${formatFen(Number(k.blocked_fen))}` : '—') },
        ]}
      />
      <DataTable
        caption={`与上月（${summary.previousMonth}）相比${summary.previousRun ? '' : '：上月没有发放批次'}`}
        rows={programs}
        rowKey={(p) => p}
        columns={[
          { key: 'program', header: '项目', cell: (p) => programLabels[p] ?? p },
          { key: 'before', header: '上月金额', numeric: true, cell: (p) => formatFen(Number(summary.previousByProgram.find((x) => x.program === p)?.amount_fen ?? 0)) },
          ...movements.map((m) => ({
            key: m,
            header: movementLabels[m],
            numeric: true,
            cell: (p: string) => {
              const row = summary.movement.find((x) => x.program === p && x.movement === m);
              return row ? `${row.lines} 条，${Number(row.delta_fen) >= 0 ? '+' : ''}${formatFen(Number(row.delta_fen))}` : '—';
            },
          })),
          {
            key: 'now',
            header: '本月金额',
            numeric: true,
            cell: (p) => formatFen(Number(summary.byKind.find((x) => x.program === p && x.kind === 'enrollment')?.amount_fen ?? 0)),
          },
        ]}
      />
    </div>
  );
}
