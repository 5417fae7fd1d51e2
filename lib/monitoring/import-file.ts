import 'server-only';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { monitoringImports, type MonitoringFileKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { addWorkingDays } from '@/lib/core/working-days';
import { loadCalendar } from '@/lib/policy/calendar';
import { policyInt } from '@/lib/policy/values';
import { standardInForce } from '@/lib/policy/standards';
import { MAX_REPORTED, monitoringLayouts, type MonitoringError } from './layout';
import { raiseAlerts } from './match';
import { parseMonitoringFile } from './parse';
import { validateMonitoringRows } from './validate';

export type MonitoringImportOutcome =
  | { ok: true; importId: string; rows: number; alerts: number }
  | { ok: false; message: string; errors: MonitoringError[]; totalErrors: number };

const tables: Record<MonitoringFileKind, { table: string; columns: string; types: string }> = {
  death: { table: 'death_reports', columns: 'id_number, name, died_on, source', types: 'idNumber text, name text, diedOn date, source text' },
  medical: { table: 'medical_expenses', columns: 'id_number, name, settled_on, self_pay_fen', types: 'idNumber text, name text, settledOn date, selfPayFen bigint' },
  disability: { table: 'disability_certificates', columns: 'id_number, certificate_no, category, grade, issued_on', types: 'idNumber text, certificateNo text, category text, grade smallint, issuedOn date' },
  unemployment: { table: 'unemployment_registrations', columns: 'id_number, registered_on', types: 'idNumber text, registeredOn date' },
};

/**
 * Imports a comparison file whole or not at all: every line checked first (a per-line report
 * for any problem, nothing written); then, in one transaction, the batch, its rows (one
 * statement), the alerts its rule raises (INSERT … SELECT, duplicates skipped) and the audit row.
 */
export async function importMonitoringFile(user: SessionUser, kind: MonitoringFileKind, file: { name: string; bytes: Uint8Array }, now: Date = new Date()): Promise<MonitoringImportOutcome> {
  assertCan(user, 'monitoring.import');
  const parsed = await parseMonitoringFile(kind, file);
  if (!parsed.ok) return { ok: false, message: parsed.message, errors: parsed.errors, totalErrors: parsed.errors.length };
  const checked = validateMonitoringRows(kind, parsed.rows, now);
  if (!checked.ok) {
    return { ok: false, message: `文件有 ${checked.errors.length} 处错误，未导入任何数据`, errors: checked.errors.slice(0, MAX_REPORTED), totalErrors: checked.errors.length };
  }
  const db = await getDb();
  const today = todayInChina(now);
  const region = user.regionCode;
  const deadlineWd = await policyInt(db, 'monitor', 'alert_deadline_wd', region, today);
  const medicalAbove = (await standardInForce(db, 'monitor', 'medical_self_pay_above', region, today))?.amountFen;
  const policy = {
    today,
    dueOn: addWorkingDays(today, deadlineWd, await loadCalendar(db, today, addDays(today, deadlineWd * 3 + 30))),
    medicalAboveFen: medicalAbove ?? (await policyInt(db, 'monitor', 'medical_self_pay_above', region, today)),
    medicalWindowMonths: await policyInt(db, 'monitor', 'medical_window_months', region, today),
    disabilityMaxGrade: await policyInt(db, 'monitor', 'disability_max_grade', region, today),
    leftProgramMonths: await policyInt(db, 'monitor', 'left_program_months', region, today),
  };
  const source = monitoringLayouts[kind].source;
  const rows = JSON.stringify(checked.rows.map((r) => (kind === 'death' ? { ...r, source } : r)));
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const t = tables[kind];
  return db.transaction(async (tx) => {
    const [batch] = await tx
      .insert(monitoringImports)
      .values({ kind, fileName: file.name.slice(0, 200), sha256, rowCount: checked.rows.length, regionCode: region, importedBy: user.id })
      .returning({ id: monitoringImports.id });
    const fields = t.types.split(', ').map((f) => `"${f.split(' ')[0]}"`).join(', ');
    const types = t.types.split(', ').map((f) => { const [n, ty] = f.split(' '); return `"${n}" ${ty}`; }).join(', ');
    await tx.execute(sql`INSERT INTO ${sql.raw(t.table)} (${sql.raw(t.columns)}, import_id)
      SELECT ${sql.raw(fields)}, ${batch!.id}::uuid FROM jsonb_to_recordset(${rows}::jsonb) AS v(${sql.raw(types)})`);
    const alerts = await raiseAlerts(tx, kind, batch!.id, { regionCode: user.regionCode, regionLevel: user.regionLevel }, policy);
    await tx.execute(sql`UPDATE monitoring_imports SET alert_count = ${alerts} WHERE id = ${batch!.id}::uuid`);
    await recordAudit(tx, user, { action: 'monitoring.import', entity: 'monitoring_import', entityId: batch!.id, regionCode: region, after: { kind, file: file.name, sha256, rows: checked.rows.length, alerts } });
    return { ok: true as const, importId: batch!.id, rows: checked.rows.length, alerts };
  });
}
