import type { RegionLevel } from '@/db/schema';

/**
 * The office that signs a printed table (制表单位) for a region: a city or county has its
 * 民政局; a township has no bureau of its own, its civil-affairs desk sits in the 人民政府.
 */
export function civilAffairsOffice(regionName: string, level: RegionLevel): string {
  return level === 'township' || level === 'village' ? `${regionName}人民政府` : `${regionName}民政局`;
}
