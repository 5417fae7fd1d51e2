import Link from 'next/link';
import { formatFen } from '@/lib/core/format';
import { aidKindLabels, caseStateLabels, causeLabels } from '@/lib/temp-aid/labels';
import type { CaseRow } from '@/lib/temp-aid/queries';

/** A list of cases under a heading: who, what, how much, where it stands and by when. */
export function CaseTable({ title, rows, empty = '无。' }: { title: string; rows: CaseRow[]; empty?: string }) {
  return (
    <section aria-label={title}>
      <h2 className="text-lg font-semibold">{title}（{rows.length}）</h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">{empty}</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">户主</th>
              <th scope="col" className="p-2">乡镇 · 村</th>
              <th scope="col" className="p-2">类型</th>
              <th scope="col" className="p-2">事由</th>
              <th scope="col" className="p-2">金额</th>
              <th scope="col" className="p-2">状态</th>
              <th scope="col" className="p-2">期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/temp-aid/${r.id}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link>
                  {r.sameCauseFlag && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">同因再次救助</span>}
                </td>
                <td className="p-2">{r.townshipName} · {r.villageName}</td>
                <td className="p-2">{aidKindLabels[r.kind]}</td>
                <td className="p-2">{causeLabels[r.cause]}</td>
                <td className="p-2 tabular-nums">{formatFen(r.paidFen > 0 ? r.paidFen : (r.approvedFen ?? r.requestedFen))}</td>
                <td className="p-2">{caseStateLabels[r.state]}</td>
                <td className={`p-2 tabular-nums ${r.overdue ? 'font-semibold text-red-700' : ''}`}>
                  {r.deadlineOn ? `${r.deadlineOn}${r.overdue ? '（已超期）' : ''}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
