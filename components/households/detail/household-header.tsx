import Link from 'next/link';
import { Disclosure } from '@/components/households/change-form';
import { EditHouseholdForm } from '@/components/households/edit-household-form';
import { buttonClass } from '@/components/ui/field';
import type { HouseholdDetail } from '@/lib/households/detail';

/** Who and where the household is, its registered-poor status and payout account. */
/** `canApply`: the user may enter applications (application.write); a closed household gets none. */
export function HouseholdHeader({ household, canWrite, canApply = false }: { household: HouseholdDetail; canWrite: boolean; canApply?: boolean }) {
  const head = household.members.find((m) => m.isHead && m.status === 'active');
  return (
    <header>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{head ? `${head.name}户` : '家庭详情'}</h1>
        {canApply && household.status !== 'closed' && (
          <Link href={`/applications/new?household=${household.id}`} className={buttonClass}>新建申请</Link>
        )}
      </div>
      <p className="mt-1 text-slate-600">
        {household.countyName} {household.townshipName} {household.villageName} · {household.address} · {household.kind === 'rural' ? '农村' : '城市'}
        {household.status === 'closed' ? ' · 已销户' : ''}
      </p>
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
        <div><dt className="inline text-slate-500">联系电话：</dt><dd className="inline">{household.phone ?? '—'}</dd></div>
        <div>
          <dt className="inline text-slate-500">建档立卡：</dt>
          <dd className="inline">
            {household.registeredPoor
              ? `是（${household.registeredPoorYear} 年，${(household.povertyCauses ?? []).join('、')}${household.leftPoverty ? `，${household.leftPovertyYear} 年脱贫` : ''}）`
              : '否'}
          </dd>
        </div>
        <div>
          <dt className="inline text-slate-500">发放账户：</dt>
          <dd className="inline">
            {household.bankName ? `${household.bankName} ${household.bankAccountKind === 'passbook' ? '存折' : '银行卡'} ${household.bankAccountMasked}（${household.bankAccountHolder}）` : '未登记'}
            {household.pendingAccountChange && <strong className="text-amber-800">（变更待复核）</strong>}
          </dd>
        </div>
      </dl>
      {canWrite && (
        <Disclosure label="修改家庭信息">
          <EditHouseholdForm
            household={{
              id: household.id,
              version: household.version,
              address: household.address,
              kind: household.kind,
              phone: household.phone,
              registeredPoor: household.registeredPoor,
              registeredPoorYear: household.registeredPoorYear,
              povertyCauses: household.povertyCauses,
              leftPoverty: household.leftPoverty,
              leftPovertyYear: household.leftPovertyYear,
              bankName: household.bankName,
              bankAccountKind: household.bankAccountKind,
              bankAccountMasked: household.bankAccountMasked,
              bankAccountHolder: household.bankAccountHolder,
            }}
          />
        </Disclosure>
      )}
    </header>
  );
}
