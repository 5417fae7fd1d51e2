// The audit log's keyset cursor comes back from the browser and the filter from the URL: both
// are untrusted. A cursor the server could not have written starts from the first page; a bad
// filter field is refused at its field; every action of the catalogue sits in a named group.
import { describe, expect, it } from 'vitest';
import { actionGroups, areaOf, auditAreaLabels } from '@/lib/audit/action-groups';
import { decodeAuditCursor, encodeAuditCursor } from '@/lib/audit/cursor';
import { auditFilterSchema, filterParams, tabOf } from '@/lib/audit/filter';
import { auditActionLabels } from '@/lib/audit/labels';

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('audit cursor', () => {
  it('round-trips a cursor the query wrote', () => {
    const c: [string, number] = ['2026-12-07T01:02:03.123456Z', 42];
    expect(decodeAuditCursor(encodeAuditCursor(c))).toEqual(c);
  });

  it.each([
    ['nothing', undefined],
    ['not base64url', '***'],
    ['not JSON', b64('{')],
    ['an object', b64({ at: '2026-12-07T01:02:03.123456Z', id: 1 })],
    ['three parts', b64(['2026-12-07T01:02:03.123456Z', 1, 2])],
    ['id as text', b64(['2026-12-07T01:02:03.123456Z', '1'])],
    ['id zero', b64(['2026-12-07T01:02:03.123456Z', 0])],
    ['id fractional', b64(['2026-12-07T01:02:03.123456Z', 1.5])],
    ['id beyond safe integers', b64(['2026-12-07T01:02:03.123456Z', 2 ** 60])],
    ['milliseconds only', b64(['2026-12-07T01:02:03.123Z', 1])],
    ['SQL in the time', b64(["2026-12-07T01:02:03.123456Z'; drop table audit_log; --", 1])],
    ['a day the month lacks', b64(['2026-02-30T01:02:03.123456Z', 1])],
    ['hour 24', b64(['2026-12-07T24:02:03.123456Z', 1])],
    ['too long', 'A'.repeat(201)],
  ])('refuses %s (first page instead)', (_name, raw) => {
    expect(decodeAuditCursor(raw)).toBeNull();
  });
});

describe('audit filter', () => {
  it('takes the GET form as it comes (empty fields are no filter) and refuses a bad field at its field', () => {
    expect(auditFilterSchema.parse({ tab: 'changes', actor: '', action: '', entity: '', entityId: '', region: '', from: '', to: '', q: '' })).toEqual({ tab: 'changes' });
    expect(auditFilterSchema.parse({ action: 'application.approve', region: '141130', from: '2026-01-01', to: '2026-01-31', q: ' 复核 ' })).toMatchObject({ q: '复核' });
    const bad = (input: Record<string, string>) => auditFilterSchema.safeParse(input).error?.issues.map((i) => String(i.path[0]));
    expect(bad({ action: 'drop.table' })).toEqual(['action']);
    expect(bad({ entity: 'users' })).toEqual(['entity']);
    expect(bad({ actor: 'not-a-uuid' })).toEqual(['actor']);
    expect(bad({ region: '1411%' })).toEqual(['region']);
    expect(bad({ from: '2026-02-30' })).toEqual(['from']);
    expect(bad({ from: '2026-02-01', to: '2026-01-01' })).toEqual(['to']);
    expect(bad({ q: '原因\u202e' })).toEqual(['q']);
    expect(bad({ q: '字'.repeat(41) })).toEqual(['q']);
    // A tampered cursor or tab is no error: the first page of 操作记录.
    expect(auditFilterSchema.parse({ after: 'x'.repeat(500), tab: 'hack' })).toEqual({ after: undefined, tab: undefined });
  });

  it('a sign-in action shows under 登录记录 whatever the tab says', () => {
    expect(tabOf({ tab: 'changes', action: 'auth.sign_in' })).toBe('signins');
    expect(tabOf({ tab: 'signins', action: 'application.approve' })).toBe('changes');
    expect(tabOf({})).toBe('changes');
  });

  it('puts the filter in the URL without empty fields, the cursor only when asked', () => {
    expect(filterParams({ q: '复核', after: 'abc' }).toString()).toBe(`q=${encodeURIComponent('复核')}&tab=changes`);
    expect(filterParams({ q: '复核' }, 'next').get('after')).toBe('next');
  });
});

describe('action groups', () => {
  it('every area of the catalogue has a Chinese group name', () => {
    const areas = [...new Set(Object.keys(auditActionLabels).map(areaOf))];
    expect(areas.filter((a) => !Object.hasOwn(auditAreaLabels, a))).toEqual([]);
  });

  it('the changes list every non-sign-in action once, the sign-ins only auth.*', () => {
    const changes = actionGroups(false).flatMap((g) => g.actions.map(([code]) => code));
    const signIns = actionGroups(true).flatMap((g) => g.actions.map(([code]) => code));
    expect(signIns.length).toBeGreaterThan(0);
    expect(signIns.every((c) => c.startsWith('auth.'))).toBe(true);
    expect(new Set([...changes, ...signIns]).size).toBe(Object.keys(auditActionLabels).length);
    expect(actionGroups(false).find((g) => g.label === '低保、特困申请')?.actions).toContainEqual(['application.approve', '审批通过']);
  });
});
