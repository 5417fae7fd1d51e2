// The care-subsidy roster handed over by the disabled persons' federation (March 2019): the
// layout (docs/subsidy-roster.md) and its parse, pure. One row is one period at one amount; the
// rows of one person and program make one enrollment with its amount history.
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { checkCertificateNumber, disabilityKindDigits, type DisabilityKind } from './rules';

export const subsidyRosterHeaders = ['身份证号', '姓名', '补贴类别', '残疾人证号', '残疾类别', '残疾等级', '有效期至', '起始月份', '终止月份', '月金额'] as const;
export const MAX_SUBSIDY_ROSTER_ROWS = 20_000;

export type SubsidyRosterError = { row: number; column?: string; message: string };
export type SubsidyRosterRow = {
  row: number;
  idNumber: string;
  name: string;
  program: 'dis_care' | 'dis_living';
  certificateNumber: string;
  kind: DisabilityKind;
  grade: number;
  validUntil: string;
  startMonth: string;
  endMonth: string | null;
  amountFen: number;
};

const programs: Record<string, 'dis_care' | 'dis_living'> = { 重度残疾人护理补贴: 'dis_care', 护理补贴: 'dis_care', 困难残疾人生活补贴: 'dis_living', 生活补贴: 'dis_living' };
const month = /^(\d{4})-(0[1-9]|1[0-2])$/;
const day = /^\d{4}-\d{2}-\d{2}$/;

function yuanToFen(text: string): number | null {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(text)) return null;
  const [y, f = ''] = text.split('.');
  return Number(y) * 100 + Number(f.padEnd(2, '0'));
}

/** Parses the whole file; any error anywhere refuses it whole, every error named by row and column. */
export function parseSubsidyRoster(text: string): { ok: true; rows: SubsidyRosterRow[] } | { ok: false; errors: SubsidyRosterError[] } {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, errors: [{ row: Number(e.lines ?? 0), message: 'CSV 文件格式有误（多为引号不配对），请检查后再导入' }] };
    throw e;
  }
  const [header, ...body] = records.map((r) => r.map((c) => c.trim()));
  if (!header) return { ok: false, errors: [{ row: 1, message: '文件是空的' }] };
  const missing = subsidyRosterHeaders.filter((h) => !header.includes(h));
  if (missing.length) return { ok: false, errors: [{ row: 1, message: `缺少列：${missing.join('、')}` }] };
  if (body.length > MAX_SUBSIDY_ROSTER_ROWS) return { ok: false, errors: [{ row: 1, message: `文件超过 ${MAX_SUBSIDY_ROSTER_ROWS} 行，请拆分后导入` }] };
  const col = (cells: string[], h: (typeof subsidyRosterHeaders)[number]) => cells[header.indexOf(h)] ?? '';
  const errors: SubsidyRosterError[] = [];
  const rows: SubsidyRosterRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const err = (column: string, message: string) => errors.push({ row, column, message });
    const idNumber = col(cells, '身份证号').toUpperCase();
    const name = col(cells, '姓名');
    const program = programs[col(cells, '补贴类别')];
    const kind = col(cells, '残疾类别') as DisabilityKind;
    const grade = Number(col(cells, '残疾等级'));
    const certificateNumber = col(cells, '残疾人证号').toUpperCase();
    const validUntil = col(cells, '有效期至');
    const startMonth = col(cells, '起始月份');
    const endMonth = col(cells, '终止月份') || null;
    const amountFen = yuanToFen(col(cells, '月金额'));
    const before = errors.length;
    if (!/^\d{17}[\dX]$/.test(idNumber)) err('身份证号', '身份证号应为 18 位');
    if (!name) err('姓名', '请填写姓名');
    if (!program) err('补贴类别', '补贴类别应为“重度残疾人护理补贴”或“困难残疾人生活补贴”');
    if (!(disabilityKindDigits as readonly string[]).includes(kind)) err('残疾类别', `残疾类别应为 ${disabilityKindDigits.join('、')} 之一`);
    if (![1, 2, 3, 4].includes(grade)) err('残疾等级', '残疾等级应为 1–4');
    if (!day.test(validUntil)) err('有效期至', '日期格式应为 2026-11-29');
    if (!month.test(startMonth)) err('起始月份', '月份格式应为 2019-03');
    if (endMonth !== null && (!month.test(endMonth) || endMonth < startMonth)) err('终止月份', '终止月份格式应为 2019-03，且不早于起始月份');
    if (amountFen === null || amountFen <= 0) err('月金额', '月金额应为大于 0 的元数，最多两位小数');
    if (errors.length === before) {
      const check = checkCertificateNumber(certificateNumber, idNumber, kind, grade);
      if (!check.ok) err('残疾人证号', check.reason === 'holder' ? '残疾人证号的前 18 位与身份证号不一致' : check.reason === 'format' ? '残疾人证号应为 20 位' : '残疾人证号中的类别、等级与所填不一致');
    }
    if (errors.length === before) rows.push({ row, idNumber, name, program: program!, certificateNumber, kind, grade, validUntil, startMonth, endMonth, amountFen: amountFen! });
  });
  // The periods of one person and program follow one another: only the last may be open or end.
  for (const periods of groupPeriods(rows).values()) {
    periods.forEach((p, i) => {
      const next = periods[i + 1];
      if (next && p.startMonth === next.startMonth) errors.push({ row: next.row, column: '起始月份', message: `与第 ${p.row} 行的起始月份相同` });
      if (next && p.endMonth !== null) errors.push({ row: p.row, column: '终止月份', message: '同一人同一补贴只有最后一段可以填写终止月份' });
    });
  }
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.row - b.row) } : { ok: true, rows };
}

/** The rows of each person and program, by start month. */
export function groupPeriods(rows: SubsidyRosterRow[]): Map<string, SubsidyRosterRow[]> {
  const groups = new Map<string, SubsidyRosterRow[]>();
  for (const r of rows) {
    const key = `${r.idNumber}|${r.program}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  for (const g of groups.values()) g.sort((a, b) => a.startMonth.localeCompare(b.startMonth));
  return groups;
}
