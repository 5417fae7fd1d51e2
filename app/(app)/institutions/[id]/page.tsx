import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AdmitForm, DischargeForm } from '@/components/institutions/forms';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { dischargeReasonLabels, institutionKindLabels, institutionStatusLabels } from '@/lib/institutions/labels';
import { institutionDetail } from '@/lib/institutions/queries';

export const metadata: Metadata = { title: '供养机构' };

async function load(...args: Parameters<typeof institutionDetail>) {
  try {
    return await institutionDetail(...args);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  }
}

const reasonText = (r: string | null) => {
  if (!r) return '';
  const [code, ...note] = r.split('：');
  return [dischargeReasonLabels[code!] ?? '其他', ...note].join('：');
};

export default async function InstitutionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('institution.read');
  const { id } = await params;
  const { institution: i, townshipName, residents, living, occupancy } = await load(user, id);
  const manage = can(user.role, 'institution.manage');
  const today = todayInChina();
  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm"><Link href="/institutions" className="text-blue-700 underline">供养机构</Link></p>
        <h1 className="text-2xl font-semibold">{i.name}</h1>
      </header>
      <dl aria-label="机构信息" className="grid grid-cols-2 gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4">
        <dt className="text-slate-600">所在乡镇</dt><dd>{townshipName}</dd>
        <dt className="text-slate-600">地址</dt><dd>{i.address}</dd>
        <dt className="text-slate-600">机构性质</dt><dd>{institutionKindLabels[i.kind]}</dd>
        <dt className="text-slate-600">医养结合</dt><dd>{i.medicalCare ? '是' : '否'}</dd>
        <dt className="text-slate-600">运营状态</dt><dd>{institutionStatusLabels[i.status]}</dd>
        <dt className="text-slate-600">核定床位</dt><dd>{i.capacity}</dd>
        <dt className="text-slate-600">在院人数</dt><dd>{living}</dd>
        <dt className="text-slate-600">入住率</dt><dd>{occupancy}</dd>
        <dt className="text-slate-600">开户银行</dt><dd>{i.bankName}</dd>
        <dt className="text-slate-600">账户名称</dt><dd>{i.bankAccountHolder}</dd>
        <dt className="text-slate-600">对公账号</dt><dd>尾号 {i.bankAccount.slice(-4)}</dd>
      </dl>

      <section aria-label="集中供养人员" className="space-y-3">
        <h2 className="text-lg font-semibold">集中供养人员</h2>
        {residents.length === 0 ? (
          <p className="text-slate-600">尚无入住人员。</p>
        ) : (
          <table className="w-full text-sm">
            <caption className="sr-only">集中供养人员</caption>
            <thead>
              <tr className="text-left"><th>姓名</th><th>身份证号</th><th>入住日期</th><th>离院日期</th><th>离院原因</th></tr>
            </thead>
            <tbody>
              {residents.map((r) => (
                <tr key={r.id} className="border-t border-slate-200">
                  <td><Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.name}</Link></td>
                  <td>{r.idMasked}</td>
                  <td>{r.admittedOn}</td>
                  <td>{r.dischargedOn ?? '在院'}</td>
                  <td>{reasonText(r.dischargeReason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {manage && (
        <section aria-label="入住与离院" className="space-y-3">
          {i.status === 'operating' && <AdmitForm institutionId={i.id} today={today} />}
          {residents.filter((r) => r.dischargedOn === null).map((r) => <DischargeForm key={r.id} placementId={r.id} name={r.name} today={today} />)}
        </section>
      )}
    </div>
  );
}
