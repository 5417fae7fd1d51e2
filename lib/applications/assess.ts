import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { enrollmentMembers, enrollments, households, incomeItems, members } from '@/db/schema';
import { countMonthlyIncome, type IncomeItem } from '@/lib/households/income';
import { AppError, refuse } from '@/lib/core/errors';
import { dibaoMonthlyStandard, standardsInForce } from '@/lib/policy/standards';
import { categoriesOf, type ClassifiedCategory } from '@/lib/programs/categories';
import { computeDibao, type ClassifiedRate, type DibaoAmount } from '@/lib/programs/dibao-amount';
import { annualToMonthlyFen } from '@/lib/programs/rounding';
import { tekunMonthlyFen } from '@/lib/programs/tekun';
import { wholeYuanText, yuanText } from '@/lib/programs/working-text';
import type { Application } from './load';
import { applicationMessages } from './messages';

export interface Assessment {
  program: 'dibao' | 'tekun';
  eligible: boolean;
  totalFen: number;
  coveredMemberIds: string[];
  components: Record<string, number>;
  working: string[];
  standardFen: number;
  countedIncomeFen: number;
  asOf: string;
  dibao?: Pick<DibaoAmount, 'persons' | 'lineFen' | 'gapFen' | 'classifiedFen' | 'totalFen'>;
}

const NO_ID = '00000000-0000-0000-0000-000000000000'; // keeps IN () valid for an empty household

const categoryComponents: Record<ClassifiedCategory, string> = {
  severe_disability: 'classified_severe_disability',
  serious_illness: 'classified_serious_illness',
  elderly: 'classified_elderly',
  minor: 'classified_minor',
  student: 'classified_student',
};

/**
 * The amount an application would get on a date, from the registry and the standards in force:
 * the investigation shows it, the decision fixes it. Pure arithmetic lives in lib/programs/rules.
 */
export async function assessApplication(
  db: Db | Tx,
  app: Pick<Application, 'kind' | 'householdId' | 'memberId'>,
  onDate: string,
  /** Income to count instead of the registry's declared rows: the verified figures (lib/verification/report.ts). */
  options: { income?: IncomeItem[]; incomeSource?: string } = {},
): Promise<Assessment> {
  const d = db as Db;
  const [household] = await d.select().from(households).where(eq(households.id, app.householdId));
  if (!household) throw new AppError('not_found');
  const active = await d.select().from(members).where(and(eq(members.householdId, household.id), eq(members.status, 'active')));
  const month = onDate.slice(0, 7);

  if (app.kind === 'tekun_dispersed' || app.kind === 'tekun_centralized') {
    const standards = await standardsInForce(d, 'tekun', household.countyCode, onDate);
    const component = app.kind === 'tekun_dispersed' ? 'dispersed_basic_annual' : 'centralized_basic_annual';
    const annual = standards.get(component)?.amountFen;
    if (annual === null || annual === undefined) throw refuse('precondition', applicationMessages.notConfigured('特困供养基本生活标准'));
    const monthly = tekunMonthlyFen(annual);
    return {
      program: 'tekun',
      eligible: true,
      totalFen: monthly,
      coveredMemberIds: app.memberId ? [app.memberId] : [],
      components: { basic: monthly },
      working: [`基本生活标准：${wholeYuanText(annual)} 元/年 ÷ 12 = ${wholeYuanText(monthly)} 元/月`],
      standardFen: monthly,
      countedIncomeFen: 0,
      asOf: onDate,
    };
  }

  // Members already supported by 特困 are not covered by dibao.
  const inTekun = new Set(
    (
      await d
        .select({ memberId: enrollmentMembers.memberId })
        .from(enrollmentMembers)
        .innerJoin(enrollments, eq(enrollments.id, enrollmentMembers.enrollmentId))
        .where(and(inArray(enrollmentMembers.memberId, active.map((m) => m.id).concat(NO_ID)), eq(enrollments.program, 'tekun'), eq(enrollmentMembers.active, true)))
    ).map((r) => r.memberId),
  );
  const covered = app.kind === 'dibao_single' ? active.filter((m) => m.id === app.memberId) : active.filter((m) => !inTekun.has(m.id));
  if (covered.length === 0) throw refuse('precondition', applicationMessages.nobodyCovered);

  const standard = await dibaoMonthlyStandard(d, household.kind, household.countyCode, onDate, annualToMonthlyFen);
  if (!standard) throw refuse('precondition', applicationMessages.notConfigured(`${household.kind === 'rural' ? '农村' : '城市'}低保标准`));
  const standards = await standardsInForce(d, 'dibao', household.countyCode, onDate);
  const countedKinds = (standards.get('counted_income_kinds')?.textValue ?? '').split(',').filter(Boolean);
  const coveredIds = new Set(covered.map((m) => m.id));
  const items: IncomeItem[] =
    options.income ??
    (await d.select().from(incomeItems).where(eq(incomeItems.householdId, household.id))).map((i) => ({ kind: i.kind, amountFen: i.amountFen, memberId: i.memberId, excluded: i.excluded, from: i.fromDate, to: i.toDate }));
  // A single-person application counts only the applicant's own income.
  const relevant = app.kind === 'dibao_single' ? items.filter((i) => i.memberId !== null && coveredIds.has(i.memberId)) : items;
  const income = countMonthlyIncome(
    relevant,
    countedKinds,
    month,
    covered.length,
  );

  const rates: Partial<Record<ClassifiedCategory, ClassifiedRate>> = {};
  for (const [category, component] of Object.entries(categoryComponents) as [ClassifiedCategory, string][]) {
    const row = standards.get(component);
    if (row?.basisPoints != null) rates[category] = { basisPoints: row.basisPoints };
    else if (row?.amountFen != null) rates[category] = { fixedFen: row.amountFen };
  }
  const elderlyAge = standards.get('elderly_age')?.intValue;
  const minorAge = standards.get('minor_age')?.intValue;
  if (elderlyAge == null || minorAge == null) throw refuse('precondition', applicationMessages.notConfigured('老年人、未成年人年龄界限'));
  const agePolicy = { elderlyAge, minorAge };
  const result = computeDibao({
    monthlyStandardFen: standard.monthlyFen,
    coveredMembers: covered.map((m) => ({ memberId: m.id, name: m.name, categories: categoriesOf(m, onDate, agePolicy) })),
    classifiedRates: rates,
    classifiedCombination: standards.get('classified_combination')?.textValue === 'sum' ? 'sum' : 'highest',
    countedIncomeFen: income.countedMonthlyFen,
  });
  return {
    program: 'dibao',
    eligible: result.eligible,
    totalFen: result.totalFen,
    coveredMemberIds: covered.map((m) => m.id),
    components: { gap: result.gapFen, classified: result.classifiedFen },
    working: [`保障标准：${standard.note}，${wholeYuanText(standard.monthlyFen)} 元/人·月`, ...income.lines.map((l) => `${options.incomeSource ?? '收入'}：${l.label} ${yuanText(l.amountFen)} 元/月，${l.reason}`), ...result.working],
    standardFen: standard.monthlyFen,
    countedIncomeFen: income.countedMonthlyFen,
    asOf: onDate,
    // Plain numbers only: this is stored as JSON with the application and the enrollment.
    dibao: { persons: result.persons, lineFen: result.lineFen, gapFen: result.gapFen, classifiedFen: result.classifiedFen, totalFen: result.totalFen },
  };
}
