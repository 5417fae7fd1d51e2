'use client';

import { useState } from 'react';
import { createApplicationAction } from '@/lib/applications/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';

export function NewApplicationForm({ householdId, members }: { householdId: string; members: { id: string; name: string; relation: string }[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(createApplicationAction);
  const [kind, setKind] = useState('dibao_household');
  const [closeRelative, setCloseRelative] = useState(false);
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="householdId" value={householdId} />
      <Field id="kind" label="申请类型" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
            <option value="dibao_household">低保（整户）</option>
            <option value="dibao_single">低保（单独申请）</option>
            <option value="tekun_dispersed">特困（分散供养）</option>
            <option value="tekun_centralized">特困（集中供养）</option>
          </select>
        )}
      </Field>
      {kind !== 'dibao_household' && (
        <Field id="memberId" label="申请人" error={errors.memberId}>
          {(a) => (
            <select {...a} name="memberId" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}（{m.relation}）</option>)}
            </select>
          )}
        </Field>
      )}
      {kind.startsWith('tekun') && (
        <Field id="selfCareLevel" label="生活自理能力" error={errors.selfCareLevel}>
          {(a) => (
            <select {...a} name="selfCareLevel" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              <option value="full">全自理</option>
              <option value="partial">半自理</option>
              <option value="none">全护理</option>
            </select>
          )}
        </Field>
      )}
      <div className="flex items-center gap-2">
        <input id="closeRelative" type="checkbox" name="closeRelative" checked={closeRelative} onChange={(e) => setCloseRelative(e.target.checked)} className="h-4 w-4" />
        <label htmlFor="closeRelative">申请人是经办人员或村干部的近亲属（近亲属备案）</label>
      </div>
      {closeRelative && (
        <Field id="closeRelativeNote" label="近亲属关系说明" error={errors.closeRelativeNote}>
          {(a) => <input {...a} name="closeRelativeNote" className={inputClass} />}
        </Field>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>创建申请</button>
        <p role="status" className="text-sm text-red-700">{state && !state.ok ? (errors._form ?? state.message) : ''}</p>
      </div>
    </form>
  );
}
