import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HistorySection } from '@/components/audit/history-list';
import { ChangedAccountsSection } from '@/components/payouts/changed-accounts-section';
import { ConfirmAccountForm } from '@/components/payouts/confirm-account-form';
import { ResolveFlagForm } from '@/components/payouts/resolve-flag-form';
import { ReturnFileForm } from '@/components/payouts/return-file-form';
import { ApproveForm, RegenerateForm } from '@/components/payouts/run-actions';
import { RunSummaryTables } from '@/components/payouts/run-summary';
import { DataTable } from '@/components/ui/data-table';
import { buttonClass } from '@/components/ui/field';
import { userCovers } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { flagKindLabels, flagStateLabels, kindLabels, lineStatusLabels, programLabels, runStateLabels } from '@/lib/payouts/labels';
import { listSubsidiesAwaitingConfirmation } from '@/lib/enrollments/queries';
import { changedAccountLines } from '@/lib/payouts/changed-accounts';
import { listRunFlags, type FlagRow } from '@/lib/payouts/flag-queries';
import { getRun, listLines, type LineRow } from '@/lib/payouts/queries';
import { reconcileRefusal } from '@/lib/payouts/rules';

export const metadata: Metadata = { title: '发放批次' };

const views = { all: '全部明细', blocked: '受阻明细', failed: '银行退回' } as const;

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ view?: string; after?: string }> }) {
  const user = await requirePermission('payout.read');
  const run = await getRun(user, (await params).id);
  if (!run) notFound();
  const sp = await searchParams;
  const view = sp.view === 'blocked' || sp.view === 'failed' ? sp.view : 'all';
  const after = /^\d{1,15}$/.test(sp.after ?? '') ? Number(sp.after) : undefined;
  const [page, changed, flags] = await Promise.all([
    listLines(user, run.id, { after, blocked: view === 'blocked', failed: view === 'failed' }),
    changedAccountLines(user, run.id),
    listRunFlags(user, run.id),
  ]);
  // Subsidies proposed but not confirmed pay nothing: said here, so that nobody takes the run for all that is owed.
  const awaiting = can(user.role, 'enrollment.read') ? await listSubsidiesAwaitingConfirmation(user, { countyCode: run.countyCode, month: run.month }) : [];
  const county = userCovers(user, run.countyCode);
  const summary = run.summary;
  const label = `${run.countyName} ${run.month}`;
  const reconcileBlock = reconcileRefusal(run, user.id);

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm"><Link href="/payouts" className="text-blue-700 underline">资金发放</Link></p>
        <h1 className="text-2xl font-semibold">{label} 发放批次</h1>
        <p className="mt-1 text-slate-700">
          状态：<strong>{runStateLabels[run.state]}</strong>
          {run.generatedAt && ` · 生成：${run.preparedByName ?? ''} ${formatDateTime(run.generatedAt)}`}
          {run.approvedAt && ` · 审批：${run.approvedByName ?? ''} ${formatDateTime(run.approvedAt)}`}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-2 text-sm md:grid-cols-5">
          <div><dt className="text-slate-500">明细</dt><dd className="text-lg tabular-nums">{run.lineCount.toLocaleString('zh-CN')} 条</dd></div>
          <div><dt className="text-slate-500">户数</dt><dd className="text-lg tabular-nums">{(summary?.households ?? 0).toLocaleString('zh-CN')} 户</dd></div>
          <div><dt className="text-slate-500">合计</dt><dd className="text-lg tabular-nums">{formatFen(run.totalFen)}</dd></div>
          <div><dt className="text-slate-500">银行代发</dt><dd className="text-lg tabular-nums">{(summary?.payableLines ?? 0).toLocaleString('zh-CN')} 笔 {formatFen(summary?.payableFen ?? 0)}</dd></div>
          <div><dt className="text-slate-500">受阻（无有效账户）</dt><dd className={`text-lg tabular-nums ${run.blockedCount ? 'text-red-700' : ''}`}>{run.blockedCount.toLocaleString('zh-CN')} 条</dd></div>
        </dl>
      </header>

      {run.job?.status === 'interrupted' && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          上次生成在第 {run.job.step}/{run.job.steps} 步（{run.job.label}）中断（最后进展 {formatDateTime(run.job.updatedAt)}）。中断的生成不留下任何改动：
          下面的明细和合计仍是中断前的样子。{run.state === 'draft' && can(user.role, 'payout.prepare') ? '请点“重新生成”再生成一次。' : ''}
        </p>
      )}
      <section aria-label="操作" className="flex flex-wrap items-start gap-4 rounded border border-slate-200 bg-white p-4">
        {run.state === 'draft' && can(user.role, 'payout.prepare') && <RegenerateForm runId={run.id} county={run.countyCode} month={run.month} />}
        {run.state === 'draft' && can(user.role, 'payout.approve') && county &&
          (run.approvalBlock ? (
            <p className="max-w-md text-sm text-slate-700">审批：{run.approvalBlock}。</p>
          ) : (
            <ApproveForm runId={run.id} version={run.version} label={label} lineCount={run.lineCount} totalFen={run.totalFen} blockedCount={run.blockedCount} openFlags={flags.openInRun} />
          ))}
        {run.state !== 'draft' && can(user.role, 'payout.bank_file') && county && (
          <form method="post" action={`/api/payouts/${run.id}/bank-file`} className="flex gap-2">
            <button type="submit" name="format" value="csv" className={buttonClass}>下载银行文件（CSV）</button>
            <button type="submit" name="format" value="xlsx" className={buttonClass}>下载银行文件（XLSX）</button>
          </form>
        )}
        <form method="post" action={`/api/payouts/${run.id}/roster`}>
          <button type="submit" className="rounded border border-blue-700 px-4 py-2 text-blue-700">下载花名册</button>
        </form>
        {run.state === 'draft' && <p className="text-sm text-slate-600">草稿可反复重新生成；由未参与生成的审核审批人审批后不再变更，之后由资金发放员导出银行文件。</p>}
      </section>

      {(run.state === 'exported' || run.state === 'reconciled') && can(user.role, 'payout.reconcile') && county && (
        <section aria-labelledby="h-return" className="space-y-2">
          <h2 id="h-return" className="text-lg font-semibold">银行回盘</h2>
          {run.returns.length > 0 && (
            <ul className="text-sm">
              {run.returns.map((r) => (
                <li key={r.id}>
                  {formatDateTime(r.importedAt)} {r.importedBy} 导入 {r.fileName}：成功 {r.paidCount} 笔 {formatFen(r.paidFen)}，失败 {r.failedCount} 笔 {formatFen(r.failedFen)}
                </li>
              ))}
            </ul>
          )}
          {reconcileBlock ? (
            <p className="max-w-md text-sm text-slate-700">导入银行回盘：{reconcileBlock}。</p>
          ) : (
            // Stays mounted once the run is reconciled, so the import's confirmation survives the refresh.
            <ReturnFileForm runId={run.id} open={run.state === 'exported'} />
          )}
        </section>
      )}

      {awaiting.length > 0 && (
        <section aria-labelledby="h-awaiting" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 id="h-awaiting" className="font-semibold">未列入本批次：待确认的残疾人补贴 {awaiting.length} 人，每月合计 {formatFen(awaiting.reduce((s, a) => s + a.amountFen, 0))}</h2>
          <ul className="mt-1 list-disc pl-6">
            {awaiting.slice(0, 20).map((a) => (
              <li key={a.id}>
                <Link href={`/households/${a.householdId}`} className="text-blue-700 underline">{a.headName ?? '—'}户</Link> {a.memberName} · {a.program === 'dis_care' ? '重度残疾人护理补贴' : '困难残疾人生活补贴'} {formatFen(a.amountFen)}/月，自 {a.startMonth} 起
              </li>
            ))}
          </ul>
          <p className="mt-1">由审核审批人在<Link href="/enrollments" className="text-blue-700 underline">在册管理</Link>确认后，重新生成本批次即列入。</p>
        </section>
      )}
      {summary && <RunSummaryTables summary={summary} />}

      <FlagsSection rows={flags.rows} openInRun={flags.openInRun} canResolve={run.state === 'draft' && can(user.role, 'payout.prepare')} />

      <ChangedAccountsSection rows={changed.rows} more={changed.more} />

      <section aria-labelledby="h-lines">
        <h2 id="h-lines" className="text-lg font-semibold">发放明细</h2>
        <nav aria-label="明细筛选" className="mt-1 flex gap-4 text-sm">
          {Object.entries(views).map(([k, v]) => (
            <Link key={k} href={`/payouts/${run.id}${k === 'all' ? '' : `?view=${k}`}`} aria-current={view === k ? 'page' : undefined} className={view === k ? 'font-semibold' : 'text-blue-700 underline'}>
              {v}
            </Link>
          ))}
        </nav>
        <LinesTable rows={page.rows} canConfirm={can(user.role, 'payout.prepare') && view === 'failed'} linkHouseholds={can(user.role, 'household.read')} />
        <p className="mt-2 text-sm">
          {after && <Link href={`/payouts/${run.id}${view === 'all' ? '' : `?view=${view}`}`} className="mr-4 text-blue-700 underline">第一页</Link>}
          {page.nextAfter && (
            <Link href={`/payouts/${run.id}?${view === 'all' ? '' : `view=${view}&`}after=${page.nextAfter}`} className="text-blue-700 underline">下一页</Link>
          )}
        </p>
      </section>

      <HistorySection entries={run.history} />
    </div>
  );
}

