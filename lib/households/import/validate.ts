import type { z } from 'zod';
import {
  disabilityKinds,
  householdInputSchema,
  povertyCauses,
  relations,
  schoolStages,
  type HouseholdInput,
} from '../schemas';
import { rosterColumns, rosterHeaders, type RosterError, type RosterHeader, type RosterRow } from './layout';

/** A household ready to write: the file's key, the rows it came from (member i ↔ memberRows[i]). */
export interface RosterHousehold {
  key: string;
  headRow: number;
  memberRows: number[];
  input: HouseholdInput;
}

export type ValidatedRoster = { ok: true; households: RosterHousehold[] } | { ok: false; errors: RosterError[] };

const householdColumns = rosterColumns.filter((c) => c.household).map((c) => c.header);

// Where a schema issue is shown: its path → the column the user typed it in.
const householdFieldColumn: Record<string, RosterHeader> = {
  villageCode: '村代码', address: '住址', kind: '城乡', phone: '联系电话', registeredPoor: '建档立卡',
  registeredPoorYear: '建档年份', povertyCauses: '致贫原因', leftPoverty: '已脱贫', leftPovertyYear: '脱贫年份',
  bank: '开户银行', bankName: '开户银行', accountKind: '账户类型', account: '账号', holder: '开户人',
};
const memberFieldColumn: Record<string, RosterHeader> = {
  name: '姓名', idNumber: '身份证号', relation: '与户主关系', disabilityKind: '残疾类别', disabilityGrade: '残疾等级',
  disabilityCertificate: '残疾证号', seriousIllness: '重病', schoolStage: '在读学段', workingCapacity: '劳动能力',
};

const quoteList = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join('、');

type IfBlank<T> = { value: T } | { error: string };

/** A cell whose text must be one of a few words: the word's code, or an import-worded message. */
function choice<T>(value: string, map: Record<string, T>, ifBlank: IfBlank<T | ''>): { value: T | string; error?: string } {
  if (value === '') return 'error' in ifBlank ? { value: '', error: ifBlank.error } : ifBlank;
  if (Object.hasOwn(map, value)) return { value: map[value]! };
  return { value, error: `“${value}”无效，应填${quoteList(Object.keys(map))}` };
}

const yesNo = { 是: 'true', 否: 'false' };

/**
 * 与户主关系 as people write it: the system's eight words, and the everyday words of the household
 * register (the groups of GB/T 4761 家庭关系代码: a son-in-law counts with the children, a
 * parent-in-law with the parents, a brother's wife with the siblings).
 */
export const relationWords: Record<string, (typeof relations)[number]> = {
  ...(Object.fromEntries(relations.map((r) => [r, r])) as Record<string, (typeof relations)[number]>),
  户主: '本人', 自己: '本人',
  妻子: '配偶', 妻: '配偶', 丈夫: '配偶', 夫: '配偶', 老伴: '配偶', 爱人: '配偶',
  儿子: '子女', 女儿: '子女', 子: '子女', 女: '子女', 长子: '子女', 次子: '子女', 三子: '子女', 长女: '子女', 次女: '子女', 三女: '子女',
  独生子: '子女', 独生女: '子女', 养子: '子女', 养女: '子女', 继子: '子女', 继女: '子女', 儿媳: '子女', 女婿: '子女',
  父亲: '父母', 母亲: '父母', 父: '父母', 母: '父母', 爸爸: '父母', 妈妈: '父母', 继父: '父母', 继母: '父母', 养父: '父母', 养母: '父母',
  公公: '父母', 婆婆: '父母', 岳父: '父母', 岳母: '父母',
  祖父: '祖父母', 祖母: '祖父母', 爷爷: '祖父母', 奶奶: '祖父母', 外祖父: '祖父母', 外祖母: '祖父母', 外公: '祖父母', 外婆: '祖父母', 姥爷: '祖父母', 姥姥: '祖父母',
  孙子: '孙子女', 孙女: '孙子女', 外孙: '孙子女', 外孙子: '孙子女', 外孙女: '孙子女', 孙媳妇: '孙子女', 孙女婿: '孙子女',
  兄: '兄弟姐妹', 哥哥: '兄弟姐妹', 弟: '兄弟姐妹', 弟弟: '兄弟姐妹', 姐: '兄弟姐妹', 姐姐: '兄弟姐妹', 妹: '兄弟姐妹', 妹妹: '兄弟姐妹',
  嫂子: '兄弟姐妹', 弟媳: '兄弟姐妹', 姐夫: '兄弟姐妹', 妹夫: '兄弟姐妹',
};
const kinds = { 城市: 'urban', 农村: 'rural' };
const accountKinds = { 银行卡: 'card', 存折: 'passbook' };
const capacities = { 完全: 'full', 部分: 'partial', 无: 'none' };
const asMap = (xs: readonly string[]) => Object.fromEntries(xs.map((x) => [x, x]));
const gradeDigits: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4' };

