import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { households } from './households';

export const textMessageKinds = ['accepted', 'decided', 'paid'] as const;
export type TextMessageKind = (typeof textMessageKinds)[number];
export const textMessageStates = ['pending', 'sent', 'failed', 'no_phone'] as const;
export type TextMessageState = (typeof textMessageStates)[number];

/**
 * The text-message outbox (短信): written in the transaction of the step it tells about (受理, a
 * decision, a payment), so a rolled-back step sends nothing, and sent after commit by the
 * dispatcher (lib/messages/dispatch.ts), retried with backoff, never inside the step. The phone
 * is the registry's at the time of the step. `ref` makes a message once per event (a bank return
 * file imported twice, a step retried): unique with the kind.
 */
export const textMessages = pgTable(
  'text_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: textMessageKinds }).notNull(),
    ref: text('ref').notNull(),
    phone: varchar('phone', { length: 20 }),
    body: text('body').notNull(),
    state: text('state', { enum: textMessageStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** When a pending message may be taken next: now for a new one, later after a failure or while one sender holds it. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('text_messages_kind_ref_uq').on(t.kind, t.ref),
    index('text_messages_household_idx').on(t.householdId, t.createdAt),
    index('text_messages_due_idx').on(t.nextAttemptAt, t.id).where(sql`${t.state} = 'pending'`),
  ],
);
