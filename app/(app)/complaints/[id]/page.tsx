import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { HistorySection } from '@/components/audit/history-list';
import { DocumentsSection } from '@/components/documents/documents-section';
import { AssignForm, NoteForm, OutcomeForm, ReplyForm } from '@/components/complaints/step-forms';
import { can } from '@/lib/auth/permissions';
import { seesComplaintPapers } from '@/lib/documents/owner';
import { requirePermission } from '@/lib/auth/session';
import { categoryLabels, channelLabels, outcomeLabels, replyMethodLabels, stateLabels } from '@/lib/complaints/labels';
import { getComplaint, handlerCandidates } from '@/lib/complaints/queries';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';

export const metadata: Metadata = { title: '投诉举报' };

async function load(...args: Parameters<typeof getComplaint>) {
  try {
    return await getComplaint(...args);
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  }
}

export default async function ComplaintPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('complaint.read');
  const { id } = await params;
  const today = todayInChina();
  const c = await load(user, id, today);
  const isHandler = c.handlerId === user.id && c.state === 'assigned';
  const candidates = c.state !== 'answered' && can(user.role, 'complaint.assign') ? await handlerCandidates(user, c) : [];
  const row = (label: string, value: React.ReactNode) => (
    <div className="flex gap-2"><dt className="w-28 shrink-0 text-slate-600">{label}</dt><dd>{value}</dd></div>
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">投诉举报：{categoryLabels[c.category]}</h1>
      <p>
        状态：{stateLabels[c.state]}
        {c.escalated && <strong className="ml-2 text-red-700">已逾期 / 已升级至市级</strong>}
      </p>
      <dl className="grid gap-1 text-sm">
        {row('来源渠道', channelLabels[c.channel])}
        {row('所涉地区', `${c.countyName}${c.townshipName ? ` ${c.townshipName}` : ''}`)}
        {row('收到日期', c.receivedOn)}
        {row('办结期限', c.deadlineOn)}
        {row('投诉人', c.anonymous ? '匿名' : (c.complainantName ?? '未留姓名'))}
        {row('联系电话', c.anonymous ? '—' : (c.complainantPhone ?? '未留电话'))}
        {row('投诉内容', <span className="whitespace-pre-wrap">{c.content}</span>)}
        {c.subjectName && row('被投诉工作人员', c.subjectName)}
        {c.householdId && row('关联家庭', <Link className="text-blue-700 underline" href={`/households/${c.householdId}`}>{c.householdHeadName ? `${c.householdHeadName}户` : '查看家庭'}</Link>)}
        {c.applicationId && row('关联申请', <Link className="text-blue-700 underline" href={`/applications/${c.applicationId}`}>查看申请</Link>)}
        {c.enrollmentId && row('关联在册', <Link className="text-blue-700 underline" href={`/enrollments/${c.enrollmentId}`}>查看在册记录</Link>)}
        {row('登记人', c.creatorName)}
        {row('承办人', c.handlerName ?? '未交办')}
        {c.outcome && row('办理结果', `${outcomeLabels[c.outcome]}：${c.outcomeText ?? ''}`)}
        {c.replyOn && row('答复', `${c.replyOn} ${c.replyMethod ? replyMethodLabels[c.replyMethod] : ''}：${c.replyText ?? ''}`)}
      </dl>

      <section aria-labelledby="h-notes" className="space-y-2">
        <h2 id="h-notes" className="text-lg font-semibold">调查核实记录</h2>
        {c.notes.length === 0 ? <p className="text-sm text-slate-600">暂无调查记录。</p> : (
          <ul className="space-y-1 text-sm">
            {c.notes.map((n) => <li key={n.id}>{n.notedOn} {n.byName}：{n.text}</li>)}
          </ul>
        )}
      </section>

      {seesComplaintPapers(user, c) ? (
        <DocumentsSection user={user} owner={{ ownerType: 'complaint', ownerId: c.id }} />
      ) : (
        <section aria-labelledby="h-papers" className="space-y-2">
          <h2 id="h-papers" className="text-lg font-semibold">材料</h2>
          <p className="text-sm text-slate-600">投诉举报的材料载有投诉人身份，仅承办人和审计人员可以查看（交办前为登记人）。</p>
        </section>
      )}

      {candidates.length > 0 && <AssignForm c={c} candidates={candidates} />}
      {isHandler && (
        <>
          <NoteForm c={c} today={today} />
          <OutcomeForm c={c} />
          {c.outcome && <ReplyForm c={c} today={today} />}
        </>
      )}
      <HistorySection entries={c.history} />
    </div>
  );
}
