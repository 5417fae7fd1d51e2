import type { Metadata } from 'next';
import Link from 'next/link';
import { enrollmentMessages } from '@/lib/enrollments/messages';
import { DecideChangeForm, RecomputeCountyForm } from '@/components/enrollments/change-forms';
import { DataTable } from '@/components/ui/data-table';
import { todayInChina } from '@/lib/core/time';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { listPendingChanges, listReviewsDue, listSubsidiesAwaitingConfirmation } from '@/lib/enrollments/queries';
import { ConfirmSubsidyForm } from '@/components/enrollments/confirm-subsidy-form';
import { formatFen } from '@/lib/core/format';

export const metadata: Metadata = { title: '在册管理' };

const kindLabels = { recompute: '重新核算', suspend: '暂停', terminate: '终止', resume: '恢复' } as const;
const programLabels = { dibao: '低保', tekun: '特困', dis_living: '残疾人生活补贴', dis_care: '重度残疾人护理补贴' } as const;

export default async function EnrollmentsPage() {
  const user = await requirePermission('enrollment.read');
  const [changes, reviews, subsidies] = await Promise.all([listPendingChanges(user), listReviewsDue(user), listSubsidiesAwaitingConfirmation(user)]);
  const approve = can(user.role, 'enrollment.approve');
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">在册管理</h1>
        <Link href="/enrollments/list" className="text-sm text-blue-700 underline">查看在册名单</Link>
      </div>
      {can(user.role, 'enrollment.propose') && user.regionLevel === 'county' && (
        <RecomputeCountyForm countyCode={user.regionCode} countyName={user.regionName} nextMonth={addMonthsToMonth(todayInChina().slice(0, 7), 1)} />
      )}
      <section aria-label="待审批的变更">
        <h2 className="text-lg font-semibold">待审批的变更（{changes.length}）</h2>
        {changes.length === 0 ? <p className="text-sm text-slate-600">无。</p> : (
          <ul className="mt-2 space-y-3">
            {changes.map((c) => (
              <li key={c.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <p>
                  <Link href={`/households/${c.householdId}`} className="text-blue-700 underline">{c.headName ?? '—'}户</Link> · {programLabels[c.program]} · {kindLabels[c.kind]}，自 {c.effectiveMonth} 起
                  {c.amountFen !== null && <>，新金额 <strong>{formatFen(c.amountFen)}</strong>/月</>}
                  {c.gradualExitMonths ? `，渐退 ${c.gradualExitMonths} 个月` : ''} · 提出人 {c.proposerName}
                </p>
                <p className="text-slate-600">原因：{c.reason}{c.hearingNote ? `；告知情况：${c.hearingNote}` : ''}</p>
                {approve && c.proposedBy !== user.id && <DecideChangeForm changeId={c.id} label={`${c.headName ?? ''}户 ${kindLabels[c.kind]}`} />}
                {approve && c.proposedBy === user.id && <p className="mt-1 text-slate-600">{enrollmentMessages.proposerDecides}，须由其他审核审批人审批。</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="h-subsidies">
        <h2 id="h-subsidies" className="text-lg font-semibold">待确认的残疾人补贴（{subsidies.length}）</h2>
        <p className="text-sm text-slate-600">审批低保时提出的残疾人两项补贴，确认后从起始月份起发放；未确认的不列入发放批次。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-subsidies"
          rows={subsidies}
          rowKey={(s) => s.id}
          whenEmpty="message"
          empty="无。"
          columns={[
            { key: 'head', header: '家庭', cell: (s) => <Link href={`/households/${s.householdId}`} className="text-blue-700 underline">{s.headName ?? '—'}户</Link> },
            { key: 'member', header: '对象', cell: (s) => s.memberName ?? '—' },
            { key: 'program', header: '项目', cell: (s) => programLabels[s.program] },
            { key: 'amount', header: '月金额', numeric: true, cell: (s) => formatFen(s.amountFen) },
            { key: 'start', header: '起始月份', className: 'tabular-nums', cell: (s) => s.startMonth },
            { key: 'reason', header: '依据', cell: (s) => s.statusReason ?? '' },
            approve && {
              key: 'act',
              header: '操作',
              cell: (s) => <ConfirmSubsidyForm enrollmentId={s.id} householdId={s.householdId} version={s.version} label={`${programLabels[s.program]}（${s.memberName ?? ''}）`} amountFen={s.amountFen} startMonth={s.startMonth} />,
            },
          ]}
        />
      </section>
      <section aria-label="复核">
        <h2 id="h-reviews" className="text-lg font-semibold">复核到期与逾期（{reviews.length}）</h2>
        <p className="text-sm"><Link href="/reviews" className="text-blue-700 underline">到定期复核生成批次、分派和登记复核结果</Link></p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-reviews"
          rows={reviews}
          rowKey={(r) => r.id}
          whenEmpty="message"
          empty="30 天内没有到期的复核。"
          columns={[
            { key: 'head', header: '户主', cell: (r) => <Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> },
            { key: 'program', header: '项目', cell: (r) => programLabels[r.program] },
            { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
            {
              key: 'due',
              header: '复核日期',
              className: (r) => (r.overdue ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'),
              cell: (r) => <>{r.nextReviewOn}{r.overdue ? '（已逾期）' : ''}</>,
            },
          ]}
        />
      </section>
    </div>
  );
}
