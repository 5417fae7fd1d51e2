import 'server-only';
import { and, gte, inArray, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payoutSummary, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { addRow, emptyFigures, type Figures } from './figures';
import { compareProgramKeys, periodSentence, programKey, programKeyLabel } from './rules';
import { periodQuerySchema } from './schemas';
import { summaryScope, summed } from './summary-query';

export interface PeriodRow {
  key: string;
  label: string;
  figures: Figures;
}

export interface PeriodTotals {
  from: string;
  to: string;
  regionName: string;
  totals: (PeriodRow & { sentence: string })[];
  counties: { code: string; name: string; rows: PeriodRow[] }[];
}

/**
 * Totals between two months in the seed's terms: 人次 (persons paid, counted once per month they
 * were paid) and 金额 (money paid), per program and county, with the sentence a notice would
 * print ("…累计救助农村低保对象 90.56 万人次，发放低保金约 24 亿元").
 */
export async function periodTotals(user: SessionUser, from: string, to: string): Promise<PeriodTotals> {
  assertCan(user, 'report.read');
  const range = periodQuerySchema.safeParse({ from, to });
  if (!range.success) throw new AppError('invalid_input', { from: range.error.issues[0]?.message ?? '请选择起止月份' });
  const db = await getDb();
  const s = payoutSummary;
  const rows = await db
    .select({ countyCode: s.countyCode, program: s.program, area: s.area, kind: s.kind, ...summed })
    .from(s)
    .where(and(summaryScope(user), gte(s.month, from), lte(s.month, to)))
    .groupBy(s.countyCode, s.program, s.area, s.kind);

  const totals = new Map<string, Figures>();
  const counties = new Map<string, Map<string, Figures>>();
  for (const r of rows) {
    const key = programKey(r.program, r.area);
    addRow(totals.get(key) ?? totals.set(key, emptyFigures()).get(key)!, r);
    const county = counties.get(r.countyCode) ?? counties.set(r.countyCode, new Map()).get(r.countyCode)!;
    addRow(county.get(key) ?? county.set(key, emptyFigures()).get(key)!, r);
  }
  const codes = [user.regionCode, ...counties.keys()];
  const names = new Map((await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes))).map((n) => [n.code, n.name]));
  const regionName = names.get(user.regionCode) ?? user.regionName;
  const sorted = (m: Map<string, Figures>) =>
    [...m.entries()].sort(([a], [b]) => compareProgramKeys(a, b)).map(([key, figures]) => ({ key, label: programKeyLabel(key), figures }));
  return {
    from,
    to,
    regionName,
    totals: sorted(totals).map((r) => ({ ...r, sentence: periodSentence({ from, to, regionName, key: r.key, personMonths: r.figures.paidPersonMonths, paidFen: r.figures.paidFen }) })),
    counties: [...counties.keys()].sort().map((code) => ({ code, name: names.get(code) ?? code, rows: sorted(counties.get(code)!) })),
  };
}
