import { parse } from 'csv-parse/sync';
import { parsePlainYuan, plainYuan } from '@/lib/core/money';

// The bank's return file (回盘文件): CSV, a header row naming 序号, 账号, 金额, 结果 and 原因 (in any
// order; 金额（元） also accepted), one row per bank row of the run, an optional 合计 control row.
// The whole file is checked before anything is written; one bad row refuses the whole file.

export const MAX_RETURN_BYTES = 20 * 1024 * 1024;

export interface ReturnRow {
  row: number; // line of the file, header = 1
  lineId: number;
  status: 'paid' | 'failed';
  reason: string | null;
  fen: number;
}

export interface ReturnError {
  row: number;
  lineId: string;
  message: string;
}

/** What the file is checked against: the run's bank rows it names (amount net of 扣回). */
export interface ExpectedLine {
  id: number;
  account: string | null;
  payableFen: number;
  status: string;
  blocked: boolean;
  kind: string;
}

const HEADERS: Record<string, string[]> = {
  lineId: ['序号'],
  account: ['账号'],
  amount: ['金额', '金额（元）', '金额(元)'],
  result: ['结果', '处理结果'],
  reason: ['原因', '失败原因', '备注'],
};

export type ParsedReturn =
  | { ok: true; rows: { row: number; lineId: string; account: string; amount: string; result: string; reason: string }[]; control: { row: number; amount: string } | null }
  | { ok: false; message: string };

export function parseReturnFile(text: string): ParsedReturn {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch {
    return { ok: false, message: '文件不是有效的 CSV，请使用银行返回的原始回盘文件' };
  }
  if (records.length < 2) return { ok: false, message: '回盘文件没有数据行' };
  const header = records[0]!.map((h) => h.replace(/\s/g, ''));
  const at: Record<string, number> = {};
  for (const [key, names] of Object.entries(HEADERS)) {
    const i = header.findIndex((h) => names.includes(h));
    if (i < 0) return { ok: false, message: `回盘文件缺少“${names[0]}”列（表头应为 序号、账号、金额、结果、原因）` };
    at[key] = i;
  }
  const rows = [];
  let control: { row: number; amount: string } | null = null;
  for (const [i, r] of records.slice(1).entries()) {
    const get = (k: string) => (r[at[k]!] ?? '').trim();
    if (get('lineId') === '合计') {
      control = { row: i + 2, amount: get('amount') };
      continue;
    }
    rows.push({ row: i + 2, lineId: get('lineId'), account: get('account'), amount: get('amount'), result: get('result'), reason: get('reason') });
  }
  if (rows.length === 0) return { ok: false, message: '回盘文件没有数据行' };
  return { ok: true, rows, control };
}

/**
 * Checks every row against the run: a 序号 that is a line of this run sent to the bank, not
 * listed twice, not already answered; the same account; the same amount; 成功 or 失败 (with a
 * reason). Returns the rows to apply, or every error found.
 */
export function validateReturn(parsed: Extract<ParsedReturn, { ok: true }>, lines: Map<number, ExpectedLine>): { ok: true; rows: ReturnRow[] } | { ok: false; errors: ReturnError[] } {
  const errors: ReturnError[] = [];
  const seen = new Map<number, number>();
  const rows: ReturnRow[] = [];
  let sum = 0;
  for (const r of parsed.rows) {
    const fail = (message: string) => errors.push({ row: r.row, lineId: r.lineId, message });
    const id = /^\d{1,15}$/.test(r.lineId) ? Number(r.lineId) : NaN;
    const line = Number.isFinite(id) ? lines.get(id) : undefined;
    if (!line || line.kind === 'recovery') {
      fail('序号不属于本批次');
      continue;
    }
    if (seen.has(id)) {
      fail(`序号重复（与第 ${seen.get(id)} 行相同）`);
      continue;
    }
    seen.set(id, r.row);
    if (line.blocked) fail('该明细账户受阻，未发送银行');
    else if (line.status !== 'pending') fail(`该明细已有回盘结果（${line.status === 'paid' ? '已支付' : '失败'}）`);
    if (r.account.replace(/\s/g, '') !== (line.account ?? '')) fail('账号与发放明细不符');
    const fen = parsePlainYuan(r.amount);
    if (fen === null) fail('金额格式不正确');
    else if (fen !== line.payableFen) fail(`金额不符：应为 ${plainYuan(line.payableFen)} 元，回盘为 ${plainYuan(fen)} 元`);
    const status = r.result === '成功' ? 'paid' : r.result === '失败' ? 'failed' : null;
    if (!status) fail('结果应为“成功”或“失败”');
    if (status === 'failed' && !r.reason) fail('失败须注明原因');
    if (status && fen !== null) {
      rows.push({ row: r.row, lineId: id, status, reason: status === 'failed' ? r.reason : null, fen });
      sum += fen;
    }
  }
  if (parsed.control && errors.length === 0) {
    const fen = parsePlainYuan(parsed.control.amount);
    if (fen !== sum) errors.push({ row: parsed.control.row, lineId: '合计', message: `合计金额 ${parsed.control.amount} 与明细之和 ${plainYuan(sum)} 不符` });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
