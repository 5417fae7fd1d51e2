import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { notices, users } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';

export type NoticeBody = { title: string; recipient: string; paragraphs: string[]; issuer: string };

/** A household's notices, newest first (the archive's 文书). */
export async function listHouseholdNotices(user: SessionUser, householdId: string, villageCode: string) {
  assertCan(user, 'household.read');
  assertCovers(user, villageCode);
  const db = await getDb();
  const rows = await db
    .select({ id: notices.id, kind: notices.kind, number: notices.number, issuedOn: notices.issuedOn, applicationId: notices.applicationId, body: notices.body })
    .from(notices)
    .where(eq(notices.householdId, householdId))
    .orderBy(desc(notices.issuedOn), desc(notices.seq));
  return rows.map((r) => ({ ...r, title: (r.body as NoticeBody).title }));
}

export async function getNotice(user: SessionUser, id: string) {
  assertCan(user, 'household.read');
  const db = await getDb();
  const [row] = await db.select({ n: notices, issuedByName: users.name }).from(notices).leftJoin(users, eq(users.id, notices.issuedBy)).where(eq(notices.id, id));
  assertCovers(user, row?.n.villageCode);
  if (!row) throw new AppError('not_found');
  return { ...row.n, body: row.n.body as NoticeBody, issuedByName: row.issuedByName };
}
