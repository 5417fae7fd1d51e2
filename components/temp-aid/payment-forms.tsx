'use client';

import { payApprovedAction, recoveryAction } from '@/lib/temp-aid/actions';
import { Field, inputClass } from '@/components/ui/field';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { LateReasonField } from '@/components/late-entries/late-fields';
import { CaseForm, textArea, textInput } from './case-forms';

type Ref = { id: string; version: number };

/** Paying approved money from the township fund: the day it was handed over (today unless a receipt says otherwise). */
export function PayForm({ paymentId, label, cash, today, confirmMessage }: { paymentId: string; label: string; cash: boolean; today: string; confirmMessage: string }) {
  // Paying draws on the township's fund at once: confirmed with its amount and payee first.
  const { ask, dialog } = useConfirmDialog();
  const confirm = { ask: () => ask({ title: '确认发放临时救助', message: confirmMessage, confirmLabel: '确认发放' }), dialog };
  return (
    <CaseForm title={`发放：${label}`} action={payApprovedAction} hidden={{ paymentId }} submit="从备用金发放" firstError="receiptNo" confirm={confirm}>
      {(errors) => (
        <>
          {cash ? textInput(`receipt-${paymentId}`, '收据编号', errors, 'receiptNo') : <p className="text-sm text-slate-600">转入本户登记的银行账户。</p>}
          <Field id={`paidOn-${paymentId}`} label="发放日期" error={errors.paidOn}>
            {(a) => <input {...a} name="paidOn" type="date" defaultValue={today} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} id={`lateReason-${paymentId}`} />
        </>
      )}
    </CaseForm>
  );
}

export function RecoveryForm({ id, version }: Ref) {
  return (
    <CaseForm title="登记追回" action={recoveryAction} hidden={{ caseId: id, version }} submit="追回入账">
      {(errors) => (
        <>
          {textInput('recoveryAmount', '追回金额（元）', errors, 'amount')}
          {textArea('recoveryNote', '追回情况（如收据编号）', errors, 'note')}
        </>
      )}
    </CaseForm>
  );
}
