// BLOCK_REASON_SQL is the rule generation runs; accountBlockReason() its TypeScript twin. Here the
// SQL is run over the very cases the unit test gives the twin (tests/support/account-block-cases.ts),
// so the two cannot drift apart unnoticed.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { BLOCK_REASON_SQL } from '@/lib/payouts/generation/common';
import { accountBlockReason } from '@/lib/payouts/rules';
import { accountBlockCases } from '../support/account-block-cases';
import { appDb } from './support/app';
import { rows } from './support/payouts';

describe('the account block rule in SQL', () => {
  it('gives every shared case the reason the TypeScript twin gives', async () => {
    const input = accountBlockCases.map(({ account: a }, i) => ({
      i,
      bank_name: a.bankName,
      bank_account_kind: a.bankAccountKind,
      bank_account: a.bankAccount,
      bank_account_holder: a.bankAccountHolder,
      status: a.householdStatus ?? 'active',
      account_change_id: a.accountChangePending ? randomUUID() : null,
    }));
    const db = await appDb();
    const out = rows<{ i: number; reason: string | null }>(
      await db.execute(sql`
        SELECT h.i, ${BLOCK_REASON_SQL} AS reason
        FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS h(i int, bank_name text, bank_account_kind text, bank_account varchar,
          bank_account_holder text, status text, account_change_id uuid)
        ORDER BY h.i`),
    );
    expect(out).toHaveLength(accountBlockCases.length);
    for (const [i, c] of accountBlockCases.entries()) {
      expect(out[i]!.reason, `SQL for ${c.name}`).toBe(c.reason);
      expect(accountBlockReason(c.account), `TypeScript for ${c.name}`).toBe(c.reason);
    }
  });
});
