import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { resolveSessionUser } from '@/lib/auth/session-check';
import { ABSOLUTE_TIMEOUT_SECONDS } from '@/lib/auth/types';
import { createUser } from '@/lib/users/create-user';
import { updateUser } from '@/lib/users/update-user';
import { appDb, passwordChosen, signedIn } from './support/app';

async function freshCaseworker(suffix: string) {
  const admin = await signedIn('admin');
  const username = `cw-${suffix}-${Date.now()}`;
  const { id } = await createUser(admin, {
    username,
    name: '测试经办',
    role: 'caseworker',
    regionCode: '141130101',
    password: 'Kangcheng#2026',
  });
  await passwordChosen(username);
  const db = await appDb();
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return { admin, row: row! };
}

describe('every request checks the session against the database', () => {
  it('accepts a current session and returns the user with region', async () => {
    const { row } = await freshCaseworker('ok');
    const now = Date.now();
    const user = await resolveSessionUser(await appDb(), { uid: row.id, sv: row.sessionVersion, loginAt: now / 1000 }, now);
    expect(user).toMatchObject({ id: row.id, role: 'caseworker', regionCode: '141130101', regionName: '康城镇', regionLevel: 'township' });
  });

  it('ends the session of a user deactivated after sign-in, on the next request', async () => {
    const { admin, row } = await freshCaseworker('deact');
    const claims = { uid: row.id, sv: row.sessionVersion, loginAt: Date.now() / 1000 };
    await updateUser(admin, { userId: row.id, role: 'caseworker', regionCode: '141130101', active: false, reason: '调离岗位' });
    expect(await resolveSessionUser(await appDb(), claims, Date.now())).toBeNull();
  });

  it('ends the session when role or region changes (session version bumped)', async () => {
    const { admin, row } = await freshCaseworker('move');
    const claims = { uid: row.id, sv: row.sessionVersion, loginAt: Date.now() / 1000 };
    await updateUser(admin, { userId: row.id, role: 'caseworker', regionCode: '141130', active: true, reason: '调整到县局' });
    const db = await appDb();
    expect(await resolveSessionUser(db, claims, Date.now())).toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, row.id));
    expect(after!.sessionVersion).toBe(row.sessionVersion + 1);
  });

  it('ends every session 10 hours after sign-in, however active', async () => {
    const { row } = await freshCaseworker('abs');
    const loginAt = Date.now() / 1000 - ABSOLUTE_TIMEOUT_SECONDS - 1;
    const user = await resolveSessionUser(await appDb(), { uid: row.id, sv: row.sessionVersion, loginAt }, Date.now());
    expect(user).toBeNull();
  });

  it('refuses a token without the claims it must carry', async () => {
    const { row } = await freshCaseworker('claims');
    expect(await resolveSessionUser(await appDb(), { uid: row.id }, Date.now())).toBeNull();
  });
});

describe('sign-out', () => {
  it('ends the session on the server: the old token no longer resolves', async () => {
    const { endSession } = await import('@/lib/auth/sign-out');
    const { row } = await freshCaseworker('signout');
    const db = await appDb();
    const claims = { uid: row.id, sv: row.sessionVersion, loginAt: Date.now() / 1000 };
    expect(await resolveSessionUser(db, claims, Date.now())).toMatchObject({ id: row.id });
    await endSession(db, claims);
    expect(await resolveSessionUser(db, claims, Date.now())).toBeNull();
  });
});
