// Inputs of the 材料 verbs, shared by the upload form, the route handler and the verbs.
import { z } from 'zod';
import { documentKinds, documentOwnerTypes } from '@/db/schema/documents';
import { safeText } from '@/lib/core/safe-text';

export const documentOwnerSchema = z.object({
  ownerType: z.enum(documentOwnerTypes, { error: '材料所属记录不存在' }),
  ownerId: z.uuid('材料所属记录不存在'),
});
export type DocumentOwner = z.output<typeof documentOwnerSchema>;

export const uploadSchema = documentOwnerSchema.extend({
  kind: z.enum(documentKinds, { error: '请选择材料类别' }),
});
export type UploadInput = z.output<typeof uploadSchema>;

export const withdrawSchema = z.object({
  documentId: z.uuid('材料不存在'),
  reason: safeText('作废原因', { required: '请填写作废原因（至少 2 个字）' }).min(2, '请填写作废原因（至少 2 个字）').max(200, '最多 200 个字'),
});
export type WithdrawInput = z.output<typeof withdrawSchema>;
