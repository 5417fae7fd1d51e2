import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { incomeItems, members } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import type { AddIncomeItemInput, EndIncomeItemInput } from './change-schemas';
import { auditHousehold, bumpVersion, lockHousehold } from './household-tx';
import { incomeKindLabel } from './income';
import { householdMessages } from './messages';

/** Records a dated monthly income of the household or of one of its present members. */
export async function addIncomeItem(user: SessionUser, input: AddIncomeItemInput): Promise<{ itemId: string }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    let memberName: string | null = null;
    if (input.memberId) {
      const [m] = await tx
        .select({ name: members.name })
        .from(members)
        .where(and(eq(members.id, input.memberId), eq(members.householdId, h.id), eq(members.status, 'active')));
      if (!m) throw refuse('invalid_input', householdMessages.chooseMember, 'memberId');
      memberName = m.name;
    }
    const [item] = await tx
      .insert(incomeItems)
      .values({
        householdId: h.id,
        memberId: input.memberId ?? null,
        kind: input.kind,
        amountFen: input.amount,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        excluded: input.excluded,
        note: input.note ?? null,
        createdBy: user.id,
      })
      .returning({ id: incomeItems.id });
    await bumpVersion(tx, h);
    await auditHousehold(tx, user, h, {
      action: 'income.add',
      after: {
        kind: incomeKindLabel(input.kind),
        member: memberName,
        amountFen: input.amount,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        excluded: input.excluded,
        note: input.note ?? null,
      },
      reason: input.reason,
    });
    return { itemId: item!.id };
  });
}

/** Ends an income item on a date; the item is never deleted, so past months still recompute. */
export async function endIncomeItem(user: SessionUser, input: EndIncomeItemInput): Promise<{ itemId: string }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    const [item] = await tx
      .select()
      .from(incomeItems)
      .where(and(eq(incomeItems.id, input.itemId), eq(incomeItems.householdId, h.id)));
    if (!item) throw new AppError('not_found');
    if (item.toDate !== null) throw refuse('precondition', householdMessages.incomeEnded(item.toDate), 'toDate');
    if (input.toDate < item.fromDate) {
      throw refuse('invalid_input', householdMessages.incomeEndBeforeStart(item.fromDate), 'toDate');
    }
    await tx.update(incomeItems).set({ toDate: input.toDate }).where(eq(incomeItems.id, item.id));
    await bumpVersion(tx, h);
    await auditHousehold(tx, user, h, {
      action: 'income.end',
      before: { kind: incomeKindLabel(item.kind), amountFen: item.amountFen, fromDate: item.fromDate, toDate: null },
      after: { kind: incomeKindLabel(item.kind), amountFen: item.amountFen, fromDate: item.fromDate, toDate: input.toDate },
      reason: input.reason,
    });
    return { itemId: item.id };
  });
}
