import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { textMessages } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { maskPhone } from './texts';

/** A household's text messages, newest first, the number masked (the household page's 短信通知). */
export async function listHouseholdMessages(user: SessionUser, householdId: string, villageCode: string, limit = 50) {
  assertCan(user, 'household.read');
  assertCovers(user, villageCode);
  const db = await getDb();
  const rows = await db
    .select({
      id: textMessages.id,
      kind: textMessages.kind,
      phone: textMessages.phone,
      body: textMessages.body,
      state: textMessages.state,
      attempts: textMessages.attempts,
      lastError: textMessages.lastError,
      createdAt: textMessages.createdAt,
      sentAt: textMessages.sentAt,
    })
    .from(textMessages)
    .where(eq(textMessages.householdId, householdId))
    .orderBy(desc(textMessages.createdAt), desc(textMessages.id))
    .limit(limit);
  return rows.map(({ phone, ...r }) => ({ ...r, phone: maskPhone(phone) }));
}
