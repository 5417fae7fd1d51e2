import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignOff } from '@/components/print/sign-off';
import { DataTable } from '@/components/ui/data-table';
import type { Assessment } from '@/lib/applications/assess';
import { kindLabels } from '@/lib/applications/load';
import { lateEntryStepLabels, type LateEntryStep } from '@/lib/late-entries/labels';
import { getApplication } from '@/lib/applications/queries';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/core/format';

export const metadata: Metadata = { title: '审批表' };

/** 审批表 for the paper file: plain, black on white, A4 with page numbers (globals.css), signed in ink. */
export default async function PrintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('application.read');
  const app = await getApplication(user, (await params).id);
  if (!app) notFound();
  const computed = app.computed as Assessment | null;
  const n = (id: string | null) => (id ? (app.staffNames[id] ?? '') : '');
  // A step entered late says so next to its date; the 补录 row below gives the reasons.
  const mark = (step: LateEntryStep, date: string | null) => (app.lateEntries.some((e) => e.step === step && e.statedOn === date) ? '（补录）' : '');
  // JSX, not template strings: a value not recorded yet shows nothing, never "null".
  const rows: [string, React.ReactNode][] = [
    ['家庭住址', app.household.address],
    ['家庭成员', app.members.map((m) => `${m.name}（${m.relation}，${m.idMasked}）`).join('；')],
    ['登记、受理', <>登记 {app.registeredOn}{app.acceptedOn ? `；受理 ${app.acceptedOn}` : ''}{mark('accept', app.acceptedOn)} {n(app.acceptedBy)}</>],
    ['入户调查', <>{app.investigatedOn}{mark('investigate', app.investigatedOn)} {app.investigators?.join('、')}{app.findings ? `：${app.findings}` : ''}</>],
    ['核算', computed?.working.join('；')],
    ['乡镇意见', <>{app.townshipOpinion} {n(app.townshipReviewedBy)} {app.townshipReviewedOn}{mark('township_opinion', app.townshipReviewedOn)}</>],
    ['公示', app.noticeStart ? <>{`${app.noticeStart} 至 ${app.noticeEnd}`}{mark('public_notice', app.noticeStart)}{app.objections.length ? `；异议 ${app.objections.length} 件` : '；无异议'}</> : '尚未公示'],
    ...(app.lateEntries.length > 0
      ? ([
          [
            '补录',
            <>
              {app.lateEntries.map((e) => (
                <span key={e.id} className="block">
                  {lateEntryStepLabels[e.step]} {e.statedOn}（{e.recordedOn} 由{e.recorderName}录入，晚 {e.workingDaysLate} 个工作日）：{e.reason}
                  {e.evidenceRef ? `；公示照片或记录编号：${e.evidenceRef}` : ''}
                  {e.acknowledgedAt ? `；${e.acknowledgerName ?? ''}已核实` : '；待审批人核实'}
                </span>
              ))}
            </>,
          ],
        ] as [string, React.ReactNode][])
      : []),
    [
      '县级审批',
      <>
        {app.state === 'approved' ? `批准，月保障金 ${formatFen(app.approvedAmountFen ?? 0)}，自 ${app.startMonth} 起` : app.state === 'refused' ? `不予批准：${app.decisionReason}` : '尚未审批'}
        {app.decidedOn ? `　审批人：${n(app.decidedBy)}　${app.decidedOn}` : ''}
      </>,
    ],
  ];
  const form = kindLabels[app.kind].startsWith('特困') ? '特困人员救助供养审批表' : '最低生活保障审批表';
  return (
    <article className="print-form mx-auto max-w-3xl bg-white p-6 font-serif text-black print:max-w-none print:p-0">
      <h1 className="text-center text-xl font-bold">
        {app.countyName}
        {form}
      </h1>
      <p className="mt-2 flex justify-between gap-4 text-sm">
        <span>
          {app.townshipName} {app.villageName}
        </span>
        <span>编号：{app.id}</span>
      </p>
      <DataTable
        variant="paper"
        className="mt-2"
        hideHeader
        rows={rows}
        rowKey={([label]) => label}
        columns={[
          { key: 'item', header: '项目', rowHeader: true, align: 'center', className: 'whitespace-nowrap align-top font-bold', cell: ([label]) => label },
          { key: 'content', header: '内容', className: 'align-top', cell: ([, content]) => content },
        ]}
      />
      <SignOff roles={['经办人', '审核人', '审批人']} seal={`${app.countyName}民政局`} />
    </article>
  );
}
