/** Income kind codes and their labels; which of them count is policy data (`countedKinds`). */
export const incomeKinds = {
  wages: '工资性收入',
  business: '经营净收入',
  property: '财产净收入',
  transfer: '转移净收入',
  pension_basic: '城乡居民基本养老金',
  youfu: '优抚金',
  award: '奖励金/见义勇为',
  scholarship: '奖学金/助学金',
  assistance: '其他救助金',
} as const;

export type IncomeKind = keyof typeof incomeKinds;

export type IncomeItem = {
  kind: string;
  /** Monthly amount in fen. */
  amountFen: number;
  memberId: string | null;
  excluded: boolean;
  from: string; // YYYY-MM-DD
  to: string | null; // YYYY-MM-DD, inclusive; null = still current
};

export type IncomeLine = { kind: string; label: string; amountFen: number; counted: boolean; reason: string };

export type MonthlyIncome = {
  countedMonthlyFen: number;
  excludedMonthlyFen: number;
  perPersonFen: number;
  lines: IncomeLine[];
};

export function incomeKindLabel(kind: string): string {
  return (incomeKinds as Record<string, string>)[kind] ?? kind;
}

function monthBounds(month: string): { first: string; last: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new Error(`month must be YYYY-MM, got "${month}"`);
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkItem(item: IncomeItem): void {
  // Money is integer fen everywhere; a fraction here means a conversion went wrong upstream.
  if (!Number.isSafeInteger(item.amountFen) || item.amountFen < 0) {
    throw new Error(`income amountFen must be a non-negative integer, got ${item.amountFen}`);
  }
  if (!DATE.test(item.from) || (item.to !== null && !DATE.test(item.to))) {
    throw new Error(`income dates must be YYYY-MM-DD, got ${item.from} – ${item.to}`);
  }
}

/**
 * The household's counted income for one month. An item applies when its date range touches
 * any day of the month (a job that started on the 20th still counts that month).
 */
export function countMonthlyIncome(
  items: readonly IncomeItem[],
  countedKinds: readonly string[],
  month: string,
  persons: number,
): MonthlyIncome {
  if (!Number.isInteger(persons) || persons < 1) {
    throw new Error(`persons must be a positive integer, got ${persons}`);
  }
  const { first, last } = monthBounds(month);
  const counts = new Set(countedKinds);
  let countedMonthlyFen = 0;
  let excludedMonthlyFen = 0;

  const lines = items.map((item): IncomeLine => {
    checkItem(item);
    const label = incomeKindLabel(item.kind);
    const line = { kind: item.kind, label, amountFen: item.amountFen };
    if (item.from > last || (item.to !== null && item.to < first)) {
      return { ...line, counted: false, reason: '不在本月' };
    }
    if (item.excluded) {
      excludedMonthlyFen += item.amountFen;
      return { ...line, counted: false, reason: '政策不计入（已标记为不计入）' };
    }
    if (!counts.has(item.kind)) {
      excludedMonthlyFen += item.amountFen;
      return { ...line, counted: false, reason: `政策不计入（${label}）` };
    }
    countedMonthlyFen += item.amountFen;
    return { ...line, counted: true, reason: '计入' };
  });

  return { countedMonthlyFen, excludedMonthlyFen, perPersonFen: Math.floor(countedMonthlyFen / persons), lines };
}
