import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { institutionPlacements } from '@/db/schema';

/** The 特困 kind a recomputation must use: 集中 while placed, 分散 once discharged, null when never placed. */
export async function supportModeOf(tx: Tx, enrollmentId: string): Promise<'tekun_centralized' | 'tekun_dispersed' | null> {
  const [last] = await tx
    .select({ dischargedOn: institutionPlacements.dischargedOn })
    .from(institutionPlacements)
    .where(eq(institutionPlacements.enrollmentId, enrollmentId))
    .orderBy(desc(institutionPlacements.admittedOn), desc(institutionPlacements.createdAt))
    .limit(1);
  if (!last) return null;
  return last.dischargedOn === null ? 'tekun_centralized' : 'tekun_dispersed';
}
