// The files exchanged with the departments (docs/verification-files.md): the request file per
// department (CSV, UTF-8 with BOM) and the department's answer file, checked whole like the bank's
// return file (lib/payouts/return-file.ts): one bad row refuses the file, every error reported.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parsePlainYuan } from '@/lib/core/money';
import type { VerificationPerson } from '@/db/schema/verification';
import { amountRequired, itemLabels, type VerificationItem } from './labels';

export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;
export const MAX_REPORTED_ERRORS = 1000;

export const requestHeader = ['批次号', '核对部门', '序号', '姓名', '证件类型', '证件号码', '与申请人关系', '核对事项'] as const;
export const answerHeader = ['批次号', '核对部门', '序号', '证件号码', '姓名', '项目', '金额（元）', '说明'] as const;

/** The request file for one department: one row per person, BOM first so that Excel reads UTF-8. */
export function requestFile(batchNo: string, department: { name: string; matters: string }, persons: readonly VerificationPerson[]): string {
  const rows = persons.map((p) => [batchNo, department.name, String(p.seq), p.name, '居民身份证', p.idNumber, p.relation, department.matters]);
  return `\uFEFF${stringify([[...requestHeader], ...rows], { record_delimiter: '\r\n' })}`;
}

export interface AnswerError {
  row: number;
  message: string;
}

export interface AnswerLine {
  seq: number;
  item: VerificationItem;
  amountFen: number | null;
  note: string | null;
}

const itemByLabel = new Map(Object.entries(itemLabels).map(([k, v]) => [v, k as VerificationItem]));
const aliases: Record<string, string[]> = { '金额（元）': ['金额（元）', '金额(元)', '金额'] };

/**
 * Parses and checks a department's answer against its request: every row of this batch and this
 * department, a 序号 of the request with that person's 证件号码, a known 项目, an amount in yuan
 * where the item needs one. Returns the lines, or every error (nothing is written by the caller).
 */
export function checkAnswerFile(
  text: string,
  expected: { batchNo: string; department: string; persons: readonly VerificationPerson[] },
): { ok: true; lines: AnswerLine[] } | { ok: false; message: string; errors: AnswerError[] } {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch {
    return { ok: false, message: '文件不是有效的 CSV，请使用部门返回的核对结果文件', errors: [] };
  }
  if (records.length < 2) return { ok: false, message: '核对结果文件没有数据行', errors: [] };
  const header = records[0]!.map((h) => h.replace(/\s/g, ''));
  const at: Record<string, number> = {};
  for (const name of answerHeader) {
    const i = header.findIndex((h) => (aliases[name] ?? [name]).includes(h));
    if (i < 0) return { ok: false, message: `核对结果文件缺少“${name}”列（表头应为 ${answerHeader.join('、')}）`, errors: [] };
    at[name] = i;
  }
  const persons = new Map(expected.persons.map((p) => [p.seq, p]));
  const errors: AnswerError[] = [];
  const lines: AnswerLine[] = [];
  for (const [i, r] of records.slice(1).entries()) {
    const row = i + 2;
    const get = (k: string) => (r[at[k]!] ?? '').trim();
    const before = errors.length;
    const fail = (message: string) => errors.push({ row, message });
    if (get('批次号') !== expected.batchNo) fail(`批次号“${get('批次号')}”不是本次核对（应为 ${expected.batchNo}）`);
    if (get('核对部门') !== expected.department) fail(`核对部门“${get('核对部门')}”不是${expected.department}`);
    const seq = /^\d{1,6}$/.test(get('序号')) ? Number(get('序号')) : NaN;
    const person = persons.get(seq);
    if (!person) fail(`序号“${get('序号')}”不属于本批次`);
    else if (get('证件号码').toUpperCase() !== person.idNumber) fail('证件号码与核对请求中的该序号不符');
    const item = itemByLabel.get(get('项目'));
    if (!item) fail(`项目“${get('项目')}”无法识别（应为 ${Object.values(itemLabels).join('、')} 之一）`);
    const amountText = get('金额（元）');
    let amountFen: number | null = null;
    if (amountText) {
      amountFen = parsePlainYuan(amountText);
      if (amountFen === null) fail(`金额“${amountText}”格式不正确（应为元，最多两位小数，如 1850.00）`);
    } else if (item && amountRequired.has(item)) fail(`${itemLabels[item]}须填写金额（元）`);
    const note = get('说明');
    if (note.length > 200) fail('说明最多 200 个字');
    if (errors.length === before && item) lines.push({ seq, item, amountFen: item === 'none' ? null : amountFen, note: note || null });
  }
  if (errors.length) return { ok: false, message: `核对结果文件有 ${errors.length} 处错误，整个文件未导入；请核对后重新导入`, errors };
  return { ok: true, lines };
}
