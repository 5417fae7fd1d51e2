'use client';

import { useId, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import { maxStacked, moneyAxis, personTick } from '@/lib/reports/dashboard-rules';

export interface TrendSeries {
  key: string;
  label: string;
}

export interface TrendProps {
  /** One row per month: month plus, per series key, persons and money in fen. */
  months: { month: string; persons: Record<string, number>; paidFen: Record<string, number> }[];
  series: TrendSeries[];
}

// Colour-blind-safe (Okabe–Ito); the table view carries the same figures for those who need it.
const COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const count = new Intl.NumberFormat('zh-CN');
const shortMonth = (m: string) => `${Number(m.slice(5))}月`;

/**
 * Twelve months of persons covered and money paid per program: a line chart and a stacked bar
 * chart (keyboard-navigable, with a text summary for screen readers), and the same figures as a
 * table at the press of a button.
 */
export function TrendChart({ months, series }: TrendProps) {
  const [table, setTable] = useState(false);
  const id = useId();
  const persons = months.map((m) => ({ month: m.month, ...m.persons }));
  const money = months.map((m) => ({ month: m.month, ...m.paidFen }));
  const axis = moneyAxis(maxStacked(months.map((m) => m.paidFen)));
  const last = months.at(-1);
  const summary = last
    ? `${last.month}：` + series.map((s) => `${s.label} ${count.format(last.persons[s.key] ?? 0)} 人，已发放 ${formatFen(last.paidFen[s.key] ?? 0)}`).join('；')
    : '没有数据';

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">近 12 个月趋势</h2>
        <button type="button" onClick={() => setTable((t) => !t)} aria-pressed={table} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
          {table ? '以图表显示' : '以表格显示'}
        </button>
      </div>
      {series.length === 0 ? (
        <p className="text-sm text-slate-600">近 12 个月没有已审批的发放批次。</p>
      ) : table ? (
        <TrendTable months={months} series={series} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <figure className="rounded-lg border border-slate-200 bg-white p-3">
            <figcaption className="mb-2 text-sm font-medium">保障人数（人）</figcaption>
            <LineChart responsive style={{ width: '100%', height: 260 }} data={persons} accessibilityLayer title="近 12 个月各项目保障人数" desc={summary} margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" tickFormatter={shortMonth} interval={0} />
              <YAxis allowDecimals={false} tickFormatter={personTick} width={64} />
              <Tooltip formatter={(v) => `${count.format(Number(v))} 人`} labelFormatter={(m) => String(m)} />
              <Legend />
              {series.map((s, i) => (
                <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={COLORS[i % COLORS.length]} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
              ))}
            </LineChart>
          </figure>
          <figure className="rounded-lg border border-slate-200 bg-white p-3">
            <figcaption className="mb-2 text-sm font-medium">已发放金额（{axis.unit}）</figcaption>
            <BarChart responsive style={{ width: '100%', height: 260 }} data={money} accessibilityLayer title="近 12 个月各项目已发放金额" desc={summary} margin={{ left: 8, right: 16 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" tickFormatter={shortMonth} interval={0} />
              <YAxis allowDecimals={false} tickFormatter={axis.tick} width={72} />
              <Tooltip formatter={(fen) => formatFen(Number(fen))} labelFormatter={(m) => String(m)} />
              <Legend />
              {series.map((s, i) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} stackId="paid" fill={COLORS[i % COLORS.length]} isAnimationActive={false} />
              ))}
            </BarChart>
          </figure>
          <p className="sr-only">{summary}</p>
        </div>
      )}
    </section>
  );
}

function TrendTable({ months, series }: TrendProps) {
  return (
    <div className="overflow-x-auto">
      <DataTable
        caption="近 12 个月各项目保障人数与已发放金额"
        captionHidden
        rows={months}
        rowKey={(m) => m.month}
        columns={[
          { key: 'month', header: '月份', rowHeader: true, className: 'tabular-nums', cell: (m) => m.month },
          ...series.map((s) => ({
            key: s.key,
            header: <>{s.label}<br />人数 / 已发放</>,
            numeric: true,
            cell: (m: TrendProps['months'][number]) => `${count.format(m.persons[s.key] ?? 0)} / ${formatFen(m.paidFen[s.key] ?? 0)}`,
          })),
        ]}
      />
    </div>
  );
}