function LinesTable({ rows, canConfirm, linkHouseholds }: { rows: LineRow[]; canConfirm: boolean; linkHouseholds: boolean }) {
  return (
    <DataTable
      className="mt-2"
      aria-labelledby="h-lines"
      rows={rows}
      rowKey={(l) => l.id}
      whenEmpty="message"
      empty="没有明细。"
      columns={[
        { key: 'id', header: '序号', className: 'font-mono', cell: (l) => l.id },
        { key: 'village', header: '村（社区）', cell: (l) => l.villageName },
        {
          key: 'head',
          header: '户主',
          // Finance reads runs, not the registry: no link to a page it may not open.
          cell: (l) => (linkHouseholds ? <Link href={`/households/${l.householdId}`} className="text-blue-700 underline">{l.headName ?? '—'}</Link> : (l.headName ?? '—')),
        },
        {
          key: 'program',
          header: '项目',
          cell: (l) => <>{programLabels[l.program] ?? l.program}{l.kind !== 'enrollment' && `（${kindLabels[l.kind]}）`}{l.working?.gradualExit === true && '（渐退期）'}</>,
        },
        { key: 'persons', header: '人数', numeric: true, cell: (l) => l.persons },
        { key: 'amount', header: '金额', numeric: true, cell: (l) => formatFen(l.amountFen) },
        { key: 'account', header: '账户', cell: (l) => (l.bankName ? `${l.bankName} ${l.accountMasked}` : '—') },
        {
          key: 'status',
          header: '状态',
          cell: (l) => (
            <>
              {l.blocked ? <span className="text-red-700">受阻：{l.blockReason}</span> : l.kind === 'recovery' ? '随所扣明细' : lineStatusLabels[l.status]}
              {l.failureReason && `（${l.failureReason}）`}
              {canConfirm && l.status === 'failed' && !l.confirmed && <ConfirmAccountForm lineId={l.id} />}
              {l.confirmed && ' · 账户已核实'}
            </>
          ),
        },
      ]}
    />
  );
}

