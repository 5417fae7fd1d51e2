import { describe, expect, it } from 'vitest';
import { countyRowsBelowCity, type StandardRowLike } from '@/lib/policy/below-city';

// The seed's figures: 吕梁市 rural dibao 2,819 yuan/year (2016) and 4,853 (2020); 交口县's own
// 2019 row of 402 yuan/month. 4,853 ÷ 12 = 404.42 → ¥404 a month, so 交口县 fell below in 2020.
const rows: StandardRowLike[] = [
  { program: 'dibao', component: 'rural_standard_annual', regionCode: '141100', effectiveFrom: '2016-01-01', amountFen: 281_900 },
  { program: 'dibao', component: 'rural_standard_annual', regionCode: '141100', effectiveFrom: '2020-01-01', amountFen: 485_300 },
  { program: 'dibao', component: 'rural_standard_monthly', regionCode: '141130', effectiveFrom: '2019-01-01', amountFen: 40_200 },
  { program: 'tekun', component: 'dispersed_basic_annual', regionCode: '141100', effectiveFrom: '2020-01-01', amountFen: 657_700 },
];

describe('county standards below the city’s', () => {
  it('lists 交口县 from 2020 on (¥402 against ¥404 a month), not in 2019 (¥402 against 2,819 ÷ 12 = ¥235)', () => {
    expect(countyRowsBelowCity(rows, '141100', ['141130', '141127'], '2019-06-01')).toEqual([]);
    const below = countyRowsBelowCity(rows, '141100', ['141130', '141127'], '2026-12-01');
    expect(below).toEqual([
      expect.objectContaining({ countyCode: '141130', label: '农村低保标准', county: expect.objectContaining({ monthlyFen: 40_200 }), city: expect.objectContaining({ monthlyFen: 40_400 }) }),
    ]);
  });

  it('clears once the county adopts a row of its own at or above the city’s', () => {
    const adopted = [...rows, { program: 'dibao', component: 'rural_standard_monthly', regionCode: '141130', effectiveFrom: '2021-01-01', amountFen: 40_400 }];
    expect(countyRowsBelowCity(adopted, '141100', ['141130'], '2026-12-01')).toEqual([]);
    expect(countyRowsBelowCity(adopted, '141100', ['141130'], '2020-06-01')).toHaveLength(1);
  });
});
