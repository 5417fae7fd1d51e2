import 'server-only';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { applications, enrollmentMembers, enrollments, households, incomeItems, members, regions } from '@/db/schema';
import { formatFen } from '@/lib/core/format';
import { refuse } from '@/lib/core/errors';
import { countMonthlyIncome } from '@/lib/households/income';
import { dibaoMonthlyStandard, standardsInForce } from '@/lib/policy/standards';
import { applyAloneGrounds, isNearDibao } from '@/lib/programs/near-dibao';
import { annualToMonthlyFen } from '@/lib/programs/rounding';
import type { Application } from './load';
import { applicationMessages } from './messages';

// Who may be on a dibao application at all, checked where the case is opened and accepted, and
// again where money is decided (入户调查 and the county decision), with the figures in the message.

const openStates = ['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice'] as const;
const village = alias(regions, 'village');
const head = alias(members, 'head');

/** The household's counted income per person this month against the near-dibao line (单独申请). */
export async function singleApplicantCheck(tx: Tx, app: Pick<Application, 'householdId' | 'memberId'>, onDate: string) {
  const [household] = await tx.select().from(households).where(eq(households.id, app.householdId));
  const active = await tx.select().from(members).where(and(eq(members.householdId, app.householdId), eq(members.status, 'active')));
  const applicant = active.find((m) => m.id === app.memberId);
  if (!household || !applicant) throw refuse('precondition', applicationMessages.applicantNotMember, 'memberId');
  const standard = await dibaoMonthlyStandard(tx, household.kind, household.countyCode, onDate, annualToMonthlyFen);
  const policy = await standardsInForce(tx, 'dibao', household.countyCode, onDate);
  const multiplierPct = policy.get('near_dibao_multiplier_pct')?.intValue;
  if (!standard) throw refuse('precondition', applicationMessages.notConfigured(`${household.kind === 'rural' ? '农村' : '城市'}低保标准`));
  if (multiplierPct == null) throw refuse('precondition', applicationMessages.notConfigured('低保边缘倍数'));
  const items = await tx.select().from(incomeItems).where(eq(incomeItems.householdId, household.id));
  const income = countMonthlyIncome(
    items.map((i) => ({ kind: i.kind, amountFen: i.amountFen, memberId: i.memberId, excluded: i.excluded, from: i.fromDate, to: i.toDate })),
    (policy.get('counted_income_kinds')?.textValue ?? '').split(',').filter(Boolean),
    onDate.slice(0, 7),
    active.length,
  );
  const limitFen = Math.floor((standard.monthlyFen * multiplierPct) / 100);
  return {
    grounds: applyAloneGrounds(applicant),
    nearDibao: isNearDibao({ perPersonIncomeFen: income.perPersonFen, monthlyStandardFen: standard.monthlyFen, multiplierPct }),
    perPersonFen: income.perPersonFen,
    standardFen: standard.monthlyFen,
    multiplierPct,
    limitFen,
    persons: active.length,
  };
}

/** 单独申请 only for a severely disabled or seriously ill member of a 低保边缘 household: refused with the figures. */
export async function assertMayApplyAlone(tx: Tx, app: Pick<Application, 'householdId' | 'memberId'>, onDate: string, field: string): Promise<void> {
  const c = await singleApplicantCheck(tx, app, onDate);
  if (!c.grounds) throw refuse('precondition', applicationMessages.singleNotAllowed, field);
  if (!c.nearDibao) {
    const figures = { perPerson: formatFen(c.perPersonFen), persons: c.persons, standard: formatFen(c.standardFen), pct: c.multiplierPct, limit: formatFen(c.limitFen) };
    throw refuse('precondition', c.perPersonFen < c.standardFen ? applicationMessages.singleBelowStandard(figures) : applicationMessages.singleNotNearDibao(figures), field);
  }
}

/**
 * Members of the household who cannot be on a dibao application: in 特困 support, or on another
 * open basic-living application. Returned with the program and household, for the message.
 */
async function blockedMembers(tx: Tx, householdId: string, exceptApplicationId: string | null) {
  const active = await tx.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.householdId, householdId), eq(members.status, 'active')));
  const ids = active.map((m) => m.id);
  if (ids.length === 0) return { active, blocked: new Map<string, string>() };
  const inTekun = await tx
    .select({ memberId: enrollmentMembers.memberId, villageName: village.name, headName: head.name })
    .from(enrollmentMembers)
    .innerJoin(enrollments, eq(enrollments.id, enrollmentMembers.enrollmentId))
    .innerJoin(village, eq(village.code, enrollments.villageCode))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(inArray(enrollmentMembers.memberId, ids), eq(enrollmentMembers.active, true), eq(enrollments.program, 'tekun'), inArray(enrollments.status, ['active', 'suspended'])));
  const openTekun = await tx
    .select({ memberId: applications.memberId })
    .from(applications)
    .where(
      and(
        inArray(applications.memberId, ids),
        inArray(applications.kind, ['tekun_dispersed', 'tekun_centralized']),
        inArray(applications.state, [...openStates]),
        exceptApplicationId ? ne(applications.id, exceptApplicationId) : undefined,
      ),
    );
  const blocked = new Map<string, string>();
  for (const t of inTekun) blocked.set(t.memberId, applicationMessages.inTekun(`${t.villageName}${t.headName ? ` ${t.headName}户` : ''}`));
  for (const o of openTekun) if (o.memberId && !blocked.has(o.memberId)) blocked.set(o.memberId, applicationMessages.openTekunApplication);
  return { active, blocked };
}

/**
 * A dibao application must leave someone to cover: the applicant alone (单独申请) may not be in
 * 特困 support or on an open 特困 application; a household application needs at least one member
 * who is neither (those who are stay out of its coverage, as the amount's working says).
 */
export async function assertDibaoCoverable(tx: Tx, app: Pick<Application, 'kind' | 'householdId' | 'memberId'> & { id?: string }, field: string): Promise<void> {
  if (app.kind !== 'dibao_household' && app.kind !== 'dibao_single') return;
  const { active, blocked } = await blockedMembers(tx, app.householdId, app.id ?? null);
  const name = (id: string) => active.find((m) => m.id === id)?.name ?? '';
  if (app.kind === 'dibao_single') {
    const why = app.memberId ? blocked.get(app.memberId) : undefined;
    if (why) throw refuse('precondition', `${name(app.memberId!)}${why}，不能再申请低保`, field);
    return;
  }
  if (active.length > 0 && active.every((m) => blocked.has(m.id))) {
    throw refuse('precondition', `本户没有可纳入低保的成员：${active.map((m) => `${m.name}${blocked.get(m.id)}`).join('；')}`, field);
  }
}
