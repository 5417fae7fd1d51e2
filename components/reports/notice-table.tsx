import Link from 'next/link';
import { formatFen } from '@/lib/core/format';
import { columnGroups, noticeColumns, type NoticeBlock } from '@/lib/reports/notice-columns';

const cell = 'border border-slate-300 px-1.5 py-1';

function show(v: number | null, money?: boolean): string {
  if (v === null) return '—';
  return money ? formatFen(v).replace('¥', '') : v.toLocaleString('zh-CN');
}

/**
 * The notice as a table: one block of rows per place (program rows and a 小计), two header rows.
 * With `links`, every figure opens the records behind it (the printed copy has none).
 */
export function NoticeTable({ caption, blocks, links = true }: { caption: string; blocks: NoticeBlock[]; links?: boolean }) {
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <table className="border-collapse bg-white text-xs print:text-[8pt]">
        <caption className="mb-1 text-left text-sm font-medium">{caption}（金额：元）</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" rowSpan={2} className={cell}>地区</th>
            <th scope="col" rowSpan={2} className={cell}>项目</th>
            {columnGroups().map((g) => (
              <th key={g.group} scope="colgroup" colSpan={g.span} className={cell}>{g.group}</th>
            ))}
          </tr>
          <tr>
            {noticeColumns.map((c, i) => (
              <th key={i} scope="col" className={`${cell} font-medium`}>{c.header}</th>
            ))}
          </tr>
        </thead>
        {blocks.map((b) => {
          const rows = [...b.area.rows, b.area.total];
          return (
            <tbody key={b.area.code + b.label}>
              {rows.map((row, i) => (
                <tr key={row.key} className={row.key === '' ? 'bg-slate-50 font-semibold' : undefined}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={rows.length} className={`${cell} whitespace-nowrap text-left align-middle`}>{b.label}</th>
                  )}
                  <th scope="row" className={`${cell} whitespace-nowrap text-left font-normal`}>{row.key === '' ? '小计' : row.label}</th>
                  {noticeColumns.map((c, j) => {
                    const v = c.value(row, b.area.firstResponse);
                    const text = show(v, c.money);
                    const href = links && v !== null && v !== 0 ? c.href?.(row, b.place) : null;
                    return (
                      <td key={j} className={`${cell} text-right tabular-nums`}>
                        {href ? (
                          <Link href={href} className="text-blue-800 underline decoration-slate-300" aria-label={`${b.label} ${row.key === '' ? '小计' : row.label} ${c.header} ${text}，查看明细`}>
                            {text}
                          </Link>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
