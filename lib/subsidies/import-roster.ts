import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { enrollmentAmounts, enrollmentMembers, enrollments, households, members } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { groupPeriods, parseSubsidyRoster, type SubsidyRosterError } from './roster';

export type SubsidyRosterResult = { ok: true; enrollments: number; periods: number } | { ok: false; errors: SubsidyRosterError[] };

/**
 * Imports the roster of subsidy recipients with their history, checked whole: every row against
 * the registry (an active member of the user's area with that ID and name, kind and grade as
 * registered, no open enrollment of the program already), and nothing is written unless every
 * row passes. Each person and program becomes one enrollment (active, or terminated when its last
 * period ends), its amounts by month as the rows give them; one audit row for the file.
 */
export async function importSubsidyRoster(user: SessionUser, text: string): Promise<SubsidyRosterResult> {
  assertCan(user, 'enrollment.approve');
  const parsed = parseSubsidyRoster(text);
  if (!parsed.ok) return parsed;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = [...new Set(parsed.rows.map((r) => r.idNumber))];
    const found = await tx
      .select({ m: members, villageCode: households.villageCode, countyCode: households.countyCode, townshipCode: households.townshipCode })
      .from(members)
      .innerJoin(households, eq(households.id, members.householdId))
      .where(and(inArray(members.idNumber, ids), eq(members.status, 'active')))
      .for('update', { of: members });
    const byId = new Map(found.map((f) => [f.m.idNumber, f]));
    const open = found.length
      ? await tx
          .select({ memberId: enrollments.memberId, program: enrollments.program })
          .from(enrollments)
          .where(and(inArray(enrollments.memberId, found.map((f) => f.m.id)), inArray(enrollments.program, ['dis_care', 'dis_living']), inArray(enrollments.status, ['proposed', 'active', 'suspended'])))
      : [];
    const openKeys = new Set(open.map((o) => `${o.memberId}|${o.program}`));
    const errors: SubsidyRosterError[] = [];
    for (const r of parsed.rows) {
      const f = byId.get(r.idNumber);
      // Out of the user's area reads like a person not registered at all.
      if (!f || !userCovers(user, f.villageCode)) errors.push({ row: r.row, column: '身份证号', message: '本辖区户籍登记中没有这个身份证号的在户成员' });
      else if (f.m.name !== r.name) errors.push({ row: r.row, column: '姓名', message: `姓名与户籍登记（${f.m.name}）不一致` });
      else if (f.m.disabilityKind !== r.kind || f.m.disabilityGrade !== r.grade) errors.push({ row: r.row, column: '残疾等级', message: '残疾类别、等级与户籍登记不一致' });
      else if (openKeys.has(`${f.m.id}|${r.program}`)) errors.push({ row: r.row, column: '补贴类别', message: '该成员已在享受（或待确认）这项补贴' });
    }
    if (errors.length) return { ok: false as const, errors };

    let count = 0;
    for (const periods of groupPeriods(parsed.rows).values()) {
      const first = periods[0]!;
      const last = periods[periods.length - 1]!;
      const f = byId.get(first.idNumber)!;
      const [e] = await tx
        .insert(enrollments)
        .values({
          program: first.program,
          householdId: f.m.householdId,
          memberId: f.m.id,
          status: last.endMonth ? 'terminated' : 'active',
          countyCode: f.countyCode,
          townshipCode: f.townshipCode,
          villageCode: f.villageCode,
          startMonth: first.startMonth,
          endMonth: last.endMonth,
          endReasonCode: last.endMonth ? 'other' : null,
          statusReason: '残联移交花名册导入',
          nextReviewOn: last.endMonth ? null : last.validUntil,
          createdBy: user.id,
          decidedBy: user.id,
        })
        .returning({ id: enrollments.id });
      await tx.insert(enrollmentAmounts).values(periods.map((p) => ({ enrollmentId: e!.id, effectiveMonth: p.startMonth, amountFen: p.amountFen, components: { [p.program]: p.amountFen, source: 'roster', row: p.row }, approvedBy: user.id })));
      await tx.insert(enrollmentMembers).values({ enrollmentId: e!.id, memberId: f.m.id, idNumber: f.m.idNumber, basicLiving: false, active: !last.endMonth });
      await tx.update(members).set({ disabilityCertificate: last.certificateNumber, disabilityValidUntil: last.validUntil }).where(eq(members.id, f.m.id));
      count++;
    }
    await recordAudit(tx, user, { action: 'subsidy.roster_import', entity: 'roster', regionCode: user.regionCode, after: { enrollments: count, periods: parsed.rows.length } });
    return { ok: true as const, enrollments: count, periods: parsed.rows.length };
  });
}
