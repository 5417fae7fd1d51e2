import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { firstValues } from '@/lib/audit/filter';
import { listBankChangesBeforePayout } from '@/lib/audit/views/bank-before-payout';
import { listDeceasedPaid } from '@/lib/audit/views/deceased-paid';
import { listApprovedOverFlags } from '@/lib/audit/views/approved-over-flags';
import { countIdReveals } from '@/lib/audit/views/id-reveals';
import { DEFAULT_DAYS, auditViewTitles, auditViewsFilterSchema } from '@/lib/audit/views/rules';
import { listSameHands, VIEW_ROWS } from '@/lib/audit/views/same-hands';
import { requirePermission } from '@/lib/auth/session';
import { addDays } from '@/lib/core/calendar-date';
import { formatDate, formatDateTime, formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { inputClass } from '@/components/ui/field';

export const metadata: Metadata = { title: '审计视图' };

type Search = Record<string, string | string[] | undefined>;

const kindLabels = { application: '申请', temp_aid_case: '临时救助', enrollment: '在册变更' } as const;
const programLabels: Record<string, string> = { dibao: '低保', tekun: '特困', dis_living: '残疾人生活补贴', dis_care: '重度残疾人护理补贴' };
const lineStatusLabels: Record<string, string> = { pending: '待发放', paid: '已发放', failed: '发放失败' };

const link = 'text-blue-700 underline';

/**
 * 审计视图: the records an auditor looks at twice, each a list of the user's region with links to
 * the records. 补录 (late entries) has its own report, linked here.
 */
export default async function AuditViewsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('audit.read');
  const parsed = auditViewsFilterSchema.safeParse(firstValues(await searchParams));
  const today = todayInChina();
  const filter = parsed.success ? parsed.data : { days: DEFAULT_DAYS, from: undefined, to: undefined };
  const range = { from: filter.from ?? addDays(today, -29), to: filter.to ?? today };
  const [hands, banks, deceased, overFlags, reveals] = await Promise.all([
    listSameHands(user),
    listBankChangesBeforePayout(user, filter.days),
    listDeceasedPaid(user),
    listApprovedOverFlags(user),
    countIdReveals(user, range),
  ]);
  const errors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
  const more = (n: number, shown: number) => (n > shown ? `（共 ${n} 条，显示最新 ${shown} 条）` : `（${n}）`);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">审计视图</h1>
      <p className="text-sm text-slate-600">
        需要重点核查的记录，限本人所辖区域。补录情况见 <Link href="/reports/late-entries" className={link}>补录情况报表</Link>；全部操作见 <Link href="/audit" className={link}>审计日志</Link>。
      </p>
      <form method="get" action="/audit/views" noValidate aria-label="审计视图条件" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <div>
          <label htmlFor="days" className="block text-sm font-medium">变更账户距生成批次（天内）</label>
          <input id="days" name="days" inputMode="numeric" defaultValue={String(filter.days)} aria-invalid={errors.days ? true : undefined} aria-describedby={errors.days ? 'days-error' : undefined} className={inputClass} />
          {errors.days && <p id="days-error" className="mt-1 text-sm text-red-700">{errors.days}</p>}
        </div>
        <div>
          <label htmlFor="from" className="block text-sm font-medium">查看身份证号：开始日期</label>
          <input id="from" name="from" type="date" defaultValue={range.from} aria-invalid={errors.from ? true : undefined} aria-describedby={errors.from ? 'from-error' : undefined} className={inputClass} />
          {errors.from && <p id="from-error" className="mt-1 text-sm text-red-700">{errors.from}</p>}
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-medium">结束日期</label>
          <input id="to" name="to" type="date" defaultValue={range.to} aria-invalid={errors.to ? true : undefined} aria-describedby={errors.to ? 'to-error' : undefined} className={inputClass} />
          {errors.to && <p id="to-error" className="mt-1 text-sm text-red-700">{errors.to}</p>}
        </div>
        <div className="flex items-end">
          <button type="submit" className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">查询</button>
        </div>
      </form>

      <section aria-labelledby="h-same-hands">
        <h2 id="h-same-hands" className="text-lg font-semibold">{auditViewTitles['same-hands']}{more(hands.total, Math.min(hands.total, VIEW_ROWS))}</h2>
        <p className="text-sm text-slate-600">审批（办结、审批变更）的人也经办了同一案件的前面环节。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-same-hands"
          rows={hands.rows}
          rowKey={(r) => `${r.kind}-${r.id}`}
          whenEmpty="message"
          empty="没有发现。"
          columns={[
            { key: 'kind', header: '类别', cell: (r) => kindLabels[r.kind] },
            { key: 'record', header: '记录', cell: (r) => <Link href={r.kind === 'application' ? `/applications/${r.id}` : r.kind === 'temp_aid_case' ? `/temp-aid/${r.id}` : `/households/${r.householdId}`} className={link}>{r.headName}户</Link> },
            { key: 'user', header: '经办人', cell: (r) => r.userName ?? '—' },
            { key: 'steps', header: '同一人办理的环节', cell: (r) => r.steps.join('、') },
            { key: 'on', header: '日期', className: 'tabular-nums', cell: (r) => r.on ?? '—' },
          ]}
        />
      </section>

      <section aria-labelledby="h-bank">
        <h2 id="h-bank" className="text-lg font-semibold">{auditViewTitles['bank-before-payout']}{more(banks.total, banks.rows.length)}</h2>
        <p className="text-sm text-slate-600">家庭的发放账户在批次生成前 {filter.days} 天内变更，且该批次向其发放。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-bank"
          rows={banks.rows}
          rowKey={(r) => `${r.changeId}-${r.runId}`}
          whenEmpty="message"
          empty="没有发现。"
          columns={[
            { key: 'hh', header: '家庭', cell: (r) => <Link href={`/households/${r.householdId}`} className={link}>{r.headName}户</Link> },
            { key: 'at', header: '变更时间', className: 'tabular-nums', cell: (r) => formatDateTime(r.changedAt) },
            { key: 'by', header: '变更人', cell: (r) => r.changedByName ?? '—' },
            { key: 'confirmed', header: '复核', cell: (r) => (r.confirmed ? '已复核' : '未复核') },
            { key: 'run', header: '发放批次', cell: (r) => <Link href={`/payouts/${r.runId}`} className={link}>{r.runMonth}</Link> },
            { key: 'days', header: '距生成（天）', numeric: true, cell: (r) => r.daysBefore },
          ]}
        />
      </section>

      <section aria-labelledby="h-deceased">
        <h2 id="h-deceased" className="text-lg font-semibold">{auditViewTitles['deceased-paid']}{more(deceased.total, deceased.rows.length)}</h2>
        <p className="text-sm text-slate-600">成员死亡月份之后的批次仍向其（或计入其人数的家庭）发放。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-deceased"
          rows={deceased.rows}
          rowKey={(r) => String(r.lineId)}
          whenEmpty="message"
          empty="没有发现。"
          columns={[
            { key: 'hh', header: '家庭', cell: (r) => <Link href={`/households/${r.householdId}`} className={link}>{r.headName}户</Link> },
            { key: 'member', header: '已故成员', cell: (r) => r.memberName },
            { key: 'died', header: '死亡日期', className: 'tabular-nums', cell: (r) => formatDate(r.diedOn) },
            { key: 'run', header: '发放月份', cell: (r) => <Link href={`/payouts/${r.runId}`} className={link}>{r.runMonth}</Link> },
            { key: 'program', header: '项目', cell: (r) => programLabels[r.program] ?? '—' },
            { key: 'amount', header: '金额', numeric: true, cell: (r) => formatFen(r.amountFen) },
            { key: 'status', header: '发放状态', cell: (r) => lineStatusLabels[r.status] ?? '—' },
          ]}
        />
      </section>

      <section aria-labelledby="h-over-flags">
        <h2 id="h-over-flags" className="text-lg font-semibold">{auditViewTitles['approved-over-flags']}{more(overFlags.total, overFlags.rows.length)}</h2>
        <p className="text-sm text-slate-600">审核审批人在数据核查未解决时审批了发放批次（相应明细未发放），附其书面理由。</p>
        <DataTable
          className="mt-2"
          aria-labelledby="h-over-flags"
          rows={overFlags.rows}
          rowKey={(r) => r.runId}
          whenEmpty="message"
          empty="没有发现。"
          columns={[
            { key: 'run', header: '批次', cell: (r) => <Link href={`/payouts/${r.runId}`} className={link}>{r.countyName} {r.month}</Link> },
            { key: 'by', header: '审批人', cell: (r) => r.approvedByName ?? '—' },
            { key: 'at', header: '审批时间', cell: (r) => formatDateTime(r.approvedAt) },
            { key: 'flags', header: '未解决核查', numeric: true, cell: (r) => `${r.flags} 条` },
            { key: 'reason', header: '理由', cell: (r) => r.reason ?? '—' },
          ]}
        />
      </section>

      <section aria-labelledby="h-reveals">
        <h2 id="h-reveals" className="text-lg font-semibold">{auditViewTitles['id-reveals']}（{range.from} 至 {range.to}）</h2>
        <DataTable
          className="mt-2"
          aria-labelledby="h-reveals"
          rows={reveals}
          rowKey={(r) => r.actorId ?? 'system'}
          whenEmpty="message"
          empty="这段时间没有人查看完整身份证号。"
          columns={[
            { key: 'who', header: '用户', cell: (r) => r.actorName ?? '系统' },
            { key: 'count', header: '查看次数', numeric: true, cell: (r) => r.count },
            { key: 'households', header: '涉及成员', numeric: true, cell: (r) => r.households },
            { key: 'first', header: '最早', className: 'tabular-nums', cell: (r) => formatDateTime(r.first) },
            { key: 'last', header: '最近', className: 'tabular-nums', cell: (r) => formatDateTime(r.last) },
            {
              key: 'rows',
              header: '明细',
              cell: (r) =>
                r.actorId ? (
                  <Link href={`/audit?${new URLSearchParams({ actor: r.actorId, action: 'member.reveal_id', from: range.from, to: range.to }).toString()}`} className={link} aria-label={`明细（${r.actorName ?? ''}）`}>
                    明细
                  </Link>
                ) : null,
            },
          ]}
        />
      </section>
    </div>
  );
}
