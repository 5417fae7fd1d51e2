import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { households, members, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError, refuse } from '@/lib/core/errors';
import { describeRegisteredElsewhere } from './duplicates';
import { parseIdNumber } from '@/lib/core/resident-id';
import { maskAccount, maskIdNumber } from './mask';
import type { HouseholdInput } from './schemas';
import { memberColumns } from './member-columns';
import { householdMessages } from './messages';

/**
 * Registers a household with its members in one transaction, with its audit row. A resident ID
 * already active elsewhere is refused at its field; the partial unique index makes two
 * concurrent registrations of one ID impossible, whatever the timing.
 */
export async function registerHousehold(user: SessionUser, input: HouseholdInput): Promise<{ id: string }> {
  const village = await prepareRegistration(user, input);
  const db = await getDb();
  try {
    return await db.transaction((tx) => insertHousehold(tx, user, village, input));
  } catch (e) {
    return rethrowRegistrationConflict(e, user, input);
  }
}

export type Village = typeof regions.$inferSelect;

/**
 * The checks before a registration's transaction: permission, the village in the user's region,
 * and no resident ID already active elsewhere (refused at its field, naming where it is).
 * Another verb that registers a household on the spot (先行救助) runs these, then
 * insertHousehold inside its own transaction.
 */
export async function prepareRegistration(user: SessionUser, input: HouseholdInput): Promise<Village> {
  assertCan(user, 'household.write');
  const db = await getDb();
  const [village] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, input.villageCode), eq(regions.level, 'village')));
  if (!village || !userCovers(user, village.code)) {
    throw refuse('invalid_input', householdMessages.villageOutOfScope, 'villageCode');
  }
  const ids = input.members.map((m) => m.idNumber);
  const elsewhere = await describeRegisteredElsewhere(user, ids);
  if (elsewhere.size > 0) throw duplicateError(input, elsewhere);
  return village;
}

/** Writes the household, its members and its audit row inside the caller's transaction. */
export async function insertHousehold(tx: Tx, user: SessionUser, village: Village, input: HouseholdInput): Promise<{ id: string }> {
  const [created] = await tx
    .insert(households)
    .values({
      villageCode: village.code,
      townshipCode: village.townshipCode!,
      countyCode: village.countyCode!,
      address: input.address,
      kind: input.kind,
      phone: input.phone,
      registeredPoor: input.registeredPoor,
      registeredPoorYear: input.registeredPoor ? (input.registeredPoorYear ?? null) : null,
      povertyCauses: input.registeredPoor ? input.povertyCauses : null,
      leftPoverty: input.leftPoverty,
      leftPovertyYear: input.leftPoverty ? (input.leftPovertyYear ?? null) : null,
      bankName: input.bank?.bankName ?? null,
      bankAccountKind: input.bank?.accountKind ?? null,
      bankAccount: input.bank?.account ?? null,
      bankAccountHolder: input.bank?.holder ?? null,
      createdBy: user.id,
    })
    .returning({ id: households.id });
  const householdId = created!.id;
  await tx.insert(members).values(
    input.members.map((m, i) => {
      const parsed = parseIdNumber(m.idNumber, new Date());
      if (!parsed.ok) throw refuse('invalid_input', parsed.error, `members.${i}.idNumber`);
      return {
        householdId,
        ...memberColumns(m, parsed),
        sortOrder: i,
      };
    }),
  );
  await recordAudit(tx, user, {
    action: 'household.register',
    entity: 'household',
    entityId: householdId,
    regionCode: village.code,
    after: {
      village: village.name,
      address: input.address,
      kind: input.kind,
      registeredPoor: input.registeredPoor,
      bank: input.bank ? { ...input.bank, account: maskAccount(input.bank.account) } : null,
      members: input.members.map((m) => ({ name: m.name, idNumber: maskIdNumber(m.idNumber), relation: m.relation })),
    },
  });
  return { id: householdId };
}

/** Lost a race with another registration of the same person: explained like the pre-check. */
export async function rethrowRegistrationConflict(e: unknown, user: SessionUser, input: HouseholdInput): Promise<never> {
  if (uniqueViolation(e) === 'members_active_id_number_uq') {
    throw duplicateError(input, await describeRegisteredElsewhere(user, input.members.map((m) => m.idNumber)));
  }
  throw e;
}

function duplicateError(input: HouseholdInput, elsewhere: Map<string, string>): AppError {
  const fieldErrors: Record<string, string> = {};
  input.members.forEach((m, i) => {
    const where = elsewhere.get(m.idNumber);
    if (where) fieldErrors[`members.${i}.idNumber`] = where;
  });
  if (Object.keys(fieldErrors).length === 0) fieldErrors.members = '有成员已在其他家庭登记';
  return new AppError('invalid_input', fieldErrors);
}

