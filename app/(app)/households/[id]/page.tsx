import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AddMemberForm } from '@/components/households/add-member-form';
import { AddAssetForm, DisposeAssetForm } from '@/components/households/asset-form';
import { Disclosure } from '@/components/households/change-form';
import { EditHouseholdForm } from '@/components/households/edit-household-form';
import { AddIncomeForm, EndIncomeForm } from '@/components/households/income-form';
import { MemberRowActions } from '@/components/households/member-row-actions';
import { RevealIdButton } from '@/components/households/reveal-id-button';
import { EnrollmentsSection } from '@/components/enrollments/enrollments-section';
import { PayoutHistorySection } from '@/components/payouts/payout-history-section';
import { HouseholdAidSection } from '@/components/temp-aid/household-aid-section';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getHouseholdDetail } from '@/lib/households/detail';
import { incomeKindLabel } from '@/lib/households/income';
import { actionLabels, assetKindLabels, memberStatusLabels, workingCapacityLabels } from '@/lib/households/labels';
import { formatDateTime, formatFen } from '@/lib/core/format';

export const metadata: Metadata = { title: '家庭详情' };

const th = 'p-2 text-left font-medium';
const td = 'p-2';

export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ registered?: string }> }) {
  const user = await requirePermission('household.read');
  const household = await getHouseholdDetail(user, (await params).id);
  if (!household) notFound();
  const { registered } = await searchParams;
  const head = household.members.find((m) => m.isHead && m.status === 'active');
  const income = household.incomeSummary;
  // Auditors read everything in scope and change nothing: they get no change forms.
  const canWrite = can(user.role, 'household.write');
  const ref = { householdId: household.id, version: household.version };
  const present = household.members.filter((m) => m.status === 'active');
  const nameOf = new Map(household.members.map((m) => [m.id, m.name]));
  const runningIncome = household.income
    .filter((i) => i.toDate === null)
    .map((i) => ({
      id: i.id,
      label: `${incomeKindLabel(i.kind)} ${formatFen(i.amountFen)}/月，${i.fromDate} 起${i.memberId ? `（${nameOf.get(i.memberId) ?? ''}）` : ''}`,
    }));
  const heldAssets = household.assets
    .filter((a) => a.disposedOn === null)
    .map((a) => ({ id: a.id, label: `${assetKindLabels[a.kind]}：${a.description}` }));

  return (
    <div className="space-y-6">
      {registered && <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">家庭已登记。</p>}
      <header>
        <h1 className="text-2xl font-semibold">{head ? `${head.name}户` : '家庭详情'}</h1>
        <p className="mt-1 text-slate-600">
          {household.countyName} {household.townshipName} {household.villageName} · {household.address} · {household.kind === 'rural' ? '农村' : '城市'}
          {household.status === 'closed' ? ' · 已销户' : ''}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
          <div><dt className="inline text-slate-500">联系电话：</dt><dd className="inline">{household.phone ?? '—'}</dd></div>
          <div>
            <dt className="inline text-slate-500">建档立卡：</dt>
            <dd className="inline">
              {household.registeredPoor
                ? `是（${household.registeredPoorYear} 年，${(household.povertyCauses ?? []).join('、')}${household.leftPoverty ? `，${household.leftPovertyYear} 年脱贫` : ''}）`
                : '否'}
            </dd>
          </div>
          <div>
            <dt className="inline text-slate-500">发放账户：</dt>
            <dd className="inline">{household.bankName ? `${household.bankName} ${household.bankAccountKind === 'passbook' ? '存折' : '银行卡'} ${household.bankAccountMasked}（${household.bankAccountHolder}）` : '未登记'}</dd>
          </div>
        </dl>
        {canWrite && (
          <Disclosure label="修改家庭信息">
            <EditHouseholdForm
              household={{
                id: household.id,
                version: household.version,
                address: household.address,
                kind: household.kind,
                phone: household.phone,
                registeredPoor: household.registeredPoor,
                registeredPoorYear: household.registeredPoorYear,
                povertyCauses: household.povertyCauses,
                leftPoverty: household.leftPoverty,
                leftPovertyYear: household.leftPovertyYear,
                bankName: household.bankName,
                bankAccountKind: household.bankAccountKind,
                bankAccountMasked: household.bankAccountMasked,
                bankAccountHolder: household.bankAccountHolder,
              }}
            />
          </Disclosure>
        )}
      </header>

      <section aria-labelledby="h-members">
        <h2 id="h-members" className="text-lg font-semibold">家庭成员</h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className={th}>姓名</th>
              <th scope="col" className={th}>与户主关系</th>
              <th scope="col" className={th}>身份证号</th>
              <th scope="col" className={th}>出生日期</th>
              <th scope="col" className={th}>性别</th>
              <th scope="col" className={th}>残疾</th>
              <th scope="col" className={th}>重病</th>
              <th scope="col" className={th}>在读</th>
              <th scope="col" className={th}>劳动能力</th>
              <th scope="col" className={th}>状态</th>
              <th scope="col" className={th}><span className="sr-only">操作</span></th>
            </tr>
          </thead>
          {household.members.map((m) => (
            <MemberRowActions
              key={m.id}
              {...ref}
              canWrite={canWrite}
              colSpan={11}
              rowClassName={`border-b border-slate-100 ${m.status === 'active' ? '' : 'text-slate-500'}`}
              member={{
                id: m.id,
                name: m.name,
                idMasked: m.idMasked,
                relation: m.relation,
                isHead: m.isHead,
                status: m.status,
                disabilityKind: m.disabilityKind,
                disabilityGrade: m.disabilityGrade,
                disabilityCertificate: m.disabilityCertificate,
                seriousIllness: m.seriousIllness,
                schoolStage: m.schoolStage,
                workingCapacity: m.workingCapacity,
              }}
              others={present.filter((o) => o.id !== m.id).map((o) => ({ id: o.id, name: o.name, relation: o.relation }))}
            >
                <td className={td}>{m.name}</td>
                <td className={td}>{m.relation}</td>
                <td className={`${td} font-mono`}>{m.idMasked}<RevealIdButton memberId={m.id} name={m.name} /></td>
                <td className={`${td} tabular-nums`}>{m.birthDate}</td>
                <td className={td}>{m.sex}</td>
                <td className={td}>{m.disabilityKind ? `${m.disabilityKind} ${m.disabilityGrade} 级` : '—'}</td>
                <td className={td}>{m.seriousIllness ? '是' : '—'}</td>
                <td className={td}>{m.schoolStage ?? '—'}</td>
                <td className={td}>{m.workingCapacity ? workingCapacityLabels[m.workingCapacity] : '—'}</td>
                <td className={td}>
                  {memberStatusLabels[m.status]}
                  {m.leftOn ? `（${m.leftOn}${m.leftReason ? `，${m.leftReason}` : ''}）` : ''}
                </td>
            </MemberRowActions>
          ))}
        </table>
        {canWrite && (
          <Disclosure label="新增成员">
            <AddMemberForm {...ref} />
          </Disclosure>
        )}
      </section>

      <EnrollmentsSection user={user} householdId={household.id} />
      <PayoutHistorySection user={user} householdId={household.id} />
      <HouseholdAidSection user={user} householdId={household.id} />

      <section aria-labelledby="h-income">
        <h2 id="h-income" className="text-lg font-semibold">收入（{income.month}）</h2>
        <p className="mt-1 text-sm">
          计入的家庭月收入 <strong>{formatFen(income.countedMonthlyFen)}</strong>，在户 {income.persons} 人，人均
          <strong> {formatFen(income.perPersonFen)}</strong>
          {income.excludedMonthlyFen > 0 && `；另有 ${formatFen(income.excludedMonthlyFen)} 按政策不计入`}。
        </p>
        {income.lines.length > 0 && (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <caption className="sr-only">收入明细及计算方式</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className={th}>类别</th>
                <th scope="col" className={th}>月金额</th>
                <th scope="col" className={th}>期间</th>
                <th scope="col" className={th}>本月是否计入</th>
              </tr>
            </thead>
            <tbody>
              {income.lines.map((line, i) => {
                const item = household.income[i]!;
                return (
                  <tr key={item.id} className="border-b border-slate-100">
                    <td className={td}>{line.label}</td>
                    <td className={`${td} tabular-nums`}>{formatFen(line.amountFen)}</td>
                    <td className={`${td} tabular-nums`}>{item.fromDate} 至 {item.toDate ?? '今'}</td>
                    <td className={td}>{line.reason}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {canWrite && (
          <div>
            <Disclosure label="登记收入">
              <AddIncomeForm {...ref} members={present.map((m) => ({ id: m.id, name: m.name }))} />
            </Disclosure>
            {household.income.length > 0 && (
              <Disclosure label="终止收入">
                <EndIncomeForm {...ref} items={runningIncome} />
              </Disclosure>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="h-assets">
        <h2 id="h-assets" className="text-lg font-semibold">财产</h2>
        {household.assets.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">未登记财产。</p>
        ) : (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className={th}>类别</th>
                <th scope="col" className={th}>说明</th>
                <th scope="col" className={th}>价值</th>
                <th scope="col" className={th}>登记日期</th>
                <th scope="col" className={th}>处置日期</th>
              </tr>
            </thead>
            <tbody>
              {household.assets.map((a) => (
                <tr key={a.id} className="border-b border-slate-100">
                  <td className={td}>{assetKindLabels[a.kind]}</td>
                  <td className={td}>{a.description}</td>
                  <td className={`${td} tabular-nums`}>{a.valueFen === null ? '—' : formatFen(a.valueFen)}</td>
                  <td className={`${td} tabular-nums`}>{a.recordedOn}</td>
                  <td className={`${td} tabular-nums`}>{a.disposedOn ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canWrite && (
          <div>
            <Disclosure label="登记财产">
              <AddAssetForm {...ref} />
            </Disclosure>
            {household.assets.length > 0 && (
              <Disclosure label="财产处置">
                <DisposeAssetForm {...ref} items={heldAssets} />
              </Disclosure>
            )}
          </div>
        )}
      </section>

      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline" className="text-lg font-semibold">变更记录</h2>
        <ol className="mt-2 space-y-2 text-sm">
          {household.timeline.map((e) => (
            <li key={e.id} className="rounded border border-slate-200 bg-white p-2">
              <span className="tabular-nums text-slate-500">{formatDateTime(e.at)}</span> · {e.actorName ?? '系统'} ·{' '}
              <strong>{actionLabels[e.action] ?? e.action}</strong>
              {e.reason && <span>（原因：{e.reason}）</span>}
              <ChangeSummary before={e.before} after={e.after} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  if (!before && !after) return null;
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'members' || !before);
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-slate-600">详情</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 font-mono text-xs">
        {keys.map((k) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd>
              {before !== null && before !== undefined && <span className="text-red-700 line-through">{JSON.stringify(b[k])}</span>}{' '}
              <span className="text-green-800">{JSON.stringify(a[k])}</span>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
