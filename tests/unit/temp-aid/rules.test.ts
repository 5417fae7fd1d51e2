import { describe, expect, it } from 'vitest';
import type { WorkCalendar } from '@/lib/core/working-days';
import {
  canMove,
  capsOf,
  checkApplication,
  checkAuthority,
  completionDeadline,
  isCaseOverdue,
  needsPublicNotice,
  sameCauseMessage,
  sameCausePrior,
  smallFastDeadline,
  type AuthorityInput,
  type PriorAid,
} from '@/lib/temp-aid/rules';

// The demo configuration: 交口县 rural dibao 402 yuan a month; caps 5,000 / 1 month / 6 months / city above 20,000.
const caps = capsOf({ firstResponseCapFen: 500_000, smallFastCapPct: 100, normalCapMonths: 6, cityDecisionAboveFen: 2_000_000, monthlyStandardFen: 40_200 });
const base = { caps, regionLevel: 'township' as const };
const check = (over: Partial<AuthorityInput>) => checkAuthority({ ...base, role: 'caseworker', kind: 'first_response', step: 'pay', amountFen: 1, ...over });

describe('caps as multiples of the monthly standard', () => {
  it('derives small fast aid, the normal cap and the thresholds from policy data', () => {
    expect(caps).toEqual({ firstResponseFen: 500_000, smallFastFen: 40_200, normalFen: 241_200, cityDecisionAboveFen: 2_000_000 });
  });

  it('rounds a share of the standard down, so a cap never allows a fen more than policy', () => {
    expect(capsOf({ firstResponseCapFen: 1, smallFastCapPct: 150, normalCapMonths: 1, cityDecisionAboveFen: 1, monthlyStandardFen: 40_201 }).smallFastFen).toBe(60_301);
  });
});

describe('who may pay or decide how much', () => {
  it('lets a caseworker pay first response up to the cap, exactly at it, and refuses a fen above with the limit', () => {
    expect(check({ amountFen: 500_000 })).toEqual({ ok: true, oneCase: false });
    const refused = check({ amountFen: 500_001 });
    expect(refused).toEqual({ ok: false, limitFen: 500_000, message: '先行救助金额不能超过 ¥5,000.00（先行救助上限）' });
  });

  it('refuses zero, negative and fractional amounts', () => {
    for (const amountFen of [0, -100, 10.5]) expect(check({ amountFen })).toMatchObject({ ok: false, message: '金额须大于 0' });
  });

  it('keeps first-response payments with caseworkers and decisions with supervisors', () => {
    expect(check({ role: 'supervisor', amountFen: 100 })).toMatchObject({ ok: false, message: '先行救助由经办人发放' });
    expect(check({ role: 'caseworker', step: 'decide', kind: 'expenditure', amountFen: 100 })).toMatchObject({ ok: false, message: '临时救助由审核审批人审批' });
    expect(check({ role: 'auditor', step: 'decide', kind: 'small_fast', amountFen: 100 })).toMatchObject({ ok: false });
    expect(check({ kind: 'small_fast', amountFen: 100 })).toMatchObject({ ok: false, message: '小额快救须先审批后发放' });
  });

  it('caps small fast aid at one month of the standard whoever decides', () => {
    const decide = { role: 'supervisor' as const, step: 'decide' as const, kind: 'small_fast' as const };
    expect(check({ ...decide, amountFen: 40_200 })).toEqual({ ok: true, oneCase: false });
    expect(check({ ...decide, amountFen: 40_201, regionLevel: 'city' })).toMatchObject({ ok: false, limitFen: 40_200 });
    expect(checkApplication('small_fast', 40_201, caps)).toMatchObject({ ok: false, limitFen: 40_200, message: expect.stringContaining('¥402.00') });
    expect(checkApplication('expenditure', 10_000_000, caps)).toEqual({ ok: true, oneCase: false });
  });

  it('lets a county supervisor decide up to the normal cap, above it as 一事一议, and not above the city threshold', () => {
    const county = { role: 'supervisor' as const, step: 'decide' as const, kind: 'expenditure' as const, regionLevel: 'county' as const };
    expect(check({ ...county, amountFen: 241_200 })).toEqual({ ok: true, oneCase: false });
    expect(check({ ...county, amountFen: 241_300 })).toEqual({ ok: true, oneCase: true });
    expect(check({ ...county, amountFen: 2_000_000 })).toEqual({ ok: true, oneCase: true });
    expect(check({ ...county, amountFen: 2_000_100 })).toEqual({
      ok: false,
      limitFen: 2_000_000,
      message: '超过 ¥20,000.00 须报市级一事一议决定，县级审批上限为 ¥20,000.00',
    });
    expect(check({ ...county, regionLevel: 'city', amountFen: 5_000_000 })).toEqual({ ok: true, oneCase: true });
  });
});

