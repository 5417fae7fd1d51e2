import 'server-only';
import type { Db, Tx } from '@/db/client';
import { refuse } from '@/lib/core/errors';
import { standardInForce } from '@/lib/policy/standards';
import { policyMessages } from './messages';

/** An integer policy value (days, months, percent) that must be configured; its absence is an error, not a default. */
export async function policyInt(db: Db | Tx, program: string, component: string, regionCode: string, onDate: string): Promise<number> {
  const row = await standardInForce(db as Db, program, component, regionCode, onDate);
  if (row?.intValue === null || row?.intValue === undefined) {
    throw refuse('precondition', policyMessages.valueMissing(program, component));
  }
  return row.intValue;
}
