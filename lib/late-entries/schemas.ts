// The fields a step form carries for a late entry (补录), shared by the forms, the actions and the verbs.
import { z } from 'zod';
import { safeText } from '@/lib/core/safe-text';

const optional = (label: string, max: number, multiline: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    safeText(label, { multiline }).max(max, `最多 ${max} 个字`).optional(),
  );

/** On every step with a date: required by the verb only when the step is late. */
export const lateReasonField = { lateReason: optional('补录原因', 500, true) };

/** On a 公示 step: the photo or record of the posted notice, required only when the 公示 is late. */
export const noticeEvidenceField = { noticeEvidence: optional('公示照片或记录编号', 100, false) };

/** On a decision: the supervisor checked the case's late entries (required only when it has some). */
export const acknowledgmentField = { lateAcknowledged: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional() };

export type LateInput = { lateReason?: string; noticeEvidence?: string };

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** The late-entry list's filter (a GET query: places, a staff member, a month; never a resident). */
export const lateEntryFilterSchema = z.object({
  county: z.preprocess(blank, z.string().regex(/^\d{6}$/).optional()),
  township: z.preprocess(blank, z.string().regex(/^\d{9}$/).optional()),
  recordedBy: z.preprocess(blank, z.uuid().optional()),
  month: z.preprocess(blank, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12').optional()),
});
export type LateEntryFilter = z.output<typeof lateEntryFilterSchema>;
