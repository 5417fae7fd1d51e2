'use client';

import { createContext, use, useState } from 'react';
import { smallButtonClass } from './change-form';
import { MemberLeaveForm, type OtherMember } from './member-leave-form';
import type { MemberDefaults } from './member-detail-fields';
import { MoveMemberForm } from './move-member-form';
import { UpdateMemberForm } from './update-member-form';

type Panel = 'edit' | 'leave' | 'move';
const panelLabels: Record<Panel, string> = { edit: '修改', leave: '离开/死亡', move: '迁移' };

export type RowMember = MemberDefaults & { id: string; isHead: boolean; status: 'active' | 'moved_out' | 'deceased' };

// The buttons live in the row's last cell and the form in a row below it: the open panel is
// shared between them here, so the page renders the row's cells on the server.
const OpenPanel = createContext<{ open: Panel | null; toggle: (p: Panel) => void; panelId: string } | null>(null);

/**
 * One member's table row (rendered by the page, with MemberActions in its last cell) and the
 * chosen change form in a full-width row just below it.
 */
export function MemberRow({
  householdId,
  version,
  member,
  others,
  colSpan,
  children,
}: {
  householdId: string;
  version: number;
  member: RowMember;
  others: OtherMember[];
  colSpan: number;
  children: React.ReactNode;
}) {
  const [open, setOpen] = useState<Panel | null>(null);
  const panelId = `member-panel-${member.id}`;
  const props = { householdId, version, member, others };
  return (
    <OpenPanel value={{ open, toggle: (p) => setOpen(open === p ? null : p), panelId }}>
      {children}
      {open && (
        <tr>
          <td id={panelId} colSpan={colSpan} className="p-2">
            {open === 'edit' && <UpdateMemberForm {...props} />}
            {open === 'leave' && <MemberLeaveForm {...props} />}
            {open === 'move' && <MoveMemberForm {...props} />}
          </td>
        </tr>
      )}
    </OpenPanel>
  );
}

/** The change buttons of a member's row; each opens its form below the row (inside MemberRow). */
export function MemberActions({ name }: { name: string }) {
  const panel = use(OpenPanel);
  if (!panel) return null;
  return (
    <span className="flex gap-1">
      {(Object.keys(panelLabels) as Panel[]).map((p) => (
        <button
          key={p}
          type="button"
          aria-label={`${panelLabels[p]}（${name}）`}
          aria-expanded={panel.open === p}
          aria-controls={panel.open === p ? panel.panelId : undefined}
          onClick={() => panel.toggle(p)}
          className={smallButtonClass}
        >
          {panelLabels[p]}
        </button>
      ))}
    </span>
  );
}
