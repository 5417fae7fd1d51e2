import 'server-only';
import { and, asc, desc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { enrollmentMembers, enrollments, households, members, regions, subsidyApplications, users } from '@/db/schema';
import { standardInForce } from '@/lib/policy/standards';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { maskIdNumber } from '@/lib/households/mask';
import type { z } from 'zod';
import type { subsidyListSchema } from './schemas';

const village = alias(regions, 'village');
const acceptor = alias(users, 'acceptor');
const verifier = alias(users, 'verifier');
const decider = alias(users, 'decider');
const head = alias(members, 'head');

const scopeOf = (user: SessionUser) => regionScope(user, { county: subsidyApplications.countyCode, township: subsidyApplications.townshipCode, village: subsidyApplications.villageCode });

/** One application with the member and the names of who took each step; out of region: not found. */
export async function getSubsidyApplication(user: SessionUser, id: string) {
  assertCan(user, 'application.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await db
    .select({ a: subsidyApplications, memberName: members.name, idNumber: members.idNumber, disabilityKind: members.disabilityKind, disabilityGrade: members.disabilityGrade, villageName: village.name, acceptedByName: acceptor.name, verifiedByName: verifier.name, decidedByName: decider.name })
    .from(subsidyApplications)
    .innerJoin(members, eq(members.id, subsidyApplications.memberId))
    .innerJoin(village, eq(village.code, subsidyApplications.villageCode))
    .leftJoin(acceptor, eq(acceptor.id, subsidyApplications.acceptedBy))
    .leftJoin(verifier, eq(verifier.id, subsidyApplications.verifiedBy))
    .leftJoin(decider, eq(decider.id, subsidyApplications.decidedBy))
    .where(eq(subsidyApplications.id, id));
  assertCovers(user, row?.a.villageCode);
  const r = row!;
  return { ...r.a, memberName: r.memberName, idNumberMasked: maskIdNumber(r.idNumber), disabilityKind: r.disabilityKind, disabilityGrade: r.disabilityGrade, villageName: r.villageName, acceptedByName: r.acceptedByName, verifiedByName: r.verifiedByName, decidedByName: r.decidedByName };
}

/** The applications of the user's area, newest first (first 200), by program and state. */
export async function listSubsidyApplications(user: SessionUser, filter: z.output<typeof subsidyListSchema> = {}) {
  assertCan(user, 'application.read');
  const db = await getDb();
  const rows = await db
    .select({ a: subsidyApplications, memberName: members.name, villageName: village.name })
    .from(subsidyApplications)
    .innerJoin(members, eq(members.id, subsidyApplications.memberId))
    .innerJoin(village, eq(village.code, subsidyApplications.villageCode))
    .where(and(scopeOf(user), filter.program ? eq(subsidyApplications.program, filter.program) : undefined, filter.state ? eq(subsidyApplications.state, filter.state) : undefined))
    .orderBy(desc(subsidyApplications.createdAt), desc(subsidyApplications.id))
    .limit(200);
  return rows.map((r) => ({ ...r.a, memberName: r.memberName, villageName: r.villageName }));
}

/**
 * The disability subsidies that need the caseworker (first 500, by date): the yearly certificate
 * review due within 30 days or past (next_review_on), a certificate expired, the member dead or
 * gone, or — for 生活补贴 — the member no longer covered by the household's dibao.
 */
export async function subsidiesNeedingAttention(user: SessionUser, now: Date = new Date()) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const today = todayInChina(now);
  const onDibao = sql`exists (select 1 from ${enrollments} d join ${enrollmentMembers} dm on dm.enrollment_id = d.id and dm.member_id = ${enrollments.memberId} and dm.active
    where d.household_id = ${enrollments.householdId} and d.program = 'dibao' and d.status in ('active', 'suspended'))`;
  const rows = await db
    .select({
      id: enrollments.id,
      householdId: enrollments.householdId,
      program: enrollments.program,
      nextReviewOn: enrollments.nextReviewOn,
      memberName: members.name,
      memberStatus: members.status,
      validUntil: members.disabilityValidUntil,
      villageName: village.name,
      headName: head.name,
      onDibao: sql<boolean>`${onDibao}`,
    })
    .from(enrollments)
    .innerJoin(members, eq(members.id, enrollments.memberId))
    .innerJoin(village, eq(village.code, enrollments.villageCode))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(
      and(
        regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode }),
        inArray(enrollments.status, ['active', 'suspended']),
        inArray(enrollments.program, ['dis_living', 'dis_care']),
        or(
          lte(enrollments.nextReviewOn, addDays(today, 30)),
          lt(members.disabilityValidUntil, today),
          sql`${members.status} <> 'active'`,
          and(eq(enrollments.program, 'dis_living'), sql`not ${onDibao}`),
        ),
      ),
    )
    .orderBy(asc(enrollments.nextReviewOn), asc(enrollments.id))
    .limit(500);
  return rows.map((r) => {
    const reasons: string[] = [];
    if (r.memberStatus === 'deceased') reasons.push('成员已死亡');
    else if (r.memberStatus !== 'active') reasons.push('成员已迁出');
    if (r.validUntil && r.validUntil < today) reasons.push(`残疾人证已于 ${r.validUntil} 过期`);
    if (r.program === 'dis_living' && !r.onDibao) reasons.push('所在家庭已不在低保在册');
    if (r.nextReviewOn && r.nextReviewOn <= addDays(today, 30)) reasons.push(r.nextReviewOn < today ? `年审已逾期（应于 ${r.nextReviewOn}）` : `年审将于 ${r.nextReviewOn} 到期`);
    return { ...r, reasons, expired: !!r.validUntil && r.validUntil < today };
  });
}

/** The monthly amount in force today for the application's program and county (for the confirmation), or null. */
export async function subsidyAmountToday(user: SessionUser, app: { program: 'dis_living' | 'dis_care'; countyCode: string; villageCode: string }, now: Date = new Date()): Promise<number | null> {
  assertCan(user, 'application.read');
  assertCovers(user, app.villageCode);
  const db = await getDb();
  const row = await standardInForce(db, app.program, 'monthly', app.countyCode, todayInChina(now));
  return row?.amountFen ?? null;
}

/** The member a new application is for: active, in the user's area; else not found. */
export async function subsidyApplicant(user: SessionUser, memberId: string) {
  assertCan(user, 'application.write');
  if (!/^[0-9a-f-]{36}$/i.test(memberId)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await db
    .select({ id: members.id, name: members.name, idNumber: members.idNumber, householdId: members.householdId, status: members.status, disabilityKind: members.disabilityKind, disabilityGrade: members.disabilityGrade, villageCode: households.villageCode, villageName: village.name })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .innerJoin(village, eq(village.code, households.villageCode))
    .where(eq(members.id, memberId));
  assertCovers(user, row?.villageCode);
  const { idNumber, ...rest } = row!;
  return { ...rest, idNumberMasked: maskIdNumber(idNumber) };
}
