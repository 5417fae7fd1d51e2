import { describe, expect, it } from 'vitest';
import { rosterExample, type RosterHeader, type RosterRow } from '@/lib/households/import/layout';
import { validateRoster } from '@/lib/households/import/validate';
import fixture from '../../fixtures/mu-xiaojun.json';

type Cells = Partial<Record<RosterHeader, string>>;

/** Spreadsheet rows as the parser hands them over: the header is row 1, data from row 2. */
function rows(...cells: Cells[]): RosterRow[] {
  return cells.map((c, i) => ({ row: i + 2, cells: c }));
}

/** The reference household under another key, with its IDs replaced (so two can sit in one file). */
function reference(key = '1', overrides: Cells[] = []): Cells[] {
  return rosterExample.map((r, i) => ({ ...r, 户编号: key, ...overrides[i] }));
}

function errorsOf(input: RosterRow[]) {
  const result = validateRoster(input);
  expect(result.ok, 'expected the roster to be refused').toBe(false);
  return result.ok ? [] : result.errors;
}

describe('validateRoster', () => {
  it('reads the reference household (穆小军) into the shared household schema', () => {
    const result = validateRoster(rows(...reference()));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.households).toHaveLength(1);
    const [h] = result.households;
    expect(h).toMatchObject({ key: '1', headRow: 2, memberRows: [2, 3, 4, 5, 6] });
    expect(h!.input).toMatchObject({
      villageCode: '141130101200',
      kind: 'rural',
      phone: '0358-8221234',
      registeredPoor: true,
      registeredPoorYear: 2014,
      povertyCauses: ['因病', '因学'],
      leftPoverty: true,
      leftPovertyYear: 2018,
      bank: { bankName: '吕梁农商银行', accountKind: 'card', account: '6228480470000001235', holder: '穆小军' },
    });
    // The example on the template's notes sheet is the fixture's family, member for member.
    expect(h!.input.members.map((m) => [m.name, m.idNumber, m.relation])).toEqual(
      fixture.household.members.map((m) => [m.name, m.idNumber, m.relation]),
    );
    expect(h!.input.members[0]).toMatchObject({ disabilityKind: '肢体', disabilityGrade: 1, workingCapacity: 'none', seriousIllness: false });
    expect(h!.input.members[2]).toMatchObject({ schoolStage: '高中', disabilityKind: undefined });
  });

  it('names the row and column of a wrong check digit', () => {
    const file = rows(...reference('1', [{}, { 身份证号: fixture.invalidIds.wrongCheckDigit.replace('141130198003', '141130198206') }]));
    expect(errorsOf(file)).toEqual([{ row: 3, column: '身份证号', message: '身份证号校验码不正确，请核对后重新输入' }]);
  });

  it('refuses the same resident ID twice in one file, on the later row', () => {
    const again = { 户编号: '2', 村代码: '141130101200', 住址: '康城村 2 号', 城乡: '农村', 姓名: '穆小军', 身份证号: '141130198003129013', 与户主关系: '本人', 劳动能力: '无' };
    expect(errorsOf(rows(...reference(), again))).toEqual([{ row: 7, column: '身份证号', message: '与第 2 行的身份证号重复' }]);
  });

  it('needs exactly one head per household and accepts "户主" for 本人', () => {
    const noHead = reference('1', [{ 与户主关系: '配偶' }]);
    expect(errorsOf(rows(...noHead))[0]).toMatchObject({ row: 2, column: '与户主关系', message: expect.stringContaining('没有户主') });
    const twoHeads = reference('1', [{}, { 与户主关系: '本人' }]);
    expect(errorsOf(rows(...twoHeads))).toContainEqual({ row: 3, column: '与户主关系', message: '户编号“1”已有户主（第 2 行），每户只能有一位“本人”' });
    expect(validateRoster(rows(...reference('1', [{ 与户主关系: '户主' }]))).ok).toBe(true);
  });

  it('reads 与户主关系 in the register’s everyday words (户主, 妻子, 儿子, 女儿, 母亲…) as the system’s eight', () => {
    const everyday = reference('1', [{ 与户主关系: '自己' }, { 与户主关系: '妻子' }, { 与户主关系: '儿子' }, { 与户主关系: '女儿' }, { 与户主关系: '孙子' }]);
    const result = validateRoster(rows(...everyday));
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.households[0]!.input.members.map((m) => m.relation)).toEqual(['本人', '配偶', '子女', '子女', '孙子女']);
    const more = reference('1', [{}, { 与户主关系: '母亲' }, { 与户主关系: '外婆' }, { 与户主关系: '弟弟' }, { 与户主关系: '儿媳' }]);
    const again = validateRoster(rows(...more));
    expect(again.ok && again.households[0]!.input.members.map((m) => m.relation)).toEqual(['本人', '父母', '祖父母', '兄弟姐妹', '子女']);
    expect(errorsOf(rows(...reference('1', [{}, { 与户主关系: '表哥' }])))).toEqual([
      { row: 3, column: '与户主关系', message: '“表哥”无效，应填“本人”、“配偶”、“子女”、“父母”、“祖父母”、“孙子女”、“兄弟姐妹”、“其他”，或母亲、儿子、孙女等具体称谓' },
    ]);
  });

  it('reads household columns from the head row; other rows may leave them blank or repeat them, not contradict them', () => {
    const repeated = reference('1', [{}, { 村代码: '141130101200', 城乡: '农村' }]);
    expect(validateRoster(rows(...repeated)).ok).toBe(true);
    const contradicting = reference('1', [{}, { 村代码: '141130101201' }]);
    expect(errorsOf(rows(...contradicting))).toEqual([
      { row: 3, column: '村代码', message: '与户主所在行（第 2 行）的“141130101200”不一致' },
    ]);
  });

  it('groups rows by 户编号 even when a household is split across the file', () => {
    const [head, spouse, ...children] = reference('A');
    const other = { 户编号: 'B', 村代码: '141130101200', 住址: '康城村 9 号', 城乡: '城市', 姓名: '张三', 身份证号: '141130195001010015', 与户主关系: '本人', 劳动能力: '部分' };
    const result = validateRoster(rows(head!, other, spouse!, ...children));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.households.map((h) => [h.key, h.memberRows])).toEqual([
      ['A', [2, 4, 5, 6, 7]],
      ['B', [3]],
    ]);
    expect(result.households[1]!.input.kind).toBe('urban');
  });

  it('explains wrong words in the spreadsheet’s own terms and lists every problem in row order', () => {
    const file = rows(
      ...reference('1', [
        { 城乡: '乡村', 致贫原因: '因病、没钱' },
        { 劳动能力: '' },
        { 在读学段: '大学' },
        { 户编号: '' },
        { 重病: '有' },
      ]),
    );
    expect(errorsOf(file)).toEqual([
      { row: 2, column: '城乡', message: '“乡村”无效，应填“城市”、“农村”' },
      { row: 2, column: '致贫原因', message: '“没钱”不是可选的致贫原因，可选：因病、因残、因学、因灾、缺劳力、缺技术、缺资金、其他' },
      { row: 3, column: '劳动能力', message: '请填写劳动能力（完全、部分或无）' },
      { row: 4, column: '在读学段', message: '“大学”无效，应填“学前”、“小学”、“初中”、“高中”、“中职”、“大专”、“本科”、“研究生”' },
      { row: 5, column: '户编号', message: '请填写户编号（同一户的成员填同一个编号）' },
      { row: 6, column: '重病', message: '“有”无效，应填“是”、“否”' },
    ]);
  });

  it('puts household-level rules on the head row: half a bank account, 建档 without a year', () => {
    const file = rows(...reference('1', [{ 开户人: '', 建档年份: '' }]));
    expect(errorsOf(file)).toEqual([
      { row: 2, column: '建档年份', message: '建档立卡户须填写建档年份' },
      { row: 2, column: '开户人', message: '请填写开户人姓名' },
    ]);
  });

  it('accepts 残疾等级 written as 一级 and pairs it with 残疾类别', () => {
    expect(validateRoster(rows(...reference('1', [{ 残疾等级: '一级' }]))).ok).toBe(true);
    expect(errorsOf(rows(...reference('1', [{ 残疾类别: '' }])))).toEqual([
      { row: 2, column: '残疾等级', message: '填写残疾等级时须同时选择残疾类别' },
    ]);
  });

  it('reports a cell the reader could not trust (an ID stored as a number) instead of the schema’s guess', () => {
    const [head, ...rest] = rows(...reference());
    const damaged: RosterRow = { ...head!, cells: { ...head!.cells, 身份证号: '141130198003129000' }, cellErrors: { 身份证号: '该单元格是数字格式' } };
    expect(errorsOf([damaged, ...rest])).toEqual([{ row: 2, column: '身份证号', message: '该单元格是数字格式' }]);
  });
});
