import 'server-only';
import type { Tx } from '@/db/client';
import type { SessionUser } from '@/lib/auth/types';
import { assertStepDate, type Floor } from '@/lib/applications/dates';
import { todayInChina } from '@/lib/core/time';
import type { LateEntryStep } from '@/lib/late-entries/labels';
import { checkLateEntry } from '@/lib/late-entries/record';
import type { LateInput } from '@/lib/late-entries/schemas';
import type { AidCase } from './load';

/** The case's opening: what every later date of the case follows. */
export function openingOf(c: Pick<AidCase, 'kind' | 'openedOn'>): Floor {
  return { label: c.kind === 'first_response' ? '先行救助日' : '申请日', date: c.openedOn };
}

/**
 * A date a user gave a temporary-aid step, in the step's transaction: not after today, not
 * before the floors (the step it follows, the case's opening), and entered more than
 * temp/late_entry_wd working days after it, a late entry (补录) with its reason (a 公示 also with
 * the notice's photo or record), stored and audited with the step.
 */
export async function checkCaseDate(
  tx: Tx,
  user: SessionUser,
  c: AidCase,
  step: Extract<LateEntryStep, `tempaid_${string}`>,
  field: string,
  date: string,
  floors: readonly Floor[],
  input: LateInput,
  now: Date,
) {
  assertStepDate(field, date, floors, todayInChina(now));
  return checkLateEntry(
    tx,
    user,
    { program: 'temp', step, countyCode: c.countyCode, date, now, input, requireNoticeReference: step === 'tempaid_notice' },
    { kind: 'temp_aid_case', id: c.id, countyCode: c.countyCode, townshipCode: c.townshipCode, villageCode: c.villageCode },
  );
}