/** 与户主关系: one of the words above; the refusal names the system's eight (not every synonym). */
function relationOf(value: string): { value: string; error?: string } {
  if (value === '') return { value: '', error: '请填写与户主关系' };
  if (Object.hasOwn(relationWords, value)) return { value: relationWords[value]! };
  return { value, error: `“${value}”无效，应填${quoteList(relations)}，或母亲、儿子、孙女等具体称谓` };
}

/** Collects errors, one per cell (the first reason found is the one the user needs). */
class ErrorList {
  private byCell = new Map<string, RosterError>();
  add(row: number, column: string, message: string) {
    const key = `${row}\u0000${column}`;
    if (!this.byCell.has(key)) this.byCell.set(key, { row, column, message });
  }
  has(row: number, column: string) {
    return this.byCell.has(`${row}\u0000${column}`);
  }
  sorted(): RosterError[] {
    const order = (c: string) => rosterHeaders.indexOf(c as RosterHeader);
    return [...this.byCell.values()].sort((a, b) => a.row - b.row || order(a.column) - order(b.column));
  }
}

function memberValues(r: RosterRow, errors: ErrorList) {
  const cell = (h: RosterHeader) => r.cells[h] ?? '';
  const check = (h: RosterHeader, result: { value: unknown; error?: string }) => {
    if (result.error) errors.add(r.row, h, result.error);
    return result.value;
  };
  const grade = cell('残疾等级').replace(/^([1-4一二三四])级?$/, (_m, d: string) => gradeDigits[d] ?? d);
  return {
    name: cell('姓名'),
    idNumber: cell('身份证号'),
    relation: check('与户主关系', relationOf(cell('与户主关系'))),
    disabilityKind: check('残疾类别', choice(cell('残疾类别'), asMap(disabilityKinds), { value: '' })),
    disabilityGrade: grade,
    disabilityCertificate: cell('残疾证号'),
    seriousIllness: check('重病', choice(cell('重病'), yesNo, { value: 'false' })),
    schoolStage: check('在读学段', choice(cell('在读学段'), asMap(schoolStages), { value: '' })),
    workingCapacity: check('劳动能力', choice(cell('劳动能力'), capacities, { error: '请填写劳动能力（完全、部分或无）' })),
  };
}

function householdValues(r: RosterRow, errors: ErrorList) {
  const cell = (h: RosterHeader) => r.cells[h] ?? '';
  const check = (h: RosterHeader, result: { value: unknown; error?: string }) => {
    if (result.error) errors.add(r.row, h, result.error);
    return result.value;
  };
  const causes = cell('致贫原因').split(/[、,，;；\s]+/).filter(Boolean);
  const unknownCauses = causes.filter((c) => !(povertyCauses as readonly string[]).includes(c));
  if (unknownCauses.length) errors.add(r.row, '致贫原因', `${quoteList(unknownCauses)}不是可选的致贫原因，可选：${povertyCauses.join('、')}`);
  return {
    villageCode: cell('村代码'),
    address: cell('住址'),
    kind: check('城乡', choice(cell('城乡'), kinds, { error: '请填写城乡（城市或农村）' })),
    phone: cell('联系电话'),
    registeredPoor: check('建档立卡', choice(cell('建档立卡'), yesNo, { value: 'false' })),
    registeredPoorYear: cell('建档年份'),
    povertyCauses: causes,
    leftPoverty: check('已脱贫', choice(cell('已脱贫'), yesNo, { value: 'false' })),
    leftPovertyYear: cell('脱贫年份'),
    bank: {
      bankName: cell('开户银行'),
      accountKind: check('账户类型', choice(cell('账户类型'), accountKinds, { value: '' })),
      account: cell('账号'),
      holder: cell('开户人'),
    },
  };
}

