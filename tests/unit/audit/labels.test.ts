// Every audit code that reaches a page has a Chinese name: the codes are read from the source
// itself (tests/unit/audit/audit-source.ts), including those built from templates and those
// written by SQL, and each must be in the catalogue of lib/audit/labels.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel, auditActionLabels, auditEntityLabel, auditEntityLabels, auditRecordHref } from '@/lib/audit/labels';
import { scanAuditSource, type AuditSource, type Found } from './audit-source';

const CHINESE = /[\u4e00-\u9fff]/;
// A code, or any run of Latin letters, digits, dots or underscores (application.accept, tempaid).
const ASCII_CODE = /[A-Za-z0-9_.]/;

const missing = (found: Found[], catalogue: Record<string, string>) =>
  [...new Set(found.filter((f) => !Object.hasOwn(catalogue, f.value)).map((f) => `${f.value} (${f.where})`))];

describe('audit labels', () => {
  let source: AuditSource;
  beforeAll(() => {
    source = scanAuditSource();
  }, 120_000);

  it('the scan finds the codes, also the template and SQL ones (a broken scan would pass vacuously)', () => {
    const actions = new Set(source.actions.map((a) => a.value));
    expect(actions.size).toBeGreaterThan(60);
    // Literals, a parameter named `action` (runStep), templates (`application.${input.decision}`,
    // `enrollment.${input.decision}_${change.kind}`), conditionals and SQL (roster-db.ts).
    for (const code of ['auth.sign_in', 'application.accept', 'application.approve', 'application.refuse', 'enrollment.reject_terminate', 'fund.top_up', 'payout.arrears', 'subsidy.decline', 'household.import']) {
      expect(actions, code).toContain(code);
    }
    expect(source.entities.map((e) => e.value)).toEqual(expect.arrayContaining(['household', 'application', 'temp_aid_case', 'reserve_fund', 'user']));
  });

  it('every action the source writes is resolved to concrete codes', () => {
    expect(source.unresolved, 'a code the scan cannot enumerate: write it out, or build it from a union-typed value').toEqual([]);
  });

  it('every action the source writes has a Chinese label', () => {
    expect(missing(source.actions, auditActionLabels), 'add these to auditActionLabels in lib/audit/labels.ts').toEqual([]);
  });

  it('every kind of object the source writes has a Chinese name', () => {
    expect(missing(source.entities, auditEntityLabels), 'add these to auditEntityLabels in lib/audit/labels.ts').toEqual([]);
  });

  it('the catalogue holds no label for a code nobody writes', () => {
    const written = new Set(source.actions.map((a) => a.value));
    expect(Object.keys(auditActionLabels).filter((k) => !written.has(k))).toEqual([]);
  });

  it('labels are Chinese, never a code', () => {
    for (const [code, label] of [...Object.entries(auditActionLabels), ...Object.entries(auditEntityLabels)]) {
      expect(label, code).toMatch(CHINESE);
      expect(label, code).not.toMatch(ASCII_CODE);
    }
  });

  it('an unknown code gets a Chinese fallback, never the raw code', () => {
    expect(auditActionLabel('application.accept')).toBe('受理申请');
    expect(auditActionLabel('application.approve')).toBe('审批通过');
    expect(auditActionLabel('legacy.something')).toBe('其他操作');
    expect(auditActionLabel('toString')).toBe('其他操作');
    expect(auditEntityLabel('household')).toBe('家庭');
    expect(auditEntityLabel('mystery')).toBe('其他对象');
    expect(auditEntityLabel('constructor')).toBe('其他对象');
  });

  it('links a row to its record only where a page exists and the viewer may open it', () => {
    expect(auditRecordHref({ entity: 'household', entityId: 'h1' }, 'auditor')).toBe('/households/h1');
    expect(auditRecordHref({ entity: 'application', entityId: 'a1' }, 'auditor')).toBe('/applications/a1');
    expect(auditRecordHref({ entity: 'temp_aid_case', entityId: 'c1' }, 'supervisor')).toBe('/temp-aid/c1');
    expect(auditRecordHref({ entity: 'reserve_fund', entityId: 'f1' }, 'auditor')).toBe('/temp-aid/funds/f1');
    expect(auditRecordHref({ entity: 'payout_run', entityId: 'r1' }, 'auditor')).toBe('/payouts/r1');
    expect(auditRecordHref({ entity: 'user', entityId: 'u1' }, 'admin')).toBe('/admin/users/u1');
    // The auditor manages no users; the admin reads no households.
    expect(auditRecordHref({ entity: 'user', entityId: 'u1' }, 'auditor')).toBeNull();
    expect(auditRecordHref({ entity: 'household', entityId: 'h1' }, 'admin')).toBeNull();
    expect(auditRecordHref({ entity: 'household', entityId: null }, 'auditor')).toBeNull();
    expect(auditRecordHref({ entity: 'work_calendar', entityId: '2026-01-01' }, 'admin')).toBeNull();
  });
});
