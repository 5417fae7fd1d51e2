'use client';

import { memberLeavesAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { leaveKindLabels } from '@/lib/households/change-schemas';
import { todayInChina } from '@/lib/core/time';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { ErrorSummary } from '@/components/ui/error-summary';

export interface OtherMember {
  id: string;
  name: string;
  relation: string;
}

/** Which remaining member becomes head when the head leaves; only asked when there is one to ask about. */
export function NewHeadField({ id, errors, others }: { id: string; errors: Record<string, string>; others: OtherMember[] }) {
  return (
    <Field id={id} label="新户主" error={errors.newHeadMemberId} hint="户主离开后，由所选成员担任户主（关系改为本人）">
      {(a) => (
        <select {...a} name="newHeadMemberId" defaultValue="" className={inputClass}>
          <option value="">请选择</option>
          {others.map((m) => (
            <option key={m.id} value={m.id}>{m.name}（{m.relation}）</option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A member moves out or dies; the member stays in the household's history. */
export function MemberLeaveForm({
  householdId,
  version,
  member,
  others,
}: {
  householdId: string;
  version: number;
  member: { id: string; name: string; isHead: boolean };
  others: OtherMember[];
}) {
  const { state, pending, onSubmit, errors } = useChangeForm(memberLeavesAction);
  const id = `leave-${member.id}`;
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-green-800">
        已记录 {member.name} 的变动{state.data.closed ? '；本户已无在户成员，已销户' : ''}。
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${member.name} 离开或死亡`} className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <input type="hidden" name="memberId" value={member.id} />
      <Field id={`${id}-kind`} label="离开类型" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {Object.entries(leaveKindLabels).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-date`} label="日期" error={errors.date}>
        {(a) => <input {...a} type="date" name="date" max={todayInChina()} defaultValue={todayInChina()} className={inputClass} />}
      </Field>
      {member.isHead && others.length > 0 && <NewHeadField id={`${id}-newHead`} errors={errors} others={others} />}
      <ReasonField id={`${id}-reason`} errors={errors} label="原因" />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '确认'}</button>
      </div>
      <FormStatus state={state} success={() => ''} />
    </form>
  );
}
