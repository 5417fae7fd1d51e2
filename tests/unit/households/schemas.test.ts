import { describe, expect, it } from 'vitest';
import { householdInputSchema, memberInputSchema } from '@/lib/households/schemas';
import fixture from '../../fixtures/mu-xiaojun.json';

// A 19-digit card whose last digit satisfies Luhn; ...1234 would not.
const card = '6228480470000001235';

/** The reference household as the registration form would submit it. */
function referenceHousehold() {
  const { registeredPoor } = fixture.household;
  return {
    villageCode: '141130101200', // 交口县 康城镇 康城村委会
    address: '交口县康城镇康城村',
    kind: fixture.household.kind,
    phone: '0358-8221234',
    registeredPoor: 'on',
    registeredPoorYear: String(registeredPoor.since),
    povertyCauses: registeredPoor.causes,
    leftPoverty: 'on',
    leftPovertyYear: String(registeredPoor.leftPovertyYear),
    bank: { bankName: '吕梁农商银行', accountKind: 'card', account: '6228 4804 7000 0001 235', holder: '穆小军' },
    members: fixture.household.members.map((m) => ({
      name: m.name,
      idNumber: m.idNumber,
      relation: m.relation,
      disabilityKind: m.disability?.kind ?? '',
      disabilityGrade: m.disability ? String(m.disability.grade) : '',
      disabilityCertificate: '',
      seriousIllness: undefined,
      schoolStage: m.inSchool ?? '',
      workingCapacity: m.workingCapacity ?? 'none',
    })),
  };
}

