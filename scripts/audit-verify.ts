// Walks the audit log's hash chain and reports the first broken link (the auditor's page does
// the same): `npm run audit:verify` with DATABASE_URL, or the embedded database under .data/.
// Exit code 0 when the chain holds, 1 when it is broken.
import { closeDb, getDb } from '@/db/client';
import { chainProblemLabels, checkAuditChain } from '@/lib/audit/chain';

const result = await checkAuditChain(await getDb());
await closeDb();
if (result.ok) {
  console.log(`审计日志完整：${result.links} 条记录，哈希链无断点。`);
} else {
  console.log(`审计日志被改动：第 ${result.brokenSeq ?? '—'} 个链节（审计记录 #${result.brokenAuditId ?? '—'}）${chainProblemLabels[result.problem!]}。`);
  process.exitCode = 1;
}
