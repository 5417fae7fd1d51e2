import { formatFen } from '@/lib/core/format';
import { kindLabels, movementLabels, programLabels } from '@/lib/payouts/labels';
import type { RunSummary } from '@/lib/payouts/queries';

const th = 'p-2 text-left font-medium';
const num = 'p-2 text-right tabular-nums';
const movements = ['new', 'stopped', 'attrition', 'increased', 'decreased'] as const;

/** Households, persons and money per program and kind, and why the total moved since last month. */
export function RunSummaryTables({ summary }: { summary: RunSummary }) {
  const programs = [...new Set([...summary.byKind.filter((k) => k.kind === 'enrollment').map((k) => k.program), ...summary.previousByProgram.map((p) => p.program)])];
  return (
    <div className="space-y-4">
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="text-left font-semibold">本月构成</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className={th}>项目</th>
            <th scope="col" className={th}>类别</th>
            <th scope="col" className={`${th} text-right`}>户数</th>
            <th scope="col" className={`${th} text-right`}>人数</th>
            <th scope="col" className={`${th} text-right`}>明细</th>
            <th scope="col" className={`${th} text-right`}>金额</th>
            <th scope="col" className={`${th} text-right`}>其中受阻</th>
          </tr>
        </thead>
        <tbody>
          {summary.byKind.map((k) => (
            <tr key={`${k.kind}-${k.program}`} className="border-b border-slate-100">
              <td className="p-2">{programLabels[k.program] ?? k.program}</td>
              <td className="p-2">{kindLabels[k.kind] ?? k.kind}</td>
              <td className={num}>{Number(k.households).toLocaleString('zh-CN')}</td>
              <td className={num}>{k.kind === 'enrollment' || k.kind === 'price_subsidy' ? Number(k.persons).toLocaleString('zh-CN') : '—'}</td>
              <td className={num}>{Number(k.lines).toLocaleString('zh-CN')}</td>
              <td className={num}>{formatFen(Number(k.amount_fen))}</td>
              <td className={num}>{Number(k.blocked_lines) ? `${k.blocked_lines} 条 ${formatFen(Number(k.blocked_fen))}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="text-left font-semibold">与上月（{summary.previousMonth}）相比{summary.previousRun ? '' : '：上月没有发放批次'}</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className={th}>项目</th>
            <th scope="col" className={`${th} text-right`}>上月金额</th>
            {movements.map((m) => (
              <th key={m} scope="col" className={`${th} text-right`}>{movementLabels[m]}</th>
            ))}
            <th scope="col" className={`${th} text-right`}>本月金额</th>
          </tr>
        </thead>
        <tbody>
          {programs.map((p) => {
            const before = summary.previousByProgram.find((x) => x.program === p);
            const now = summary.byKind.find((x) => x.program === p && x.kind === 'enrollment');
            return (
              <tr key={p} className="border-b border-slate-100">
                <td className="p-2">{programLabels[p] ?? p}</td>
                <td className={num}>{formatFen(Number(before?.amount_fen ?? 0))}</td>
                {movements.map((m) => {
                  const row = summary.movement.find((x) => x.program === p && x.movement === m);
                  return (
                    <td key={m} className={num}>
                      {row ? `${row.lines} 条，${Number(row.delta_fen) >= 0 ? '+' : ''}${formatFen(Number(row.delta_fen))}` : '—'}
                    </td>
                  );
                })}
                <td className={num}>{formatFen(Number(now?.amount_fen ?? 0))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
