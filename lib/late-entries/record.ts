import 'server-only';
import type { Db, Tx } from '@/db/client';
import { lateEntries } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { isLateEntry, isNoticeReference, workingDaysLate } from '@/lib/core/step-date';
import { todayInChina } from '@/lib/core/time';
import { loadCalendar } from '@/lib/policy/calendar';
import { policyInt } from '@/lib/policy/values';
import type { LateEntryKind, LateEntryStep } from './labels';
import { lateEntryMessages } from './messages';
import type { LateInput } from './schemas';

export interface LateSpec {
  /** Whose policy sets the number of working days: dibao/late_entry_wd or temp/late_entry_wd. */
  program: 'dibao' | 'temp';
  step: LateEntryStep;
  countyCode: string;
  /** The step's stated date (already checked: not after today, not before what it follows). */
  date: string;
  now: Date;
  input: LateInput;
  /** A 公示: a late one must name the notice's photo or record (isNoticeReference). */
  requireNoticeReference?: boolean;
}

export interface PendingLateEntry {
  spec: LateSpec;
  recordedOn: string;
  workingDaysLate: number;
  thresholdWorkingDays: number;
  reason: string;
  evidenceRef: string | null;
}

export interface LateEntity {
  kind: LateEntryKind;
  id: string;
  countyCode: string;
  townshipCode: string;
  villageCode: string | null;
}

/**
 * Whether a step is a late entry (补录) by the policy and the admin's working-day calendar in force
 * on the day it is entered; refused, with every missing field at once, when it lacks its reason
 * (or, for a 公示, the notice's photo or record). Null when the step is in time.
 */
export async function assessLateEntry(tx: Tx, spec: LateSpec): Promise<PendingLateEntry | null> {
  const recordedOn = todayInChina(spec.now);
  if (spec.date >= recordedOn) return null;
  const thresholdWorkingDays = await policyInt(tx, spec.program, 'late_entry_wd', spec.countyCode, recordedOn);
  const cal = await loadCalendar(tx as unknown as Db, spec.date, recordedOn);
  const days = workingDaysLate(spec.date, recordedOn, cal);
  if (!isLateEntry(days, thresholdWorkingDays)) return null;
  const reason = spec.input.lateReason?.trim() ?? '';
  const errors: Record<string, string> = {};
  if (reason.length < 4) errors.lateReason = lateEntryMessages.reasonRequired(days);
  if (spec.requireNoticeReference && !isNoticeReference(spec.input.noticeEvidence)) errors.noticeEvidence = lateEntryMessages.noticeReference(days);
  if (Object.keys(errors).length > 0) throw new AppError('invalid_input', errors);
  const evidenceRef = spec.requireNoticeReference ? spec.input.noticeEvidence!.trim() : null;
  return { spec, recordedOn, workingDaysLate: days, thresholdWorkingDays, reason, evidenceRef };
}

/** Stores a late entry and its audit row in the step's own transaction. */
export async function recordLateEntry(tx: Tx, user: SessionUser, late: PendingLateEntry, entity: LateEntity): Promise<{ id: string; workingDaysLate: number }> {
  const [row] = await tx
    .insert(lateEntries)
    .values({
      entityKind: entity.kind,
      entityId: entity.id,
      step: late.spec.step,
      statedOn: late.spec.date,
      recordedOn: late.recordedOn,
      recordedAt: late.spec.now,
      workingDaysLate: late.workingDaysLate,
      thresholdWorkingDays: late.thresholdWorkingDays,
      reason: late.reason,
      evidenceRef: late.evidenceRef,
      recordedBy: user.id,
      countyCode: entity.countyCode,
      townshipCode: entity.townshipCode,
      villageCode: entity.villageCode,
    })
    .returning({ id: lateEntries.id });
  const { step, date } = late.spec;
  await recordAudit(tx, user, {
    action: 'late_entry.record',
    entity: 'late_entry',
    entityId: row!.id,
    regionCode: entity.villageCode ?? entity.townshipCode,
    after: { entityKind: entity.kind, entityId: entity.id, step, statedOn: date, recordedOn: late.recordedOn, workingDaysLate: late.workingDaysLate, evidenceRef: late.evidenceRef },
    reason: late.reason,
  });
  return { id: row!.id, workingDaysLate: late.workingDaysLate };
}

/** assessLateEntry and recordLateEntry at once, for a step whose record already exists. */
export async function checkLateEntry(tx: Tx, user: SessionUser, spec: LateSpec, entity: LateEntity) {
  const late = await assessLateEntry(tx, spec);
  return late ? recordLateEntry(tx, user, late, entity) : null;
}
