import { levelLabels } from '@/lib/users/rules';
import type { RegionLevel } from '@/db/schema/regions';

export interface RegionOption {
  code: string;
  name: string;
  level: RegionLevel;
}

export function RegionOptions({ regions }: { regions: RegionOption[] }) {
  return regions.map((r) => (
    <option key={r.code} value={r.code}>
      {r.level === 'township' ? '\u3000' : ''}
      {r.name}（{levelLabels[r.level]}）
    </option>
  ));
}
