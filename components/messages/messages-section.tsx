import { DataTable } from '@/components/ui/data-table';
import type { SessionUser } from '@/lib/auth/types';
import { formatDateTime } from '@/lib/core/format';
import { listHouseholdMessages } from '@/lib/messages/queries';
import { messageKindLabels, messageStateLabels } from '@/lib/messages/texts';

/** 短信通知: what the household was told by text message (受理, 决定, 发放) and whether it went. */
export async function MessagesSection({ user, householdId, villageCode }: { user: SessionUser; householdId: string; villageCode: string }) {
  const rows = await listHouseholdMessages(user, householdId, villageCode);
  return (
    <section aria-labelledby="h-messages">
      <h2 id="h-messages" className="text-lg font-semibold">短信通知（{rows.length}）</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-messages"
        rows={rows}
        rowKey={(r) => String(r.id)}
        whenEmpty="message"
        empty="尚无短信通知。"
        columns={[
          { key: 'at', header: '时间', className: 'tabular-nums whitespace-nowrap', cell: (r) => formatDateTime(r.createdAt) },
          { key: 'kind', header: '事项', cell: (r) => messageKindLabels[r.kind] },
          { key: 'phone', header: '手机号', className: 'tabular-nums', cell: (r) => r.phone },
          { key: 'body', header: '内容', cell: (r) => r.body },
          {
            key: 'state',
            header: '状态',
            cell: (r) => (
              <span>
                {messageStateLabels[r.state]}
                {r.sentAt ? `（${formatDateTime(r.sentAt)}）` : r.attempts > 0 && r.state !== 'sent' ? `（已尝试 ${r.attempts} 次${r.lastError ? `：${r.lastError}` : ''}）` : ''}
              </span>
            ),
          },
        ]}
      />
    </section>
  );
}
