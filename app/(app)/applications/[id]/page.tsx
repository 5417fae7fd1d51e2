import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AssessmentView } from '@/components/applications/assessment-view';
import { decisionCheck, startMonthAfterDecision } from '@/lib/applications/flow';
import { StepsTable, type CaseStep } from '@/components/late-entries/steps-table';
import { NotAcceptForm, AcceptForm, CountyVisitForm, DecideForm, InvestigateForm, ObjectionForm, PublicNoticeForm, TownshipOpinionForm } from '@/components/applications/step-forms';
import { LateEntryList } from '@/components/late-entries/late-entry-list';
import { HistorySection } from '@/components/audit/history-list';
import { DocumentsSection } from '@/components/documents/documents-section';
import type { LateEntryStep } from '@/lib/late-entries/labels';
import type { Assessment } from '@/lib/applications/assess';
import { todayInChina } from '@/lib/core/time';
import { kindLabels, stateLabels } from '@/lib/applications/load';
import { getApplication } from '@/lib/applications/queries';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';
import { VerificationSection } from '@/components/verification/verification-section';
import { verificationOf } from '@/lib/verification/queries';

export const metadata: Metadata = { title: '申请详情' };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('application.read');
  const app = await getApplication(user, (await params).id);
  if (!app) notFound();
  const today = todayInChina();
  const write = can(user.role, 'application.write');
  const decide = can(user.role, 'application.decide');
  const noticeOver = app.state === 'in_public_notice' && !!app.noticeEnd && today > app.noticeEnd;
  // Maker–checker: the form is not offered to someone the decision would refuse.
  const decision = decisionCheck(app, user.id);
  const head = app.members.find((m) => m.isHead);
  const applicant = app.members.find((m) => m.id === app.memberId);
  const name = (id: string | null) => (id ? (app.staffNames[id] ?? '—') : '—');
  // The step each row shows, and its late entry (补录) when the date it shows was entered late.
  const late = (step: LateEntryStep, date: string | null) => app.lateEntries.filter((e) => e.step === step && e.statedOn === date);
  const steps: CaseStep[] = [
    ['登记申请', app.registeredOn, name(app.createdBy), []],
    ['受理', app.acceptedOn, name(app.acceptedBy), late('accept', app.acceptedOn)],
    ['入户调查', app.investigatedOn, app.investigators?.join('、') ?? null, late('investigate', app.investigatedOn)],
    ['乡镇审核', app.townshipReviewedOn, name(app.townshipReviewedBy), late('township_opinion', app.townshipReviewedOn)],
    ['公示', app.noticeStart ? `${app.noticeStart} 至 ${app.noticeEnd}` : null, null, late('public_notice', app.noticeStart)],
    ['县级入户核查', app.countyVisitOn, name(app.countyVisitBy), late('county_visit', app.countyVisitOn)],
    ['县级审批', app.decidedOn, name(app.decidedBy), []],
  ];
  const unacknowledged = app.lateEntries.filter((e) => !e.acknowledgedAt).length;
  const verification = can(user.role, 'verification.read') ? await verificationOf(user, app.id) : null;
  const open = !['approved', 'refused', 'not_accepted', 'withdrawn'].includes(app.state);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">
          {kindLabels[app.kind]}：{applicant?.name ?? (head ? `${head.name}户` : '')}
        </h1>
        <p className="mt-1 text-slate-600">
          {app.villageName} · 当前环节：<strong>{stateLabels[app.state]}</strong>
          {app.closeRelative && <span className="ml-2 rounded bg-amber-100 px-1 text-sm text-amber-800">近亲属备案：{app.closeRelativeNote}</span>}
        </p>
        <p className="mt-1 flex gap-4 text-sm">
          <Link href={`/households/${app.householdId}`} className="text-blue-700 underline">查看家庭档案</Link>
          <Link href={`/applications/${app.id}/print`} className="text-blue-700 underline">打印审批表</Link>
          {can(user.role, 'complaint.intake') && <Link href={`/complaints/new?applicationId=${app.id}`} className="text-blue-700 underline">登记投诉举报</Link>}
        </p>
      </header>

      <StepsTable steps={steps} />
      <section aria-label="办理情况">
        {app.missingDocuments && app.missingDocuments.length > 0 && <p className="mt-2 text-sm">需补齐材料：{app.missingDocuments.join('；')}</p>}
        {app.findings && <p className="mt-2 text-sm">调查情况：{app.findings}</p>}
        {app.townshipOpinion && <p className="mt-1 text-sm">乡镇意见：{app.townshipOpinion}</p>}
        {app.objections.map((o) => <p key={o.id} className="mt-1 text-sm text-amber-800">异议（{o.raisedOn}）：{o.content}</p>)}
        {app.state === 'approved' && (
          <p className="mt-2 rounded bg-green-50 p-2 text-green-800">
            已批准：每月 {formatFen(app.approvedAmountFen ?? 0)}，自 {app.startMonth} 起发放。
          </p>
        )}
        {app.state === 'refused' && <p className="mt-2 rounded bg-red-50 p-2 text-red-800">不予批准：{app.decisionReason}</p>}
        {app.state === 'not_accepted' && <p className="mt-2 rounded bg-red-50 p-2 text-red-800">不予受理：{app.decisionReason}</p>}
      </section>

      <LateEntryList entries={app.lateEntries} />

      {app.computed ? <AssessmentView assessment={app.computed as Assessment} title={app.state === 'approved' ? '核定金额' : '测算金额'} /> : null}

      {verification && <VerificationSection applicationId={app.id} data={verification} write={can(user.role, 'verification.write')} open={open} />}

      <div className="space-y-4">
        {write && app.state === 'draft' && <AcceptForm id={app.id} version={app.version} today={today} />}
        {write && app.state === 'draft' && <NotAcceptForm id={app.id} version={app.version} today={today} />}
        {write && app.state === 'accepted' && <InvestigateForm id={app.id} version={app.version} today={today} />}
        {write && app.state === 'investigated' && <TownshipOpinionForm id={app.id} version={app.version} today={today} />}
        {write && app.state === 'township_reviewed' && <PublicNoticeForm id={app.id} version={app.version} today={today} />}
        {write && app.state === 'in_public_notice' && <ObjectionForm id={app.id} version={app.version} today={today} />}
        {decide && app.closeRelative && !app.countyVisitOn && ['investigated', 'township_reviewed', 'in_public_notice'].includes(app.state) && (
          <CountyVisitForm id={app.id} version={app.version} today={today} />
        )}
        {decide && app.state === 'in_public_notice' && !noticeOver && <p className="text-sm text-slate-600">公示期至 {app.noticeEnd}，期满后方可审批。</p>}
        {decide && app.state === 'in_public_notice' && noticeOver && (decision.ok ? (
          <DecideForm
            id={app.id}
            version={app.version}
            who={`${applicant?.name ?? (head ? `${head.name}户` : '')} ${kindLabels[app.kind]}`}
            monthlyFen={(app.computed as Assessment | null)?.totalFen ?? null}
            startMonth={startMonthAfterDecision(today)}
            lateEntries={unacknowledged}
          />
        ) : <p className="text-sm text-slate-600">县级审批：{decision.message}。</p>)}
      </div>
      <DocumentsSection user={user} owner={{ ownerType: 'application', ownerId: app.id }} />
      <HistorySection entries={app.history} />
    </div>
  );
}
