import { Field, inputClass } from '@/components/ui/field';

// The form fields of a late entry (补录), for the step forms of applications, temporary-aid cases
// and fund movements. Always shown, required by the server only when the step is late: the
// refusal says how many working days late it is.

export function LateReasonField({ errors, id = 'lateReason' }: { errors: Record<string, string>; id?: string }) {
  return (
    <Field id={id} label="补录原因（补录时必填）" error={errors.lateReason} hint="日期早于录入日超过规定工作日数的，属于补录">
      {(a) => <input {...a} name="lateReason" autoComplete="off" className={inputClass} />}
    </Field>
  );
}

export function NoticeEvidenceField({ errors }: { errors: Record<string, string> }) {
  return (
    <Field id="noticeEvidence" label="公示照片或记录编号（公示补录时必填）" error={errors.noticeEvidence} hint="如公示照片文件名 IMG_0123 或公示记录编号 KC-2026-015">
      {(a) => <input {...a} name="noticeEvidence" autoComplete="off" className={inputClass} />}
    </Field>
  );
}

/** The decider's acknowledgment, on a decision form whose case has late entries. */
export function AcknowledgeField({ count, errors }: { count: number; errors: Record<string, string> }) {
  if (count === 0) return null;
  return (
    <div className="rounded border border-amber-300 bg-amber-50 p-3 md:col-span-2">
      <p className="text-sm text-amber-900">本案有 {count} 个补录环节（见“补录情况”），请核实补录原因及材料后再审批。</p>
      <label className="mt-2 flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="lateAcknowledged" aria-invalid={errors.lateAcknowledged ? true : undefined} aria-describedby={errors.lateAcknowledged ? 'lateAcknowledged-error' : undefined} />
        已核实补录情况
      </label>
      {errors.lateAcknowledged && <p id="lateAcknowledged-error" className="mt-1 text-sm text-red-700">{errors.lateAcknowledged}</p>}
    </div>
  );
}
