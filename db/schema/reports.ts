import { bigint, index, integer, pgTable, primaryKey, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { payoutRuns } from './payouts';

/**
 * The payout lines of every approved run, added up per township × program × area (urban /
 * rural, from the household) × line kind. Reports read this instead of twelve million lines: a
 * city's month is a few hundred rows. Rewritten whole for a run by doudi_refresh_payout_summary()
 * (migration reports), which the payout verbs call when a run is approved and each time a bank
 * return file is imported; a draft run has no rows here.
 *
 * Households are distinct within the row; the paid / failed / blocked columns split the row by
 * the bank's answer (the rest is still pending). person_months is 人次: the persons of each line
 * that pays a month of support (not 补发 or 扣回 adjustments), so a person paid twelve months
 * counts twelve times.
 */
export const payoutSummary = pgTable(
  'payout_summary',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id),
    month: varchar('month', { length: 7 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    program: text('program').notNull(),
    area: text('area').notNull(),
    kind: text('kind').notNull(),
    lines: integer('lines').notNull(),
    households: integer('households').notNull(),
    persons: integer('persons').notNull(),
    personMonths: integer('person_months').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    paidLines: integer('paid_lines').notNull(),
    paidPersonMonths: integer('paid_person_months').notNull(),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
    failedLines: integer('failed_lines').notNull(),
    failedFen: bigint('failed_fen', { mode: 'number' }).notNull(),
    blockedLines: integer('blocked_lines').notNull(),
    blockedFen: bigint('blocked_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.townshipCode, t.program, t.area, t.kind] }),
    index('payout_summary_month_county_idx').on(t.month, t.countyCode),
  ],
);

/**
 * Why a month's roll differs from the month before, one row per enrollment that changed
 * (unchanged ones have none): 新增, 停保, 自然减员, 增发, 减发, and 迁入 / 迁出 between townships
 * of the county. The deltas of a township's rows add up to the change of its enrollment lines.
 * line_id is this month's line, or last month's for a line that stopped.
 */
export const payoutMovements = pgTable(
  'payout_movements',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id),
    month: varchar('month', { length: 7 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    program: text('program').notNull(),
    area: text('area').notNull(),
    enrollmentId: uuid('enrollment_id').notNull(),
    movement: text('movement').notNull(),
    lineId: bigint('line_id', { mode: 'number' }).notNull(),
    personsDelta: integer('persons_delta').notNull(),
    amountDeltaFen: bigint('amount_delta_fen', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.enrollmentId, t.movement] }),
    index('payout_movements_month_county_idx').on(t.month, t.countyCode, t.movement, t.lineId),
  ],
);
