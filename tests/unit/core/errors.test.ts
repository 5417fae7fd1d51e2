import { describe, expect, it } from 'vitest';
import { AppError, errorMessages, failure, refuse } from '@/lib/core/errors';
import { databaseUnavailable, uniqueViolation } from '@/lib/db/errors';
import { errorResponse } from '@/lib/http/route';

describe('refusals and their codes', () => {
  it('maps each kind of refusal to its own HTTP status, with the refusal’s own message', async () => {
    const cases = [
      [refuse('invalid_input', '请填写金额', 'amount'), 400, errorMessages.invalid_input],
      [refuse('precondition', '2026-12 的发放批次已审批，不能再修改'), 422, '2026-12 的发放批次已审批，不能再修改'],
      [new AppError('conflict'), 409, errorMessages.conflict],
      [refuse('same_person', '生成发放批次的人不能审批同一批次'), 403, '生成发放批次的人不能审批同一批次'],
      [new AppError('not_found'), 404, errorMessages.not_found],
    ] as const;
    for (const [error, status, message] of cases) {
      const res = errorResponse(error);
      expect(res.status, error.code).toBe(status);
      expect(await res.json()).toMatchObject({ error: error.code, message });
      expect(res.headers.get('Cache-Control')).toContain('no-store');
    }
  });

  it('answers 503 "nothing was done" when the database is out of reach, 500 for anything else', async () => {
    const lost = new Error('Failed query', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) });
    expect(errorResponse(lost).status).toBe(503);
    expect(await errorResponse(lost).json()).toMatchObject({ error: 'unavailable', message: errorMessages.unavailable });
    expect(errorResponse(new Error('bug')).status).toBe(500);
  });

  it('puts a refusal’s own reason in the action result’s message', () => {
    expect(failure('precondition', { _form: '批次没有发放明细，不能审批' })).toEqual({
      ok: false,
      code: 'precondition',
      message: '批次没有发放明细，不能审批',
      fieldErrors: { _form: '批次没有发放明细，不能审批' },
    });
    expect(failure('invalid_input', { amount: '请填写金额' }).message).toBe(errorMessages.invalid_input);
  });
});

describe('database errors', () => {
  it('recognizes a lost or refused connection through drizzle’s wrapper, and nothing else', () => {
    const wrap = (cause: object) => new Error('Failed query', { cause });
    expect(databaseUnavailable(wrap({ code: 'CONNECTION_CLOSED' }))).toBe(true);
    expect(databaseUnavailable(wrap({ code: '57P01' }))).toBe(true); // admin shutdown
    expect(databaseUnavailable(wrap({ code: '08006' }))).toBe(true);
    expect(databaseUnavailable(wrap({ code: '23505' }))).toBe(false);
    expect(databaseUnavailable(new Error('bug'))).toBe(false);
    expect(uniqueViolation(wrap({ code: '23505', constraint_name: 'members_active_id_number_uq' }))).toBe('members_active_id_number_uq');
  });
});
