import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { households } from './households';
import { payoutLines } from './payouts';
import { regions } from './regions';

/**
 * 临时救助备用金: one reserve fund per township, allocated by the county. The balance can never
 * go below zero: the CHECK refuses an overdraft whatever the code does, and every draw is a
 * conditional UPDATE (lib/temp-aid/fund.ts), so two simultaneous draws of the last yuan cannot
 * both succeed.
 */
export const reserveFunds = pgTable(
  'reserve_funds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipCode: varchar('township_code', { length: 9 })
      .notNull()
      .references(() => regions.code),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    balanceFen: bigint('balance_fen', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reserve_funds_township_uq').on(t.townshipCode),
    index('reserve_funds_county_idx').on(t.countyCode),
    check('reserve_funds_balance_not_negative', sql`${t.balanceFen} >= 0`),
  ],
);

export const ledgerKinds = ['allocation', 'top_up', 'draw', 'return', 'recovery'] as const;
export type LedgerKind = (typeof ledgerKinds)[number];

/**
 * Every movement of a fund, with the balance it left. Append-only: a trigger (migration
 * temp_aid_ledger_append_only) refuses UPDATE, DELETE and TRUNCATE. Amounts are positive; the
 * kind says which way the money went (draw and return take money out).
 */
export const fundLedger = pgTable(
  'fund_ledger',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => reserveFunds.id),
    kind: text('kind', { enum: ledgerKinds }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    balanceAfterFen: bigint('balance_after_fen', { mode: 'number' }).notNull(),
    caseId: uuid('case_id').references(() => tempAidCases.id),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    // The day the money moved, as the user stated it (an allocation's transfer, a payment's
    // receipt), never after the day it was entered nor before the fund's previous line. Null on
    // lines written before it was recorded: their day is the China date of `at`.
    occurredOn: date('occurred_on'),
  },
  (t) => [
    index('fund_ledger_fund_idx').on(t.fundId, t.id),
    index('fund_ledger_case_idx').on(t.caseId),
    check('fund_ledger_amount_positive', sql`${t.amountFen} > 0`),
    check('fund_ledger_balance_not_negative', sql`${t.balanceAfterFen} >= 0`),
  ],
);

export const aidKinds = ['first_response', 'small_fast', 'expenditure'] as const;
export const aidCauses = [
  'fire',
  'traffic_accident',
  'accidental_injury',
  'sudden_illness',
  'natural_disaster',
  'emergency_other',
  'medical',
  'education',
  'basic_living',
  'expenditure_other',
] as const;
export const caseStates = [
  // 先行救助 (first_response): paid at once, then completed by the county.
  'paid_awaiting_completion',
  'completed',
  'improper_recovery',
  'recovered',
  // 小额快救 and 支出型: application, (investigation, public notice,) decision, payment.
  'applied',
  'investigated',
  'in_public_notice',
  'approved',
  'refused',
  'paid',
] as const;

/** One temporary-aid case (临时救助): a first-response payment, a small fast aid or a 支出型 application. */
export const tempAidCases = pgTable(
  'temp_aid_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: aidKinds }).notNull(),
    cause: text('cause', { enum: aidCauses }).notNull(),
    narrative: text('narrative').notNull(),
    state: text('state', { enum: caseStates }).notNull(),
    // What was asked for (an application) or paid at once (first response); what the county approved.
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    approvedFen: bigint('approved_fen', { mode: 'number' }),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    // A second case of the household for the same cause in one calendar year, and why it is still right.
    sameCauseFlag: boolean('same_cause_flag').notNull().default(false),
    sameCauseNote: text('same_cause_note'),
    // 一事一议: why an amount above the normal cap is justified.
    oneCaseNote: text('one_case_note'),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // The day the case opened (payment day of a first response, application day otherwise).
    openedOn: date('opened_on').notNull(),
    // Completion due (first response) or decision due (small fast aid), fixed when the case opens.
    deadlineOn: date('deadline_on'),
    account: text('account'),
    documents: text('documents').array(),
    accountBy: uuid('account_by'),
    accountOn: date('account_on'),
    investigators: text('investigators').array(),
    investigatedBy: uuid('investigated_by'),
    investigatedOn: date('investigated_on'),
    findings: text('findings'),
    noticeRequired: boolean('notice_required').notNull().default(false),
    noticeStart: date('notice_start'),
    noticeEnd: date('notice_end'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    decisionNote: text('decision_note'),
    completedBy: uuid('completed_by'),
    completedOn: date('completed_on'),
    completionNote: text('completion_note'),
    followUpFen: bigint('follow_up_fen', { mode: 'number' }),
    recoveryDueFen: bigint('recovery_due_fen', { mode: 'number' }),
    recoveredFen: bigint('recovered_fen', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('temp_aid_cases_county_state_idx').on(t.countyCode, t.state),
    index('temp_aid_cases_township_state_idx').on(t.townshipCode, t.state),
    index('temp_aid_cases_household_idx').on(t.householdId, t.cause),
    check('temp_aid_cases_requested_positive', sql`${t.requestedFen} > 0`),
  ],
);

export const paymentPurposes = ['first_response', 'follow_up', 'approved'] as const;
export const paymentMethods = ['bank', 'cash'] as const;
export const paymentStatuses = ['approved', 'paid'] as const;

/**
 * Each payment to a household. 'approved' is money decided but not yet paid: a caseworker pays it
 * from the township's fund, or the county's payout run of its month takes it when it is a bank
 * transfer. 'paid' points at exactly one of the two: the fund's ledger line, or the payout line
 * the bank's return file marked paid (money of the county's run, not of the township fund).
 */
export const tempAidPayments = pgTable(
  'temp_aid_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => tempAidCases.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    purpose: text('purpose', { enum: paymentPurposes }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    method: text('method', { enum: paymentMethods }).notNull(),
    payeeName: text('payee_name').notNull(),
    receiptNo: text('receipt_no'),
    // The account as it was when paid: a later change to the household's account changes nothing here.
    bankName: text('bank_name'),
    bankAccount: varchar('bank_account', { length: 32 }),
    bankAccountHolder: text('bank_account_holder'),
    status: text('status', { enum: paymentStatuses }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    approvedBy: uuid('approved_by').notNull(),
    approvedOn: date('approved_on').notNull(),
    paidBy: uuid('paid_by'),
    paidOn: date('paid_on'),
    ledgerId: bigint('ledger_id', { mode: 'number' }).references(() => fundLedger.id),
    payoutLineId: bigint('payout_line_id', { mode: 'number' }).references(() => payoutLines.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('temp_aid_payments_case_idx').on(t.caseId),
    index('temp_aid_payments_household_idx').on(t.householdId),
    index('temp_aid_payments_county_month_idx').on(t.countyCode, t.status, t.month),
    check('temp_aid_payments_amount_positive', sql`${t.amountFen} > 0`),
    // One payout line pays one payment; the index also finds the payment of a line.
    uniqueIndex('temp_aid_payments_payout_line_uq').on(t.payoutLineId),
    check('temp_aid_payments_paid_has_ledger', sql`${t.status} <> 'paid' or (${t.ledgerId} is not null) <> (${t.payoutLineId} is not null)`),
  ],
);
