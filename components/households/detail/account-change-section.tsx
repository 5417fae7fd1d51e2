import { ConfirmAccountChangeForm } from '@/components/households/confirm-account-change-form';
import { bankAccountKinds } from '@/lib/households/bank-account';
import { formatDateTime } from '@/lib/core/format';
import type { HouseholdDetail } from '@/lib/households/detail';

type Account = NonNullable<HouseholdDetail['pendingAccountChange']>['after'];

const accountText = (a: Account | null) =>
  a?.bankAccount ? `${a.bankName ?? ''} ${bankAccountKinds[a.bankAccountKind === 'passbook' ? 'passbook' : 'card']} ${a.bankAccount}（${a.bankAccountHolder ?? ''}）` : '未登记';

/**
 * 发放账户变更待复核: the account before and after (masked), who changed it and why; a second person
 * with the right to change households confirms it here. Until then the household's payout lines
 * are blocked.
 */
export function AccountChangeSection({ household, userId, canWrite }: { household: HouseholdDetail; userId: string; canWrite: boolean }) {
  const change = household.pendingAccountChange;
  if (!change) return null;
  return (
    <section aria-labelledby="h-account-change" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="h-account-change" className="text-lg font-semibold">发放账户变更待复核</h2>
      <p className="text-sm">复核前，本户的发放明细受阻（账户变更待复核），不会发往银行；复核后由下一期发放批次补发。</p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">原账户</dt>
        <dd>{accountText(change.before)}</dd>
        <dt className="text-slate-600">新账户</dt>
        <dd className="font-medium">{accountText(change.after)}</dd>
        <dt className="text-slate-600">变更</dt>
        <dd>{change.changedByName ?? '—'} {formatDateTime(change.changedAt)}（原因：{change.reason}）</dd>
      </dl>
      {canWrite &&
        (change.changedBy === userId ? (
          <p className="text-sm text-slate-700">这项变更由您录入，须由其他经办人或审核审批人复核。</p>
        ) : (
          <ConfirmAccountChangeForm householdId={household.id} changeId={change.id} />
        ))}
    </section>
  );
}
