/**
 * The roster (花名册) file layout: one row per member, Chinese headers. Rows that share a
 * 户编号 form one household; its household columns are read from the row whose 与户主关系
 * is 本人 (other rows may repeat them or leave them blank). The template, the notes sheet,
 * the README and the validator all read this one list.
 */
export interface RosterColumn {
  header: string;
  /** Read from the head's row only (the other rows may be blank). */
  household: boolean;
  required: string; // 是 / 否 / a condition, as shown to users
  description: string;
  /** Spreadsheet cells that must stay text (long digit strings lose digits as numbers). */
  text?: boolean;
  /** Choices offered as a drop-down in the template. */
  choices?: readonly string[];
}

export const rosterColumns = [
  { header: '户编号', household: false, required: '是', text: true, description: '本文件内区分家庭的编号（如 1、2、3 或 KC-001），同一户的成员填同一个编号；只在本文件内有效，不写入系统。' },
  { header: '村代码', household: true, required: '是', text: true, description: '12 位统计用区划代码，如 康城村委会 141130101200；须在您的管辖范围内。' },
  { header: '住址', household: true, required: '是', description: '家庭住址，200 字以内。' },
  { header: '城乡', household: true, required: '是', choices: ['农村', '城市'], description: '填“城市”或“农村”。' },
  { header: '联系电话', household: true, required: '否', text: true, description: '11 位手机号，或带区号的固定电话（如 0358-8221234）。' },
  { header: '建档立卡', household: true, required: '否', choices: ['是', '否'], description: '是否建档立卡贫困户，填“是”或“否”，空白视为“否”。' },
  { header: '建档年份', household: true, required: '建档立卡户必填', description: '4 位年份，2013 年至今年。' },
  { header: '致贫原因', household: true, required: '建档立卡户必填', description: '因病、因残、因学、因灾、缺劳力、缺技术、缺资金、其他；多项用顿号“、”或逗号分隔。' },
  { header: '已脱贫', household: true, required: '否', choices: ['是', '否'], description: '建档立卡户是否已脱贫，填“是”或“否”，空白视为“否”。' },
  { header: '脱贫年份', household: true, required: '已脱贫必填', description: '4 位年份，不早于建档年份。' },
  { header: '开户银行', household: true, required: '有账户时必填', description: '发放救助金的银行。开户银行、账户类型、账号、开户人四项要么都填，要么都空。' },
  { header: '账户类型', household: true, required: '有账户时必填', choices: ['银行卡', '存折'], description: '填“银行卡”或“存折”。' },
  { header: '账号', household: true, required: '有账户时必填', text: true, description: '银行卡号 16–19 位数字（校验位须正确）；存折账号 6–30 位数字或字母。请设为文本格式，以免 Excel 丢失末几位。' },
  { header: '开户人', household: true, required: '有账户时必填', description: '账户开户人姓名。' },
  { header: '姓名', household: false, required: '是', description: '成员姓名，40 字以内。' },
  { header: '身份证号', household: false, required: '是', text: true, description: '18 位居民身份证号（校验码须正确），出生日期和性别由它得出。请设为文本格式，以免 Excel 丢失末几位。' },
  { header: '与户主关系', household: false, required: '是', choices: ['本人', '配偶', '子女', '父母', '祖父母', '孙子女', '兄弟姐妹', '其他'], description: '户主本人填“本人”（写“户主”也可），每户有且只有一位；其余填配偶、子女、父母、祖父母、孙子女、兄弟姐妹、其他。' },
  { header: '残疾类别', household: false, required: '否', choices: ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'], description: '视力、听力、言语、肢体、智力、精神、多重；与残疾等级同填同空。' },
  { header: '残疾等级', household: false, required: '有残疾类别时必填', choices: ['1', '2', '3', '4'], description: '1–4（也可写“一级”等）。' },
  { header: '残疾证号', household: false, required: '否', text: true, description: '残疾人证号码。' },
  { header: '重病', household: false, required: '否', choices: ['是', '否'], description: '是否患重病，填“是”或“否”，空白视为“否”。' },
  { header: '在读学段', household: false, required: '否', choices: ['学前', '小学', '初中', '高中', '中职', '大专', '本科', '研究生'], description: '学前、小学、初中、高中、中职、大专、本科、研究生；不在读留空。' },
  { header: '劳动能力', household: false, required: '是', choices: ['完全', '部分', '无'], description: '填“完全”“部分”或“无”。' },
] as const satisfies readonly RosterColumn[];

export type RosterHeader = (typeof rosterColumns)[number]['header'];

export const rosterHeaders: readonly RosterHeader[] = rosterColumns.map((c) => c.header);

/** The data sheet's name; a workbook without it is read from its first sheet. */
export const ROSTER_SHEET = '花名册';
export const MAX_ROSTER_ROWS = 20_000;
export const MAX_ROSTER_BYTES = 10 * 1024 * 1024;
/** The error list is cut here: a file with more errors is wrong as a whole (wrong columns, wrong sheet). */
export const MAX_REPORTED_ERRORS = 1_000;

/** A row of the file: its spreadsheet row number (header = 1) and its cells as trimmed text. */
export interface RosterRow {
  row: number;
  cells: Partial<Record<RosterHeader, string>>;
  /** Cells that could not be read as text (e.g. an 18-digit ID stored as a number). */
  cellErrors?: Partial<Record<RosterHeader, string>>;
}

/** One problem, where the user will look for it. */
export interface RosterError {
  row: number;
  column: string;
  message: string;
  /** Filled in from the row (importRoster): the file's 户编号 and 姓名, and what the cell held. */
  household?: string;
  name?: string;
  value?: string;
}

/**
 * The reference household (穆小军, 交口县 康城镇 康城村; the same people as
 * tests/fixtures/mu-xiaojun.json) as roster rows: shown on the template's notes sheet,
 * never on its data sheet, so that it cannot be imported by accident.
 */
export const rosterExample: readonly Partial<Record<RosterHeader, string>>[] = [
  {
    户编号: '1', 村代码: '141130101200', 住址: '交口县康城镇康城村', 城乡: '农村', 联系电话: '0358-8221234',
    建档立卡: '是', 建档年份: '2014', 致贫原因: '因病、因学', 已脱贫: '是', 脱贫年份: '2018',
    开户银行: '吕梁农商银行', 账户类型: '银行卡', 账号: '6228480470000001235', 开户人: '穆小军',
    姓名: '穆小军', 身份证号: '141130198003129013', 与户主关系: '本人', 残疾类别: '肢体', 残疾等级: '1', 重病: '否', 劳动能力: '无',
  },
  { 户编号: '1', 姓名: '刘桂英', 身份证号: '141130198206059027', 与户主关系: '配偶', 重病: '否', 劳动能力: '完全' },
  { 户编号: '1', 姓名: '穆晓东', 身份证号: '141130200609189133', 与户主关系: '子女', 在读学段: '高中', 劳动能力: '无' },
  { 户编号: '1', 姓名: '穆晓燕', 身份证号: '141130200902249246', 与户主关系: '子女', 在读学段: '初中', 劳动能力: '无' },
  { 户编号: '1', 姓名: '穆晓宇', 身份证号: '141130201207109350', 与户主关系: '子女', 在读学段: '小学', 劳动能力: '无' },
];
