import type { Metadata } from 'next';
import Link from 'next/link';
import { kindLabels, stateLabels } from '@/lib/applications/load';
import { listApplications, type ApplicationRow } from '@/lib/applications/queries';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: '申请审批' };

export default async function ApplicationsPage() {
  const user = await requirePermission('application.read');
  const rows = await listApplications(user);
  const mine = rows.filter((r) =>
    user.role === 'supervisor' ? r.noticeOver || (r.closeRelative && !r.countyVisitOn) : r.state !== 'in_public_notice',
  );
  const inNotice = rows.filter((r) => r.state === 'in_public_notice' && !r.noticeOver);
  const overdue = rows.filter((r) => r.deadline?.overdue);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">申请审批</h1>
      <Queue title="待我处理" rows={mine} />
      <Queue title="已超期" rows={overdue} />
      <Queue title="公示中" rows={inNotice} />
    </div>
  );
}

function Queue({ title, rows }: { title: string; rows: ApplicationRow[] }) {
  return (
    <section aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title}（{rows.length}）
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">无。</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">申请人</th>
              <th scope="col" className="p-2">类型</th>
              <th scope="col" className="p-2">村（社区）</th>
              <th scope="col" className="p-2">环节</th>
              <th scope="col" className="p-2">期限</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/applications/${r.id}`} className="text-blue-700 underline">{r.applicantName ?? r.headName ?? '—'}</Link>
                  {r.closeRelative && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">近亲属备案</span>}
                </td>
                <td className="p-2">{kindLabels[r.kind]}</td>
                <td className="p-2">{r.villageName}</td>
                <td className="p-2">{stateLabels[r.state]}{r.state === 'in_public_notice' && r.noticeEnd ? `（至 ${r.noticeEnd}）` : ''}</td>
                <td className={`p-2 tabular-nums ${r.deadline?.overdue ? 'font-semibold text-red-700' : ''}`}>
                  {r.deadline ? `${r.deadline.label} ${r.deadline.due}${r.deadline.overdue ? '（已超期）' : ''}` : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
