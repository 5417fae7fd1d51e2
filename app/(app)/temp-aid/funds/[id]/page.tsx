import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { getFund } from '@/lib/temp-aid/fund-queries';
import { ledgerKindLabels } from '@/lib/temp-aid/labels';

export const metadata: Metadata = { title: '备用金台账' };

const outgoing = new Set(['draw', 'return']);

export default async function FundLedgerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('tempaid.read');
  const fund = await getFund(user, (await params).id);
  if (!fund) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{fund.townshipName}临时救助备用金</h1>
      <p>当前余额 <strong className="tabular-nums">{formatFen(fund.balanceFen)}</strong> · <Link href="/temp-aid/funds" className="text-blue-700 underline">全部备用金</Link></p>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">台账（最新在前）</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">时间</th>
            <th scope="col" className="p-2">类型</th>
            <th scope="col" className="p-2">收入</th>
            <th scope="col" className="p-2">支出</th>
            <th scope="col" className="p-2">余额</th>
            <th scope="col" className="p-2">经办</th>
            <th scope="col" className="p-2">说明</th>
          </tr>
        </thead>
        <tbody>
          {fund.ledger.map((l) => (
            <tr key={l.id} className="border-b border-slate-100">
              <td className="p-2 tabular-nums">{formatDateTime(l.at)}</td>
              <td className="p-2">{ledgerKindLabels[l.kind]}</td>
              <td className="p-2 tabular-nums">{outgoing.has(l.kind) ? '' : formatFen(l.amountFen)}</td>
              <td className="p-2 tabular-nums">{outgoing.has(l.kind) ? formatFen(l.amountFen) : ''}</td>
              <td className="p-2 tabular-nums">{formatFen(l.balanceAfterFen)}</td>
              <td className="p-2">{l.actorName ?? '系统'}</td>
              <td className="p-2">
                {l.caseId ? <Link href={`/temp-aid/${l.caseId}`} className="text-blue-700 underline">{l.note ?? '案件'}</Link> : l.note}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
