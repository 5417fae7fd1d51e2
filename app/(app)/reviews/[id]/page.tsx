import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HistorySection } from '@/components/audit/history-list';
import { RecordReviewForm } from '@/components/reviews/review-forms';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { AppError } from '@/lib/core/errors';
import { formatFen } from '@/lib/core/format';
import { monthInChina, todayInChina } from '@/lib/core/time';
import { reviewOutcomeLabels, reviewProgramLabels, reviewStateLabels } from '@/lib/reviews/labels';
import { getReview } from '@/lib/reviews/queries';

export const metadata: Metadata = { title: '复核' };

const changeStates = { proposed: '待审批', approved: '已批准', rejected: '未批准' } as const;

export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('review.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const r = await getReview(user, id).catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const e = r.enrollment;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">复核：{r.headName ?? '—'}户（{reviewProgramLabels[e.program]}{r.memberName && e.program !== 'dibao' ? ` · ${r.memberName}` : ''}）</h1>
        <Link href={`/reviews/batches/${r.batchId}`} className="text-sm text-blue-700 underline">返回 {r.month} 复核批次</Link>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-3">
        <div><dt className="text-slate-500">村（社区）</dt><dd>{r.villageName}</dd></div>
        <div><dt className="text-slate-500">复核日期</dt><dd className="tabular-nums">{r.dueOn}</dd></div>
        <div><dt className="text-slate-500">状态</dt><dd>{reviewStateLabels[r.state]}{r.outcome ? ` · ${reviewOutcomeLabels[r.outcome]}` : ''}</dd></div>
        <div><dt className="text-slate-500">月保障金额</dt><dd className="tabular-nums">{r.currentAmountFen === null ? '—' : formatFen(r.currentAmountFen)}</dd></div>
        <div><dt className="text-slate-500">调查人</dt><dd>{r.assigneeName ?? '未分派'}</dd></div>
        <div><dt className="text-slate-500">家庭档案</dt><dd><Link href={`/households/${r.householdId}`} className="text-blue-700 underline">查看家庭档案</Link></dd></div>
        {r.visitedOn && (
          <>
            <div><dt className="text-slate-500">入户复核</dt><dd>{r.visitedOn}，{(r.investigators ?? []).join('、')}</dd></div>
            <div className="md:col-span-2"><dt className="text-slate-500">复核情况</dt><dd>{r.findings}</dd></div>
          </>
        )}
        {r.change && (
          <div className="md:col-span-3">
            <dt className="text-slate-500">提出的变更</dt>
            <dd>
              {r.change.kind === 'terminate' ? '终止保障' : `重新核算为 ${formatFen(r.change.amountFen ?? 0)}/月`}，自 {r.change.effectiveMonth} 起 · {changeStates[r.change.state]}
              {r.change.state === 'proposed' && <>（<Link href="/enrollments" className="text-blue-700 underline">到在册管理审批</Link>）</>}
            </dd>
          </div>
        )}
        {r.state === 'closed' && (
          <div><dt className="text-slate-500">办结</dt><dd>{r.closedOn}{r.nextReviewOn ? `，下次复核 ${r.nextReviewOn}` : '，已终止保障'}</dd></div>
        )}
      </dl>
      {r.state === 'open' && can(user.role, 'review.work') && (
        <RecordReviewForm
          reviewId={r.id}
          version={r.version}
          today={todayInChina()}
          nextMonth={addMonthsToMonth(monthInChina(), 1)}
          cycle={e.reviewCycle ?? 'stable'}
          tekun={e.program === 'tekun'}
          investigator={r.assigneeName ?? user.name}
        />
      )}
      <HistorySection entries={r.history} />
    </div>
  );
}
