// The federation's roster file: parsed and checked whole, every error by row and column.
import { describe, expect, it } from 'vitest';
import { parseSubsidyRoster } from '@/lib/subsidies/roster';

const ID = '14110219800101123X';
const header = '身份证号,姓名,补贴类别,残疾人证号,残疾类别,残疾等级,有效期至,起始月份,终止月份,月金额';

describe('subsidy roster', () => {
  it('reads periods, the amount in fen, an open or ended last period', () => {
    const r = parseSubsidyRoster(`\uFEFF${header}\n${ID},张三,护理补贴,${ID}41,肢体,1,2021-12-31,2016-01,,50\n${ID},张三,护理补贴,${ID}41,肢体,1,2021-12-31,2018-01,2019-02,60.5\n`);
    expect(r).toEqual({
      ok: true,
      rows: [
        { row: 2, idNumber: ID, name: '张三', program: 'dis_care', certificateNumber: `${ID}41`, kind: '肢体', grade: 1, validUntil: '2021-12-31', startMonth: '2016-01', endMonth: null, amountFen: 5_000 },
        { row: 3, idNumber: ID, name: '张三', program: 'dis_care', certificateNumber: `${ID}41`, kind: '肢体', grade: 1, validUntil: '2021-12-31', startMonth: '2018-01', endMonth: '2019-02', amountFen: 6_050 },
      ],
    });
  });

  it('refuses the whole file, naming each bad cell', () => {
    const r = parseSubsidyRoster(`${header}\n${ID},张三,护理,${ID}41,肢体,1,2021-12-31,2016-1,,50\n${ID},张三,护理补贴,${ID}42,肢体,1,2021-12-31,2016-01,,0.001\n`);
    expect(r).toEqual({
      ok: false,
      errors: [
        { row: 2, column: '补贴类别', message: '补贴类别应为“重度残疾人护理补贴”或“困难残疾人生活补贴”' },
        { row: 2, column: '起始月份', message: '月份格式应为 2019-03' },
        { row: 3, column: '月金额', message: '月金额应为大于 0 的元数，最多两位小数' },
      ],
    });
  });

  it('a wrong certificate number, a missing column, an ended period before another', () => {
    expect(parseSubsidyRoster(`${header}\n${ID},张三,护理补贴,${ID}42,肢体,1,2021-12-31,2016-01,,50`)).toEqual({ ok: false, errors: [{ row: 2, column: '残疾人证号', message: '残疾人证号中的类别、等级与所填不一致' }] });
    expect(parseSubsidyRoster('身份证号,姓名\n1,2')).toEqual({ ok: false, errors: [{ row: 1, message: '缺少列：补贴类别、残疾人证号、残疾类别、残疾等级、有效期至、起始月份、终止月份、月金额' }] });
    expect(parseSubsidyRoster(`${header}\n${ID},张三,护理补贴,${ID}41,肢体,1,2021-12-31,2016-01,2016-12,50\n${ID},张三,护理补贴,${ID}41,肢体,1,2021-12-31,2018-01,,60`)).toEqual({
      ok: false,
      errors: [{ row: 2, column: '终止月份', message: '同一人同一补贴只有最后一段可以填写终止月份' }],
    });
  });
});
