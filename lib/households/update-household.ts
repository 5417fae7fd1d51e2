import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { households } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import type { UpdateHouseholdInput } from './change-schemas';
import { recordAccountChange } from './account-change';
import { auditHousehold, changedFields, lockHousehold } from './household-tx';
import { maskAccount } from './mask';

/**
 * Changes the household's own fields (address, kind, phone, registered-poor status, and the
 * bank account when the form says to replace it). The audit row keeps only what changed,
 * the account masked. Submitting the form unchanged writes nothing. A new account pays only once a
 * second person has confirmed it (account-change.ts): until then the household's lines are blocked.
 */
export async function updateHousehold(user: SessionUser, input: UpdateHouseholdInput): Promise<{ changed: boolean }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    const next = {
      address: input.address,
      kind: input.kind,
      phone: input.phone,
      registeredPoor: input.registeredPoor,
      registeredPoorYear: input.registeredPoor ? (input.registeredPoorYear ?? null) : null,
      povertyCauses: input.registeredPoor ? input.povertyCauses : null,
      leftPoverty: input.leftPoverty,
      leftPovertyYear: input.leftPoverty ? (input.leftPovertyYear ?? null) : null,
      ...(input.changeBank
        ? {
            bankName: input.bank?.bankName ?? null,
            bankAccountKind: input.bank?.accountKind ?? null,
            bankAccount: input.bank?.account ?? null,
            bankAccountHolder: input.bank?.holder ?? null,
          }
        : {}),
    };
    const diff = changedFields(h, next);
    if (!diff.changed) return { changed: false };

    const accountChangeId = input.changeBank
      ? await recordAccountChange(tx, user, h, { bankName: next.bankName ?? null, bankAccountKind: next.bankAccountKind ?? null, bankAccount: next.bankAccount ?? null, bankAccountHolder: next.bankAccountHolder ?? null }, input.reason)
      : h.accountChangeId;
    await tx
      .update(households)
      .set({ ...next, accountChangeId, version: sql`${households.version} + 1`, updatedAt: new Date() })
      .where(eq(households.id, h.id));
    const masked = (v: Record<string, unknown>) =>
      'bankAccount' in v ? { ...v, bankAccount: maskAccount(v.bankAccount as string | null) || null } : v;
    await auditHousehold(tx, user, h, {
      action: 'household.update',
      before: masked(diff.before),
      after: { ...masked(diff.after), ...(accountChangeId && accountChangeId !== h.accountChangeId ? { accountChangePending: true } : {}) },
      reason: input.reason,
    });
    return { changed: true };
  });
}
