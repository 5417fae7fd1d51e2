import { assertCan } from '@/lib/auth/authorize';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { buildRosterTemplate } from '@/lib/households/import/template';

export const GET = withUser(async (user) => {
  assertCan(user, 'household.write');
  const body = await buildRosterTemplate();
  return new Response(new Uint8Array(body), { headers: xlsxAttachment('花名册导入模板.xlsx', 'roster-template.xlsx') });
});
