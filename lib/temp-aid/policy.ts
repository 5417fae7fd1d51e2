import 'server-only';
import { getDb, type Db, type Tx } from '@/db/client';
import { AppError, refuse } from '@/lib/core/errors';
import { dibaoMonthlyStandard, standardsInForce } from '@/lib/policy/standards';
import { annualToMonthlyFen } from '@/lib/programs/rounding';
import { capsOf, type CapPolicy, type Caps } from './rules';
import { tempAidMessages } from './messages';

export interface TempAidPolicy extends CapPolicy {
  caps: Caps;
  completionWorkingDays: number;
  smallFastDecisionDays: number;
  noticeAboveFen: number;
  noticeDays: number;
  standardNote: string;
}

/**
 * The temporary-aid policy in force for a household's county and kind (rural / urban) on a day:
 * the caps as policy data, several of them multiples of the month's dibao standard. A value
 * that is not configured is an error naming it, never a default.
 */
export async function loadTempAidPolicy(db: Db | Tx, household: { kind: 'rural' | 'urban'; countyCode: string }, onDate: string): Promise<TempAidPolicy> {
  const d = db as Db;
  const rows = await standardsInForce(d, 'temp', household.countyCode, onDate);
  const standard = await dibaoMonthlyStandard(d, household.kind, household.countyCode, onDate, annualToMonthlyFen);
  if (!standard) throw refuse('precondition', tempAidMessages.noStandard(household.kind === 'rural' ? '农村' : '城市'));
  const money = (component: string) => {
    const v = rows.get(component)?.amountFen;
    if (v === null || v === undefined) throw missing(component);
    return v;
  };
  const int = (component: string) => {
    const v = rows.get(component)?.intValue;
    if (v === null || v === undefined) throw missing(component);
    return v;
  };
  const cap: CapPolicy = {
    firstResponseCapFen: money('first_response_cap'),
    smallFastCapPct: int('small_fast_cap_months_pct'),
    normalCapMonths: int('normal_cap_months'),
    cityDecisionAboveFen: money('city_decision_above'),
    monthlyStandardFen: standard.monthlyFen,
  };
  return {
    ...cap,
    caps: capsOf(cap),
    completionWorkingDays: int('first_response_completion_wd'),
    smallFastDecisionDays: int('small_fast_decision_days'),
    noticeAboveFen: money('public_notice_above'),
    noticeDays: int('public_notice_days'),
    standardNote: standard.note,
  };
}

const missing = (component: string) => refuse('precondition', tempAidMessages.valueMissing(component));

/** The caps in force today for a county and household kind, for the forms' hints. */
export async function capsInForce(countyCode: string, kind: 'rural' | 'urban', today: string): Promise<TempAidPolicy | null> {
  const db = await getDb();
  try {
    return await loadTempAidPolicy(db, { countyCode, kind }, today);
  } catch (e) {
    if (e instanceof AppError) return null; // not configured: the verb says so on submit
    throw e;
  }
}
