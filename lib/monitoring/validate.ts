import type { MonitoringFileKind } from '@/db/schema';
import { isIsoDate } from '@/lib/core/calendar-date';
import { parseIdNumber } from '@/lib/core/resident-id';
import { todayInChina } from '@/lib/core/time';
import { disabilityCategories, monitoringLayouts, type MonitoringError } from './layout';

/** A checked row, in the shape its table takes (money already in fen). */
export type CheckedRow = Record<string, string | number>;

export type Validated = { ok: true; rows: CheckedRow[] } | { ok: false; errors: MonitoringError[] };

/** "1234.5" / "1,234.50" / "10000" → fen, exactly; null for anything else (3 decimals, a sign, a letter). */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const fieldOf: Record<string, string> = {
  身份证号: 'idNumber', 姓名: 'name', 死亡日期: 'diedOn', 结算日期: 'settledOn', 自付金额: 'selfPayFen',
  证号: 'certificateNo', 类别: 'category', 等级: 'grade', 发证日期: 'issuedOn', 登记日期: 'registeredOn',
};

/** Every row checked against its kind's layout, so the user gets every problem in one pass. */
export function validateMonitoringRows(kind: MonitoringFileKind, rows: readonly { row: number; cells: Record<string, string> }[], now: Date = new Date()): Validated {
  const today = todayInChina(now);
  const errors: MonitoringError[] = [];
  const out: CheckedRow[] = [];
  for (const r of rows) {
    const checked: CheckedRow = {};
    const bad = (column: string, message: string) => errors.push({ row: r.row, column, message, ...(r.cells[column] ? { value: r.cells[column] } : {}) });
    for (const col of monitoringLayouts[kind].columns) {
      const v = r.cells[col.header] ?? '';
      const field = fieldOf[col.header]!;
      if (v === '') {
        bad(col.header, `请填写${col.header}`);
        continue;
      }
      switch (col.type) {
        case 'id': {
          const id = parseIdNumber(v, now);
          if (id.ok) checked[field] = id.id;
          else bad(col.header, id.error);
          break;
        }
        case 'text':
          if (v.length > 40) bad(col.header, `${col.header}不能超过 40 字`);
          else if (col.header === '类别' && !(disabilityCategories as readonly string[]).includes(v)) bad(col.header, `类别须为${disabilityCategories.join('、')}之一`);
          else checked[field] = v;
          break;
        case 'date':
          if (!isIsoDate(v)) bad(col.header, `${col.header}须为 YYYY-MM-DD 格式的有效日期，如 2026-11-29`);
          else if (v > today) bad(col.header, `${col.header}晚于今天，请核对`);
          else checked[field] = v;
          break;
        case 'yuan': {
          const fen = yuanToFen(v);
          if (fen === null) bad(col.header, `${col.header}须为以元为单位、最多两位小数的金额，如 1234.50`);
          else checked[field] = fen;
          break;
        }
        case 'grade':
          if (!/^[1-4]$/.test(v)) bad(col.header, '等级须为 1、2、3 或 4');
          else checked[field] = Number(v);
          break;
      }
    }
    out.push(checked);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows: out };
}
