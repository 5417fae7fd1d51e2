import { describe, expect, it } from 'vitest';
import { formatFen } from '@/lib/core/format';
import { checkAnswerFile, requestFile } from '@/lib/verification/files';
import { assetFindings, expiresOn, figuresByPersonAndItem, isExpired, missingSigners } from '@/lib/verification/rules';

const persons = [
  { seq: 1, kind: 'member' as const, personId: 'm1', name: '穆小军', idNumber: '141130198003129013', relation: '本人' },
  { seq: 2, kind: 'supporter' as const, personId: 's1', name: '穆老汉', idNumber: '14113019550505001X', relation: '父亲（法定抚养人）' },
];
const header = '批次号,核对部门,序号,证件号码,姓名,项目,金额（元）,说明';

describe('verification rules', () => {
  it('names every adult member (18 on the day of signing) and every supporter who did not sign', () => {
    const members = [
      { id: 'a', name: '甲', birthDate: '2008-12-08' }, // 18 on 2026-12-08, not the day before
      { id: 'b', name: '乙', birthDate: '1980-01-01' },
    ];
    expect(missingSigners(members, [{ id: 's', name: '丙' }], '2026-12-07', ['b'], [])).toEqual(['丙']);
    expect(missingSigners(members, [{ id: 's', name: '丙' }], '2026-12-08', ['b'], ['s'])).toEqual(['甲']);
    expect(missingSigners(members, [], '2026-12-08', ['a', 'b'], [])).toEqual([]);
  });

  it('adds one department’s lines and takes the highest of several departments for the same item', () => {
    const f = figuresByPersonAndItem([
      { seq: 1, departmentId: 'hrss', item: 'wages', amountFen: 100_000 },
      { seq: 1, departmentId: 'hrss', item: 'wages', amountFen: 20_000 },
      { seq: 1, departmentId: 'tax', item: 'wages', amountFen: 110_000 },
      { seq: 1, departmentId: 'police', item: 'none', amountFen: null },
    ]);
    expect(f.get('1:wages')?.amountFen).toBe(120_000);
    expect(f.has('1:none')).toBe(false);
  });

  it('deposits above months × standard × persons breach; a vehicle by the rule; a firm only flags', () => {
    const policy = { depositMonths: 24, monthlyStandardFen: 40_200, persons: 5, vehicleRule: 'not_eligible', businessRule: 'flag' };
    const limit = 24 * 40_200 * 5; // 48,240 yuan
    const at = (fen: number) => assetFindings([{ seq: 1, item: 'deposit', amountFen: fen }], new Set([1]), policy, formatFen);
    expect(at(limit)).toEqual([]);
    expect(at(limit + 1)).toEqual([{ rule: 'deposit', breach: true, message: expect.stringContaining('¥48,240.00') }]);
    const other = assetFindings([{ seq: 2, item: 'deposit', amountFen: limit * 2 }], new Set([1]), policy, formatFen);
    expect(other).toEqual([]); // a supporter's savings are not the household's
    const car = assetFindings([{ seq: 1, item: 'vehicle', amountFen: null }, { seq: 1, item: 'vehicle_disability', amountFen: null }, { seq: 1, item: 'business_registration', amountFen: null }], new Set([1]), policy, formatFen);
    expect(car.map((f) => [f.rule, f.breach])).toEqual([['vehicle', true], ['business_registration', false]]);
    expect(assetFindings([{ seq: 1, item: 'vehicle', amountFen: null }], new Set([1]), { ...policy, vehicleRule: 'ignore' }, formatFen)).toEqual([]);
  });

  it('expires the day after completion + valid days', () => {
    expect(expiresOn('2026-09-01', 90)).toBe('2026-11-30');
    expect(isExpired('2026-09-01', 90, '2026-11-30')).toBe(false);
    expect(isExpired('2026-09-01', 90, '2026-12-01')).toBe(true);
  });

  it('writes the request file with a BOM and one row per person', () => {
    const text = requestFile('HD141130202612070001', { name: '银行', matters: '存款及金融资产' }, persons);
    expect(text.split('\r\n')).toEqual([
      '\uFEFF批次号,核对部门,序号,姓名,证件类型,证件号码,与申请人关系,核对事项',
      'HD141130202612070001,银行,1,穆小军,居民身份证,141130198003129013,本人,存款及金融资产',
      'HD141130202612070001,银行,2,穆老汉,居民身份证,14113019550505001X,父亲（法定抚养人）,存款及金融资产',
      '',
    ]);
  });

  it('checks an answer file whole: columns in any order, amounts in yuan, every bad row reported', () => {
    const expected = { batchNo: 'HD1', department: '人社', persons };
    const good = `\uFEFF说明,${header.replace(',说明', '')}\r\n县城保洁,HD1,人社,1,141130198003129013,穆小军,工资性收入,500.5\r\n,HD1,人社,2,14113019550505001x,穆老汉,无记录,\r\n`;
    expect(checkAnswerFile(good, expected)).toEqual({ ok: true, lines: [{ seq: 1, item: 'wages', amountFen: 50_050, note: '县城保洁' }, { seq: 2, item: 'none', amountFen: null, note: null }] });
    const bad = `${header}\r\nHD1,人社,1,141130198003129013,穆小军,工资性收入,,\r\nHD1,人社,1,141130198003129013,穆小军,彩票,1,\r\nHD1,人社,1,141130198003129013,穆小军,养老金,-1,\r\n`;
    const out = checkAnswerFile(bad, expected);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.errors).toEqual([
      { row: 2, message: '工资性收入须填写金额（元）' },
      { row: 3, message: expect.stringContaining('项目“彩票”无法识别') },
      { row: 4, message: expect.stringContaining('金额“-1”格式不正确') },
    ]);
    expect(checkAnswerFile(`${header}\r\n`, expected)).toMatchObject({ ok: false, message: '核对结果文件没有数据行' });
  });
});
