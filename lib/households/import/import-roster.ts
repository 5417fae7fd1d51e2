import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { MAX_REPORTED_ERRORS, type RosterError } from './layout';
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

function failed(errors: RosterError[], message?: string): ImportOutcome {
  return {
    ok: false,
    message: message ?? `文件有 ${errors.length} 处错误，未导入任何数据`,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
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
  await onProgress?.({ stage: 'reading' });
  const parsed = await parseRosterFile(file);
  if (!parsed.ok) return failed(parsed.errors, parsed.message);

  await onProgress?.({ stage: 'validating', rows: parsed.rows.length });
  const validated = validateRoster(parsed.rows);
  if (!validated.ok) return failed(validated.errors);
  const roster = validated.households;

  await onProgress?.({ stage: 'checking', rows: parsed.rows.length });
  const db = await getDb();
  const villages = await findVillages(db, [...new Set(roster.map((h) => h.input.villageCode))]);
  const errors: RosterError[] = roster
    .filter((h) => !villages.has(h.input.villageCode) || !userCovers(user, h.input.villageCode))
    .map((h) => ({ row: h.headRow, column: '村代码', message: '村代码不在您的管辖范围内或不存在' }));
  const ids = roster.flatMap((h) => h.input.members.map((m) => m.idNumber));
  errors.push(...duplicateErrors(roster, await findRegisteredElsewhere(db, user, ids)));
  if (errors.length > 0) return failed(errors.sort((a, b) => a.row - b.row));

  await onProgress?.({ stage: 'writing', rows: parsed.rows.length });
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
    await onProgress?.({ stage: 'done', rows: parsed.rows.length });
    return { ok: true, ...counts };
  } catch (e) {
    if (uniqueViolation(e) !== 'members_active_id_number_uq') throw e;
    // Someone registered one of these people between the check and the write; the whole
    // file was rolled back. Say which rows, as the check would have.
    const raced = duplicateErrors(roster, await findRegisteredElsewhere(db, user, ids));
    return failed(raced, `导入期间有 ${raced.length || '部分'} 位成员已被他人登记，未导入任何数据；请核对后重新导入`);
  }
}
