import { inputClass } from '@/components/ui/field';
import type { LateEntryFilter } from '@/lib/late-entries/schemas';

type Place = { code: string; name: string; level: string; countyCode: string | null };

/** The late-entry list's filter: a GET form (county, township, caseworker, month of entry). */
export function LateEntryFilters({ filter, recorders, places }: { filter: LateEntryFilter; recorders: { id: string; name: string }[]; places: Place[] }) {
  const counties = places.filter((p) => p.level === 'county');
  const townships = places.filter((p) => p.level === 'township');
  const countyName = new Map(counties.map((c) => [c.code, c.name]));
  return (
    <form method="get" aria-label="补录查询" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
      {counties.length > 1 && <Select name="county" label="县（区）" value={filter.county} options={counties.map((c) => [c.code, c.name])} />}
      <Select
        name="township"
        label="乡镇"
        value={filter.township}
        options={townships.map((t) => [t.code, counties.length > 1 ? `${countyName.get(t.countyCode ?? '') ?? ''} ${t.name}` : t.name])}
      />
      <Select name="recordedBy" label="经办人" value={filter.recordedBy} options={recorders.map((r) => [r.id, r.name])} />
      <div>
        <label htmlFor="month" className="block text-sm font-medium">录入月份</label>
        <input id="month" name="month" type="month" defaultValue={filter.month ?? ''} className={inputClass} />
      </div>
      <div className="flex items-end">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-white">查询</button>
      </div>
    </form>
  );
}

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ''} className={inputClass}>
        <option value="">全部</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
