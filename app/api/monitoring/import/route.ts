import { monitoringFileKinds, type MonitoringFileKind } from '@/db/schema';
import { formDataWithin } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';
import { MAX_MONITORING_BYTES } from '@/lib/monitoring/layout';
import { importMonitoringFile } from '@/lib/monitoring/import-file';

const MAX_BODY_BYTES = MAX_MONITORING_BYTES + 64 * 1024;

/** POST multipart/form-data with `kind` and `file` → { ok: true, rows, alerts } or { ok: false, message, errors }. */
export const POST = withUser(async (user, req) => {
  const form = await formDataWithin(req, MAX_BODY_BYTES, '文件超过 20 MB，请拆分成几个文件分别导入');
  const kind = form?.get('kind');
  if (typeof kind !== 'string' || !(monitoringFileKinds as readonly string[]).includes(kind)) {
    return json({ ok: false, message: '请选择比对数据类型', errors: [], totalErrors: 0 }, 400);
  }
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return json({ ok: false, message: '请选择要导入的文件（.xlsx 或 .csv）', errors: [], totalErrors: 0 }, 400);
  const outcome = await importMonitoringFile(user, kind as MonitoringFileKind, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return json(outcome, outcome.ok ? 200 : 422);
});
