// Pure rules of the verification (核对): who must sign the consent, the asset rules on verified
// figures, and when a report has expired.
import { addDays } from '@/lib/core/calendar-date';
import { ageOn } from '@/lib/programs/categories';
import type { VerificationItem } from './labels';

export interface SignerCandidate {
  id: string;
  name: string;
  birthDate: string;
}

/** Every adult (18 or over on the day of signing) active member must sign, and every supporter. */
export function missingSigners(
  members: readonly SignerCandidate[],
  supporters: readonly { id: string; name: string }[],
  signedOn: string,
  signedMemberIds: readonly string[],
  signedSupporterIds: readonly string[],
): string[] {
  const m = new Set(signedMemberIds);
  const s = new Set(signedSupporterIds);
  return [
    ...members.filter((x) => ageOn(x.birthDate, signedOn) >= 18 && !m.has(x.id)).map((x) => x.name),
    ...supporters.filter((x) => !s.has(x.id)).map((x) => x.name),
  ];
}

export interface AssetPolicy {
  depositMonths: number;
  monthlyStandardFen: number;
  persons: number;
  /** 'not_eligible' or 'flag' or 'ignore'. */
  vehicleRule: string;
  businessRule: string;
}

export interface ResultLine {
  seq: number;
  departmentId?: string;
  item: VerificationItem;
  amountFen: number | null;
}

/**
 * One figure per person and item: the lines of one department add up (two jobs, two accounts),
 * and where several departments report the same item of the same person (人社 and 税务 both know the
 * wages) the highest of their totals counts, not their sum.
 */
export function figuresByPersonAndItem(lines: readonly ResultLine[]): Map<string, { seq: number; item: VerificationItem; amountFen: number }> {
  const perDepartment = new Map<string, { seq: number; item: VerificationItem; amountFen: number }>();
  for (const l of lines) {
    if (l.amountFen === null) continue;
    const key = `${l.seq}:${l.item}:${l.departmentId ?? ''}`;
    const at = perDepartment.get(key);
    if (at) at.amountFen += l.amountFen;
    else perDepartment.set(key, { seq: l.seq, item: l.item, amountFen: l.amountFen });
  }
  const out = new Map<string, { seq: number; item: VerificationItem; amountFen: number }>();
  for (const f of perDepartment.values()) {
    const key = `${f.seq}:${f.item}`;
    const at = out.get(key);
    if (!at || f.amountFen > at.amountFen) out.set(key, { ...f });
  }
  return out;
}

export interface AssetFinding {
  rule: 'deposit' | 'vehicle' | 'business_registration';
  breach: boolean;
  message: string;
}

/**
 * Asset rules on the verified lines of the covered persons: deposits and financial assets above
 * N months of the standard for every covered person, a vehicle other than one for disability,
 * a business registration. A breach makes the application not eligible; a flag only warns.
 */
export function assetFindings(lines: readonly ResultLine[], coveredSeqs: ReadonlySet<number>, policy: AssetPolicy, yuan: (fen: number) => string): AssetFinding[] {
  const covered = lines.filter((l) => coveredSeqs.has(l.seq));
  const out: AssetFinding[] = [];
  const deposits = [...figuresByPersonAndItem(covered).values()].filter((f) => f.item === 'deposit').reduce((s, f) => s + f.amountFen, 0);
  const limit = policy.depositMonths * policy.monthlyStandardFen * policy.persons;
  if (deposits > limit) {
    out.push({ rule: 'deposit', breach: true, message: `存款及金融资产合计 ${yuan(deposits)}，超过 ${policy.depositMonths} 个月保障标准 × ${policy.persons} 人 = ${yuan(limit)}` });
  }
  const vehicles = covered.filter((l) => l.item === 'vehicle').length;
  if (vehicles > 0 && policy.vehicleRule !== 'ignore') {
    out.push({ rule: 'vehicle', breach: policy.vehicleRule === 'not_eligible', message: `家庭成员名下有 ${vehicles} 辆非残疾人专用车辆` });
  }
  const firms = covered.filter((l) => l.item === 'business_registration').length;
  if (firms > 0 && policy.businessRule !== 'ignore') {
    out.push({ rule: 'business_registration', breach: policy.businessRule === 'not_eligible', message: `家庭成员有 ${firms} 条工商登记，请核实经营情况` });
  }
  return out;
}

/** A report is valid until completion + valid_days (inclusive); after that a fresh one is needed. */
export function expiresOn(completedOn: string, validDays: number): string {
  return addDays(completedOn, validDays);
}

export function isExpired(completedOn: string, validDays: number, today: string): boolean {
  return today > expiresOn(completedOn, validDays);
}

/** The batch number of a request: HD + county + date + a serial (unique index). */
export function batchNumber(countyCode: string, requestedOn: string, serial: number): string {
  return `HD${countyCode}${requestedOn.replace(/-/g, '')}${String(serial).padStart(4, '0')}`;
}
