import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsOf } from '@/lib/actions/authed-action';
import { safeText, unsafeCharacterAt } from '@/lib/core/safe-text';

describe('unsafeCharacterAt: what a name or a note may not hold', () => {
  it.each([
    ['NUL (PostgreSQL cannot store it)', '张\u0000三', 1],
    ['BEL', '\u0007张三', 0],
    ['DEL', '张三\u007f', 2],
    ['a C1 control (NEL)', '张\u0085三', 1],
    ['right-to-left override', '张三\u202E123', 2],
    ['left-to-right embedding', '\u202A张三', 0],
    ['first-strong isolate', '张\u2068三', 1],
    ['right-to-left mark', '张\u200F三', 1],
    ['Arabic letter mark', '张\u061C三', 1],
    ['zero-width space', '张\u200B三', 1],
    ['zero-width joiner', '张\u200D三', 1],
    ['word joiner', '张\u2060三', 1],
    ['soft hyphen', '张\u00AD三', 1],
    ['a BOM inside the text', '张\uFEFF三', 1],
    ['a tag character (hidden ASCII)', '张三\u{E0041}', 2],
    ['line separator', '张\u2028三', 1],
    ['a lone surrogate', '张\uD800三', 1],
    ['a noncharacter', '张\uFFFE三', 1],
    ['a supplementary noncharacter', '张\u{1FFFF}', 1],
    ['a newline in a one-line field', '张\n三', 1],
    ['a tab in a one-line field', '张\t三', 1],
  ])('refuses %s', (_what, text, at) => {
    expect(unsafeCharacterAt(text)).toBe(at);
  });

  it('counts characters, not UTF-16 units: a rare Han character outside the BMP is one', () => {
    expect(unsafeCharacterAt('𠀀\u202E')).toBe(1);
  });

  it.each([
    ['a Han name', '穆小军'],
    ['a name with the middle dot', '阿卜杜·热合曼'],
    ['a rare character in the private-use area (生僻字 some registers encode there)', '王\uE000'],
    ['a rare Han character outside the BMP', '𠀀明'],
    ['a Han character with its variation selector', '葛\u{E0100}'],
    ['an ideographic space in an address', '康城村\u30003 号'],
    ['Latin letters, digits and punctuation', 'KC-2026-015（已公示）'],
  ])('allows %s', (_what, text) => {
    expect(unsafeCharacterAt(text)).toBe(-1);
  });

  it('allows line breaks and tabs in free text only', () => {
    expect(unsafeCharacterAt('第一行\r\n第二行\t完', true)).toBe(-1);
    expect(unsafeCharacterAt('第一行\n\u200B第二行', true)).toBe(4);
  });
});

describe('safeText: the field every schema uses', () => {
  const schema = z.object({ name: safeText('姓名').min(1, '请填写姓名').max(40, '姓名不能超过 40 个字') });
  const errors = (raw: unknown) => {
    const r = schema.safeParse(raw);
    return r.success ? {} : fieldErrorsOf(r.error);
  };

  it('refuses an invisible character at its field, saying where it is, before the length rules', () => {
    expect(errors({ name: '张\u202E三' })).toEqual({ name: '姓名不能包含控制字符或不可见字符（第 2 个字符处），请删除后重新输入' });
    expect(errors({ name: '\u0000'.repeat(50) }).name).toMatch(/^姓名不能包含控制字符或不可见字符/);
  });

  it('trims first, so the position is counted from the first character shown', () => {
    expect(errors({ name: '  张\u200B三' }).name).toContain('第 2 个字符处');
    expect(schema.parse({ name: '  张三  ' })).toEqual({ name: '张三' });
  });

  it('keeps the field’s own messages for a missing or too long value', () => {
    expect(errors({})).toEqual({ name: '请填写姓名' });
    expect(errors({ name: '' })).toEqual({ name: '请填写姓名' });
    expect(errors({ name: '张'.repeat(41) })).toEqual({ name: '姓名不能超过 40 个字' });
    expect(safeText('原因', { required: '请写明原因' }).safeParse(undefined).error?.issues[0]?.message).toBe('请写明原因');
  });
});
