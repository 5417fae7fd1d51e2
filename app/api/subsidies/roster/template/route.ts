import { assertCan } from '@/lib/auth/authorize';
import { attachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { subsidyRosterHeaders } from '@/lib/subsidies/roster';

/** The roster's header row as CSV (UTF-8 with a BOM, so Excel reads the Chinese). */
export const GET = withUser(async (user) => {
  assertCan(user, 'enrollment.approve');
  return new Response(`\uFEFF${subsidyRosterHeaders.join(',')}\r\n`, { headers: attachment('残疾人补贴花名册模板.csv', 'text/csv; charset=utf-8') });
});
