// No English field name or raw code in an audit row's 详情: every key the source writes into
// before / after is read from the code (tests/unit/audit/audit-fields.ts) and must have a Chinese
// name in lib/audit/field-labels.ts; values show as people read them.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditFieldLabel, auditFieldLabels, formatAuditFields, formatAuditValue } from '@/lib/audit/field-labels';
import { scanAuditFields, type AuditFields } from './audit-fields';

const CHINESE = /[\u4e00-\u9fff]/;

describe('audit field labels', () => {
  let source: AuditFields;
  beforeAll(() => {
    source = scanAuditFields();
  }, 120_000);

  it('the scan finds the keys, also spread, nested, zod-typed and step-part ones (a broken scan would pass vacuously)', () => {
    const keys = new Set(source.fields.map((f) => f.key));
    expect(source.entries).toBeGreaterThan(60);
    // role, regionCode: create-user; active: update-user; state: runStep's before; bankAccount: a
    // spread (maskedAccount); members.name: nested in an array; decision: a step's `audit: {}`;
    // filter.q: the household export's zod filter; problem: the chain check's spread result.
    for (const key of ['role', 'regionCode', 'active', 'state', 'bankAccount', 'members', 'relation', 'decision', 'q', 'poor', 'problem', 'amountFen']) {
      expect(keys, key).toContain(key);
    }
    // Columns of a table or a select, fields of a zod schema are no entry.
    expect(keys).not.toContain('mapFromDriverValue');
    expect(keys).not.toContain('$type');
    expect(keys).not.toContain('safeParse');
  });

  it('every before / after value written out is resolved to its keys', () => {
    expect(source.unresolved, 'a before / after whose keys the scan cannot name: give it a type').toEqual([]);
  });

  it('every key the source writes into before / after has a Chinese name', () => {
    const missing = [...new Set(source.fields.filter((f) => !Object.hasOwn(auditFieldLabels, f.key)).map((f) => `${f.key} (${f.where})`))];
    expect(missing, 'add these to auditFieldLabels in lib/audit/field-labels.ts').toEqual([]);
  });

  it('names are Chinese, never a code', () => {
    for (const [key, { label }] of Object.entries(auditFieldLabels)) {
      expect(label, key).toMatch(CHINESE);
      expect(label, key).not.toMatch(/[A-Za-z_]/);
    }
  });

  it('an unknown key gets a generic Chinese name, never the raw key', () => {
    expect(auditFieldLabel('role')).toBe('角色');
    expect(auditFieldLabel('regionCode')).toBe('所属地区');
    expect(auditFieldLabel('active')).toBe('启用');
    expect(auditFieldLabel('someNewField')).toBe('其他字段');
    expect(auditFieldLabel('toString')).toBe('其他字段');
  });

  it('values: yes / no, money, codes by their area, nested fields by name, unknown codes as 其他', () => {
    expect(formatAuditValue('active', false, 'user.update')).toBe('否');
    expect(formatAuditValue('active', true, 'user.update')).toBe('是');
    expect(formatAuditValue('role', 'supervisor', 'user.update')).toBe('审核审批人');
    expect(formatAuditValue('amountFen', 40200, 'application.approve')).toBe('¥402.00');
    expect(formatAuditValue('state', 'accepted', 'application.accept')).toBe('已受理');
    expect(formatAuditValue('state', 'approved', 'payout.approve')).toBe('已审批');
    expect(formatAuditValue('program', 'dibao', 'subsidy.confirm')).toBe('最低生活保障');
    expect(formatAuditValue('kind', 'rural', 'household.register')).toBe('农村');
    expect(formatAuditValue('kind', '工资性收入', 'income.add')).toBe('工资性收入');
    expect(formatAuditValue('state', 'some_new_state', 'application.accept')).toBe('其他');
    expect(formatAuditValue('mystery', 'raw_code', 'application.accept')).toBe('其他');
    expect(formatAuditValue('mystery', '张三', 'application.accept')).toBe('张三');
    expect(formatAuditValue('bank', { accountKind: 'card', holder: '李四' }, 'household.register')).toBe('账户类型：银行卡；开户人：李四');
    expect(formatAuditValue('members', [{ name: '王五', relation: '本人' }], 'household.register')).toBe('姓名：王五；与户主关系：本人');
    expect(formatAuditValue('filter', { q: '王', poor: 'yes', sort: 'newest' }, 'household.export')).toBe('查询内容：王；建档立卡：是；排序：最新登记在前');
    expect(formatAuditValue('action', 'application.approve', 'audit.export')).toBe('审批通过');
    expect(formatAuditValue('note', null, 'calendar.set')).toBe('（空）');
    const shown = formatAuditFields({ role: 'auditor', regionCode: '141100', active: true, unknownKey: 'x_y' }, 'user.update').flat().join(' ');
    expect(shown).not.toMatch(/role|regionCode|active|unknownKey|auditor|x_y/);
  });
});
