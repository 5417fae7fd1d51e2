import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
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
      <DataTable
        className="mt-2"
        aria-labelledby="h-temp-aid"
        rows={cases}
        rowKey={(c) => c.id}
        whenEmpty="message"
        empty="没有临时救助记录。"
        columns={[
          { key: 'opened', header: '日期', className: 'tabular-nums', cell: (c) => <Link href={`/temp-aid/${c.id}`} className="text-blue-700 underline">{c.openedOn}</Link> },
          { key: 'kind', header: '类型', cell: (c) => aidKindLabels[c.kind] },
          {
            key: 'cause',
            header: '事由',
            cell: (c) => <>{causeLabels[c.cause]}{c.sameCauseFlag && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">同因再次救助</span>}</>,
          },
          {
            key: 'paid',
            header: '已发放',
            numeric: true,
            cell: (c) => (
              <>
                {formatFen(c.paidFen)}
                {c.runNotes.map((n, i) => <span key={i} className="block text-xs text-slate-600">{n}</span>)}
              </>
            ),
          },
          { key: 'state', header: '状态', cell: (c) => caseStateLabels[c.state] },
        ]}
      />
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
