import { describe, expect, it } from 'vitest';
import { parsePlainYuan, parseYuanToFen, plainYuan } from '@/lib/core/money';

const fen = (raw: string) => {
  const r = parseYuanToFen(raw);
  if (!r.ok) throw new Error(`expected "${raw}" to parse, got: ${r.error}`);
  return r.fen;
};

describe('parseYuanToFen', () => {
  it.each([
    ['2452', 245200],
    ['2,452.00', 245200],
    ['0.5', 50],
    ['0.05', 5],
    ['￥12.30', 1230],
    ['¥ 12.3', 1230],
    ['  442  ', 44200],
    ['0', 0],
    ['007.10', 710],
    ['1,000,000', 100000000],
    ['100,000,000', 10000000000],
  ])('%s yuan is %i fen', (raw, expected) => {
    expect(parseYuanToFen(raw)).toEqual({ ok: true, fen: expected });
  });

  it('adds decimal amounts exactly, unlike floating point', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the trap being avoided
    expect(fen('0.1') + fen('0.2')).toBe(fen('0.3'));
    expect(fen('1.15') * 3).toBe(345);
    expect(fen('4.35')).toBe(435); // 4.35 * 100 = 434.99999999999994 in floating point
    expect(fen('201.10')).toBe(20110);
  });

  it.each([
    ['', '请填写金额'],
    ['   ', '请填写金额'],
    ['-5', '金额不能为负数'],
    ['12.345', '金额最多两位小数'],
    ['abc', '请输入有效的金额，例如 2452 或 2,452.00'],
    ['12.', '请输入有效的金额，例如 2452 或 2,452.00'],
    ['1.2.3', '请输入有效的金额，例如 2452 或 2,452.00'],
    ['24,52', '请输入有效的金额，例如 2452 或 2,452.00'],
    ['1e3', '请输入有效的金额，例如 2452 或 2,452.00'],
    ['100000000.01', '金额不能超过 100,000,000 元'],
    ['1000000000', '金额不能超过 100,000,000 元'],
    ['99999999999999999999', '金额不能超过 100,000,000 元'],
  ])('refuses "%s": %s', (raw, error) => {
    expect(parseYuanToFen(raw)).toEqual({ ok: false, error });
  });
});

describe('the bank file’s plain yuan', () => {
  it('reads and writes yuan exactly, without separators or signs', () => {
    expect(parsePlainYuan('2452.00')).toBe(245_200);
    expect(parsePlainYuan('50')).toBe(5_000);
    expect(parsePlainYuan('0.5')).toBe(50);
    for (const bad of ['-1', '1,000.00', '1.005', '', '¥5']) expect(parsePlainYuan(bad)).toBeNull();
    expect(plainYuan(245_200)).toBe('2452.00');
    expect(plainYuan(5)).toBe('0.05');
  });
});
