'use client';

import { addMemberAction } from '@/lib/households/actions';
import { buttonClass } from '@/components/ui/field';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { MemberDetailFields } from './member-detail-fields';
import { ErrorSummary } from '@/components/ui/error-summary';

export function AddMemberForm({ householdId, version }: { householdId: string; version: number }) {
  const { state, pending, onSubmit, errors, ref } = useChangeForm(addMemberAction, true);
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label="新增成员" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <MemberDetailFields id="add-member" errors={errors} />
      <ReasonField id="add-member-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '添加成员'}</button>
      </div>
      <FormStatus state={state} success={() => '成员已添加。'} />
    </form>
  );
}
