// One rule for a county's standard and its city's: the most specific row in force wins. A
// county's own row applies from its date even when the city later publishes a newer or higher
// one; the city's rows apply to counties that have none of their own in force. A city raise
// therefore reaches a county with its own standard only when the county adopts a new row, and
// the admin is shown every county row that has fallen below the city's (this module).
import { annualToMonthlyFen } from '@/lib/programs/rounding';

export interface StandardRowLike {
  program: string;
  component: string;
  regionCode: string;
  effectiveFrom: string;
  amountFen: number | null;
}

/** The money standards paid monthly, each as the components that may carry it (monthly or annual). */
export const comparedStandards = [
  { program: 'dibao', label: '农村低保标准', components: ['rural_standard_monthly', 'rural_standard_annual'] },
  { program: 'dibao', label: '城市低保标准', components: ['urban_standard_monthly', 'urban_standard_annual'] },
  { program: 'tekun', label: '特困分散供养基本生活标准', components: ['dispersed_basic_annual'] },
  { program: 'tekun', label: '特困集中供养基本生活标准', components: ['centralized_basic_annual'] },
] as const;

const monthlyFen = (r: StandardRowLike) => (r.component.endsWith('_annual') ? annualToMonthlyFen(r.amountFen!) : r.amountFen!);

/** A region's own row in force on a date for one standard: the latest effective_from not after it. */
function inForce(rows: readonly StandardRowLike[], regionCode: string, program: string, components: readonly string[], onDate: string) {
  return rows
    .filter((r) => r.regionCode === regionCode && r.program === program && components.includes(r.component) && r.effectiveFrom <= onDate && r.amountFen !== null)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

export interface BelowCity {
  countyCode: string;
  label: string;
  county: StandardRowLike & { monthlyFen: number };
  city: StandardRowLike & { monthlyFen: number };
}

/** Every county row in force that pays less a month than the city's row in force, on a date. */
export function countyRowsBelowCity(rows: readonly StandardRowLike[], cityCode: string, countyCodes: readonly string[], onDate: string): BelowCity[] {
  const out: BelowCity[] = [];
  for (const s of comparedStandards) {
    const city = inForce(rows, cityCode, s.program, s.components, onDate);
    if (!city) continue;
    for (const countyCode of countyCodes) {
      const county = inForce(rows, countyCode, s.program, s.components, onDate);
      if (county && monthlyFen(county) < monthlyFen(city)) {
        out.push({ countyCode, label: s.label, county: { ...county, monthlyFen: monthlyFen(county) }, city: { ...city, monthlyFen: monthlyFen(city) } });
      }
    }
  }
  return out;
}
