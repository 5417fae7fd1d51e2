import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssignReviewsForm } from '@/components/reviews/review-forms';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { reviewOutcomeLabels, reviewProgramLabels, reviewStateLabels } from '@/lib/reviews/labels';
import { getBatch } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: '复核批次' };

export default async function BatchPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('review.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const batch = await getBatch(user, id).catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const open = batch.reviews.filter((r) => r.state === 'open');
  const closed = batch.reviews.filter((r) => r.state === 'closed').length;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{batch.townshipName} {batch.month} 复核批次</h1>
        <Link href={`/reviews?month=${batch.month}`} className="text-sm text-blue-700 underline">返回定期复核</Link>
      </div>
      <p className="text-sm">共 {batch.reviews.length} 户，已办结 {closed} 户，待复核 {open.length} 户{closed === batch.reviews.length && batch.reviews.length > 0 ? '：本批次已全部办结。' : '。'}</p>
      {batch.assignable.length > 0 && open.length > 0 && (
        <AssignReviewsForm batchId={batch.id} assignable={batch.assignable} reviews={open.map((r) => ({ id: r.id, label: `${r.headName ?? '—'}（${r.villageName}）` }))} />
      )}
      <DataTable
        aria-label="本批次复核"
        rows={batch.reviews}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="本批次没有到期的复核。"
        columns={[
          { key: 'head', header: '户主', cell: (r) => <Link href={`/reviews/${r.id}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> },
          { key: 'program', header: '项目', cell: (r) => reviewProgramLabels[r.program] },
          { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
          { key: 'due', header: '复核日期', className: (r) => (r.overdue ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'), cell: (r) => <>{r.dueOn}{r.overdue ? '（已逾期）' : ''}</> },
          { key: 'assignee', header: '调查人', cell: (r) => r.assigneeName ?? '未分派' },
          { key: 'state', header: '状态', cell: (r) => reviewStateLabels[r.state] },
          { key: 'outcome', header: '结论', cell: (r) => (r.outcome ? reviewOutcomeLabels[r.outcome] : '') },
        ]}
      />
    </div>
  );
}
