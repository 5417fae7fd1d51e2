import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from './regions';

// No database constraint holds this list (the column is plain text): a new role needs no migration.
export const roles = ['caseworker', 'supervisor', 'auditor', 'admin', 'finance'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: varchar('username', { length: 64 }).notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    // Bumped whenever the account is deactivated or its role, region or password changes:
    // every request compares it with the one in the session token.
    sessionVersion: integer('session_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)],
);

/**
 * Sign-in counters per key, kept in the database so every app server sees them
 * (lib/auth/throttle-rules.ts): "p:<username>|<address>" a pair, "u:<username>" an account,
 * "ip:<address>" an address; "k:<username>|<address>" a pair that signed in (window_start = when).
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
