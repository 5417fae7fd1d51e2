import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApplyForm } from '@/components/temp-aid/apply-form';
import { FirstResponseForm } from '@/components/temp-aid/first-response-form';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { getHouseholdDetail } from '@/lib/households/detail';
import { listVillagesInScope } from '@/lib/regions/queries';
import { fundBalanceOf } from '@/lib/temp-aid/fund-queries';
import { aidKindLabels } from '@/lib/temp-aid/labels';
import { capsInForce, type TempAidPolicy } from '@/lib/temp-aid/policy';

export const metadata: Metadata = { title: '临时救助' };

const kinds = ['first_response', 'small_fast', 'expenditure'] as const;

function capText(kind: (typeof kinds)[number], p: TempAidPolicy | null): string {
  if (!p) return '';
  if (kind === 'first_response') return `先行救助上限 ${formatFen(p.caps.firstResponseFen)}`;
  if (kind === 'small_fast') return `小额快救上限 ${formatFen(p.caps.smallFastFen)}（1 个月低保标准），${p.smallFastDecisionDays} 日内审批`;
  return `一般上限 ${formatFen(p.caps.normalFen)}（${p.normalCapMonths} 个月低保标准），超过须一事一议；超过 ${formatFen(p.caps.cityDecisionAboveFen)} 报市级`;
}

export default async function NewTempAidPage({ searchParams }: { searchParams: Promise<{ household?: string; kind?: string }> }) {
  const params = await searchParams;
  const kind = kinds.find((k) => k === params.kind) ?? 'first_response';
  const user = await requirePermission(kind === 'first_response' ? 'tempaid.pay' : 'tempaid.write');
  const household = params.household ? await getHouseholdDetail(user, params.household) : null;
  if (params.household && !household) notFound();
  if (!household && kind !== 'first_response') notFound();
  const today = todayInChina();
  const head = household?.members.find((m) => m.isHead && m.status === 'active');
  const county = household?.countyCode ?? user.regionCode.slice(0, 6);
  const [policy, balance, townships] = await Promise.all([
    capsInForce(county, household?.kind ?? 'rural', today),
    household ? fundBalanceOf(user, household.townshipCode) : null,
    household ? [] : listVillagesInScope(user),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{aidKindLabels[kind]}{head ? `：${head.name}户` : ''}</h1>
      {household && (
        <p className="text-sm text-slate-600">
          {household.townshipName} {household.villageName} · {household.address} ·{' '}
          {household.bankName ? `发放账户 ${household.bankName} ${household.bankAccountMasked}` : '未登记发放账户'}
          {balance !== null && ` · ${household.townshipName}备用金余额 ${formatFen(balance)}`}
        </p>
      )}
      {household && (
        <nav aria-label="救助类型" className="flex gap-4 text-sm">
          {kinds
            .filter((k) => k !== 'first_response' || can(user.role, 'tempaid.pay'))
            .map((k) => (
              <Link key={k} href={`/temp-aid/new?household=${household.id}${k === 'first_response' ? '' : `&kind=${k}`}`} aria-current={k === kind ? 'page' : undefined} className={k === kind ? 'font-semibold' : 'text-blue-700 underline'}>
                {aidKindLabels[k]}
              </Link>
            ))}
        </nav>
      )}
      {!household && (
        <p className="text-sm text-slate-600">
          为已登记的家庭救助：请在<Link href="/households" className="text-blue-700 underline">家庭档案</Link>中找到该户，在其页面点“先行救助”。下面可现场登记新家庭并同时发放。
        </p>
      )}
      {kind === 'first_response' ? (
        <FirstResponseForm
          household={household ? { id: household.id, headName: head?.name ?? '', hasBankAccount: !!household.bankName, townshipName: household.townshipName } : null}
          townships={townships}
          capText={capText(kind, policy)}
        />
      ) : (
        <ApplyForm householdId={household!.id} kind={kind} capText={capText(kind, policy)} />
      )}
    </div>
  );
}
