// Eligibility that cannot be talked around, checked against figures worked out by hand from
// DESIGN.md: 交口县's rural standard is ¥402.00 a month (its own 2019 row) and the near-dibao
// line is 150 % of it, ¥603.00. 单独申请 is for a severely disabled or seriously ill member of a
// near-dibao household only; a person in 特困 support cannot be put on a dibao application.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { incomeItems } from '@/db/schema';
import { createApplication } from '@/lib/applications/create-application';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { acceptApplication, recordTownshipOpinion, startPublicNotice } from '@/lib/applications/steps';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { appDb, randomIdNumber, signedIn } from './support/app';
import { rows } from './support/payouts';

const today = todayInChina();

/** A 交口县 rural household of three; the head has a grade-1 physical disability. Returns ids. */
async function threePersonHousehold(monthlyWagesFen: number) {
  const caseworker = await signedIn('caseworker');
  const input = householdInputSchema.parse({
    villageCode: '141130101200',
    address: `康城村 ${Math.floor(Math.random() * 900) + 100} 号`,
    kind: 'rural',
    members: [
      { name: '单申户主', idNumber: randomIdNumber(), relation: '本人', workingCapacity: 'none', disabilityKind: '肢体', disabilityGrade: 1 },
      { name: '单申配偶', idNumber: randomIdNumber(), relation: '配偶', workingCapacity: 'full' },
      { name: '单申子女', idNumber: randomIdNumber(), relation: '子女', workingCapacity: 'full' },
    ],
  });
  const { id: householdId } = await registerHousehold(caseworker, input);
  const db = await appDb();
  const ms = rows<{ id: string; relation: string }>(await db.execute(sql`select id, relation from members where household_id = ${householdId}`));
  const head = ms.find((m) => m.relation === '本人')!.id;
  const spouse = ms.find((m) => m.relation === '配偶')!.id;
  await db.insert(incomeItems).values({ householdId, memberId: spouse, kind: 'wages', amountFen: monthlyWagesFen, fromDate: '2020-01-01' });
  return { householdId, head, spouse, caseworker };
}

/** The application's registration moved back, as for a case registered weeks ago (steps may then be dated after it). */
async function registeredDaysAgo(id: string, days: number) {
  await (await appDb()).execute(sql`update applications set created_at = now() - make_interval(days => ${days}) where id = ${id}`);
}

describe('单独申请 (a member applying alone)', () => {
  it('is refused at 入户调查 for a household of ¥900.00 per person: the near-dibao line is ¥603.00', async () => {
    const { householdId, head, caseworker } = await threePersonHousehold(270_000); // ¥2,700 ÷ 3 = ¥900.00
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_single', memberId: head, closeRelative: false });
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: today, missingDocuments: [] });
    await expect(
      recordInvestigation(caseworker, { applicationId: id, version: 2, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: today, findings: '户主重度残疾' }),
    ).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { _form: '单独申请须为低保边缘家庭的成员：该户 3 人，计入收入人均 ¥900.00/月，不低于低保边缘上限 ¥603.00/月（低保标准 ¥402.00 的 150%）' },
    });
    const [app] = rows<{ state: string }>(await (await appDb()).execute(sql`select state from applications where id = ${id}`));
    expect(app!.state).toBe('accepted');
  });

  it('passes a near-dibao household (¥500.00 per person) and is refused at the decision once income rose to ¥900.00', async () => {
    const { householdId, head, spouse, caseworker } = await threePersonHousehold(150_000); // ¥500.00 per person
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_single', memberId: head, closeRelative: false });
    await registeredDaysAgo(id, 30);
    let v = 1;
    await acceptApplication(caseworker, { applicationId: id, version: v++, acceptedOn: today, missingDocuments: [] });
    await recordInvestigation(caseworker, { applicationId: id, version: v++, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: today, findings: '户主重度残疾' });
    await recordTownshipOpinion(caseworker, { applicationId: id, version: v++, opinion: '同意上报', reviewedOn: today });
    await startPublicNotice(caseworker, { applicationId: id, version: v++, noticeStart: today });
    const db = await appDb();
    // The notice has run its 7 days (moved back, as the decision is taken today).
    await db.execute(sql`update applications set notice_start = ${addDays(today, -10)} where id = ${id}`);
    await db.insert(incomeItems).values({ householdId, memberId: spouse, kind: 'wages', amountFen: 120_000, fromDate: '2020-01-01' });

    const supervisor = await signedIn('supervisor');
    await expect(decideApplication(supervisor, { applicationId: id, version: v, decision: 'approve' })).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { decision: '单独申请须为低保边缘家庭的成员：该户 3 人，计入收入人均 ¥900.00/月，不低于低保边缘上限 ¥603.00/月（低保标准 ¥402.00 的 150%）' },
    });
    // Positive control: with the raise withdrawn the same decision goes through at ¥402 + 50 % = ¥603.00.
    await db.execute(sql`update income_items set to_date = '2020-01-31' where household_id = ${householdId} and amount_fen = 120000`);
    const decided = await decideApplication(supervisor, { applicationId: id, version: v, decision: 'approve' });
    expect(decided.application).toMatchObject({ state: 'approved', approvedAmountFen: 60_300 });
  });

  it('is refused for a household below the standard itself: it applies as a whole', async () => {
    const { householdId, head, caseworker } = await threePersonHousehold(90_000); // ¥300.00 per person < ¥402.00
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_single', memberId: head, closeRelative: false });
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: today, missingDocuments: [] });
    await expect(
      recordInvestigation(caseworker, { applicationId: id, version: 2, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: today, findings: '户主重度残疾' }),
    ).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '该户计入收入人均 ¥300.00/月，低于低保标准 ¥402.00/月，应以全户申请低保，不适用单独申请' } });
  });
});

describe('a person in 特困 support', () => {
  it('cannot be put on a dibao application, named with the program and household when it is created and when it is accepted', async () => {
    const { householdId, head, caseworker } = await threePersonHousehold(0);
    const db = await appDb();
    // The head is in 特困 support (dispersed), written as a decided enrollment would be.
    const [e] = rows<{ id: string }>(
      await db.execute(sql`insert into enrollments (program, household_id, member_id, status, county_code, township_code, village_code, start_month)
        values ('tekun', ${householdId}, ${head}, 'active', '141130', '141130101', '141130101200', '2020-01') returning id`),
    );
    await db.execute(sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) select ${e!.id}, id, id_number, true from members where id = ${head}`);

    await expect(createApplication(caseworker, { householdId, kind: 'dibao_single', memberId: head, closeRelative: false })).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { memberId: '单申户主已在特困人员救助供养中（康城村委会 单申户主户），不能再申请低保' },
    });
    // A household application stays possible for the others (the head stays out of its coverage) …
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false });
    // … until nobody is left to cover: the other two move out before 受理.
    await db.execute(sql`update members set status = 'moved_out' where household_id = ${householdId} and id <> ${head}`);
    await expect(acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: today, missingDocuments: [] })).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { _form: '本户没有可纳入低保的成员：单申户主已在特困人员救助供养中（康城村委会 单申户主户）' },
    });
  });
});
