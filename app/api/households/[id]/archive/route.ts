import { householdArchive } from '@/lib/documents/archive';
import { attachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** 一户一档: the household's documents, notices and decisions as one ZIP (audited). */
export const GET = withUser(async (user, _req, ctx: { params: Promise<{ id: string }> }) => {
  const archive = await householdArchive(user, (await ctx.params).id);
  return new Response(new Blob([archive.bytes as Uint8Array<ArrayBuffer>]), {
    headers: { ...attachment(archive.fileName, 'application/zip'), 'Content-Length': String(archive.bytes.byteLength) },
  });
});
