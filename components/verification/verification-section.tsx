import { AssessmentView } from '@/components/applications/assessment-view';
import { formatFen } from '@/lib/core/format';
import { ageOn } from '@/lib/programs/categories';
import { itemLabels, requestStateLabels, supporterRelationLabels } from '@/lib/verification/labels';
import type { verificationOf } from '@/lib/verification/queries';
import { AnswerForm, ConsentForm, RequestForm, SupporterForm, WithdrawConsentForm } from './verification-forms';

type Data = Awaited<ReturnType<typeof verificationOf>>;

/** 家庭经济状况核对 on the application page: the consent, the request, the departments' answers and the report. */
export function VerificationSection({ applicationId, data, write, open }: { applicationId: string; data: Data; write: boolean; open: boolean }) {
  const { report, inForce, latest, supporters, members, today } = data;
  const names = new Map(members.map((m) => [m.id, m.name]));
  const supporterNames = new Map(supporters.map((s) => [s.id, s.name]));
  const departmentName = new Map(report?.answers.map((a) => [a.departmentId, a.departmentName]) ?? []);
  const persons = new Map(report?.request.persons.map((p) => [p.seq, p]) ?? []);
  const findings = report?.results.filter((r) => r.item !== 'none') ?? [];
  const pendingDepartments = report?.answers.filter((a) => !a.answeredOn) ?? [];
  return (
    <section aria-labelledby="verification-title" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="verification-title" className="text-lg font-semibold">家庭经济状况核对</h2>

      <div className="text-sm">
        <h3 className="font-medium">法定赡养（抚养、扶养）人</h3>
        {supporters.length === 0 ? <p className="text-slate-600">未登记。</p> : (
          <ul className="list-disc pl-6">{supporters.map((s) => <li key={s.id}>{s.name}，{s.relationText}（{supporterRelationLabels[s.relation]}）</li>)}</ul>
        )}
      </div>

      <div className="text-sm">
        <h3 className="font-medium">核对授权书</h3>
        {inForce ? (
          <p>已于 {inForce.signedOn} 签署，签字人：{[...inForce.signerMemberIds.map((id) => names.get(id) ?? '—'), ...inForce.signerSupporterIds.map((id) => supporterNames.get(id) ?? '—')].join('、')}。授权书扫描件待上传（材料管理）。</p>
        ) : latest?.withdrawnOn ? (
          <p className="rounded bg-red-50 p-2 text-red-800">授权已于 {latest.withdrawnOn} 撤回：{latest.withdrawnReason}</p>
        ) : <p className="text-slate-600">尚未登记授权书。</p>}
      </div>

      {report && (
        <div className="space-y-2 text-sm">
          <h3 className="font-medium">核对请求 {report.request.batchNo}（{report.request.requestedOn} 发起）：{requestStateLabels[report.request.state]}</h3>
          {report.request.state === 'withdrawn' && <p className="rounded bg-red-50 p-2 text-red-800">核对已终止（已撤回授权）：{report.request.stoppedReason}</p>}
          <table className="min-w-full text-left">
            <caption className="sr-only">各部门回复情况</caption>
            <thead><tr><th scope="col" className="pr-4">核对部门</th><th scope="col" className="pr-4">回复</th><th scope="col">请求文件</th></tr></thead>
            <tbody>
              {report.answers.map((a) => (
                <tr key={a.departmentId}>
                  <td className="pr-4">{a.departmentName}</td>
                  <td className="pr-4">{a.answeredOn ? `${a.answeredOn} 已回复（${a.lineCount} 行）` : '待回复'}</td>
                  <td>
                    {write && (
                      <form method="post" action={`/api/verification/${report.request.id}/export`}>
                        <input type="hidden" name="department" value={a.departmentCode} />
                        <button type="submit" className="text-blue-700 underline">下载{a.departmentName}请求文件</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {write && report.request.state === 'open' && pendingDepartments.length > 0 && <AnswerForm requestId={report.request.id} departments={pendingDepartments.map((a) => ({ code: a.departmentCode, name: a.departmentName }))} />}
        </div>
      )}

      {report && report.request.state !== 'withdrawn' && (
        <section aria-label="核对报告" className="space-y-2 text-sm">
          <h3 className="font-medium">核对报告</h3>
          {report.request.state === 'completed' && (report.expired
            ? <p className="rounded bg-amber-50 p-2 text-amber-900">核对报告已于 {report.expiresOn} 过期（有效期 {report.validDays} 天），审批前须重新核对。</p>
            : <p>核对完成于 {report.request.completedOn}，有效至 {report.expiresOn}。</p>)}
          <table className="min-w-full text-left">
            <caption className="text-left font-medium">核实情况（按人员、部门）</caption>
            <thead><tr><th scope="col" className="pr-4">序号</th><th scope="col" className="pr-4">姓名</th><th scope="col" className="pr-4">核对部门</th><th scope="col" className="pr-4">项目</th><th scope="col" className="pr-4">金额</th><th scope="col">说明</th></tr></thead>
            <tbody>
              {findings.length === 0 ? <tr><td colSpan={6} className="text-slate-600">各部门暂无核实记录。</td></tr> : findings.map((r, i) => (
                <tr key={i}>
                  <td className="pr-4">{r.seq}</td>
                  <td className="pr-4">{persons.get(r.seq)?.name}</td>
                  <td className="pr-4">{departmentName.get(r.departmentId)}</td>
                  <td className="pr-4">{itemLabels[r.item]}</td>
                  <td className="pr-4">{r.amountFen === null ? '—' : formatFen(r.amountFen)}</td>
                  <td>{r.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problem && <p className="text-red-700">无法测算：{report.problem}</p>}
          {report.declared && report.recomputed && (
            <dl className="grid grid-cols-2 gap-x-4 md:grid-cols-5">
              <div><dt className="text-slate-600">申报月收入</dt><dd>{formatFen(report.declared.countedIncomeFen)}</dd></div>
              <div><dt className="text-slate-600">核实月收入</dt><dd>{formatFen(report.verifiedIncomeFen)}</dd></div>
              <div><dt className="text-slate-600">按申报测算</dt><dd>{formatFen(report.declared.totalFen)}</dd></div>
              <div><dt className="text-slate-600">按核实测算</dt><dd><strong>{formatFen(report.recomputed.totalFen)}</strong></dd></div>
              <div><dt className="text-slate-600">差额</dt><dd>{formatFen(report.differenceFen ?? 0)}</dd></div>
            </dl>
          )}
          {report.findings.map((f, i) => <p key={i} className={f.breach ? 'rounded bg-red-50 p-2 text-red-800' : 'rounded bg-amber-50 p-2 text-amber-900'}>{f.breach ? '不符合条件：' : '提示：'}{f.message}</p>)}
          {report.breach && <p className="font-medium text-red-800">核对认定不符合条件，不能审批通过：{report.reasons.join('；')}</p>}
          {report.recomputed && <AssessmentView assessment={report.recomputed} title="按核实收入重新测算" />}
        </section>
      )}

      {write && open && (
        <div className="space-y-3">
          <SupporterForm applicationId={applicationId} />
          {!inForce && (
            <ConsentForm
              applicationId={applicationId}
              today={today}
              members={members.map((m) => ({ id: m.id, name: m.name, adult: ageOn(m.birthDate, today) >= 18 }))}
              supporters={supporters.map((s) => ({ id: s.id, name: s.name }))}
            />
          )}
          {inForce && (!report || report.request.state !== 'open') && <RequestForm applicationId={applicationId} />}
          {inForce && <WithdrawConsentForm applicationId={applicationId} today={today} />}
        </div>
      )}
    </section>
  );
}
