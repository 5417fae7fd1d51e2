import 'server-only';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { applications, complaints, households, tempAidCases } from '@/db/schema';
import { assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import type { DocumentOwner } from './schemas';

export interface OwnerRecord {
  householdId: string | null;
  countyCode: string;
  townshipCode: string | null;
  villageCode: string | null;
}

/**
 * A complaint's papers (the letter, a recording's transcript) name the complainant, who is shown
 * only to the assigned handler and the auditor (lib/complaints/queries.ts): so are the papers, and
 * to the person who took the complaint in until someone is assigned.
 */
export function seesComplaintPapers(user: SessionUser, c: { handlerId: string | null; createdBy: string }): boolean {
  return user.role === 'auditor' || c.handlerId === user.id || (c.handlerId === null && c.createdBy === user.id);
}

/** The same rule in SQL, for a list of documents (`documents` in scope): true for a paper of no complaint. */
export function complaintPapersVisible(user: SessionUser): SQL {
  if (user.role === 'auditor') return sql`true`;
  return sql`(documents.complaint_id IS NULL OR EXISTS (SELECT 1 FROM complaints c WHERE c.id = documents.complaint_id
    AND (c.handler_id = ${user.id} OR (c.handler_id IS NULL AND c.created_by = ${user.id}))))`;
}

/** The most specific region code of a record: what a user must cover to see it. */
export const regionOfRecord = (r: { countyCode: string; townshipCode: string | null; villageCode: string | null }) => r.villageCode ?? r.townshipCode ?? r.countyCode;

/**
 * The record a document belongs to, with its region: a record that does not exist or lies
 * outside the user's region answers not_found alike.
 */
export async function ownerRecord(d: Db | Tx, user: SessionUser, owner: DocumentOwner): Promise<OwnerRecord> {
  const pick = { countyCode: households.countyCode, townshipCode: households.townshipCode, villageCode: households.villageCode };
  let row: OwnerRecord | undefined;
  switch (owner.ownerType) {
    case 'household':
      [row] = await d.select({ householdId: households.id, ...pick }).from(households).where(eq(households.id, owner.ownerId));
      break;
    case 'application':
      [row] = await d
        .select({ householdId: applications.householdId, countyCode: applications.countyCode, townshipCode: applications.townshipCode, villageCode: applications.villageCode })
        .from(applications)
        .where(eq(applications.id, owner.ownerId));
      break;
    case 'temp_aid_case':
      [row] = await d
        .select({ householdId: tempAidCases.householdId, countyCode: tempAidCases.countyCode, townshipCode: tempAidCases.townshipCode, villageCode: tempAidCases.villageCode })
        .from(tempAidCases)
        .where(eq(tempAidCases.id, owner.ownerId));
      break;
    case 'complaint': {
      const [c] = await d
        .select({ householdId: complaints.householdId, countyCode: complaints.countyCode, townshipCode: complaints.townshipCode, villageCode: complaints.villageCode, handlerId: complaints.handlerId, createdBy: complaints.createdBy })
        .from(complaints)
        .where(eq(complaints.id, owner.ownerId));
      row = c && seesComplaintPapers(user, c) ? c : undefined;
      break;
    }
  }
  if (!row) throw new AppError('not_found');
  assertCovers(user, regionOfRecord(row));
  return row;
}
