import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import type { ChangedAccountLine } from '@/lib/payouts/changed-accounts';
import { kindLabels, programLabels } from '@/lib/payouts/labels';

const accountText = (a: { bankName: string | null; masked: string; holder: string | null }) => (a.masked ? `${a.bankName ?? ''} ${a.masked}（${a.holder ?? ''}）` : '未登记');

/**
 * 账户变更明细: the run's lines paid to an account other than the one the household was last paid
 * to. Shown on every run, so that an empty list says "checked: none" rather than nothing.
 */
export function ChangedAccountsSection({ rows, more }: { rows: ChangedAccountLine[]; more: boolean }) {
  return (
    <section aria-labelledby="h-changed-accounts">
      <h2 id="h-changed-accounts" className="text-lg font-semibold">账户变更明细（与该户上次成功发放时的账户不同）</h2>
      <p className="text-sm text-slate-600">
        发往银行前请留意：这些明细的收款账户与该户上一次成功发放时不同。变更未经第二人复核的明细受阻，不发往银行。
      </p>
      <DataTable
        className="mt-2"
        aria-labelledby="h-changed-accounts"
        rows={rows}
        rowKey={(l) => l.id}
        whenEmpty="message"
        empty="本批次没有账户变更的明细。"
        columns={[
          { key: 'id', header: '序号', className: 'font-mono', cell: (l) => l.id },
          { key: 'village', header: '村（社区）', cell: (l) => l.villageName ?? '—' },
          { key: 'head', header: '户主', cell: (l) => l.headName ?? '—' },
          { key: 'program', header: '项目', cell: (l) => <>{programLabels[l.program] ?? l.program}{l.kind !== 'enrollment' && `（${kindLabels[l.kind] ?? l.kind}）`}</> },
          { key: 'amount', header: '金额', numeric: true, cell: (l) => formatFen(l.amountFen) },
          { key: 'before', header: '上次成功发放的账户', cell: (l) => `${l.lastPaid.month}：${accountText(l.lastPaid)}` },
          { key: 'after', header: '本次账户', cell: (l) => accountText(l.account) },
          { key: 'status', header: '状态', cell: (l) => (l.blocked ? <span className="text-red-700">受阻：{l.blockReason}</span> : '随批次发放') },
        ]}
      />
      {more && <p className="mt-1 text-sm text-slate-600">仅列出前 {rows.length} 条。</p>}
    </section>
  );
}
