import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

/**
 * Append-only: a trigger (migration 0001) refuses UPDATE and DELETE, so the application
 * cannot rewrite history even through a bug.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    regionCode: varchar('region_code', { length: 12 }),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_region_idx').on(t.regionCode),
    // The /audit filters, each an index in the page's order (newest first: at, id), so a first
    // page or a keyset page deep in the log reads about one page of rows (migration 0023,
    // measured by scripts/bench/audit.ts).
    index('audit_at_id_idx').on(t.at, t.id),
    index('audit_actor_at_idx').on(t.actorId, t.at, t.id),
    index('audit_action_at_idx').on(t.action, t.at, t.id),
    index('audit_entity_at_idx').on(t.entity, t.at, t.id),
    // Region and a county reader's scope: the county's six digits, as an expression.
    index('audit_county_at_idx').on(sql`left(region_code, 6)`, t.at, t.id),
    // 登录记录: the sign-in rows alone.
    index('audit_sign_in_at_idx').on(t.at, t.id).where(sql`action like 'auth.%'`),
    // Text in reasons: every character and character pair, keyed by the row's month
    // (doudi_audit_text_keys, migration 0023), so a one- or two-character search is an index
    // lookup one month range at a time; pg_trgm serves three and more characters only.
    index('audit_reason_keys_idx').using('gin', sql`doudi_audit_text_keys(reason, at)`).where(sql`reason is not null`),
  ],
);

/**
 * Tamper evidence: each audit row linked, in commit order, into a hash chain (migration 0022:
 * sealed by a deferred trigger at commit; checked by doudi_audit_chain_check()).
 */
export const auditChain = pgTable('audit_chain', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  auditId: bigint('audit_id', { mode: 'number' })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
  sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
});
