'use client';

import { moveMemberAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { relations } from '@/lib/households/schemas';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { NewHeadField, type OtherMember } from './member-leave-form';
import { ErrorSummary } from '@/components/ui/error-summary';

/** Moves a member into another household of the region; both households keep the history. */
export function MoveMemberForm({
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
  const { state, pending, onSubmit, errors } = useChangeForm(moveMemberAction);
  const id = `move-${member.id}`;
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-green-800">
        {member.name} 已迁入目标家庭。<a href={`/households/${state.data.targetHouseholdId}`} className="underline">查看目标家庭</a>
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`${member.name} 迁往其他家庭`} className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <input type="hidden" name="memberId" value={member.id} />
      <Field id={`${id}-target`} label="目标家庭编号" error={errors.targetHouseholdId} hint="粘贴目标家庭页面的网址或编号">
        {(a) => <input {...a} name="targetHouseholdId" autoComplete="off" className={`${inputClass} font-mono`} />}
      </Field>
      <Field id={`${id}-relation`} label="与目标户主关系" error={errors.relation}>
        {(a) => (
          <select {...a} name="relation" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {relations.map((r) => (
              <option key={r} value={r}>{r === '本人' ? '本人（户主）' : r}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-date`} label="迁移日期" error={errors.date}>
        {(a) => <input {...a} type="date" name="date" max={todayInChina()} defaultValue={todayInChina()} className={inputClass} />}
      </Field>
      {member.isHead && others.length > 0 && <NewHeadField id={`${id}-newHead`} errors={errors} others={others} />}
      <ReasonField id={`${id}-reason`} errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '确认迁移'}</button>
      </div>
      <FormStatus state={state} success={() => ''} />
    </form>
  );
}
