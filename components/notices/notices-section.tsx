import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import type { SessionUser } from '@/lib/auth/types';
import { listHouseholdNotices } from '@/lib/notices/queries';

/** 文书: every notice issued to the household (受理, 补正, 决定, 停发 / 减发), each printable as issued. */
export async function NoticesSection({ user, householdId, villageCode }: { user: SessionUser; householdId: string; villageCode: string }) {
  const rows = await listHouseholdNotices(user, householdId, villageCode);
  return (
    <section aria-labelledby="h-notices">
      <h2 id="h-notices" className="text-lg font-semibold">文书（{rows.length}）</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-notices"
        rows={rows}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="尚未制发文书。"
        columns={[
          { key: 'number', header: '文号', cell: (r) => <Link href={`/notices/${r.id}`} className="text-blue-700 underline">{r.number}</Link> },
          { key: 'title', header: '文书', cell: (r) => r.title },
          { key: 'date', header: '日期', className: 'tabular-nums', cell: (r) => r.issuedOn },
        ]}
      />
    </section>
  );
}
