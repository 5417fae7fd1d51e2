import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { enrollments } from './programs';
import { institutions } from './institutions';
import { households, members } from './households';

export const runStates = ['draft', 'approved', 'exported', 'reconciled'] as const;

/** A month's payout run (发放批次) for one county. One per county and month: a constraint, not luck. */
export const payoutRuns = pgTable(
  'payout_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    state: text('state', { enum: runStates }).notNull().default('draft'),
    preparedBy: uuid('prepared_by').notNull(),
    // Everyone who started or regenerated the draft, or whose 补发 / 扣回 a generation took into
    // it: none of them may approve it (maker–checker), not only the last to generate.
    makerIds: uuid('maker_ids').array().notNull().default(sql`'{}'::uuid[]`),
    generatedAt: timestamp('generated_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    reconciledAt: timestamp('reconciled_at', { withTimezone: true }),
    lineCount: integer('line_count').notNull().default(0),
    blockedCount: integer('blocked_count').notNull().default(0),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    // Per program and kind: lines, households, persons, money, and the movement against last
    // month (新增 停保 增发 减发 自然减员). Written by each generation, so the run page reads one row.
    summary: jsonb('summary'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('payout_runs_county_month_uq').on(t.countyCode, t.month)],
);

/**
 * Progress of a generation, for the page that waits on it. Written outside the generating
 * transaction (autocommit), so any app server can show it; the database, not a process, holds it.
 */
export const payoutJobs = pgTable(
  'payout_jobs',
  {
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    step: integer('step').notNull().default(0),
    steps: integer('steps').notNull(),
    label: text('label').notNull(),
    startedBy: uuid('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.month] })],
);

export const lineKinds = ['enrollment', 'temp_aid', 'price_subsidy', 'arrears', 'recovery', 'reissue'] as const;
export const lineStatuses = ['pending', 'paid', 'failed'] as const;

/**
 * One payment in a run, with the bank account and the working as they were when the line was
 * made, so months later anyone can see why it was what it was. One line per enrollment and
 * month is a database constraint.
 */
export const payoutLines = pgTable(
  'payout_lines',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id),
    kind: text('kind', { enum: lineKinds }).notNull(),
    program: text('program').notNull(),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id),
    // The record behind a non-enrollment line: a temporary-aid payment, a price subsidy, an adjustment, a failed line re-issued.
    sourceId: text('source_id'),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    month: varchar('month', { length: 7 }).notNull(),
    persons: integer('persons').notNull().default(1),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    components: jsonb('components'),
    bankName: text('bank_name'),
    bankAccountKind: text('bank_account_kind'),
    bankAccount: varchar('bank_account', { length: 32 }),
    bankAccountHolder: text('bank_account_holder'),
    // 集中供养: the institution paid for the resident (its account above), not the household.
    payeeInstitutionId: uuid('payee_institution_id').references(() => institutions.id),
    blocked: boolean('blocked').notNull().default(false),
    blockReason: text('block_reason'),
    status: text('status', { enum: lineStatuses }).notNull().default('pending'),
    failureReason: text('failure_reason'),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payout_lines_enrollment_month_uq').on(t.enrollmentId, t.month).where(sql`${t.kind} = 'enrollment'`),
    uniqueIndex('payout_lines_source_uq').on(t.kind, t.sourceId, t.month).where(sql`${t.sourceId} is not null`),
    // A source of money (a re-issue of a failed line, a 补发, a temporary-aid payment, a price
    // subsidy share) is held by one line, in one run, ever; only 扣回 has a line a month.
    uniqueIndex('payout_lines_one_holder_uq').on(t.kind, t.sourceId).where(sql`${t.sourceId} is not null and ${t.kind} <> 'recovery'`),
    index('payout_lines_run_idx').on(t.runId, t.id),
    // 月通报's 集中 / 分散 split of 特困 reads these lines only.
    index('payout_lines_tekun_idx').on(t.runId, t.payeeInstitutionId).where(sql`${t.program} = 'tekun' and ${t.kind} = 'enrollment'`),
    index('payout_lines_household_idx').on(t.householdId, t.month),
    // The run page's blocked list, and the failed or blocked lines a later run re-issues.
    index('payout_lines_run_blocked_idx').on(t.runId, t.id).where(sql`${t.blocked}`),
    index('payout_lines_unpaid_idx').on(t.countyCode, t.id).where(sql`${t.status} = 'failed' or ${t.blocked}`),
  ],
);

