import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { complaintNotes, complaints, users } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/uuid';
import { complaintMessages } from './messages';
import type { AssignInput, NoteInput, OutcomeInput, ReplyInput } from './schemas';

export type Complaint = typeof complaints.$inferSelect;

export const complaintRegion = (c: Pick<Complaint, 'villageCode' | 'townshipCode' | 'countyCode'>) => c.villageCode ?? c.townshipCode ?? c.countyCode;

/**
 * The frame of every step on a complaint: permission, the complaint locked and scoped (out of
 * region answers like a missing one), the step, and its audit row in one transaction.
 */
async function runStep<T>(
  user: SessionUser,
  permission: Permission,
  id: string,
  action: AuditAction,
  step: (tx: Tx, c: Complaint) => Promise<{ result: T; after: Record<string, unknown> }>,
): Promise<T> {
  assertCan(user, permission);
  if (!isUuid(id)) throw new AppError('not_found');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update');
    assertCovers(user, c ? complaintRegion(c) : null);
    const { result, after } = await step(tx, c!);
    await recordAudit(tx, user, { action, entity: 'complaint', entityId: c!.id, regionCode: complaintRegion(c!), before: { state: c!.state }, after });
    return result;
  });
}

async function update(tx: Tx, c: Complaint, version: number, set: Partial<typeof complaints.$inferInsert>) {
  if (c.version !== version) throw new AppError('conflict');
  await tx
    .update(complaints)
    .set({ ...set, version: sql`${complaints.version} + 1` })
    .where(eq(complaints.id, c.id));
}

function assertHandler(user: SessionUser, c: Complaint) {
  if (c.state === 'answered') throw refuse('precondition', complaintMessages.alreadyClosed);
  if (c.state !== 'assigned') throw refuse('precondition', complaintMessages.notAssigned);
  if (c.handlerId !== user.id) throw refuse('same_person', complaintMessages.notHandler);
}

/**
 * 交办: a supervisor names the handler, a caseworker or supervisor of the complaint's county
 * (or its township) — never the member of staff complained about. Reassigning is allowed until
 * it is answered.
 */
export async function assignComplaint(user: SessionUser, input: AssignInput, today: string) {
  return runStep(user, 'complaint.assign', input.complaintId, 'complaint.assign', async (tx, c) => {
    if (c.state === 'answered') throw refuse('precondition', complaintMessages.alreadyClosed);
    if (c.subjectUserId === input.handlerId) throw refuse('same_person', complaintMessages.handlerIsSubject, 'handlerId');
    const [h] = await tx.select().from(users).where(eq(users.id, input.handlerId));
    const inRegion = h && (h.regionCode === c.countyCode || (h.regionCode.length === 9 && h.regionCode.slice(0, 6) === c.countyCode && (!c.townshipCode || h.regionCode === c.townshipCode)));
    if (!h || !h.active || (h.role !== 'caseworker' && h.role !== 'supervisor') || !inRegion) throw refuse('invalid_input', complaintMessages.handlerOutOfRegion, 'handlerId');
    await update(tx, c, input.version, { state: 'assigned', handlerId: h.id, assignedBy: user.id, assignedOn: today });
    return { result: { id: c.id }, after: { state: 'assigned', handlerId: h.id, handlerName: h.name, assignedOn: today } };
  });
}

/** 调查核实: the handler adds a dated note; several are kept, none edited. */
export async function addComplaintNote(user: SessionUser, input: NoteInput) {
  return runStep(user, 'complaint.handle', input.complaintId, 'complaint.note', async (tx, c) => {
    assertHandler(user, c);
    if (input.notedOn < c.receivedOn) throw refuse('invalid_input', complaintMessages.beforeReceived, 'notedOn');
    const [n] = await tx.insert(complaintNotes).values({ complaintId: c.id, notedOn: input.notedOn, text: input.text, createdBy: user.id }).returning({ id: complaintNotes.id });
    return { result: { id: c.id, noteId: n!.id }, after: { state: c.state, noteId: n!.id, notedOn: input.notedOn, text: input.text } };
  });
}

/** 办理结果: the handler's finding, with its text; may be revised until the reply. */
export async function recordComplaintOutcome(user: SessionUser, input: OutcomeInput, today: string) {
  return runStep(user, 'complaint.handle', input.complaintId, 'complaint.outcome', async (tx, c) => {
    assertHandler(user, c);
    await update(tx, c, input.version, { outcome: input.outcome, outcomeText: input.outcomeText, outcomeOn: today });
    return { result: { id: c.id }, after: { state: c.state, complaintOutcome: input.outcome, outcomeText: input.outcomeText } };
  });
}

/** 答复: how and when the complainant was answered; this closes the complaint. */
export async function replyToComplaint(user: SessionUser, input: ReplyInput) {
  return runStep(user, 'complaint.handle', input.complaintId, 'complaint.reply', async (tx, c) => {
    assertHandler(user, c);
    if (!c.outcome) throw refuse('precondition', complaintMessages.outcomeFirst);
    if (input.replyOn < c.receivedOn) throw refuse('invalid_input', complaintMessages.beforeReceived, 'replyOn');
    await update(tx, c, input.version, { state: 'answered', replyOn: input.replyOn, replyMethod: input.replyMethod, replyText: input.replyText, closedBy: user.id });
    return { result: { id: c.id }, after: { state: 'answered', replyOn: input.replyOn, replyMethod: input.replyMethod, replyText: input.replyText } };
  });
}
