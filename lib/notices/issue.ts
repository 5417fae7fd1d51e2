import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { members, noticeCounters, notices, regions, type NoticeKind } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { civilAffairsOffice } from '@/lib/regions/bureau';
import { enqueueMessage } from '@/lib/messages/enqueue';
import { noticeMessage } from '@/lib/messages/texts';

export const noticeKindLabels: Record<NoticeKind, string> = {
  acceptance: '受理通知书',
  correction: '补正告知书',
  non_acceptance: '不予受理通知书',
  approval: '批准决定书',
  refusal: '不予批准决定书',
  suspension: '暂停发放告知书',
  termination: '停发告知书',
  reduction: '减发告知书',
};

/** Administrative reconsideration within 60 days, litigation within 6 months (行政复议法, 行政诉讼法). */
export function appealRights(county: string, city: string): string {
  return `如对本决定不服，可以自收到本决定书之日起 60 日内向${county}人民政府或者${city}民政局申请行政复议，也可以自收到本决定书之日起 6 个月内依法向人民法院提起行政诉讼。`;
}

/** 交民救〔2026〕第 0001 号: the county's first character, the year, the number of the year. */
export function noticeNumber(countyName: string, year: number, seq: number): string {
  return `${countyName.slice(0, 1)}民救〔${year}〕第 ${String(seq).padStart(4, '0')} 号`;
}

export interface NoticeInput {
  kind: NoticeKind;
  householdId: string;
  villageCode: string;
  applicationId?: string | null;
  enrollmentChangeId?: string | null;
  issuedOn: string;
  /** The notice's text, before the appeal rights (added to decisions that grant a right of appeal). */
  paragraphs: string[];
  appeal?: boolean;
  /** Issued by the township's 人民政府 (受理, 补正), not the county bureau. */
  byTownship?: boolean;
}

/**
 * Issues a notice inside the caller's transaction: the next number of the county's year (taken
 * by an upsert that holds the counter row's lock until the transaction ends, so two notices at
 * once never share a number and a rolled-back step leaves no gap), the text fixed as printed,
 * and its audit row.
 */
export async function issueNotice(tx: Tx, user: SessionUser, input: NoticeInput): Promise<{ id: string; number: string }> {
  const countyCode = input.villageCode.slice(0, 6);
  const year = Number(input.issuedOn.slice(0, 4));
  const [county] = await tx.select({ name: regions.name, cityCode: regions.cityCode }).from(regions).where(eq(regions.code, countyCode));
  const [city] = county?.cityCode ? await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, county.cityCode)) : [];
  const [head] = await tx.select({ name: members.name }).from(members).where(and(eq(members.householdId, input.householdId), eq(members.isHead, true)));
  const [counter] = await tx
    .insert(noticeCounters)
    .values({ countyCode, year, last: 1 })
    .onConflictDoUpdate({ target: [noticeCounters.countyCode, noticeCounters.year], set: { last: sql`${noticeCounters.last} + 1` } })
    .returning({ last: noticeCounters.last });
  const seq = counter!.last;
  const countyName = county?.name ?? countyCode;
  const number = noticeNumber(countyName, year, seq);
  const paragraphs = input.appeal ? [...input.paragraphs, appealRights(countyName, city?.name ?? '')] : input.paragraphs;
  const [township] = input.byTownship ? await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, input.villageCode.slice(0, 9))) : [];
  const issuer = township ? civilAffairsOffice(township.name, 'township') : civilAffairsOffice(countyName, 'county');
  const body = { title: noticeKindLabels[input.kind], recipient: head?.name ?? '', paragraphs, issuer };
  const [row] = await tx
    .insert(notices)
    .values({
      kind: input.kind,
      countyCode,
      townshipCode: input.villageCode.slice(0, 9),
      villageCode: input.villageCode,
      year,
      seq,
      number,
      householdId: input.householdId,
      applicationId: input.applicationId ?? null,
      enrollmentChangeId: input.enrollmentChangeId ?? null,
      issuedOn: input.issuedOn,
      issuedBy: user.id,
      body,
    })
    .returning({ id: notices.id });
  const entry = { action: 'notice.issue' as const, regionCode: input.villageCode, after: { noticeKind: input.kind, number, noticeId: row!.id } };
  await recordAudit(tx, user, { ...entry, entity: 'notice', entityId: row!.id });
  await recordAudit(tx, user, { ...entry, entity: 'household', entityId: input.householdId });
  // The applicant is told by text message too (受理, a decision), with the notice's number.
  const text = noticeMessage({ countyName, kind: input.kind, number, issuedOn: input.issuedOn });
  if (text) await enqueueMessage(tx, { householdId: input.householdId, kind: input.kind === 'acceptance' ? 'accepted' : 'decided', ref: `notice:${row!.id}`, body: text });
  return { id: row!.id, number };
}