/** 价格临时补贴: declared by an admin for a month; the runs of that month add its lines. */
export const priceSubsidies = pgTable(
  'price_subsidies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    month: varchar('month', { length: 7 }).notNull(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    perPersonFen: bigint('per_person_fen', { mode: 'number' }).notNull(),
    programs: text('programs').array().notNull(),
    note: text('note').notNull(),
    declaredBy: uuid('declared_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('price_subsidies_month_region_uq').on(t.month, t.regionCode)],
);

/**
 * Manual adjustments with a reason: arrears (补发) for a missed month, or the recovery (扣回) of
 * an overpayment spread over months, never leaving less than a floor to pay in a month.
 */
export const payoutAdjustments = pgTable(
  'payout_adjustments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    kind: text('kind', { enum: ['arrears', 'recovery'] }).notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    // Arrears: paid whole in startMonth. Recovery: up to perMonthFen a month from startMonth on.
    perMonthFen: bigint('per_month_fen', { mode: 'number' }),
    floorFen: bigint('floor_fen', { mode: 'number' }),
    forMonth: varchar('for_month', { length: 7 }),
    startMonth: varchar('start_month', { length: 7 }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // Withdrawn while no approved run has taken it yet; kept, never deleted.
    cancelledBy: uuid('cancelled_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
  },
  (t) => [index('payout_adjustments_enrollment_idx').on(t.enrollmentId)],
);

/**
 * A caseworker's word that the account of a failed line is right after all (the bank's failure
 * was transient): the line is then re-issued in the next run, as it is after an account change.
 */
export const payoutAccountConfirmations = pgTable('payout_account_confirmations', {
  lineId: bigint('line_id', { mode: 'number' })
    .primaryKey()
    .references(() => payoutLines.id),
  householdId: uuid('household_id')
    .notNull()
    .references(() => households.id),
  note: text('note').notNull(),
  confirmedBy: uuid('confirmed_by').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Imported bank return files, kept whole for the audit trail. */
export const bankReturns = pgTable('bank_returns', {
  id: uuid('id').primaryKey().defaultRandom(),
  runId: uuid('run_id')
    .notNull()
    .references(() => payoutRuns.id),
  fileName: text('file_name').notNull(),
  paidCount: integer('paid_count').notNull(),
  failedCount: integer('failed_count').notNull(),
  paidFen: bigint('paid_fen', { mode: 'number' }).notNull(),
  failedFen: bigint('failed_fen', { mode: 'number' }).notNull(),
  content: text('content'),
  importedBy: uuid('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lineFlagKinds = ['deceased_member', 'shared_account', 'paid_elsewhere', 'holder_not_member', 'shared_phone'] as const;
export const lineFlagStates = ['open', 'resolved', 'held', 'overridden'] as const;

/**
 * 数据核查 (the sweep after every generation): a finding on one line of a run. While open the line
 * is held (blocked, never in the bank file); a caseworker resolves it: 核实无误 (resolved, the
 * line is released) or 暂缓发放 (held, the line stays blocked and a later run re-issues it). A
 * supervisor who approves over open flags marks them overridden, with the written reason.
 * One finding per line and kind: a regeneration finds it again and keeps its resolution.
 */
export const payoutLineFlags = pgTable(
  'payout_line_flags',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    runId: uuid('run_id')
      .notNull()
      .references(() => payoutRuns.id),
    // A line a regeneration removes takes its findings with it.
    lineId: bigint('line_id', { mode: 'number' })
      .notNull()
      .references(() => payoutLines.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: lineFlagKinds }).notNull(),
    detail: text('detail').notNull(),
    state: text('state', { enum: lineFlagStates }).notNull().default('open'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payout_line_flags_line_kind_uq').on(t.lineId, t.kind),
    index('payout_line_flags_run_idx').on(t.runId, t.lineId),
    index('payout_line_flags_run_open_idx').on(t.runId).where(sql`${t.state} = 'open'`),
  ],
);
