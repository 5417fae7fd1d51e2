import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Tx } from '@/db/client';
import { applicationSupporters, members, verificationConsents, verificationRequests } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { refuse } from '@/lib/core/errors';
import { loadForUpdate, type Application } from '@/lib/applications/load';
import { verificationMessages } from './messages';
import { missingSigners } from './rules';
import type { ConsentInput, SupporterInput, WithdrawInput } from './schemas';

const CLOSED: Application['state'][] = ['approved', 'refused', 'not_accepted', 'withdrawn'];

/** The application locked and scoped (out of region: not found), still open. */
export async function openApplication(tx: Tx, user: SessionUser, applicationId: string): Promise<Application> {
  const app = await loadForUpdate(tx, user, applicationId);
  if (CLOSED.includes(app.state)) throw refuse('precondition', verificationMessages.closedApplication);
  return app;
}

async function audit(tx: Tx, user: SessionUser, app: Application, action: 'verification.supporter_add' | 'verification.consent' | 'verification.consent_withdraw', after: Record<string, unknown>, reason: string | null = null) {
  const entry = { action, regionCode: app.villageCode, after, reason };
  await recordAudit(tx, user, { ...entry, entity: 'application', entityId: app.id });
  await recordAudit(tx, user, { ...entry, entity: 'household', entityId: app.householdId, after: { ...after, applicationId: app.id } });
}

/** A legally obliged supporter (法定赡养 / 抚养 / 扶养人) of the application, who must sign the consent. */
export async function addSupporter(user: SessionUser, input: SupporterInput): Promise<{ id: string }> {
  assertCan(user, 'verification.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await openApplication(tx, user, input.applicationId);
    try {
      const [row] = await tx
        .insert(applicationSupporters)
        .values({ applicationId: app.id, name: input.name, idNumber: input.idNumber, relation: input.relation, relationText: input.relationText, createdBy: user.id })
        .returning({ id: applicationSupporters.id });
      await audit(tx, user, app, 'verification.supporter_add', { name: input.name, supporterRelation: input.relation, relationText: input.relationText });
      return { id: row!.id };
    } catch (e) {
      if (uniqueViolation(e) === 'application_supporters_uq') throw refuse('invalid_input', verificationMessages.supporterExists, 'idNumber');
      throw e;
    }
  });
}

/**
 * Records the signed consent (授权书): every active member 18 or over on the day of signing and
 * every supporter must have signed; whoever is missing is named. One consent in force at a time.
 */
export async function recordConsent(user: SessionUser, input: ConsentInput): Promise<{ id: string }> {
  assertCan(user, 'verification.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await openApplication(tx, user, input.applicationId);
    const active = await tx.select({ id: members.id, name: members.name, birthDate: members.birthDate }).from(members).where(and(eq(members.householdId, app.householdId), eq(members.status, 'active')));
    const supporters = await tx.select({ id: applicationSupporters.id, name: applicationSupporters.name }).from(applicationSupporters).where(eq(applicationSupporters.applicationId, app.id));
    const memberIds = new Set(active.map((m) => m.id));
    const supporterIds = new Set(supporters.map((s) => s.id));
    if (input.memberIds.some((id) => !memberIds.has(id)) || input.supporterIds.some((id) => !supporterIds.has(id))) throw refuse('invalid_input', verificationMessages.notSigner, 'memberIds');
    const missing = missingSigners(active, supporters, input.signedOn, input.memberIds, input.supporterIds);
    if (missing.length) throw refuse('invalid_input', verificationMessages.missingSigners(missing), 'memberIds');
    try {
      const [row] = await tx
        .insert(verificationConsents)
        .values({ applicationId: app.id, signedOn: input.signedOn, signerMemberIds: [...new Set(input.memberIds)], signerSupporterIds: [...new Set(input.supporterIds)], recordedBy: user.id })
        .returning({ id: verificationConsents.id });
      await audit(tx, user, app, 'verification.consent', { signedOn: input.signedOn, signers: input.memberIds.length + input.supporterIds.length });
      return { id: row!.id };
    } catch (e) {
      if (uniqueViolation(e) === 'verification_consents_in_force_uq') throw refuse('precondition', verificationMessages.consentExists);
      throw e;
    }
  });
}

/** The consent withdrawn (date, reason): an open verification stops as 已撤回授权, with the reason. */
export async function withdrawConsent(user: SessionUser, input: WithdrawInput): Promise<{ stopped: number }> {
  assertCan(user, 'verification.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await loadForUpdate(tx, user, input.applicationId);
    const [consent] = await tx.select().from(verificationConsents).where(and(eq(verificationConsents.applicationId, app.id), isNull(verificationConsents.withdrawnOn))).for('update');
    if (!consent) throw refuse('precondition', verificationMessages.noConsent);
    if (input.withdrawnOn < consent.signedOn) throw refuse('invalid_input', verificationMessages.withdrawBeforeSigned, 'withdrawnOn');
    await tx.update(verificationConsents).set({ withdrawnOn: input.withdrawnOn, withdrawnReason: input.reason, withdrawnBy: user.id }).where(eq(verificationConsents.id, consent.id));
    const stopped = await tx
      .update(verificationRequests)
      .set({ state: 'withdrawn', stoppedReason: input.reason })
      .where(and(eq(verificationRequests.applicationId, app.id), inArray(verificationRequests.state, ['open'])))
      .returning({ id: verificationRequests.id });
    await audit(tx, user, app, 'verification.consent_withdraw', { withdrawnOn: input.withdrawnOn, stoppedRequests: stopped.length }, input.reason);
    return { stopped: stopped.length };
  });
}

