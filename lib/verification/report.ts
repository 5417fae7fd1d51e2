import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { applicationSupporters, members, verificationAnswers, verificationConsents, verificationDepartments, verificationRequests, verificationResults } from '@/db/schema';
import { assessApplication, type Assessment } from '@/lib/applications/assess';
import type { Application } from '@/lib/applications/load';
import { formatFen } from '@/lib/core/format';
import type { IncomeItem } from '@/lib/households/income';
import { policyInt } from '@/lib/policy/values';
import { standardsInForce } from '@/lib/policy/standards';
import { incomeItemKinds, type VerificationItem } from './labels';
import { assetFindings, expiresOn, figuresByPersonAndItem, isExpired, type AssetFinding } from './rules';

export interface VerificationReport {
  request: typeof verificationRequests.$inferSelect;
  answers: { departmentId: string; departmentCode: string; departmentName: string; answeredOn: string | null; lineCount: number | null; fileName: string | null }[];
  results: { seq: number; departmentId: string; item: VerificationItem; amountFen: number | null; note: string | null }[];
  /** Counted from the verified income lines of the covered members (元/月, fen). */
  verifiedIncomeFen: number;
  declared: Assessment | null;
  recomputed: Assessment | null;
  /** recomputed − declared, per month. */
  differenceFen: number | null;
  findings: AssetFinding[];
  breach: boolean;
  reasons: string[];
  validDays: number;
  expiresOn: string | null;
  expired: boolean;
  problem: string | null;
}

type Reader = Db | Tx;

/**
 * The verification report (核对报告) of an application's latest request: the verified figures by
 * person and department, the verified monthly income against the declared one, the amount
 * recomputed by the same assessment with the verified income in place of the declared rows, and
 * the asset rules of the policy (`verification/*`) on the verified figures.
 */
export async function buildReport(db: Reader, app: Application, today: string): Promise<VerificationReport | null> {
  const d = db as Db;
  const [request] = await d.select().from(verificationRequests).where(eq(verificationRequests.applicationId, app.id)).orderBy(desc(verificationRequests.createdAt)).limit(1);
  if (!request) return null;
  const answers = await d
    .select({ departmentId: verificationAnswers.departmentId, departmentCode: verificationDepartments.code, departmentName: verificationDepartments.name, answeredOn: verificationAnswers.answeredOn, lineCount: verificationAnswers.lineCount, fileName: verificationAnswers.fileName })
    .from(verificationAnswers)
    .innerJoin(verificationDepartments, eq(verificationDepartments.id, verificationAnswers.departmentId))
    .where(eq(verificationAnswers.requestId, request.id))
    .orderBy(asc(verificationDepartments.sortOrder), asc(verificationDepartments.name));
  const results = await d
    .select({ seq: verificationResults.seq, departmentId: verificationResults.departmentId, item: verificationResults.item, amountFen: verificationResults.amountFen, note: verificationResults.note })
    .from(verificationResults)
    .where(eq(verificationResults.requestId, request.id))
    .orderBy(asc(verificationResults.seq), asc(verificationResults.id));

  const memberOf = new Map(request.persons.filter((p) => p.kind === 'member').map((p) => [p.seq, p.personId]));
  const verifiedIncome: IncomeItem[] = [];
  for (const f of figuresByPersonAndItem(results).values()) {
    const kind = incomeItemKinds[f.item];
    const memberId = memberOf.get(f.seq);
    if (kind && memberId) verifiedIncome.push({ kind, amountFen: f.amountFen, memberId, excluded: false, from: today, to: null });
  }
  const validDays = await policyInt(d, 'verification', 'valid_days', app.countyCode, today);
  const report: VerificationReport = {
    request,
    answers,
    results,
    verifiedIncomeFen: 0,
    declared: null,
    recomputed: null,
    differenceFen: null,
    findings: [],
    breach: false,
    reasons: [],
    validDays,
    expiresOn: request.completedOn ? expiresOn(request.completedOn, validDays) : null,
    expired: request.completedOn ? isExpired(request.completedOn, validDays, today) : false,
    problem: null,
  };
  try {
    report.declared = await assessApplication(d, app, today);
    report.recomputed = await assessApplication(d, app, today, { income: verifiedIncome, incomeSource: '核实收入' });
  } catch (e) {
    report.problem = e instanceof Error && 'fieldErrors' in e ? Object.values((e as { fieldErrors: Record<string, string> }).fieldErrors).join('；') : '无法计算';
    return report;
  }
  report.verifiedIncomeFen = report.recomputed.countedIncomeFen;
  report.differenceFen = report.recomputed.totalFen - report.declared.totalFen;
  const covered = new Set(report.recomputed.coveredMemberIds);
  const coveredSeqs = new Set(request.persons.filter((p) => p.kind === 'member' && covered.has(p.personId)).map((p) => p.seq));
  const policy = await standardsInForce(d, 'verification', app.countyCode, today);
  report.findings = assetFindings(
    results,
    coveredSeqs,
    {
      depositMonths: policy.get('deposit_months_of_standard')?.intValue ?? (await policyInt(d, 'verification', 'deposit_months_of_standard', app.countyCode, today)),
      monthlyStandardFen: report.declared.standardFen,
      persons: coveredSeqs.size,
      vehicleRule: policy.get('vehicle_rule')?.textValue ?? 'not_eligible',
      businessRule: policy.get('business_rule')?.textValue ?? 'flag',
    },
    formatFen,
  );
  report.reasons = report.findings.filter((f) => f.breach).map((f) => f.message);
  if (request.state === 'completed' && !report.recomputed.eligible) report.reasons.push(`核实后家庭月收入 ${formatFen(report.verifiedIncomeFen)} 不低于保障标准，不符合条件`);
  report.breach = report.reasons.length > 0;
  return report;
}

/** Consent, supporters and members for the application page's forms. */
export async function consentState(db: Reader, app: Application) {
  const d = db as Db;
  const consents = await d.select().from(verificationConsents).where(eq(verificationConsents.applicationId, app.id)).orderBy(desc(verificationConsents.recordedAt));
  const supporters = await d.select().from(applicationSupporters).where(eq(applicationSupporters.applicationId, app.id)).orderBy(asc(applicationSupporters.createdAt));
  const people = await d.select({ id: members.id, name: members.name, birthDate: members.birthDate, relation: members.relation }).from(members).where(and(eq(members.householdId, app.householdId), eq(members.status, 'active')));
  return { inForce: consents.find((c) => c.withdrawnOn === null) ?? null, latest: consents[0] ?? null, supporters, members: people };
}
