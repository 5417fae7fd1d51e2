import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { independenceRefusal } from '@/lib/temp-aid/approved-payment';
import { StepsTable, type CaseStep } from '@/components/late-entries/steps-table';
import { AccountForm, CaseNoticeForm, CompleteForm, DecideCaseForm, InvestigateCaseForm } from '@/components/temp-aid/case-forms';
import { PayForm, RecoveryForm } from '@/components/temp-aid/payment-forms';
import { LateEntryList } from '@/components/late-entries/late-entry-list';
import { HistorySection } from '@/components/audit/history-list';
import { DocumentsSection } from '@/components/documents/documents-section';
import { DataTable } from '@/components/ui/data-table';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { aidKindLabels, caseStateLabels, causeLabels, ledgerKindLabels, methodLabels, paymentStatusLabels, purposeLabels } from '@/lib/temp-aid/labels';
import { getCase } from '@/lib/temp-aid/queries';

export const metadata: Metadata = { title: '临时救助案件' };

export default async function TempAidCasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ paid?: string }> }) {
  const user = await requirePermission('tempaid.read');
  const c = await getCase(user, (await params).id);
  if (!c) notFound();
  const { paid } = await searchParams;
  const today = todayInChina();
  const name = (id: string | null) => (id ? (c.staffNames[id] ?? '—') : '—');
  const ref = { id: c.id, version: c.version };
  const payee = c.headName ?? '';
  const write = can(user.role, 'tempaid.write');
  const decide = can(user.role, 'tempaid.decide');
  // Maker–checker: completion and decision are not offered to someone who took part in the case.
  const independence = independenceRefusal(user.id, c);
  const noticeOver = c.state === 'in_public_notice' && !!c.noticeEnd && today > c.noticeEnd;
  const late = (step: string, date: string | null) => c.lateEntries.filter((e) => e.step === step && e.statedOn === date);
  const steps: CaseStep[] = [
    [c.kind === 'first_response' ? '先行救助' : '申请', c.openedOn, name(c.createdBy), []],
    ['情况说明', c.accountOn, name(c.accountBy), []],
    ['入户调查', c.investigatedOn, c.investigators?.join('、') ?? null, late('tempaid_investigate', c.investigatedOn)],
    ['公示', c.noticeStart ? `${c.noticeStart} 至 ${c.noticeEnd}` : null, null, late('tempaid_notice', c.noticeStart)],
    ['审批', c.decidedOn, name(c.decidedBy), []],
    ['办结', c.completedOn, name(c.completedBy), []],
  ];
  const unacknowledged = c.lateEntries.filter((e) => !e.acknowledgedAt).length;
  return (
    <div className="space-y-6">
      {paid && <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">已发放先行救助 {formatFen(c.paidFen)}，请在 {c.deadlineOn} 前提交情况说明并办结。</p>}
      <header>
        <h1 className="text-2xl font-semibold">{aidKindLabels[c.kind]}：{c.headName ?? ''}户</h1>
        <p className="mt-1 text-slate-600">
          {c.townshipName} {c.villageName} · {causeLabels[c.cause]} · 当前状态：<strong>{caseStateLabels[c.state]}</strong>
          {c.deadlineOn && <span className={c.overdue ? 'ml-2 font-semibold text-red-700' : 'ml-2'}>期限 {c.deadlineOn}{c.overdue ? '（已超期）' : ''}</span>}
        </p>
        <p className="mt-1 text-sm"><Link href={`/households/${c.householdId}`} className="text-blue-700 underline">查看家庭档案</Link></p>
      </header>

      <section aria-label="案件情况" className="space-y-1 text-sm">
        <p>发生了什么：{c.narrative}</p>
        <p>
          {c.kind === 'first_response' ? '先行救助' : '申请'}金额 {formatFen(c.requestedFen)}
          {c.approvedFen !== null && c.kind !== 'first_response' && `，批准 ${formatFen(c.approvedFen)}`}，已发放 <strong>{formatFen(c.paidFen)}</strong>
          {c.followUpFen ? `（含办结追加 ${formatFen(c.followUpFen)}）` : ''}
        </p>
        {c.sameCauseFlag && <p className="rounded bg-amber-50 p-2 text-amber-800">同一事由本年度再次救助，理由：{c.sameCauseNote}</p>}
        {c.oneCaseNote && <p>一事一议说明：{c.oneCaseNote}</p>}
        {c.documents && c.documents.length > 0 && <p>材料：{c.documents.join('；')}</p>}
        {c.account && <p>情况说明：{c.account}</p>}
        {c.findings && <p>调查情况：{c.findings}</p>}
        {c.decisionNote && <p>审批意见：{c.decisionNote}</p>}
        {c.completionNote && <p>办结意见：{c.completionNote}</p>}
        {c.recoveryDueFen !== null && <p className="text-red-800">应追回 {formatFen(c.recoveryDueFen)}，已追回 {formatFen(c.recoveredFen)}</p>}
      </section>

      <StepsTable steps={steps.filter(([, when]) => when)} />

      <LateEntryList entries={c.lateEntries} />

      <section aria-label="发放记录">
        <h2 className="text-lg font-semibold">发放记录</h2>
        <DataTable
          className="mt-2"
          rows={c.payments}
          rowKey={(p) => p.id}
          columns={[
            { key: 'purpose', header: '用途', cell: (p) => purposeLabels[p.purpose] },
            { key: 'amount', header: '金额', numeric: true, cell: (p) => formatFen(p.amountFen) },
            { key: 'method', header: '方式', cell: (p) => methodLabels[p.method] },
            {
              key: 'payee',
              header: '领款人 / 账户 / 收据',
              cell: (p) => <>{p.payeeName}{p.bankAccountMasked ? ` · ${p.bankName ?? ''} ${p.bankAccountMasked}` : ''}{p.receiptNo ? ` · 收据 ${p.receiptNo}` : ''}</>,
            },
            { key: 'status', header: '状态', cell: (p) => paymentStatusLabels[p.status] },
            {
              key: 'paid',
              header: '发放',
              className: 'tabular-nums',
              cell: (p) => (
                <>
                  {p.paidOn ? `${p.paidOn} ${name(p.paidBy)}${p.payoutLineId ? ' 导入银行回盘' : ''}` : `${p.approvedOn} ${name(p.approvedBy)} 批准`}
                  {p.runNote && <span className="block">{p.runNote}</span>}
                </>
              ),
            },
          ]}
        />
        {c.ledger.map((l) => (
          <p key={l.id} className="mt-1 text-xs text-slate-600">备用金台账 #{l.id}：{ledgerKindLabels[l.kind]} {formatFen(l.amountFen)}，余额 {formatFen(l.balanceAfterFen)}（{formatDateTime(l.at)} {l.actorName}）</p>
        ))}
      </section>

      <div className="space-y-4">
        {c.state === 'paid_awaiting_completion' && write && !can(user.role, 'tempaid.complete') && <AccountForm {...ref} />}
        {c.state === 'paid_awaiting_completion' && can(user.role, 'tempaid.complete') &&
          (!c.accountOn ? <p className="text-sm text-slate-600">待经办人提交情况说明和材料后办结。</p>
            : independence ? <p className="text-sm text-slate-600">办结：{independence.message}。</p>
            : <CompleteForm {...ref} payee={payee} />)}
        {c.state === 'improper_recovery' && can(user.role, 'tempaid.pay') && <RecoveryForm {...ref} />}
        {c.kind === 'expenditure' && c.state === 'applied' && write && <InvestigateCaseForm {...ref} today={today} />}
        {c.state === 'investigated' && c.noticeRequired && write && <CaseNoticeForm {...ref} today={today} />}
        {decide && ((c.kind === 'small_fast' && c.state === 'applied') || (c.state === 'investigated' && !c.noticeRequired) || noticeOver) &&
          (independence ? <p className="text-sm text-slate-600">审批：{independence.message}。</p> : <DecideCaseForm {...ref} payee={payee} requested={(c.requestedFen / 100).toFixed(2)} lateEntries={unacknowledged} />)}
        {c.state === 'in_public_notice' && !noticeOver && <p className="text-sm text-slate-600">公示期至 {c.noticeEnd}，期满后方可审批。</p>}
        {can(user.role, 'tempaid.pay') &&
          c.payments.filter((p) => p.status === 'approved').map((p) =>
            p.heldByRun ? (
              <p key={p.id} className="text-sm text-slate-600">{purposeLabels[p.purpose]} {formatFen(p.amountFen)}：{p.runNote}，不从备用金发放。</p>
            ) : (
              <PayForm
                key={p.id}
                paymentId={p.id}
                today={today}
                cash={p.method === 'cash'}
                label={`${purposeLabels[p.purpose]} ${formatFen(p.amountFen)}（${methodLabels[p.method]}）`}
                confirmMessage={`确认临时救助 ${formatFen(p.amountFen)} 从${c.townshipName}临时救助备用金支付给 ${p.payeeName}？${p.method === 'bank' ? '转入本户登记的银行账户' : '现金发放'}，支付后不能撤回。`}
              />
            ),
          )}
      </div>
      <DocumentsSection user={user} owner={{ ownerType: 'temp_aid_case', ownerId: c.id }} />
      <HistorySection entries={c.history} />
    </div>
  );
}
