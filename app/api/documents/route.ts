import { fieldErrorsOf } from '@/lib/actions/authed-action';
import { AppError } from '@/lib/core/errors';
import { documentMessages } from '@/lib/documents/messages';
import { MAX_DOCUMENT_BYTES } from '@/lib/documents/rules';
import { uploadSchema } from '@/lib/documents/schemas';
import { uploadDocument } from '@/lib/documents/upload';
import { formDataWithin, formFields } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';

const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;

/** POST multipart/form-data with ownerType, ownerId, kind and file → { ok: true, id, sha256 } or the refusal with its field. */
export const POST = withUser(async (user, req) => {
  const form = await formDataWithin(req, MAX_BODY_BYTES, documentMessages.tooLarge);
  const parsed = uploadSchema.safeParse(formFields(form));
  if (!parsed.success) throw new AppError('invalid_input', fieldErrorsOf(parsed.error));
  const file = form?.get('file');
  const upload = file instanceof File ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
  const { id, sha256 } = await uploadDocument(user, parsed.data, upload);
  return json({ ok: true, id, sha256 });
});
