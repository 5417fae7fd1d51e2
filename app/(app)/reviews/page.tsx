import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateBatchForm } from '@/components/reviews/review-forms';
import { DataTable } from '@/components/ui/data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { monthInChina } from '@/lib/core/time';
import { reviewProgramLabels } from '@/lib/reviews/labels';
import { listBatches, listMyReviews, overdueReviews, townshipsInScope } from '@/lib/reviews/queries';
import { subsidyProgramLabels } from '@/lib/subsidies/labels';
import { subsidiesNeedingAttention } from '@/lib/subsidies/queries';

export const metadata: Metadata = { title: '定期复核' };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<{ month?: string }> }) {
  const user = await requirePermission('review.read');
  const current = monthInChina();
  const latest = addMonthsToMonth(current, 1);
  const asked = (await searchParams).month ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(asked) && asked <= latest ? asked : current;
  const work = can(user.role, 'review.work');
  const [batches, overdue, mine, townships, subsidies] = await Promise.all([
    listBatches(user, month),
    overdueReviews(user),
    listMyReviews(user),
    work ? townshipsInScope(user) : Promise.resolve([]),
    subsidiesNeedingAttention(user),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">定期复核</h1>
      {work && townships.length > 0 && <CreateBatchForm townships={townships} month={month} latestMonth={latest} />}

      <section aria-labelledby="h-batches">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="h-batches" className="text-lg font-semibold">{month} 复核批次（{batches.length}）</h2>
          <form method="get" className="flex items-end gap-2 text-sm">
            <label htmlFor="month-filter">查看月份</label>
            <input id="month-filter" name="month" type="month" max={latest} defaultValue={month} className="rounded border border-slate-300 px-2 py-1" />
            <button type="submit" className="rounded border border-slate-400 px-3 py-1">查看</button>
          </form>
        </div>
        <DataTable
          className="mt-2"
          aria-labelledby="h-batches"
          rows={batches}
          rowKey={(b) => b.id}
          whenEmpty="message"
          empty="本月尚未生成复核批次。"
          columns={[
            { key: 'township', header: '乡镇（街道）', cell: (b) => <Link href={`/reviews/batches/${b.id}`} className="text-blue-700 underline">{b.townshipName}</Link> },
            { key: 'total', header: '应复核', numeric: true, cell: (b) => b.total },
            { key: 'assigned', header: '已分派', numeric: true, cell: (b) => b.assigned },
            { key: 'awaiting', header: '待审批', numeric: true, cell: (b) => b.awaiting },
            { key: 'closed', header: '已办结', numeric: true, cell: (b) => b.closed },
            { key: 'overdue', header: '已逾期', numeric: true, className: (b) => (b.overdue ? 'font-semibold text-red-700' : ''), cell: (b) => b.overdue },
          ]}
        />
      </section>

      {mine.length > 0 && (
        <section aria-labelledby="h-mine">
          <h2 id="h-mine" className="text-lg font-semibold">分派给我的复核（{mine.length}）</h2>
          <DataTable
            className="mt-2"
            aria-labelledby="h-mine"
            rows={mine}
            rowKey={(r) => r.id}
            columns={[
              { key: 'head', header: '户主', cell: (r) => <Link href={`/reviews/${r.id}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> },
              { key: 'program', header: '项目', cell: (r) => reviewProgramLabels[r.program] },
              { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
              { key: 'due', header: '复核日期', className: 'tabular-nums', cell: (r) => r.dueOn },
            ]}
          />
        </section>
      )}

      <section aria-labelledby="h-subsidies">
        <h2 id="h-subsidies" className="text-lg font-semibold">残疾人补贴年审和证件（{subsidies.length}）</h2>
        <p className="text-sm text-slate-600">残疾人证 30 天内年审到期或已逾期、证件已过期、成员死亡或迁出、所在家庭已不在低保在册的残疾人补贴；需终止或调整的，在家庭档案的在册记录中提请。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-subsidies"
          rows={subsidies}
          rowKey={(r) => r.id}
          whenEmpty="message"
          empty="无。"
          columns={[
            { key: 'member', header: '享受人', cell: (r) => <Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.memberName}</Link> },
            { key: 'program', header: '补贴', cell: (r) => subsidyProgramLabels[r.program as keyof typeof subsidyProgramLabels] },
            { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
            { key: 'review', header: '年审日期', className: 'tabular-nums', cell: (r) => r.nextReviewOn ?? '—' },
            { key: 'validUntil', header: '证件有效期至', className: (r) => (r.expired ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'), cell: (r) => r.validUntil ?? '—' },
            { key: 'reasons', header: '需处理', cell: (r) => r.reasons.join('；') },
          ]}
        />
      </section>

      <section aria-labelledby="h-overdue">
        <h2 id="h-overdue" className="text-lg font-semibold">逾期未复核（{overdue.total}）</h2>
        {overdue.groups.length > 0 && (
          <DataTable
            className="mt-2"
            aria-label={overdue.level === 'county' ? '各县逾期未复核' : '各乡镇逾期未复核'}
            rows={overdue.groups}
            rowKey={(g) => g.code}
            columns={[
              { key: 'name', header: overdue.level === 'county' ? '县（市、区）' : '乡镇（街道）', cell: (g) => g.name },
              { key: 'count', header: '逾期户数', numeric: true, cell: (g) => g.count },
            ]}
          />
        )}
        <DataTable
          className="mt-2"
          aria-label="逾期未复核名单"
          rows={overdue.list}
          rowKey={(e) => e.id}
          whenEmpty="message"
          empty="没有逾期未复核的对象。"
          columns={[
            { key: 'head', header: '户主', cell: (e) => <Link href={`/households/${e.householdId}`} className="text-blue-700 underline">{e.headName ?? '—'}</Link> },
            { key: 'program', header: '项目', cell: (e) => reviewProgramLabels[e.program] },
            { key: 'village', header: '村（社区）', cell: (e) => e.villageName },
            { key: 'due', header: '应复核日期', className: 'tabular-nums font-semibold text-red-700', cell: (e) => e.nextReviewOn },
            { key: 'review', header: '复核', cell: (e) => (e.openReviewId ? <Link href={`/reviews/${e.openReviewId}`} className="text-blue-700 underline">已列入批次</Link> : '未列入批次') },
          ]}
        />
      </section>
    </div>
  );
}