/** Parse and return the issues as { 'members.1.idNumber': message }. */
function issuesOf(input: unknown) {
  const result = householdInputSchema.safeParse(input);
  expect(result.success, 'expected the household to be refused').toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('householdInputSchema', () => {
  it('accepts the reference household (穆小军) and normalizes it', () => {
    const result = householdInputSchema.safeParse(referenceHousehold());
    expect(result.error?.issues).toBeUndefined();
    const h = result.data!;
    expect(h).toMatchObject({
      kind: 'rural',
      registeredPoor: true,
      registeredPoorYear: 2014,
      povertyCauses: ['因病', '因学'],
      leftPoverty: true,
      leftPovertyYear: 2018,
      phone: '0358-8221234',
      bank: { accountKind: 'card', account: card, holder: '穆小军' },
    });
    expect(h.members).toHaveLength(5);
    expect(h.members[0]).toMatchObject({ relation: '本人', disabilityKind: '肢体', disabilityGrade: 1, seriousIllness: false });
    expect(h.members[2]).toMatchObject({ schoolStage: '高中', disabilityKind: undefined, disabilityGrade: undefined });
  });

  it('treats an empty phone and an all-blank bank account as absent', () => {
    const input = { ...referenceHousehold(), phone: '', bank: { bankName: '', accountKind: '', account: '', holder: '' } };
    const result = householdInputSchema.safeParse(input);
    expect(result.error?.issues).toBeUndefined();
    expect(result.data).toMatchObject({ phone: null, bank: undefined });
  });

  it('refuses a household without a head', () => {
    const input = referenceHousehold();
    input.members[0]!.relation = '其他';
    expect(issuesOf(input)).toEqual({ members: '必须有且只有一位户主（与户主关系为"本人"）' });
  });

  it('refuses a household with two heads', () => {
    const input = referenceHousehold();
    input.members[1]!.relation = '本人';
    expect(issuesOf(input)).toEqual({ members: '必须有且只有一位户主（与户主关系为"本人"）' });
  });

  it('refuses a resident ID entered twice, on the later member', () => {
    const input = referenceHousehold();
    input.members[3]!.idNumber = input.members[1]!.idNumber;
    expect(issuesOf(input)).toEqual({ 'members.3.idNumber': '与第 2 位成员身份证号重复' });
  });

  it('finds duplicates regardless of a lower-case x', () => {
    const input = referenceHousehold();
    const idWithX = '14113019900101118X'; // check digit X (see id-number.test.ts)
    input.members[1]!.idNumber = idWithX;
    input.members[4]!.idNumber = idWithX.toLowerCase();
    const result = householdInputSchema.safeParse(input);
    if (result.success) {
      throw new Error('expected a duplicate');
    }
    expect(result.error.issues.map((i) => i.path.join('.'))).toContain('members.4.idNumber');
  });

  it('requires the year when the household is registered poor', () => {
    const input = { ...referenceHousehold(), registeredPoorYear: '', leftPoverty: '', leftPovertyYear: '' };
    expect(issuesOf(input)).toEqual({ registeredPoorYear: '建档立卡户须填写建档年份' });
  });

  it('checks poverty years and causes against each other', () => {
    const thisYear = new Date().getFullYear();
    expect(issuesOf({ ...referenceHousehold(), registeredPoorYear: '2012' })).toEqual({
      registeredPoorYear: `建档年份应在 2013–${thisYear} 年之间`,
    });
    expect(issuesOf({ ...referenceHousehold(), povertyCauses: [] })).toEqual({
      povertyCauses: '建档立卡户须至少选择一项致贫原因',
    });
    expect(issuesOf({ ...referenceHousehold(), leftPovertyYear: '2013' })).toEqual({
      leftPovertyYear: '脱贫年份不能早于建档年份（2014 年）',
    });
    expect(issuesOf({ ...referenceHousehold(), leftPovertyYear: '' })).toEqual({ leftPovertyYear: '已脱贫须填写脱贫年份' });
  });

  it('needs the whole bank account once any part is filled, and checks the number', () => {
    const base = referenceHousehold();
    expect(issuesOf({ ...base, bank: { ...base.bank, holder: '', account: '6228480470000001234' } })).toEqual({
      'bank.holder': '请填写开户人姓名',
      'bank.account': '银行卡号校验不通过，请核对是否抄错',
    });
  });

  it('reports every problem at once, across members and household fields', () => {
    const input = { ...referenceHousehold(), villageCode: '1411301012', registeredPoorYear: '' };
    input.members[0]!.relation = '配偶';
    input.members[1]!.idNumber = fixture.invalidIds.wrongCheckDigit;
    expect(Object.keys(issuesOf(input)).sort()).toEqual(
      ['members', 'members.1.idNumber', 'registeredPoorYear', 'villageCode'].sort(),
    );
  });
});

describe('memberInputSchema', () => {
  const member = { name: '穆小军', idNumber: '141130198003129013', relation: '本人', workingCapacity: 'none' };

  it('accepts a minimal member and reads checkbox values', () => {
    expect(memberInputSchema.parse({ ...member, seriousIllness: 'on' })).toMatchObject({ seriousIllness: true });
    expect(memberInputSchema.parse({ ...member, seriousIllness: 'true' })).toMatchObject({ seriousIllness: true });
    const minimal = memberInputSchema.parse(member);
    expect(minimal.seriousIllness).toBe(false);
    expect(minimal.disabilityKind).toBeUndefined();
  });

  it('asks for a name', () => {
    const result = memberInputSchema.safeParse({ ...member, name: '  ' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['name'], message: '请填写姓名' })]);
  });

  it('puts the disability kind/grade mismatch on the grade field, both ways', () => {
    const noGrade = memberInputSchema.safeParse({ ...member, disabilityKind: '肢体' });
    expect(noGrade.error?.issues).toEqual([
      expect.objectContaining({ path: ['disabilityGrade'], message: '已选择残疾类别，请填写残疾等级' }),
    ]);
    const noKind = memberInputSchema.safeParse({ ...member, disabilityGrade: '2' });
    expect(noKind.error?.issues).toEqual([
      expect.objectContaining({ path: ['disabilityGrade'], message: '填写残疾等级时须同时选择残疾类别' }),
    ]);
    const badGrade = memberInputSchema.safeParse({ ...member, disabilityKind: '肢体', disabilityGrade: '5' });
    expect(badGrade.error?.issues).toEqual([
      expect.objectContaining({ path: ['disabilityGrade'], message: '残疾等级应为 1–4 级' }),
    ]);
  });

  it('refuses an unknown relation or working capacity with a Chinese message', () => {
    const result = memberInputSchema.safeParse({ ...member, relation: '邻居', workingCapacity: 'some' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['relation', '请选择与户主关系'],
      ['workingCapacity', '请选择劳动能力'],
    ]);
  });
});
