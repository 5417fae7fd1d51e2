'use client';

import { updateMemberAction } from '@/lib/households/actions';
import { buttonClass } from '@/components/ui/field';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { MemberDetailFields, type MemberDefaults } from './member-detail-fields';
import { ErrorSummary } from '@/components/ui/error-summary';

export function UpdateMemberForm({
  householdId,
  version,
  member,
}: {
  householdId: string;
  version: number;
  member: MemberDefaults & { id: string };
}) {
  const { state, pending, onSubmit, errors } = useChangeForm(updateMemberAction);
  const id = `edit-${member.id}`;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`修改 ${member.name} 的信息`} className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <input type="hidden" name="memberId" value={member.id} />
      <MemberDetailFields id={id} errors={errors} defaults={member} />
      <ReasonField id={`${id}-reason`} errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '保存'}</button>
      </div>
      <FormStatus state={state} success={(d) => (d.changed ? '已保存。' : '没有变化。')} />
    </form>
  );
}
