import { bigint, date, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { regions } from './regions';

/**
 * Policy standards are dated data, never edited: a change is a new row with a later
 * effective_from. A county inherits the city's value unless it has its own row.
 * Exactly one of amount_fen (money), basis_points (a share) or int_value (days, months,
 * multipliers ×100) carries the value, depending on the component.
 */
export const policyStandards = pgTable(
  'policy_standards',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    program: text('program').notNull(),
    component: text('component').notNull(),
    regionCode: varchar('region_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    effectiveFrom: date('effective_from').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    basisPoints: integer('basis_points'),
    intValue: integer('int_value'),
    textValue: text('text_value'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('policy_standards_uq').on(t.program, t.component, t.regionCode, t.effectiveFrom)],
);
