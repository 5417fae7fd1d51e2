import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { applicationObjections } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { checkLateEntry } from '@/lib/late-entries/record';
import type { LateInput } from '@/lib/late-entries/schemas';
import { assertStepDate, floorsOf, type StepOf } from './dates';
import { assertExpected, type Application, type Expected } from './load';

/**
 * The date a user gave an application's step, checked in the step's transaction: not after
 * today, not before the step it follows nor the registration; and, entered more than
 * dibao/late_entry_wd working days after it, a late entry (补录) with its reason (a 公示 also with
 * its photo or record), stored and audited with the step. A stale form is a conflict first.
 */
export async function checkStepDate(
  tx: Tx,
  user: SessionUser,
  app: Application,
  expected: Expected,
  step: Exclude<StepOf, 'decision'>,
  field: string,
  date: string,
  input: LateInput,
  now: Date,
) {
  assertExpected(app, expected);
  const lastObjectionOn = step === 'township_opinion' ? await lastObjection(tx, app.id) : null;
  assertStepDate(field, date, floorsOf(app, step, lastObjectionOn), todayInChina(now));
  return checkLateEntry(
    tx,
    user,
    { program: 'dibao', step, countyCode: app.countyCode, date, now, input, requireNoticeReference: step === 'public_notice' },
    { kind: 'application', id: app.id, countyCode: app.countyCode, townshipCode: app.townshipCode, villageCode: app.villageCode },
  );
}

async function lastObjection(tx: Tx, applicationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ raisedOn: applicationObjections.raisedOn })
    .from(applicationObjections)
    .where(eq(applicationObjections.applicationId, applicationId))
    .orderBy(desc(applicationObjections.raisedOn))
    .limit(1);
  return row?.raisedOn ?? null;
}
