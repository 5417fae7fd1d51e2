'use client';

import { CaseForm, textArea } from '@/components/temp-aid/case-forms';
import { Field, inputClass } from '@/components/ui/field';
import { withdrawDocumentAction } from '@/lib/documents/actions';

/** 作废材料: a paper uploaded by mistake is marked withdrawn with the reason; it stays on file. */
export function WithdrawDocumentForm({ documents }: { documents: { id: string; label: string }[] }) {
  return (
    <CaseForm title="作废材料" action={withdrawDocumentAction} hidden={{}} submit="作废" firstError="documentId">
      {(errors) => (
        <>
          <Field id="withdraw-documentId" label="要作废的材料" error={errors.documentId}>
            {(a) => (
              <select {...a} name="documentId" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {documents.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
              </select>
            )}
          </Field>
          {textArea('withdraw-reason', '作废原因', errors, 'reason')}
        </>
      )}
    </CaseForm>
  );
}
