import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { fundLedger, reserveFunds } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { formatFen } from '@/lib/core/format';
import type { LedgerKind } from './labels';
import { tempAidMessages } from './messages';

export interface Movement {
  townshipCode: string;
  amountFen: number;
  caseId?: string | null;
  note?: string | null;
  /** The day the money moved (YYYY-MM-DD): the user's stated day, checked by the caller. */
  occurredOn: string;
  /** The form field an error belongs to. */
  field: string;
}

export interface Posted {
  fundId: string;
  ledgerId: number;
  balanceAfterFen: number;
}

function assertAmount(m: Movement): void {
  if (!Number.isSafeInteger(m.amountFen) || m.amountFen <= 0) throw refuse('invalid_input', tempAidMessages.amountPositive, m.field);
}

async function post(tx: Tx, user: SessionUser, kind: LedgerKind, m: Movement, fund: { id: string; balanceFen: number }): Promise<Posted> {
  const [line] = await tx
    .insert(fundLedger)
    .values({
      fundId: fund.id,
      kind,
      amountFen: m.amountFen,
      balanceAfterFen: fund.balanceFen,
      caseId: m.caseId ?? null,
      actorId: user.id,
      actorName: user.name,
      note: m.note ?? null,
      occurredOn: m.occurredOn,
    })
    .returning({ id: fundLedger.id });
  return { fundId: fund.id, ledgerId: line!.id, balanceAfterFen: fund.balanceFen };
}

/**
 * Takes money out of a township's fund (a payment, or a return to the county) with its ledger
 * line, inside the caller's transaction. The UPDATE only matches while the balance covers the
 * amount: a second transaction drawing at the same time waits for the first and then sees the
 * balance it left, so the last yuan is drawn once. Refused with the balance shown.
 */
export async function drawFromFund(tx: Tx, user: SessionUser, kind: 'draw' | 'return', m: Movement): Promise<Posted> {
  assertAmount(m);
  const [fund] = await tx
    .update(reserveFunds)
    .set({ balanceFen: sql`${reserveFunds.balanceFen} - ${m.amountFen}`, version: sql`${reserveFunds.version} + 1`, updatedAt: new Date() })
    .where(and(eq(reserveFunds.townshipCode, m.townshipCode), gte(reserveFunds.balanceFen, m.amountFen)))
    .returning({ id: reserveFunds.id, balanceFen: reserveFunds.balanceFen });
  if (fund) return post(tx, user, kind, m, fund);
  const [current] = await tx.select({ balanceFen: reserveFunds.balanceFen }).from(reserveFunds).where(eq(reserveFunds.townshipCode, m.townshipCode));
  if (!current) throw refuse('precondition', tempAidMessages.noFund, m.field);
  throw refuse('precondition', tempAidMessages.fundShort(formatFen(current.balanceFen)), m.field);
}

/**
 * Puts money into a township's fund: an allocation from the county (which opens the fund the
 * first time), a top-up, or an improper payment recovered.
 */
export async function creditFund(tx: Tx, user: SessionUser, kind: 'allocation' | 'top_up' | 'recovery', m: Movement & { countyCode: string }): Promise<Posted> {
  assertAmount(m);
  if (kind === 'allocation') {
    await tx.insert(reserveFunds).values({ townshipCode: m.townshipCode, countyCode: m.countyCode }).onConflictDoNothing();
  }
  const [fund] = await tx
    .update(reserveFunds)
    .set({ balanceFen: sql`${reserveFunds.balanceFen} + ${m.amountFen}`, version: sql`${reserveFunds.version} + 1`, updatedAt: new Date() })
    .where(eq(reserveFunds.townshipCode, m.townshipCode))
    .returning({ id: reserveFunds.id, balanceFen: reserveFunds.balanceFen });
  if (!fund) throw refuse('precondition', tempAidMessages.noFundYet, m.field);
  return post(tx, user, kind, m, fund);
}

/**
 * The day a township's fund opened: the day of its first ledger line (its first allocation), the
 * floor of every later movement's stated day. Null when the township has no fund yet. The lines
 * stay in the order they were entered (their running balance is that order's); a movement
 * entered late keeps its true day in occurred_on.
 */
export async function fundOpenedOn(tx: Tx, townshipCode: string): Promise<string | null> {
  const [row] = await tx
    .select({ day: sql<string | null>`min(coalesce(${fundLedger.occurredOn}, (${fundLedger.at} at time zone 'Asia/Shanghai')::date))::text` })
    .from(fundLedger)
    .innerJoin(reserveFunds, eq(reserveFunds.id, fundLedger.fundId))
    .where(eq(reserveFunds.townshipCode, townshipCode));
  return row?.day ?? null;
}
