import { describe, expect, it } from 'vitest';
import { adjustmentCancelCheck } from '@/lib/payouts/rules';
import { cancelAdjustmentSchema } from '@/lib/payouts/schemas';

describe('withdrawing a 补发 or 扣回', () => {
  it('is allowed while no approved run has taken any of it', () => {
    expect(adjustmentCancelCheck({ kind: 'arrears', cancelledAt: null }, null)).toEqual({ ok: true });
    expect(adjustmentCancelCheck({ kind: 'recovery', cancelledAt: null }, null)).toEqual({ ok: true });
  });

  it('is refused once an approved run took it, naming that run’s month', () => {
    expect(adjustmentCancelCheck({ kind: 'recovery', cancelledAt: null }, { month: '2026-12' })).toEqual({
      ok: false,
      message: '该扣回已计入 2026-12 发放批次（已审批），不能撤销；如需更正，请另行登记补发或扣回',
    });
  });

  it('is refused a second time', () => {
    expect(adjustmentCancelCheck({ kind: 'arrears', cancelledAt: new Date() }, null)).toEqual({ ok: false, message: '该补发已撤销' });
  });
});

describe('the cancellation form', () => {
  const id = '0b7f3c0e-5a3e-4d43-9d0f-3c1f0a1e2b3c';
  const errors = (input: unknown) => {
    const r = cancelAdjustmentSchema.safeParse(input);
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
  };

  it('needs a written reason of at least 4 characters, trimmed', () => {
    expect(errors({ adjustmentId: id })).toEqual({ reason: '请填写撤销原因' });
    expect(errors({ adjustmentId: id, reason: '  录错  ' })).toEqual({ reason: '请写明撤销原因（至少 4 个字）' });
    expect(errors({ adjustmentId: id, reason: 'x'.repeat(501) })).toEqual({ reason: '撤销原因不能超过 500 字' });
    expect(cancelAdjustmentSchema.parse({ adjustmentId: id, reason: '  金额录入错误  ' })).toEqual({ adjustmentId: id, reason: '金额录入错误' });
  });

  it('names an adjustment', () => {
    expect(errors({ adjustmentId: 'x', reason: '金额录入错误' })).toEqual({ adjustmentId: '该补发或扣回不存在' });
  });
});
