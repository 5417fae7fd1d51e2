import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { verificationAnswers, verificationDepartments, verificationRequests } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { checkAnswerFile, MAX_REPORTED_ERRORS, requestFile, type AnswerError } from './files';
import { verificationMessages } from './messages';

type Request = typeof verificationRequests.$inferSelect;
type Department = typeof verificationDepartments.$inferSelect;

/** A request and one of its departments, scoped (out of region, or not asked of that department: not found). */
async function requestAndDepartment(tx: Tx, user: SessionUser, requestId: string, departmentCode: string, lock: boolean): Promise<{ request: Request; department: Department; answer: typeof verificationAnswers.$inferSelect }> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) throw new AppError('not_found');
  const q = tx.select().from(verificationRequests).where(eq(verificationRequests.id, requestId));
  const [request] = lock ? await q.for('update') : await q;
  assertCovers(user, request?.villageCode);
  const [department] = await tx.select().from(verificationDepartments).where(eq(verificationDepartments.code, departmentCode));
  if (!department) throw new AppError('not_found');
  const [answer] = await tx.select().from(verificationAnswers).where(and(eq(verificationAnswers.requestId, request!.id), eq(verificationAnswers.departmentId, department.id)));
  if (!answer) throw new AppError('not_found');
  return { request: request!, department, answer };
}

/** The request file for one department (CSV, UTF-8 BOM); every export audited (it carries full IDs). */
export async function exportRequestFile(user: SessionUser, requestId: string, departmentCode: string): Promise<{ fileName: string; asciiName: string; text: string }> {
  assertCan(user, 'verification.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { request, department } = await requestAndDepartment(tx, user, requestId, departmentCode, false);
    const text = requestFile(request.batchNo, department, request.persons);
    await recordAudit(tx, user, { action: 'verification.export', entity: 'application', entityId: request.applicationId, regionCode: request.villageCode, after: { batchNo: request.batchNo, department: department.name, persons: request.persons.length } });
    return { fileName: `${request.batchNo}-${department.name}-核对请求.csv`, asciiName: `${request.batchNo}-${department.code}.csv`, text };
  });
}

export type AnswerOutcome =
  | { ok: true; lines: number; completed: boolean }
  | { ok: false; message: string; errors: AnswerError[]; totalErrors: number };

/**
 * Imports one department's answer whole or not at all: the file checked against the request
 * first (any unknown 序号 or ID, a row of another batch or department, a bad amount, a missing
 * column refuses it with its rows' errors, nothing written); then in one transaction the result
 * lines (one statement), the answer marked, the request completed when every department answered.
 */
export async function importAnswerFile(user: SessionUser, requestId: string, departmentCode: string, file: { name: string; text: string }, now: Date = new Date()): Promise<AnswerOutcome> {
  assertCan(user, 'verification.write');
  const db = await getDb();
  const today = todayInChina(now);
  return db.transaction(async (tx) => {
    const { request, department, answer } = await requestAndDepartment(tx, user, requestId, departmentCode, true);
    if (request.state !== 'open') throw refuse('precondition', verificationMessages.notOpen);
    if (answer.answeredOn) throw refuse('precondition', verificationMessages.answered(department.name));
    const checked = checkAnswerFile(file.text, { batchNo: request.batchNo, department: department.name, persons: request.persons });
    if (!checked.ok) return { ok: false as const, message: checked.message, errors: checked.errors.slice(0, MAX_REPORTED_ERRORS), totalErrors: checked.errors.length };

    const lines = JSON.stringify(checked.lines.map((l) => ({ seq: l.seq, item: l.item, amount_fen: l.amountFen, note: l.note })));
    await tx.execute(sql`INSERT INTO verification_results (request_id, department_id, seq, item, amount_fen, note)
      SELECT ${request.id}::uuid, ${department.id}::uuid, v.seq, v.item, v.amount_fen, v.note
      FROM jsonb_to_recordset(${lines}::jsonb) AS v(seq int, item text, amount_fen bigint, note text)`);
    const sha256 = createHash('sha256').update(file.text).digest('hex');
    await tx
      .update(verificationAnswers)
      .set({ answeredOn: today, fileName: file.name.slice(0, 200), sha256, lineCount: checked.lines.length, importedBy: user.id })
      .where(eq(verificationAnswers.id, answer.id));
    const [left] = await tx.select({ id: verificationAnswers.id }).from(verificationAnswers).where(and(eq(verificationAnswers.requestId, request.id), isNull(verificationAnswers.answeredOn))).limit(1);
    const completed = !left;
    if (completed) await tx.update(verificationRequests).set({ state: 'completed', completedOn: today }).where(eq(verificationRequests.id, request.id));
    await recordAudit(tx, user, { action: 'verification.import', entity: 'application', entityId: request.applicationId, regionCode: request.villageCode, after: { batchNo: request.batchNo, department: department.name, fileName: file.name, sha256, lines: checked.lines.length, completed } });
    return { ok: true as const, lines: checked.lines.length, completed };
  });
}
