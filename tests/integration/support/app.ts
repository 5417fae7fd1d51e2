// Points the application's own data layer (db/client.ts getDb) at this run's test database,
// and turns demo usernames into signed-in users the way a request would.
import { eq } from 'drizzle-orm';
import { afterAll } from 'vitest';
import { closeDb, getDb, openPostgres, type Db, type OpenDatabase } from '@/db/client';
import { users } from '@/db/schema';
import { resolveSessionUser } from '@/lib/auth/session-check';
import { idCheckDigit } from '@/lib/core/resident-id';
import type { SessionUser } from '@/lib/auth/types';
import { ownerDatabaseUrl, testDatabaseUrl } from './db';

export async function appDb(): Promise<Db> {
  // As a deployed server: the app's role for queries, the owner's for migrations (already applied).
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.MIGRATION_DATABASE_URL = ownerDatabaseUrl();
  return getDb();
}

let owner: OpenDatabase | undefined;

/**
 * The same database as its owner (the role migrations run as): for what a test must do above the
 * app — install a failing trigger, drop an index, edit the record as an intruder with the owner's
 * rights would. Never used for what the app itself does.
 */
export async function ownerDb(): Promise<Db> {
  owner ??= await openPostgres(ownerDatabaseUrl(), { migrate: false, max: 2 });
  return owner.db;
}

afterAll(async () => {
  await closeDb();
  await owner?.close();
  owner = undefined;
});

export async function signedIn(username: string): Promise<SessionUser> {
  const db = await appDb();
  const [row] = await db.select().from(users).where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username}`);
  const user = await resolveSessionUser(db, { uid: row.id, sv: row.sessionVersion, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
  if (!user) throw new Error(`user ${username} cannot sign in`);
  return user;
}

/**
 * A created account must change the password the admin typed before it can do anything
 * (lib/users/create-user.ts); tests that work as such a user let it have done so.
 */
export async function passwordChosen(username: string): Promise<void> {
  const db = await appDb();
  await db.update(users).set({ mustChangePassword: false }).where(eq(users.username, username));
}

/** A household in 交口县 康城镇 康城村 (or another village), written straight to the table. */
export async function insertHousehold(
  db: Db,
  opts: { villageCode?: string; headName?: string; idNumber?: string } = {},
): Promise<string> {
  const { households, members } = await import('@/db/schema');
  const villageCode = opts.villageCode ?? '141130101200';
  const [h] = await db
    .insert(households)
    .values({
      villageCode,
      townshipCode: villageCode.slice(0, 9),
      countyCode: villageCode.slice(0, 6),
      address: '测试地址 1 号',
      kind: 'rural',
    })
    .returning({ id: households.id });
  const idNumber = opts.idNumber ?? randomIdNumber();
  await db.insert(members).values({
    householdId: h!.id,
    name: opts.headName ?? '测试户主',
    idNumber,
    birthDate: `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
    sex: Number(idNumber[16]) % 2 === 1 ? '男' : '女',
    relation: '本人',
    isHead: true,
  });
  return h!.id;
}

/** A syntactically valid resident ID (GB 11643 check digit) that is unlikely to collide. */
export function randomIdNumber(region = '141130'): string {
  const y = 1950 + Math.floor(Math.random() * 60);
  const m = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const d = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `${region}${y}${m}${d}${seq}`;
  return body + idCheckDigit(body);
}