/** Schema issues, placed on the row and column where the user typed the value. */
function addIssues(issues: z.core.$ZodIssue[], headRow: number, memberRows: number[], errors: ErrorList) {
  for (const issue of issues) {
    const [first, second, third] = issue.path;
    if (first === 'members') {
      // "exactly one head" is reported per row before the schema runs
      if (typeof second !== 'number') continue;
      errors.add(memberRows[second]!, memberFieldColumn[String(third)] ?? '姓名', issue.message);
    } else {
      const field = first === 'bank' && second !== undefined ? String(second) : String(first);
      errors.add(headRow, householdFieldColumn[field] ?? '户编号', issue.message);
    }
  }
}

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Groups the rows into households by 户编号, maps them to the shared household schema and
 * checks them all, so that the user gets every problem of the file in one pass.
 */
export function validateRoster(input: readonly RosterRow[]): ValidatedRoster {
  // Existing rosters write the register's everyday words (户主, 妻子, 儿子, 母亲 …): read as the system's eight.
  const canonical = (word: string | undefined) => (word !== undefined && Object.hasOwn(relationWords, word) ? relationWords[word] : word);
  const rows = input.map((r) => {
    const word = r.cells['与户主关系'];
    return canonical(word) === word ? r : { ...r, cells: { ...r.cells, 与户主关系: canonical(word) } };
  });
  const errors = new ErrorList();
  for (const r of rows) {
    for (const [h, message] of Object.entries(r.cellErrors ?? {})) errors.add(r.row, h, message);
  }

  const groups = new Map<string, RosterRow[]>();
  for (const r of rows) {
    const key = r.cells['户编号'] ?? '';
    if (key === '') errors.add(r.row, '户编号', '请填写户编号（同一户的成员填同一个编号）');
    else groups.set(key, [...(groups.get(key) ?? []), r]);
  }

  // An ID twice in one file: the second row is the one to fix.
  const firstRowOfId = new Map<string, number>();
  for (const r of rows) {
    const id = (r.cells['身份证号'] ?? '').toUpperCase();
    if (!/^\d{17}[\dX]$/.test(id)) continue;
    const earlier = firstRowOfId.get(id);
    if (earlier === undefined) firstRowOfId.set(id, r.row);
    else errors.add(r.row, '身份证号', `与第 ${earlier} 行的身份证号重复`);
  }

  const households: RosterHousehold[] = [];
  for (const [key, members] of groups) {
    const heads = members.filter((m) => m.cells['与户主关系'] === '本人');
    const head = heads[0] ?? members[0]!;
    if (heads.length === 0) {
      errors.add(head.row, '与户主关系', `户编号“${key}”没有户主：须有一位成员的与户主关系为“本人”`);
    }
    for (const extra of heads.slice(1)) {
      errors.add(extra.row, '与户主关系', `户编号“${key}”已有户主（第 ${head.row} 行），每户只能有一位“本人”`);
    }
    for (const m of members) {
      if (m === head) continue;
      for (const h of householdColumns) {
        const value = m.cells[h] ?? '';
        if (value === '' || same(value, head.cells[h] ?? '')) continue;
        const headValue = head.cells[h] ?? '';
        errors.add(m.row, h, headValue === ''
          ? `家庭信息以户主所在行（第 ${head.row} 行）为准，该行此列为空`
          : `与户主所在行（第 ${head.row} 行）的“${headValue}”不一致`);
      }
    }

    const memberRows = members.map((m) => m.row);
    const input = { ...householdValues(head, errors), members: members.map((m) => memberValues(m, errors)) };
    const parsed = householdInputSchema.safeParse(input);
    if (parsed.success) households.push({ key, headRow: head.row, memberRows, input: parsed.data });
    else addIssues(parsed.error.issues, head.row, memberRows, errors);
  }

  const list = errors.sorted();
  return list.length > 0 ? { ok: false, errors: list } : { ok: true, households };
}
