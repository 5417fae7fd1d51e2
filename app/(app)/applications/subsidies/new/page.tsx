import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AcceptSubsidyForm } from '@/components/subsidies/subsidy-forms';
import { requirePermission } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { subsidyApplicant } from '@/lib/subsidies/queries';

export const metadata: Metadata = { title: '申请残疾人补贴' };

export default async function NewSubsidyApplicationPage({ searchParams }: { searchParams: Promise<{ member?: string }> }) {
  const user = await requirePermission('application.write');
  const member = await subsidyApplicant(user, (await searchParams).member ?? '').catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">申请残疾人补贴：{member.name}</h1>
      <p className="text-slate-600">
        {member.villageName} · 身份证号 <span className="font-mono">{member.idNumberMasked}</span> · 户籍登记：
        {member.disabilityKind ? `${member.disabilityKind} ${member.disabilityGrade} 级残疾` : '未登记残疾'} ·{' '}
        <Link href={`/households/${member.householdId}`} className="text-blue-700 underline">查看家庭档案</Link>
      </p>
      <ol className="flex gap-4 text-sm text-slate-600" aria-label="办理环节">
        <li className="font-semibold text-slate-900">1. 受理</li>
        <li>2. 证件核验</li>
        <li>3. 审批</li>
      </ol>
      {member.status === 'active' ? <AcceptSubsidyForm memberId={member.id} today={todayInChina()} /> : <p>该成员已不在户，不能申请。</p>}
    </div>
  );
}
