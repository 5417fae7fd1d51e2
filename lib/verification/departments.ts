import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { verificationDepartments } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError, refuse } from '@/lib/core/errors';
import { verificationMessages } from './messages';
import type { DepartmentActiveInput, DepartmentInput } from './schemas';

/** The departments that verify, active first (for the admin's page and the application's report). */
export async function listDepartments(user: SessionUser) {
  if (!can(user.role, 'verification.departments') && !can(user.role, 'verification.read')) throw new AppError('not_found');
  const db = await getDb();
  return db.select().from(verificationDepartments).orderBy(asc(verificationDepartments.sortOrder), asc(verificationDepartments.name));
}

/** A new department (the admin's): asked from the next request on. */
export async function addDepartment(user: SessionUser, input: DepartmentInput): Promise<{ id: string }> {
  assertCan(user, 'verification.departments');
  const db = await getDb();
  return db.transaction(async (tx) => {
    try {
      const [row] = await tx.insert(verificationDepartments).values({ code: input.code, name: input.name, matters: input.matters, sortOrder: 500 }).returning({ id: verificationDepartments.id });
      await recordAudit(tx, user, { action: 'verification.department_add', entity: 'verification_department', entityId: row!.id, regionCode: user.regionCode, after: { code: input.code, name: input.name, matters: input.matters, active: true } });
      return { id: row!.id };
    } catch (e) {
      const v = uniqueViolation(e);
      if (v === 'verification_departments_code_unique' || v === 'verification_departments_name_unique') throw refuse('invalid_input', verificationMessages.duplicateDepartment, v.includes('code') ? 'code' : 'name');
      throw e;
    }
  });
}

/** Deactivates (or reactivates) a department: an open request still expects its answer; new requests do not ask it. */
export async function setDepartmentActive(user: SessionUser, input: DepartmentActiveInput): Promise<{ id: string }> {
  assertCan(user, 'verification.departments');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(verificationDepartments).where(eq(verificationDepartments.id, input.departmentId)).for('update');
    if (!before) throw new AppError('not_found');
    await tx.update(verificationDepartments).set({ active: input.active }).where(eq(verificationDepartments.id, before.id));
    await recordAudit(tx, user, { action: 'verification.department_active', entity: 'verification_department', entityId: before.id, regionCode: user.regionCode, before: { active: before.active }, after: { name: before.name, active: input.active } });
    return { id: before.id };
  });
}
