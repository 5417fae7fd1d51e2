import { describe, expect, it } from 'vitest';
import { idCheckDigit, idNumberSchema, parseIdNumber } from '@/lib/core/resident-id';
import fixture from '../../fixtures/mu-xiaojun.json';

const today = new Date('2026-11-29T12:00:00+08:00');

describe('parseIdNumber', () => {
  it.each(fixture.household.members)('reads birth date and sex of $name from the ID', (member) => {
    const parsed = parseIdNumber(member.idNumber, today);
    expect(parsed).toEqual({
      ok: true,
      id: member.idNumber,
      birthDate: member.birthDate,
      sex: member.sex,
      regionCode: fixture.policy.region,
    });
  });

  it('refuses a wrong check digit without revealing the right one', () => {
    const parsed = parseIdNumber(fixture.invalidIds.wrongCheckDigit, today);
    expect(parsed).toEqual({ ok: false, error: expect.stringContaining('校验码不正确') });
    if (!parsed.ok) expect(parsed.error).not.toMatch(/\d/);
  });

  it('refuses 30 February even though the check digit holds', () => {
    const id = fixture.invalidIds.impossibleDate;
    expect(idCheckDigit(id.slice(0, 17))).toBe(id[17]);
    expect(parseIdNumber(id, today)).toEqual({ ok: false, error: expect.stringContaining('不是有效日期') });
  });

  it('says how many characters were typed when the length is wrong', () => {
    expect(parseIdNumber(fixture.invalidIds.tooShort, today)).toEqual({
      ok: false,
      error: '身份证号应为 18 位，当前输入了 17 位',
    });
    expect(parseIdNumber(`${fixture.household.members[0]!.idNumber}1`, today)).toEqual({
      ok: false,
      error: '身份证号应为 18 位，当前输入了 19 位',
    });
  });

  it('asks for the ID when nothing was typed, and trims spaces', () => {
    expect(parseIdNumber('   ', today)).toEqual({ ok: false, error: '请填写身份证号' });
    expect(parseIdNumber(' 141130198003129013 ', today)).toMatchObject({ ok: true, id: '141130198003129013' });
  });

  it('refuses letters other than a final X', () => {
    expect(parseIdNumber('14113019800312901A', today)).toEqual({
      ok: false,
      error: expect.stringContaining('最后一位为数字或 X'),
    });
  });

  it('accepts a lower-case x check digit and returns it upper-case', () => {
    // Search sequence numbers for one whose check digit is X (1 in 11 are).
    let first17 = '';
    for (let seq = 100; seq < 1000; seq++) {
      const candidate = `14113019900101${seq}`;
      if (idCheckDigit(candidate) === 'X') {
        first17 = candidate;
        break;
      }
    }
    expect(first17).not.toBe('');
    const parsed = parseIdNumber(`${first17}x`, today);
    expect(parsed).toMatchObject({ ok: true, id: `${first17}X`, birthDate: '1990-01-01' });
  });

  it('refuses a birth date after today, but accepts a child born today (China time)', () => {
    const tomorrow = '14113020261130123';
    expect(parseIdNumber(tomorrow + idCheckDigit(tomorrow), today)).toEqual({
      ok: false,
      error: expect.stringContaining('晚于今天'),
    });
    // 00:30 in 吕梁 is still the previous day in UTC.
    const bornToday = '14113020261129123';
    const earlyMorning = new Date('2026-11-29T00:30:00+08:00');
    expect(parseIdNumber(bornToday + idCheckDigit(bornToday), earlyMorning)).toMatchObject({
      ok: true,
      birthDate: '2026-11-29',
    });
  });

  it('refuses a birth date before 1900', () => {
    const first17 = '14113018991231123';
    expect(parseIdNumber(first17 + idCheckDigit(first17), today)).toEqual({
      ok: false,
      error: expect.stringContaining('1900'),
    });
  });

  it('derives sex from the 17th digit: odd 男, even 女', () => {
    const male = '14113019800312901';
    const female = '14113019800312902';
    expect(parseIdNumber(male + idCheckDigit(male), today)).toMatchObject({ sex: '男' });
    expect(parseIdNumber(female + idCheckDigit(female), today)).toMatchObject({ sex: '女' });
  });
});

describe('idNumberSchema', () => {
  it('outputs the normalized ID', () => {
    expect(idNumberSchema(today).parse(' 141130198003129013')).toBe('141130198003129013');
  });

  it('puts the message on the field path', () => {
    const result = idNumberSchema(today).safeParse(fixture.invalidIds.wrongCheckDigit);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: [], message: expect.stringContaining('校验码不正确') }),
    ]);
  });
});
