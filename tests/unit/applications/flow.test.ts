import { describe, expect, it } from 'vitest';
import {
  applicationStates,
  assertTransition,
  canDecide,
  isFinal,
  isPublicNoticeOver,
  publicNoticeEnd,
  startMonthAfterDecision,
  type ApplicationState,
} from '@/lib/applications/flow';

describe('application state machine', () => {
  it('walks the normal path from draft to approval', () => {
    const path: ApplicationState[] = ['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice', 'approved'];
    for (let i = 1; i < path.length; i++) expect(assertTransition(path[i - 1]!, path[i]!)).toEqual({ ok: true });
  });

  it('an objection sends the case back to investigation, then through the township and a new notice', () => {
    const path: ApplicationState[] = ['in_public_notice', 'investigated', 'township_reviewed', 'in_public_notice', 'refused'];
    for (let i = 1; i < path.length; i++) expect(assertTransition(path[i - 1]!, path[i]!).ok).toBe(true);
  });

  it('cannot skip the home visit or the public notice', () => {
    expect(assertTransition('accepted', 'township_reviewed')).toEqual({
      ok: false,
      code: 'illegal_transition',
      message: '申请当前为“已受理”，不能直接变为“乡镇已审核”（下一步只能是：已入户调查、已撤回）',
    });
    expect(assertTransition('township_reviewed', 'approved')).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(assertTransition('draft', 'approved')).toMatchObject({ ok: false, code: 'illegal_transition' });
    expect(assertTransition('investigated', 'approved')).toMatchObject({ ok: false, code: 'illegal_transition' });
  });

  it('a decided or withdrawn application is closed', () => {
    for (const closed of ['approved', 'refused', 'not_accepted', 'withdrawn'] as const) {
      expect(isFinal(closed)).toBe(true);
      expect(assertTransition(closed, 'investigated')).toMatchObject({ ok: false, code: 'application_closed' });
    }
    expect(assertTransition('approved', 'withdrawn').ok).toBe(false);
  });

  it('can be withdrawn from every open state', () => {
    const open = applicationStates.filter((s) => !isFinal(s));
    expect(open).toEqual(['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice']);
    for (const s of open) expect(assertTransition(s, 'withdrawn')).toEqual({ ok: true });
  });

  it('never moves to the same state', () => {
    for (const s of applicationStates) expect(assertTransition(s, s).ok).toBe(false);
  });
});

describe('canDecide: maker–checker', () => {
  const base = {
    deciderId: 'supervisor-1',
    submittedBy: 'caseworker-1',
    participantIds: ['caseworker-1', 'caseworker-2', 'township-1'],
    closeRelativeFlag: false,
    countyHomeVisitRecorded: false,
  };

  it('an independent supervisor may decide', () => {
    expect(canDecide(base)).toEqual({ ok: true });
  });

  it('the submitter may not decide', () => {
    expect(canDecide({ ...base, deciderId: 'caseworker-1' })).toEqual({
      ok: false,
      code: 'decider_is_submitter',
      message: '提交申请的人不能审批同一申请',
    });
  });

  it('an investigator or the township reviewer may not decide', () => {
    expect(canDecide({ ...base, deciderId: 'caseworker-2' })).toMatchObject({ ok: false, code: 'decider_took_part' });
    expect(canDecide({ ...base, deciderId: 'township-1' })).toMatchObject({ ok: false, code: 'decider_took_part' });
  });

  it('a close relative of staff needs the county home visit recorded first', () => {
    expect(canDecide({ ...base, closeRelativeFlag: true })).toMatchObject({ ok: false, code: 'county_visit_required' });
    expect(canDecide({ ...base, closeRelativeFlag: true, countyHomeVisitRecorded: true })).toEqual({ ok: true });
  });
});

describe('dates of the decision', () => {
  it.each([
    ['2026-11-29', '2026-12'],
    ['2026-12-05', '2027-01'],
    ['2026-12-31', '2027-01'],
    ['2019-11-15', '2019-12'],
    ['2026-01-31', '2026-02'],
  ])('decided %s → paid from %s', (decided, month) => {
    expect(startMonthAfterDecision(decided)).toBe(month);
  });

  it('a 7-day notice posted on 10 October runs through 17 October; the county decides from the 18th', () => {
    expect(publicNoticeEnd('2026-10-10', 7)).toBe('2026-10-17');
    expect(publicNoticeEnd('2026-12-28', 7)).toBe('2027-01-04');
    expect(isPublicNoticeOver('2026-10-10', 7, '2026-10-17')).toBe(false);
    expect(isPublicNoticeOver('2026-10-10', 7, '2026-10-18')).toBe(true);
    expect(() => publicNoticeEnd('2026-10-10', 0)).toThrow();
  });
});
