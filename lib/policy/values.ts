import 'server-only';
import type { Db, Tx } from '@/db/client';
import { AppError } from '@/lib/core/errors';
import { standardInForce } from '@/lib/policy/standards';

/** An integer policy value (days, months, percent) that must be configured; its absence is an error, not a default. */
export async function policyInt(db: Db | Tx, program: string, component: string, regionCode: string, onDate: string): Promise<number> {
  const row = await standardInForce(db as Db, program, component, regionCode, onDate);
  if (row?.intValue === null || row?.intValue === undefined) {
    throw new AppError('invalid_input', { _form: `未配置政策参数 ${program}/${component}，请联系系统管理员` });
  }
  return row.intValue;
}
