import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
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
    // Set by an admin's reset (a one-time temporary password) and for a user an admin created:
    // until the user chooses their own password, every page leads to /account/password.
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    // Second factor (TOTP, RFC 6238; lib/auth/totp.ts). Secrets are encrypted (AES-256-GCM, key
    // derived from NEXTAUTH_SECRET). totp_pending_secret waits for the first code of an enrolment.
    totpSecret: text('totp_secret'),
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    // The last time step accepted: a code is good once (replay of the same 30 s code refused).
    totpLastStep: integer('totp_last_step'),
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

/** The user's earlier password hashes: the last 5 passwords (the current one included) cannot be chosen again. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** Ten one-time recovery codes per enrolment, stored as argon2id hashes; used_at once spent. */
export const totpRecoveryCodes = pgTable(
  'totp_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('totp_recovery_codes_user_idx').on(t.userId)],
);