/** 数据核查: why a line is held, and (on a draft) the caseworker's 核实无误 / 暂缓发放. */
function FlagsSection({ rows, openInRun, canResolve }: { rows: FlagRow[]; openInRun: number; canResolve: boolean }) {
  return (
    <section aria-labelledby="h-flags">
      <h2 id="h-flags" className="text-lg font-semibold">数据核查（未解决 {openInRun} 条）</h2>
      <p className="text-sm text-slate-600">有未解决核查的明细暂不发放；核实无误后恢复发放，暂缓发放的由以后的批次重新发放。</p>
      <DataTable
        className="mt-2"
        aria-labelledby="h-flags"
        rows={rows}
        rowKey={(f) => f.id}
        whenEmpty="message"
        empty="未发现需要核查的明细。"
        columns={[
          { key: 'line', header: '序号', className: 'font-mono', cell: (f) => f.lineId },
          { key: 'head', header: '户主', cell: (f) => f.headName ?? '—' },
          { key: 'kind', header: '核查事项', cell: (f) => flagKindLabels[f.kind] ?? f.kind },
          { key: 'detail', header: '情况', cell: (f) => f.detail },
          {
            key: 'state',
            header: '处理',
            cell: (f) =>
              f.state === 'open' ? (
                canResolve ? <ResolveFlagForm flagId={f.id} /> : <span className="text-red-700">{flagStateLabels.open}</span>
              ) : (
                <>{flagStateLabels[f.state] ?? f.state}：{f.note}（{f.resolvedByName ?? ''} {f.resolvedAt ? formatDateTime(f.resolvedAt) : ''}）</>
              ),
          },
        ]}
      />
    </section>
  );
}

