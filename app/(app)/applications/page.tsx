import type { Metadata } from 'next';
import Link from 'next/link';
import { ApplicationList } from '@/components/applications/application-list';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass } from '@/components/ui/field';
import { listAllApplications, listDeciders } from '@/lib/applications/list';
import { listFilterSchema } from '@/lib/applications/list-filter';
import { kindLabels, stateLabels } from '@/lib/applications/load';
import { listApplications, type ApplicationRow } from '@/lib/applications/queries';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '申请审批' };

export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('application.read');
  // The URL carries the filters only: a search term there (typed by hand) is ignored, see list-filter.ts.
  const filter = listFilterSchema.parse(await searchParams);
  const [rows, page, regions, deciders] = await Promise.all([
    listApplications(user),
    listAllApplications(user, filter),
    listFilterRegions(user),
    listDeciders(user),
  ]);
  const mine = rows.filter((r) =>
    user.role === 'supervisor' ? r.noticeOver || (r.closeRelative && !r.countyVisitOn) : r.state !== 'in_public_notice',
  );
  const inNotice = rows.filter((r) => r.state === 'in_public_notice' && !r.noticeOver);
  const overdue = rows.filter((r) => r.deadline?.overdue);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">申请审批</h1>
        <div className="flex items-center gap-3">
          <Link href="/applications/subsidies" className="text-blue-700 underline">残疾人补贴申请</Link>
          {can(user.role, 'application.write') && <Link href="/applications/new" className={buttonClass}>新建申请</Link>}
        </div>
      </div>
      <Queue title="待我处理" rows={mine} />
      <Queue title="已超期" rows={overdue} />
      <Queue title="公示中" rows={inNotice} />
      <section aria-labelledby="all-applications" className="space-y-3">
        <h2 id="all-applications" className="text-lg font-semibold">全部申请</h2>
        <ApplicationList initial={page} filter={filter} regions={regions} deciders={deciders} />
      </section>
    </div>
  );
}

function Queue({ title, rows }: { title: string; rows: ApplicationRow[] }) {
  return (
    <section aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title}（{rows.length}）
      </h2>
      <DataTable
        className="mt-2"
        rows={rows}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="无。"
        columns={[
          {
            key: 'applicant',
            header: '申请人',
            cell: (r) => (
              <>
                <Link href={`/applications/${r.id}`} className="text-blue-700 underline">{r.applicantName ?? r.headName ?? '—'}</Link>
                {r.closeRelative && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">近亲属备案</span>}
              </>
            ),
          },
          { key: 'kind', header: '类型', cell: (r) => kindLabels[r.kind] },
          { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
          { key: 'state', header: '环节', cell: (r) => <>{stateLabels[r.state]}{r.state === 'in_public_notice' && r.noticeEnd ? `（至 ${r.noticeEnd}）` : ''}</> },
          {
            key: 'deadline',
            header: '期限',
            className: (r) => (r.deadline?.overdue ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'),
            cell: (r) => (r.deadline ? `${r.deadline.label} ${r.deadline.due}${r.deadline.overdue ? '（已超期）' : ''}` : '—'),
          },
        ]}
      />
    </section>
  );
}
