// Enrollments written straight to the tables, in 岚县 (141127), a county no other test file
// uses, so a payout run there holds exactly what a test put in it. Each test uses its own month.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/types';
import { randomIdNumber, signedIn, passwordChosen } from './app';

export const COUNTY = '141127';
export const VILLAGE = '141127100200'; // 东村镇 东村村
export const OTHER_VILLAGE = '141127101200';

const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

export interface Enrolled {
  householdId: string;
  enrollmentId: string;
  memberIds: string[];
  amountId: string;
}

let accountSeq = 0;
/** A card number of 19 digits, unique within the run. */
export function cardNumber(): string {
  accountSeq++;
  // Unique across the test files' processes too (they run side by side, and the payout sweep flags a shared account).
  return `62220${String(process.pid % 1e4).padStart(4, '0')}${String(Date.now() % 1e5).padStart(5, '0')}${String(accountSeq).padStart(5, '0')}`;
}

export async function enroll(
  db: Db,
  opts: {
    program?: 'dibao' | 'tekun' | 'dis_living' | 'dis_care';
    amountFen: number;
    startMonth: string;
    status?: 'active' | 'suspended' | 'terminated' | 'proposed';
    endMonth?: string | null;
    gradualExitUntil?: string | null;
    persons?: number;
    bank?: boolean;
    villageCode?: string;
    householdId?: string;
  },
): Promise<Enrolled> {
  const village = opts.villageCode ?? VILLAGE;
  const persons = opts.persons ?? 1;
  let householdId = opts.householdId;
  const memberIds: string[] = [];
  if (!householdId) {
    const bank = opts.bank ?? true;
    const [h] = rows<{ id: string }>(
      await db.execute(sql`
        insert into households (village_code, township_code, county_code, address, kind, bank_name, bank_account_kind, bank_account, bank_account_holder)
        values (${village}, ${village.slice(0, 9)}, ${village.slice(0, 6)}, '发放测试 1 号', 'rural',
          ${bank ? '岚县农村信用社' : null}, ${bank ? 'card' : null}, ${bank ? cardNumber() : null}, ${bank ? '测试户主' : null})
        returning id`),
    );
    householdId = h!.id;
    for (let i = 0; i < persons; i++) {
      const id = randomIdNumber(COUNTY);
      const [m] = rows<{ id: string }>(
        await db.execute(sql`
          insert into members (household_id, name, id_number, birth_date, sex, relation, is_head)
          values (${householdId}, ${i === 0 ? '测试户主' : `成员${i}`}, ${id}, ${`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`},
            ${Number(id[16]) % 2 ? '男' : '女'}, ${i === 0 ? '本人' : '子女'}, ${i === 0})
          returning id`),
      );
      memberIds.push(m!.id);
    }
  } else {
    memberIds.push(...rows<{ id: string }>(await db.execute(sql`select id from members where household_id = ${householdId} order by sort_order, created_at`)).map((r) => r.id));
  }
  const program = opts.program ?? 'dibao';
  const personProgram = program !== 'dibao';
  const [e] = rows<{ id: string }>(
    await db.execute(sql`
      insert into enrollments (program, household_id, member_id, status, county_code, township_code, village_code, start_month, end_month, gradual_exit_until)
      values (${program}, ${householdId}, ${personProgram ? memberIds[0]! : null}, ${opts.status ?? 'active'}, ${village.slice(0, 6)}, ${village.slice(0, 9)}, ${village},
        ${opts.startMonth}, ${opts.endMonth ?? null}, ${opts.gradualExitUntil ?? null})
      returning id`),
  );
  const covered = personProgram ? [memberIds[0]!] : memberIds;
  const components = { program, totalFen: opts.amountFen, coveredMemberIds: covered, components: { gap: opts.amountFen - 1000, classified: 1000 }, working: ['测试'] };
  const [a] = rows<{ id: string }>(
    await db.execute(sql`
      insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
      values (${e!.id}, ${opts.startMonth}, ${opts.amountFen}, ${JSON.stringify(components)}::jsonb) returning id`),
  );
  for (const m of covered) {
    await db.execute(sql`
      insert into enrollment_members (enrollment_id, member_id, id_number, basic_living)
      select ${e!.id}, id, id_number, ${program === 'dibao' || program === 'tekun'} from members where id = ${m}`);
  }
  return { householdId, enrollmentId: e!.id, memberIds, amountId: a!.id };
}

/**
 * County-level staff of 岚县, made once per test file (the demo users sit in 交口县 and 方山县):
 * a caseworker who prepares runs, two supervisors who approve them, and finance who sends them to
 * the bank and imports the bank's answer.
 */
export async function countyStaff(county = COUNTY): Promise<{ caseworker: SessionUser; supervisor: SessionUser; supervisor2: SessionUser; finance: SessionUser }> {
  const admin = await signedIn('admin');
  const { createUser } = await import('@/lib/users/create-user');
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const make = async (role: 'caseworker' | 'supervisor' | 'finance', n: string) => {
    const username = `c${county}-${n}-${tag}`;
    await createUser(admin, { username, name: `县级${n}`, role, regionCode: county, password: 'Lanxian#2026' });
    await passwordChosen(username);
    return signedIn(username);
  };
  return { caseworker: await make('caseworker', 'cw'), supervisor: await make('supervisor', 'sa'), supervisor2: await make('supervisor', 'sb'), finance: await make('finance', 'fin') };
}

export async function linesOf(db: Db, runId: string) {
  return rows<{ id: string; kind: string; program: string; enrollment_id: string | null; source_id: string | null; household_id: string; amount_fen: string; persons: number; blocked: boolean; block_reason: string | null; status: string; updated_at: string; components: Record<string, unknown> }>(
    await db.execute(sql`select id, kind, program, enrollment_id, source_id, household_id, amount_fen, persons, blocked, block_reason, status, updated_at::text, components from payout_lines where run_id = ${runId} order by id`),
  ).map((r) => ({ ...r, id: Number(r.id), amount_fen: Number(r.amount_fen) }));
}

export async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

export { rows };

/** Ends every enrollment a previous test left in the county, so a run holds only this test's. */
export async function clearCounty(db: Db): Promise<void> {
  await db.execute(sql`update enrollments set status = 'terminated', end_month = '2000-01' where county_code = ${COUNTY}`);
}
