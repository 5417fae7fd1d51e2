import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DecideSubsidyForm, VerifySubsidyForm } from '@/components/subsidies/subsidy-forms';
import { startMonthAfterDecision } from '@/lib/applications/flow';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { subsidyProgramLabels, subsidyStateLabels } from '@/lib/subsidies/labels';
import { getSubsidyApplication, subsidyAmountToday } from '@/lib/subsidies/queries';

export const metadata: Metadata = { title: '残疾人补贴申请' };

export default async function SubsidyApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('application.read');
  const app = await getSubsidyApplication(user, (await params).id).catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const today = todayInChina();
  // Maker–checker: the decision form is not offered to whoever accepted or verified the case.
  const mayDecide = can(user.role, 'application.decide') && app.acceptedBy !== user.id && app.verifiedBy !== user.id;
  const steps: [string, string | null, string | null, string | null][] = [
    ['受理', app.acceptedOn, app.acceptedByName, app.program === 'dis_care' ? (app.needsLongTermCare ? '需要长期照护' : '未评定需要长期照护') : null],
    ['证件核验', app.verifiedOn, app.verifiedByName, app.certificateNumber ? `证号 ${app.certificateNumber.slice(0, 6)}********${app.certificateNumber.slice(14)}，${app.certificateKind} ${app.certificateGrade} 级，有效期至 ${app.certificateValidUntil}` : null],
    ['审批', app.decidedOn, app.decidedByName, app.state === 'approved' ? `批准，每月 ${formatFen(app.amountFen!)}，自 ${app.startMonth} 起发放` : app.state === 'refused' ? `不予批准：${app.decisionReason}` : null],
  ];
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">{subsidyProgramLabels[app.program]}：{app.memberName}</h1>
        <p className="mt-1 text-slate-600">
          {app.villageName} · 身份证号 <span className="font-mono">{app.idNumberMasked}</span> · 当前环节：<strong>{subsidyStateLabels[app.state]}</strong>
        </p>
        <p className="mt-1 flex gap-4 text-sm">
          <Link href={`/households/${app.householdId}`} className="text-blue-700 underline">查看家庭档案</Link>
          <Link href="/applications/subsidies" className="text-blue-700 underline">残疾人补贴申请列表</Link>
        </p>
      </header>
      <section aria-label="办理环节">
        <h2 className="text-lg font-semibold">办理环节</h2>
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200"><th className="py-1">环节</th><th>日期</th><th>办理人</th><th>情况</th></tr>
          </thead>
          <tbody>
            {steps.map(([step, date, who, note]) => (
              <tr key={step} className="border-b border-slate-100">
                <th scope="row" className="py-1 font-normal">{step}</th>
                <td className="tabular-nums">{date ?? '—'}</td>
                <td>{who ?? '—'}</td>
                <td>{note ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {app.state === 'accepted' && can(user.role, 'application.write') && (
        <VerifySubsidyForm app={app} today={today} kind={app.disabilityKind} grade={app.disabilityGrade} />
      )}
      {app.state === 'verified' && mayDecide && (
        <DecideSubsidyForm app={app} program={app.program} memberName={app.memberName} amountFen={await subsidyAmountToday(user, app)} startMonth={startMonthAfterDecision(today)} />
      )}
      {app.state === 'verified' && can(user.role, 'application.decide') && !mayDecide && (
        <p className="text-sm text-slate-600">按照审批分离的要求，本人受理或核验的申请须由其他审核审批人审批。</p>
      )}
    </div>
  );
}
