import { todayInChina } from '@/lib/core/time';
import { AppError } from '@/lib/core/errors';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { noticeWorkbook } from '@/lib/reports/notice-xlsx';
import { monthQuerySchema } from '@/lib/reports/schemas';

/** The monthly notice as XLSX. A GET: the file holds figures only, and its URL only the month. */
export const GET = withUser(async (user, req) => {
  const parsed = monthQuerySchema.safeParse({ month: new URL(req.url).searchParams.get('month') ?? undefined });
  if (!parsed.success || !parsed.data.month) throw new AppError('invalid_input', { month: '请选择月份' });
  const month = parsed.data.month;
  const notice = await monthlyNotice(user, month);
  const body = await noticeWorkbook(notice, todayInChina());
  return new Response(new Uint8Array(body), { headers: xlsxAttachment(`${notice.scope.name}月通报-${month}.xlsx`, `monthly-notice-${month}.xlsx`) });
});
