import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/field';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { institutionKindLabels, institutionStatusLabels } from '@/lib/institutions/labels';
import { listInstitutions } from '@/lib/institutions/queries';

export const metadata: Metadata = { title: '供养机构' };

export default async function InstitutionsPage() {
  const user = await requirePermission('institution.read');
  const rows = await listInstitutions(user);
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">特困人员供养机构</h1>
        {can(user.role, 'institution.manage') && <Link href="/institutions/new" className={buttonClass}>登记供养机构</Link>}
      </div>
      {rows.length === 0 ? (
        <p className="text-slate-600">本辖区尚未登记供养机构。</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">供养机构列表</caption>
          <thead>
            <tr className="text-left"><th>机构名称</th><th>所在乡镇</th><th>性质</th><th>医养结合</th><th>状态</th><th>核定床位</th><th>入住人数</th><th>入住率</th></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-slate-200">
                <td><Link href={`/institutions/${r.id}`} className="text-blue-700 underline">{r.name}</Link></td>
                <td>{r.townshipName}</td>
                <td>{institutionKindLabels[r.kind]}</td>
                <td>{r.medicalCare ? '是' : '否'}</td>
                <td>{institutionStatusLabels[r.status]}</td>
                <td>{r.capacity}</td>
                <td>{r.residents}</td>
                <td>{r.occupancy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
