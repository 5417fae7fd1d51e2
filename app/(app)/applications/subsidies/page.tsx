import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass, inputClass } from '@/components/ui/field';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { subsidyProgramLabels, subsidyStateLabels } from '@/lib/subsidies/labels';
import { listSubsidyApplications } from '@/lib/subsidies/queries';
import { subsidyListSchema } from '@/lib/subsidies/schemas';

export const metadata: Metadata = { title: '残疾人补贴申请' };

export default async function SubsidyApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('application.read');
  const parsed = subsidyListSchema.safeParse(await searchParams);
  const filter = parsed.success ? parsed.data : {};
  const rows = await listSubsidyApplications(user, filter);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">残疾人补贴申请</h1>
        <div className="flex gap-4">
          {can(user.role, 'enrollment.approve') && <Link href="/applications/subsidies/roster" className="text-blue-700 underline">导入残联花名册</Link>}
          <Link href="/applications" className="text-blue-700 underline">低保、特困申请</Link>
        </div>
      </div>
      <p className="text-sm text-slate-600">新的申请从家庭档案的成员行「申请残疾人补贴」办理。</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="筛选">
        <label className="grid gap-1 text-sm">
          补贴类别
          <select name="program" defaultValue={filter.program ?? ''} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(subsidyProgramLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <label className="grid gap-1 text-sm">
          环节
          <select name="state" defaultValue={filter.state ?? ''} className={inputClass}>
            <option value="">全部</option>
            {Object.entries(subsidyStateLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        </label>
        <button type="submit" className={buttonClass}>筛选</button>
      </form>
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="无。"
        columns={[
          { key: 'member', header: '申请人', cell: (r) => <Link href={`/applications/subsidies/${r.id}`} className="text-blue-700 underline">{r.memberName}</Link> },
          { key: 'program', header: '补贴类别', cell: (r) => subsidyProgramLabels[r.program] },
          { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
          { key: 'accepted', header: '受理日期', className: 'tabular-nums', cell: (r) => r.acceptedOn },
          { key: 'state', header: '环节', cell: (r) => subsidyStateLabels[r.state] },
        ]}
      />
    </div>
  );
}
