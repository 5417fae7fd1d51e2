import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { institutionPlacements, institutions, members, regions } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/uuid';
import { maskIdNumber } from '@/lib/households/mask';
import { occupancyText } from './rules';

const township = alias(regions, 'township');

// An institution sits in a township: a township user sees its own; county and city users, theirs.
const scope = (user: SessionUser) => regionScope(user, { county: institutions.countyCode, township: institutions.townshipCode, village: institutions.townshipCode });

const residentsNow = sql<number>`(select count(*)::int from ${institutionPlacements} p where p.institution_id = ${institutions.id} and p.discharged_on is null)`;

/** 供养机构 of the user's region, with the residents living there now and the occupancy. */
export async function listInstitutions(user: SessionUser) {
  assertCan(user, 'institution.read');
  const db = await getDb();
  const rows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      townshipName: township.name,
      capacity: institutions.capacity,
      kind: institutions.kind,
      medicalCare: institutions.medicalCare,
      status: institutions.status,
      residents: residentsNow,
    })
    .from(institutions)
    .leftJoin(township, eq(township.code, institutions.townshipCode))
    .where(scope(user))
    .orderBy(asc(institutions.countyCode), asc(institutions.name))
    .limit(500);
  return rows.map((r) => ({ ...r, occupancy: occupancyText(r.residents, r.capacity) }));
}

/** One institution with its residents (living there first, then those who left), in the user's region. */
export async function institutionDetail(user: SessionUser, id: string) {
  assertCan(user, 'institution.read');
  if (!isUuid(id)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await db
    .select({ institution: institutions, townshipName: township.name })
    .from(institutions)
    .leftJoin(township, eq(township.code, institutions.townshipCode))
    .where(eq(institutions.id, id));
  assertCovers(user, row?.institution.townshipCode);
  if (!row) throw new AppError('not_found');
  const placements = await db
    .select({
      id: institutionPlacements.id,
      enrollmentId: institutionPlacements.enrollmentId,
      householdId: members.householdId,
      name: members.name,
      idNumber: members.idNumber,
      admittedOn: institutionPlacements.admittedOn,
      dischargedOn: institutionPlacements.dischargedOn,
      dischargeReason: institutionPlacements.dischargeReason,
    })
    .from(institutionPlacements)
    .innerJoin(members, eq(members.id, institutionPlacements.memberId))
    .where(eq(institutionPlacements.institutionId, id))
    .orderBy(sql`${institutionPlacements.dischargedOn} is not null`, desc(institutionPlacements.admittedOn))
    .limit(2000);
  const residents = placements.map(({ idNumber, ...p }) => ({ ...p, idMasked: maskIdNumber(idNumber) }));
  const living = residents.filter((r) => r.dischargedOn === null).length;
  return { institution: row.institution, townshipName: row.townshipName, residents, living, occupancy: occupancyText(living, row.institution.capacity) };
}

/** The townships an institution may be registered in: those of the user's county. */
export async function institutionTownships(user: SessionUser) {
  assertCan(user, 'institution.manage');
  const db = await getDb();
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, 'township'), sql`${regions.code} like ${`${user.regionCode.slice(0, 6)}%`}`))
    .orderBy(asc(regions.code));
}
