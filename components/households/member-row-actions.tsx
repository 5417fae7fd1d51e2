'use client';

import { useState } from 'react';
import { smallButtonClass } from './change-form';
import { MemberLeaveForm, type OtherMember } from './member-leave-form';
import type { MemberDefaults } from './member-detail-fields';
import { MoveMemberForm } from './move-member-form';
import { UpdateMemberForm } from './update-member-form';

type Panel = 'edit' | 'leave' | 'move';
const panelLabels: Record<Panel, string> = { edit: '修改', leave: '离开/死亡', move: '迁移' };

export type RowMember = MemberDefaults & { id: string; isHead: boolean; status: 'active' | 'moved_out' | 'deceased' };

/**
 * One member's table row (its cells rendered by the page) with the change buttons in the last
 * cell, and the chosen form in a full-width row just below it.
 */
export function MemberRowActions({
  householdId,
  version,
  member,
  others,
  canWrite,
  colSpan,
  rowClassName,
  children,
}: {
  householdId: string;
  version: number;
  member: RowMember;
  others: OtherMember[];
  canWrite: boolean;
  colSpan: number;
  rowClassName?: string;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState<Panel | null>(null);
  const panelId = `member-panel-${member.id}`;
  const props = { householdId, version, member, others };
  return (
    <tbody>
      <tr className={rowClassName}>
        {children}
        <td className="p-2 whitespace-nowrap">
          {canWrite && member.status === 'active' && (
            <span className="flex gap-1">
              {(Object.keys(panelLabels) as Panel[]).map((p) => (
                <button
                  key={p}
                  type="button"
                  aria-label={`${panelLabels[p]}（${member.name}）`}
                  aria-expanded={open === p}
                  aria-controls={open === p ? panelId : undefined}
                  onClick={() => setOpen(open === p ? null : p)}
                  className={smallButtonClass}
                >
                  {panelLabels[p]}
                </button>
              ))}
            </span>
          )}
        </td>
      </tr>
      {open && (
        <tr>
          <td id={panelId} colSpan={colSpan} className="p-2">
            {open === 'edit' && <UpdateMemberForm {...props} />}
            {open === 'leave' && <MemberLeaveForm {...props} />}
            {open === 'move' && <MoveMemberForm {...props} />}
          </td>
        </tr>
      )}
    </tbody>
  );
}
