import { openDocument } from '@/lib/documents/queries';
import { attachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** The file of one document, streamed; `?inline=1` to view it in the browser. Audited either way. */
export const GET = withUser(async (user, req, ctx: { params: Promise<{ id: string }> }) => {
  const inline = new URL(req.url).searchParams.get('inline') === '1';
  const doc = await openDocument(user, (await ctx.params).id, inline ? 'view' : 'download');
  return new Response(doc.stream, {
    headers: { ...attachment(doc.fileName, doc.contentType, inline ? 'inline' : 'attachment'), 'Content-Length': String(doc.sizeBytes) },
  });
});
