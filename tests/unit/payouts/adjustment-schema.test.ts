import { describe, expect, it } from 'vitest';
import { adjustmentSchema } from '@/lib/payouts/schemas';

const base = { enrollmentId: '5f0c8a9e-1b2c-4d3e-8f40-123456789abc', kind: 'arrears', startMonth: '2026-12', forMonth: '2026-11', reason: '系统故障漏发' };
const errorsOf = (input: Record<string, string>) => {
  const r = adjustmentSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe('the 补发 / 扣回 form’s amounts', () => {
  it('take yuan as people type them, thousands separators and ¥ included, as integer fen', () => {
    for (const [typed, fen] of [['2452', 245_200], ['2,452', 245_200], ['2,452.00', 245_200], ['¥12.30', 1_230], ['0.1', 10]] as const) {
      const r = adjustmentSchema.safeParse({ ...base, amount: typed });
      expect(r.success && r.data.amount, typed).toBe(fen);
    }
  });

  it('refuse what is not an amount at the field, in Chinese', () => {
    expect(errorsOf({ ...base, amount: '24,52' }).amount).toBe('请输入有效的金额，例如 2452 或 2,452.00');
    expect(errorsOf({ ...base, amount: '-5' }).amount).toBe('金额不能为负数');
    expect(errorsOf({ ...base, amount: '1.234' }).amount).toBe('金额最多两位小数');
    expect(errorsOf({ ...base, amount: '' }).amount).toBe('请填写金额');
    expect(errorsOf({ ...base, kind: 'recovery', amount: '300', perMonth: '1,00' }).perMonth).toBe('请输入有效的金额，例如 2452 或 2,452.00');
  });
});
