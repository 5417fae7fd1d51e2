import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { institutionPlacements, institutions, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { institutionMessages } from './messages';
import type { CreateInstitutionInput, UpdateInstitutionInput } from './schemas';

async function checkTownship(tx: Tx, user: SessionUser, townshipCode: string): Promise<string> {
  const [t] = await tx.select({ code: regions.code, level: regions.level }).from(regions).where(eq(regions.code, townshipCode));
  if (!t || t.level !== 'township') throw new AppError('invalid_input', { townshipCode: institutionMessages.regionUnknown });
  if (!userCovers(user, t.code)) throw new AppError('invalid_input', { townshipCode: institutionMessages.regionOutside });
  return t.code.slice(0, 6);
}

const audited = (i: Omit<CreateInstitutionInput, 'bankAccount'> & { bankAccount: string }) => ({
  name: i.name,
  townshipCode: i.townshipCode,
  address: i.address,
  capacity: i.capacity,
  institutionKind: i.kind,
  medicalCare: i.medicalCare,
  institutionStatus: i.status,
  bankName: i.bankName,
  bankAccountHolder: i.bankAccountHolder,
  // The account's last four digits only, as everywhere in the audit log.
  accountTail: i.bankAccount.slice(-4),
});

/** 登记供养机构: by a county supervisor, in a township of their county. */
export async function createInstitution(user: SessionUser, input: CreateInstitutionInput): Promise<{ id: string }> {
  assertCan(user, 'institution.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const countyCode = await checkTownship(tx, user, input.townshipCode);
    const [row] = await tx
      .insert(institutions)
      .values({ ...input, countyCode, createdBy: user.id })
      .returning({ id: institutions.id });
    await recordAudit(tx, user, { action: 'institution.create', entity: 'institution', entityId: row!.id, regionCode: input.townshipCode, after: audited(input) });
    return { id: row!.id };
  });
}

/** 修改供养机构: the same fields; the capacity never below the residents living there now. */
export async function updateInstitution(user: SessionUser, input: UpdateInstitutionInput): Promise<{ id: string }> {
  assertCan(user, 'institution.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId)).for('update');
    assertCovers(user, cur?.countyCode);
    if (!cur) throw new AppError('not_found');
    if (cur.version !== input.version) throw new AppError('conflict');
    const countyCode = await checkTownship(tx, user, input.townshipCode);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(institutionPlacements)
      .where(and(eq(institutionPlacements.institutionId, cur.id), isNull(institutionPlacements.dischargedOn)));
    if (input.capacity < n) throw new AppError('invalid_input', { capacity: institutionMessages.capacityBelowResidents(n) });
    const { institutionId, version: _version, ...fields } = input;
    void _version;
    await tx
      .update(institutions)
      .set({ ...fields, countyCode, version: sql`${institutions.version} + 1` })
      .where(eq(institutions.id, institutionId));
    await recordAudit(tx, user, { action: 'institution.update', entity: 'institution', entityId: cur.id, regionCode: cur.townshipCode, before: audited(cur), after: audited(fields) });
    return { id: cur.id };
  });
}
