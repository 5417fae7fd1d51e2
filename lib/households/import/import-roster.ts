import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { MAX_REPORTED_ERRORS, rosterHeaders, type RosterError, type RosterHeader, type RosterRow } from './layout';
import { parseRosterFile } from './parse';
import { findRegisteredElsewhere, findVillages, insertRoster } from './roster-db';
import { validateRoster, type RosterHousehold } from './validate';

export type ImportOutcome =
  | { ok: true; households: number; members: number }
  | { ok: false; message: string; errors: RosterError[]; totalErrors: number };

/**
 * Stages as they begin. Awaited, so a caller may persist them (e.g. to a progress table that
 * another request polls) before the import moves on.
 */
export type ImportProgress = { stage: 'reading' | 'validating' | 'checking' | 'writing' | 'done'; rows?: number };

/**
 * Each error with what the user looks for in their file: the row's 户编号 and 姓名 and what the cell
 * held (a header problem, row 1 or before the data, has none of them).
 */
export function describeErrors(errors: readonly RosterError[], rows: readonly RosterRow[]): RosterError[] {
  const byRow = new Map(rows.map((r) => [r.row, r]));
  return errors.map((e) => {
    const r = byRow.get(e.row);
    if (!r) return e;
    const value = (rosterHeaders as readonly string[]).includes(e.column) ? r.cells[e.column as RosterHeader] : undefined;
    return {
      ...e,
      ...(r.cells['户编号'] ? { household: r.cells['户编号'] } : {}),
      ...(r.cells['姓名'] ? { name: r.cells['姓名'] } : {}),
      ...(value ? { value } : {}),
    };
  });
}

type Failed = Extract<ImportOutcome, { ok: false }>;

function failed(errors: RosterError[], message?: string, rows: readonly RosterRow[] = []): Failed {
  return {
    ok: false,
    message: message ?? `文件有 ${errors.length} 处错误，未导入任何数据`,
    errors: describeErrors(errors.slice(0, MAX_REPORTED_ERRORS), rows),
    totalErrors: errors.length,
  };
}

/** Members whose IDs are already active elsewhere, as row errors. */
function duplicateErrors(roster: readonly RosterHousehold[], elsewhere: Map<string, string>): RosterError[] {
  return roster.flatMap((h) =>
    h.input.members.flatMap((m, i) => {
      const message = elsewhere.get(m.idNumber);
      return message ? [{ row: h.memberRows[i]!, column: '身份证号', message }] : [];
    }),
  );
}

type Checked =
  | { ok: false; outcome: Failed; rows: RosterRow[] }
  | { ok: true; rows: RosterRow[]; roster: RosterHousehold[]; villages: Awaited<ReturnType<typeof findVillages>>; ids: string[] };

/** Every check of importRoster, nothing written: the file's rows and its problems, or what to write. */
async function checkRoster(
  user: SessionUser,
  file: { name: string; bytes: Uint8Array },
  onProgress?: (p: ImportProgress) => void | Promise<void>,
): Promise<Checked> {
  await onProgress?.({ stage: 'reading' });
  const parsed = await parseRosterFile(file);
  if (!parsed.ok) return { ok: false, outcome: failed(parsed.errors, parsed.message), rows: [] };
  const rows = parsed.rows;

  await onProgress?.({ stage: 'validating', rows: rows.length });
  const validated = validateRoster(rows);
  if (!validated.ok) return { ok: false, outcome: failed(validated.errors, undefined, rows), rows };
  const roster = validated.households;

  await onProgress?.({ stage: 'checking', rows: rows.length });
  const db = await getDb();
  const villages = await findVillages(db, [...new Set(roster.map((h) => h.input.villageCode))]);
  const errors: RosterError[] = roster
    .filter((h) => !villages.has(h.input.villageCode) || !userCovers(user, h.input.villageCode))
    .map((h) => ({ row: h.headRow, column: '村代码', message: '村代码不在您的管辖范围内或不存在' }));
  const ids = roster.flatMap((h) => h.input.members.map((m) => m.idNumber));
  errors.push(...duplicateErrors(roster, await findRegisteredElsewhere(db, user, ids)));
  if (errors.length > 0) return { ok: false, outcome: failed(errors.sort((a, b) => a.row - b.row), undefined, rows), rows };
  return { ok: true, rows, roster, villages, ids };
}

/**
 * The file as the user sent it, checked as an import would be (nothing written): its rows and
 * every problem found, for the copy of the file with an error column (lib/households/import/error-report.ts).
 */
export async function rosterWithErrors(user: SessionUser, file: { name: string; bytes: Uint8Array }) {
  assertCan(user, 'household.write');
  const checked = await checkRoster(user, file);
  return { rows: checked.rows, errors: checked.ok ? [] : checked.outcome.errors };
}

/**
 * Imports a roster file: all of it or nothing. Every problem of the file is reported at its
 * row and column; only a file without any is written, in one transaction, set-based.
 */
export async function importRoster(
  user: SessionUser,
  file: { name: string; bytes: Uint8Array },
  onProgress?: (p: ImportProgress) => void | Promise<void>,
): Promise<ImportOutcome> {
  assertCan(user, 'household.write');
  const checked = await checkRoster(user, file, onProgress);
  if (!checked.ok) return checked.outcome;
  const { rows, roster, villages, ids } = checked;
  const db = await getDb();

  await onProgress?.({ stage: 'writing', rows: rows.length });
  const reason = `花名册导入：${file.name}`;
  try {
    const counts = await db.transaction(async (tx) => {
      const written = await insertRoster(tx, user, roster, villages, reason);
      await recordAudit(tx, user, {
        action: 'roster.import',
        entity: 'roster',
        regionCode: user.regionCode,
        after: { file: file.name, ...written },
        reason,
      });
      return written;
    });
    await onProgress?.({ stage: 'done', rows: rows.length });
    return { ok: true, ...counts };
  } catch (e) {
    if (uniqueViolation(e) !== 'members_active_id_number_uq') throw e;
    // Someone registered one of these people between the check and the write; the whole
    // file was rolled back. Say which rows, as the check would have.
    const raced = duplicateErrors(roster, await findRegisteredElsewhere(db, user, ids));
    return failed(raced, `导入期间有 ${raced.length || '部分'} 位成员已被他人登记，未导入任何数据；请核对后重新导入`, rows);
  }
}
