// Inputs of the changes made to a registered household, shared by the forms, the server
// actions and the verbs. Every change names the household, the version its form was read at
// (a stale form is refused) and the user's reason.
import { z } from 'zod';
import type { assetKinds } from '@/db/schema/households';
import { dateInput, type Latest } from '@/lib/core/date-input';
import { idNumberSchema } from '@/lib/core/resident-id';
import { safeText } from '@/lib/core/safe-text';
import { incomeKinds, type IncomeKind } from './income';
import { assetKindLabels } from './labels';
import { parseYuanToFen } from '@/lib/core/money';
import {
  blankToUndefined,
  checkbox,
  checkDisability,
  checkRegisteredPoor,
  householdInputSchema,
  isObject,
  memberInputSchema,
  optionalText,
  relations,
} from './schemas';
import { findUuid } from '@/lib/core/uuid';

type AssetKind = (typeof assetKinds)[number];
const assetKindCodes = Object.keys(assetKindLabels satisfies Record<AssetKind, string>) as [AssetKind, ...AssetKind[]];

export const leaveKindLabels = { moved_out: '迁出', deceased: '死亡' } as const;

export const reasonSchema = safeText('变更原因', { multiline: true })
  .min(2, '请填写变更原因')
  .max(200, '变更原因不能超过 200 个字');

const uuid = (message: string) => z.string({ error: message }).trim().pipe(z.uuid({ error: message }));
const optionalUuid = (message: string) => z.preprocess(blankToUndefined, uuid(message).optional());

/** The household and the version the form was read at. */
const householdRef = {
  householdId: uuid('未找到该家庭'),
  version: z.coerce.number({ error: '页面已过期，请刷新后重试' }).int().min(1, '页面已过期，请刷新后重试'),
  reason: reasonSchema,
};

// Every date of a household's record lies between 1900 and today, or (an income's start) at
// most a year ahead, or (an income's end) before 2100: lib/core/date-input.ts.
const date = (label: string, latest: Latest = 'far') => dateInput(label, latest);
const pastDate = (label: string) => dateInput(label, 'today');
const optionalDate = (label: string) => z.preprocess(blankToUndefined, date(label).optional());

const yuan = (label: string) =>
  z.string({ error: `请填写${label}` }).transform((raw, ctx) => {
    const parsed = parseYuanToFen(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.fen;
  });

const shape = householdInputSchema.shape;

/**
 * Address, kind, phone, registered-poor fields and (when `changeBank` is ticked) the bank
 * account, validated exactly as at registration. The account is shown masked, so the form
 * only sends one when the user chooses to replace it; all four bank fields blank removes it.
 */
export const updateHouseholdSchema = z
  .object({
    ...householdRef,
    address: shape.address,
    kind: shape.kind,
    phone: shape.phone,
    registeredPoor: shape.registeredPoor,
    registeredPoorYear: shape.registeredPoorYear,
    povertyCauses: shape.povertyCauses,
    leftPoverty: shape.leftPoverty,
    leftPovertyYear: shape.leftPovertyYear,
    changeBank: checkbox,
    bank: shape.bank,
  })
  .superRefine(checkRegisteredPoor, { when: (p) => isObject(p.value) });

export const addMemberSchema = z.object({ ...householdRef, member: memberInputSchema });

/**
 * A member's details as the edit form sends them. The form never holds the full resident ID
 * (the page shows it masked), so a blank ID means "unchanged"; a typed one corrects it.
 */
export const memberChangeSchema = z
  .object({ ...memberInputSchema.shape, idNumber: z.preprocess(blankToUndefined, idNumberSchema().optional()) })
  .superRefine(checkDisability, { when: (p) => isObject(p.value) });

export const updateMemberSchema = z.object({
  ...householdRef,
  memberId: uuid('未找到该成员'),
  member: memberChangeSchema,
});

const newHeadMemberId = optionalUuid('请选择新户主');

export const memberLeaveSchema = z.object({
  ...householdRef,
  memberId: uuid('未找到该成员'),
  kind: z.enum(['moved_out', 'deceased'], { error: '请选择离开类型' }),
  date: pastDate('日期'),
  newHeadMemberId,
});

// A caseworker copies the target household from its page: a pasted address works as well as the bare id.
const householdIdFromText = (v: unknown) => {
  if (typeof v !== 'string') return v;
  return findUuid(v) ?? v;
};

export const moveMemberSchema = z.object({
  ...householdRef,
  memberId: uuid('未找到该成员'),
  targetHouseholdId: z.preprocess(householdIdFromText, uuid('请填写目标家庭编号（可粘贴目标家庭页面的网址）')),
  relation: z.enum(relations, { error: '请选择与目标家庭户主的关系' }),
  date: pastDate('迁移日期'),
  newHeadMemberId,
});

const incomeKindCodes = Object.keys(incomeKinds) as [IncomeKind, ...IncomeKind[]];

export const addIncomeItemSchema = z
  .object({
    ...householdRef,
    kind: z.enum(incomeKindCodes, { error: '请选择收入类型' }),
    memberId: optionalUuid('请选择本户成员'),
    amount: yuan('月收入金额'),
    fromDate: date('起始日期', 'year_ahead'),
    toDate: optionalDate('截止日期'),
    excluded: checkbox,
    note: optionalText('备注', 200, '备注不能超过 200 个字', { multiline: true }),
  })
  .superRefine(
    (item, ctx) => {
      if (typeof item.toDate === 'string' && typeof item.fromDate === 'string' && item.toDate < item.fromDate) {
        ctx.addIssue({ code: 'custom', path: ['toDate'], message: '截止日期不能早于起始日期' });
      }
    },
    { when: (p) => isObject(p.value) },
  );

export const endIncomeItemSchema = z.object({
  ...householdRef,
  itemId: uuid('未找到该收入记录'),
  toDate: date('截止日期'),
});

export const addAssetSchema = z.object({
  ...householdRef,
  kind: z.enum(assetKindCodes, { error: '请选择资产类型' }),
  description: safeText('资产说明', { multiline: true }).min(1, '请填写资产说明').max(200, '资产说明不能超过 200 个字'),
  value: z.preprocess(blankToUndefined, yuan('估值').optional()),
  recordedOn: pastDate('登记日期'),
});

export const disposeAssetSchema = z.object({
  ...householdRef,
  assetId: uuid('未找到该资产记录'),
  disposedOn: pastDate('处置日期'),
});

export const revealIdSchema = z.object({ memberId: uuid('未找到该成员') });

/** The change of the payout account that the page showed, confirmed by a second person. */
export const confirmAccountChangeSchema = z.object({ householdId: uuid('未找到该家庭'), changeId: uuid('未找到该账户变更') });
export type ConfirmAccountChangeInput = z.output<typeof confirmAccountChangeSchema>;

export type UpdateHouseholdInput = z.output<typeof updateHouseholdSchema>;
export type AddMemberInput = z.output<typeof addMemberSchema>;
export type UpdateMemberInput = z.output<typeof updateMemberSchema>;
export type MemberLeaveInput = z.output<typeof memberLeaveSchema>;
export type MoveMemberInput = z.output<typeof moveMemberSchema>;
export type AddIncomeItemInput = z.output<typeof addIncomeItemSchema>;
export type EndIncomeItemInput = z.output<typeof endIncomeItemSchema>;
export type AddAssetInput = z.output<typeof addAssetSchema>;
export type DisposeAssetInput = z.output<typeof disposeAssetSchema>;
