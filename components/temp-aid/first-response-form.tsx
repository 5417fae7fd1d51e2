'use client';

import { useRef, useState } from 'react';
import { firstResponseAction } from '@/lib/temp-aid/actions';
import { MemberFields } from '@/components/households/member-fields';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { useFormAction } from '@/components/ui/use-form-action';
import { formatFen } from '@/lib/core/format';
import { parseYuanToFen } from '@/lib/core/money';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { causeLabels, emergencyCauses } from '@/lib/temp-aid/labels';
import { BankAccountFields, HouseholdBasicFields } from '@/components/households/household-basic-fields';
import { ErrorSummary } from '@/components/ui/error-summary';

interface Township {
  code: string;
  name: string;
  villages: { code: string; name: string }[];
}

/**
 * 先行救助 in one screen: the household (already registered, or registered here on the spot),
 * what happened, the amount, the payee and the method. Input survives an error.
 */
export function FirstResponseForm({ household, townships, capText }: {
  household: { id: string; headName: string; hasBankAccount: boolean; townshipName: string } | null;
  townships: Township[];
  capText: string;
}) {
  const { ask, dialog } = useConfirmDialog();
  // Money leaves the township's fund at once: the amount, the fund and the payee are confirmed
  // first. A form the server would refuse anyway (no amount, no village) is sent as it is.
  const confirm = (data: FormData) => {
    const amount = parseYuanToFen(String(data.get('amount') ?? ''));
    const village = String(data.get('villageCode') ?? '');
    const township = household?.townshipName ?? townships.find((t) => t.villages.some((v) => v.code === village))?.name;
    if (!amount.ok || !township) return true;
    const payee = String(data.get('payeeName') ?? '').trim();
    const how = data.get('method') === 'bank' ? '转入本户登记的银行账户' : '现金发放';
    return ask({
      title: '确认发放先行救助',
      message: `确认先行救助 ${formatFen(amount.fen)} 从${township}临时救助备用金支付给 ${payee}？${how}，支付后不能撤回。`,
      confirmLabel: '确认发放',
    });
  };
  const { state, pending, onSubmit, errors } = useFormAction(firstResponseAction, confirm);
  const [method, setMethod] = useState(household?.hasBankAccount ? 'bank' : 'cash');
  const nextKey = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);
  const errorCount = Object.keys(errors).length;

  return (
    <form onSubmit={onSubmit} noValidate aria-label="先行救助" className="space-y-6">
      <ErrorSummary state={state} />
      {dialog}
      {household ? (
        <input type="hidden" name="householdId" value={household.id} />
      ) : (
        <NewHouseholdFields
          townships={townships}
          errors={errors}
          rows={rows}
          onAdd={() => setRows([...rows, nextKey.current++])}
          onRemove={(key) => setRows(rows.filter((k) => k !== key))}
        />
      )}

      <section aria-labelledby="h-aid" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
        <h2 id="h-aid" className="text-lg font-semibold md:col-span-2">救助情况</h2>
        <Field id="cause" label="急难情形 *" error={errors.cause}>
          {(a) => (
            <select {...a} name="cause" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {emergencyCauses.map((c) => <option key={c} value={c}>{causeLabels[c]}</option>)}
            </select>
          )}
        </Field>
        <Field id="amount" label="救助金额（元） *" error={errors.amount} hint={capText}>
          {(a) => <input {...a} name="amount" inputMode="decimal" autoComplete="off" className={inputClass} />}
        </Field>
        <div className="md:col-span-2">
          <Field id="narrative" label="发生了什么 *" error={errors.narrative}>
            {(a) => <textarea {...a} name="narrative" rows={3} className={inputClass} />}
          </Field>
        </div>
        <Field id="method" label="发放方式 *" error={errors.method}>
          {(a) => (
            <select {...a} name="method" value={method} onChange={(e) => setMethod(e.target.value)} className={inputClass}>
              <option value="bank">银行转账（本户登记的账户）</option>
              <option value="cash">现金（凭收据）</option>
            </select>
          )}
        </Field>
        <Field id="payeeName" label="领款人 *" error={errors.payeeName}>
          {(a) => <input {...a} name="payeeName" defaultValue={household?.headName ?? ''} className={inputClass} />}
        </Field>
        {method === 'cash' && (
          <Field id="receiptNo" label="收据编号 *" error={errors.receiptNo}>
            {(a) => <input {...a} name="receiptNo" autoComplete="off" className={inputClass} />}
          </Field>
        )}
        <Field id="documents" label="已收集的材料（每行一项，可后补）" error={errors.documents}>
          {(a) => <textarea {...a} name="documents" rows={2} className={inputClass} />}
        </Field>
        {errors.sameCauseNote && (
          <div className="md:col-span-2">
            <Field id="sameCauseNote" label="同一事由再次救助的理由 *" error={errors.sameCauseNote}>
              {(a) => <textarea {...a} name="sameCauseNote" rows={2} className={inputClass} />}
            </Field>
          </div>
        )}
      </section>

      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在发放…' : '发放先行救助'}</button>
        <p role="status" className="text-sm text-red-700">
          {state && !state.ok ? (errors._form ?? (errorCount > 0 ? `有 ${errorCount} 处需要修改，请查看标红的字段。` : state.message)) : ''}
        </p>
      </div>
    </form>
  );
}

function NewHouseholdFields({ townships, errors, rows, onAdd, onRemove }: {
  townships: Township[];
  errors: Record<string, string>;
  rows: number[];
  onAdd: () => void;
  onRemove: (key: number) => void;
}) {
  return (
    <section aria-labelledby="h-household" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="h-household" className="text-lg font-semibold">现场登记家庭</h2>
      <div className="grid gap-4 md:grid-cols-4">
        <HouseholdBasicFields townships={townships} errors={errors} />
        <BankAccountFields errors={errors} />
      </div>
      {errors.members && <p className="text-sm text-red-700" role="alert">{errors.members}</p>}
      {rows.map((key, index) => (
        <MemberFields key={key} index={index} errors={errors} onRemove={rows.length > 1 ? () => onRemove(key) : undefined} />
      ))}
      <button type="button" onClick={onAdd} className="rounded border border-blue-700 px-3 py-1 text-sm text-blue-700">
        添加成员
      </button>
    </section>
  );
}
