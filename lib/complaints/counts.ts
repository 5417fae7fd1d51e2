import 'server-only';
import { and, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { complaints } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { complaintCategories, complaintOutcomes } from '@/db/schema/complaints';
import { categoryLabels, outcomeLabels } from './labels';
import { complaintScope } from './queries';

export interface ComplaintMonth {
  /** Received in the month, by category (every category, zeros included). */
  byCategory: { code: string; label: string; count: number }[];
  /** Answered (closed) in the month, by outcome. */
  byOutcome: { code: string; label: string; count: number }[];
}

/** 月通报's 投诉举报 section: counts only (no names), in the user's region. The caller checked report.read. */
export async function complaintsOfMonth(user: SessionUser, month: string): Promise<ComplaintMonth> {
  const db = await getDb();
  const from = `${month}-01`;
  const to = `${addMonthsToMonth(month, 1)}-01`;
  const [received, answered] = await Promise.all([
    db
      .select({ code: complaints.category, count: sql<number>`count(*)`.mapWith(Number) })
      .from(complaints)
      .where(and(complaintScope(user), gte(complaints.receivedOn, from), lt(complaints.receivedOn, to)))
      .groupBy(complaints.category),
    db
      .select({ code: sql<string>`${complaints.outcome}`, count: sql<number>`count(*)`.mapWith(Number) })
      .from(complaints)
      .where(and(complaintScope(user), sql`${complaints.state} = 'answered'`, gte(complaints.replyOn, from), lt(complaints.replyOn, to)))
      .groupBy(complaints.outcome),
  ]);
  const count = (rows: { code: string; count: number }[], code: string) => rows.find((r) => r.code === code)?.count ?? 0;
  return {
    byCategory: complaintCategories.map((c) => ({ code: c, label: categoryLabels[c], count: count(received, c) })),
    byOutcome: complaintOutcomes.map((o) => ({ code: o, label: outcomeLabels[o], count: count(answered, o) })),
  };
}
