import 'server-only';
import type { Tx } from '@/db/client';
import type { Application } from '@/lib/applications/load';
import { verificationMessages } from './messages';
import { buildReport } from './report';

/**
 * The rule decideApplication applies before approving: once an application has a verification,
 * its latest one must be completed, unexpired and without a breach of the asset rules; a consent
 * withdrawn stops it. An application never verified is decided as before. Null: approval may go on.
 */
export async function verificationRefusal(tx: Tx, app: Application, today: string): Promise<string | null> {
  const report = await buildReport(tx, app, today);
  if (!report) return null;
  if (report.request.state === 'withdrawn') return verificationMessages.withdrawn;
  if (report.request.state === 'open') return verificationMessages.pending;
  if (report.breach) return verificationMessages.breach(report.reasons);
  if (report.expired) return verificationMessages.expired(report.expiresOn!);
  return null;
}