describe('deadlines', () => {
  const plain: WorkCalendar = { holidays: [], makeUpWorkdays: [] };
  // National Day 2026 as assumed in tests/unit/programs/working-days.test.ts.
  const nationalDay: WorkCalendar = {
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
    makeUpWorkdays: ['2026-09-27', '2026-10-10'],
  };

  it('counts the completion deadline in working days after the payment day', () => {
    expect(completionDeadline('2026-11-27', 10, plain)).toBe('2026-12-11'); // Friday + 10 working days
    // 10-09 Fri is the 1st, the make-up Saturday 10-10 the 2nd, then 12–16 and 19–21 October.
    expect(completionDeadline('2026-09-30', 10, nationalDay)).toBe('2026-10-21');
  });

  it('gives small fast aid three calendar days', () => {
    expect(smallFastDeadline('2026-11-27', 3)).toBe('2026-11-30');
  });

  it('is overdue only after the deadline day, and only while the case still waits', () => {
    const c = { kind: 'first_response' as const, state: 'paid_awaiting_completion' as const, deadlineOn: '2026-12-11' };
    expect(isCaseOverdue(c, '2026-12-11')).toBe(false);
    expect(isCaseOverdue(c, '2026-12-12')).toBe(true);
    expect(isCaseOverdue({ ...c, state: 'completed' }, '2027-01-01')).toBe(false);
    expect(isCaseOverdue({ kind: 'small_fast', state: 'applied', deadlineOn: '2026-11-30' }, '2026-12-01')).toBe(true);
    expect(isCaseOverdue({ kind: 'expenditure', state: 'applied', deadlineOn: null }, '2030-01-01')).toBe(false);
  });
});

describe('same-cause flag', () => {
  const prior: PriorAid[] = [
    { caseId: 'a', kind: 'first_response', cause: 'fire', openedOn: '2026-03-02', amountFen: 200_000 },
    { caseId: 'b', kind: 'small_fast', cause: 'medical', openedOn: '2026-05-10', amountFen: 40_200 },
    { caseId: 'c', kind: 'first_response', cause: 'fire', openedOn: '2025-12-31', amountFen: 100_000 },
  ];

  it('flags a second case for the same cause in the same calendar year only', () => {
    expect(sameCausePrior(prior, 'fire', '2026-11-29').map((p) => p.caseId)).toEqual(['a']);
    expect(sameCausePrior(prior, 'fire', '2027-01-01')).toEqual([]);
    expect(sameCausePrior(prior, 'traffic_accident', '2026-11-29')).toEqual([]);
    expect(sameCausePrior(prior, 'fire', '2025-06-01').map((p) => p.caseId)).toEqual(['c']);
  });

  it('names the earlier payment in the message that asks for a justification', () => {
    expect(sameCauseMessage(sameCausePrior(prior, 'fire', '2026-11-29'))).toBe(
      '该户 2026 年已因“火灾”获得临时救助（2026-03-02 先行救助（急难型） ¥2,000.00），再次救助须写明理由',
    );
  });
});

describe('case states', () => {
  it('lets a first response be completed or found improper, never approved or paid again', () => {
    expect(canMove('first_response', 'paid_awaiting_completion', 'completed')).toBe(true);
    expect(canMove('first_response', 'paid_awaiting_completion', 'improper_recovery')).toBe(true);
    expect(canMove('first_response', 'completed', 'improper_recovery')).toBe(false);
    expect(canMove('first_response', 'paid_awaiting_completion', 'paid')).toBe(false);
  });

  it('does not let a 支出型 case skip its investigation, nor small fast aid be paid before its decision', () => {
    expect(canMove('expenditure', 'applied', 'approved')).toBe(false);
    expect(canMove('expenditure', 'investigated', 'in_public_notice')).toBe(true);
    expect(canMove('small_fast', 'applied', 'paid')).toBe(false);
    expect(canMove('small_fast', 'approved', 'paid')).toBe(true);
    expect(canMove('small_fast', 'paid', 'paid')).toBe(false);
  });

  it('asks for a public notice only above the configured amount', () => {
    expect(needsPublicNotice(200_000, 200_000)).toBe(false);
    expect(needsPublicNotice(200_001, 200_000)).toBe(true);
  });
});
