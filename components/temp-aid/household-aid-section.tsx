import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { formatFen } from '@/lib/core/format';
import { aidKindLabels, caseStateLabels, causeLabels } from '@/lib/temp-aid/labels';
import { listHouseholdAid } from '@/lib/temp-aid/queries';

/** The household's temporary-aid history, and where a caseworker starts a new case for it. */
export async function HouseholdAidSection({ user, householdId }: { user: SessionUser; householdId: string }) {
  if (!can(user.role, 'tempaid.read')) return null;
  const cases = await listHouseholdAid(user, householdId);
  return (
    <section aria-labelledby="h-temp-aid">
      <h2 id="h-temp-aid" className="text-lg font-semibold">临时救助</h2>
      {cases.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">没有临时救助记录。</p>
      ) : (
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">日期</th>
              <th scope="col" className="p-2">类型</th>
              <th scope="col" className="p-2">事由</th>
              <th scope="col" className="p-2">已发放</th>
              <th scope="col" className="p-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <td className="p-2 tabular-nums"><Link href={`/temp-aid/${c.id}`} className="text-blue-700 underline">{c.openedOn}</Link></td>
                <td className="p-2">{aidKindLabels[c.kind]}</td>
                <td className="p-2">{causeLabels[c.cause]}{c.sameCauseFlag && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">同因再次救助</span>}</td>
                <td className="p-2 tabular-nums">
                  {formatFen(c.paidFen)}
                  {c.runNotes.map((n, i) => <span key={i} className="block text-xs text-slate-600">{n}</span>)}
                </td>
                <td className="p-2">{caseStateLabels[c.state]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(can(user.role, 'tempaid.pay') || can(user.role, 'tempaid.write')) && (
        <p className="mt-2 flex gap-4 text-sm">
          {can(user.role, 'tempaid.pay') && <Link href={`/temp-aid/new?household=${householdId}`} className="text-blue-700 underline">先行救助</Link>}
          <Link href={`/temp-aid/new?household=${householdId}&kind=small_fast`} className="text-blue-700 underline">申请小额快救</Link>
          <Link href={`/temp-aid/new?household=${householdId}&kind=expenditure`} className="text-blue-700 underline">申请支出型临时救助</Link>
        </p>
      )}
    </section>
  );
}
