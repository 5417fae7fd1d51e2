import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { buildReport, consentState } from './report';

/** The verification part of an application page, scoped: out of region answers not found. */
export async function verificationOf(user: SessionUser, applicationId: string, now: Date = new Date()) {
  assertCan(user, 'verification.read');
  if (!/^[0-9a-f-]{36}$/i.test(applicationId)) throw new AppError('not_found');
  const db = await getDb();
  const [app] = await db.select().from(applications).where(and(eq(applications.id, applicationId)));
  assertCovers(user, app?.villageCode);
  const today = todayInChina(now);
  const [consent, report] = await Promise.all([consentState(db, app!), buildReport(db, app!, today)]);
  return { today, ...consent, report };
}
