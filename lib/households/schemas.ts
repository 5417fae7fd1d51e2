import { z } from 'zod';
import { validateBankAccount } from './bank-account';
import { idNumberSchema } from '@/lib/core/resident-id';
import { safeText, type SafeTextOptions } from '@/lib/core/safe-text';
import { validatePhone } from './phone';

export const relations = ['本人', '配偶', '子女', '父母', '祖父母', '孙子女', '兄弟姐妹', '其他'] as const;
export const disabilityKinds = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;
export const schoolStages = ['学前', '小学', '初中', '高中', '中职', '大专', '本科', '研究生'] as const;
export const workingCapacities = { full: '完全', partial: '部分', none: '无' } as const;
export const povertyCauses = ['因病', '因残', '因学', '因灾', '缺劳力', '缺技术', '缺资金', '其他'] as const;
export const householdKinds = { urban: '城市', rural: '农村' } as const;

// HTML forms send "" for an untouched field and "on" for a ticked checkbox; the importer
// sends "true"/"false". These helpers make all three sources parse the same way.
export const blankToUndefined = (v: unknown) =>
  v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v;
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
export const optionalText = (label: string, max: number, message: string, options?: SafeTextOptions) =>
  z.preprocess(blankToUndefined, safeText(label, options).max(max, message).optional());
export const optionalInt = (message: string, min: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );

/**
 * Kind and grade only mean something together; both messages sit on the grade field, next to
 * where the user has to act. Runs despite other field errors, hence `typeof`. Shared by the
 * member-change form.
 */
export function checkDisability(m: { disabilityKind?: string; disabilityGrade?: number }, ctx: z.RefinementCtx) {
  const hasKind = m.disabilityKind !== undefined;
  const hasGrade = typeof m.disabilityGrade === 'number' && !Number.isNaN(m.disabilityGrade);
  if (hasKind && m.disabilityGrade === undefined) {
    ctx.addIssue({ code: 'custom', path: ['disabilityGrade'], message: '已选择残疾类别，请填写残疾等级' });
  }
  if (hasGrade && !hasKind) {
    ctx.addIssue({ code: 'custom', path: ['disabilityGrade'], message: '填写残疾等级时须同时选择残疾类别' });
  }
}

export const memberInputSchema = z
  .object({
    name: safeText('姓名').min(1, '请填写姓名').max(40, '姓名不能超过 40 个字'),
    idNumber: idNumberSchema(),
    relation: z.enum(relations, { error: '请选择与户主关系' }),
    disabilityKind: z.preprocess(blankToUndefined, z.enum(disabilityKinds, { error: '请选择残疾类别' }).optional()),
    disabilityGrade: optionalInt('残疾等级应为 1–4 级', 1, 4),
    disabilityCertificate: optionalText('残疾证号', 40, '残疾证号不能超过 40 个字符'),
    seriousIllness: checkbox,
    schoolStage: z.preprocess(blankToUndefined, z.enum(schoolStages, { error: '请选择在读学段' }).optional()),
    workingCapacity: z.enum(['full', 'partial', 'none'], { error: '请选择劳动能力' }),
  })
  .superRefine(checkDisability, { when: (p) => isObject(p.value) });

const bankFields = ['bankName', 'accountKind', 'account', 'holder'] as const;
const hasAccountKind = (v: Record<string, unknown>) => v.accountKind === 'card' || v.accountKind === 'passbook';

// A bank account is optional, but half an account cannot receive a payout: all four fields
// blank means "no account", anything else must be complete.
export const bankSchema = z.preprocess(
  (v) => (isObject(v) && bankFields.every((f) => blankToUndefined(v[f]) === undefined) ? undefined : v),
  z
    .object({
      bankName: safeText('开户银行').min(1, '请填写开户银行').max(60, '开户银行不能超过 60 个字'),
      accountKind: z.enum(['card', 'passbook'], { error: '请选择账户类型（银行卡或存折）' }),
      account: z.string({ error: '请填写账号' }),
      holder: safeText('开户人姓名').min(1, '请填写开户人姓名').max(40, '开户人姓名不能超过 40 个字'),
    })
    // Checked as a refinement (not inside the transform) so a bad account number is reported
    // together with, say, a missing holder name.
    .superRefine(
      (bank, ctx) => {
        const checked = validateBankAccount(bank.account, bank.accountKind);
        if (!checked.ok) ctx.addIssue({ code: 'custom', path: ['account'], message: checked.error });
      },
      { when: (p) => isObject(p.value) && typeof p.value.account === 'string' && hasAccountKind(p.value) },
    )
    .transform((bank) => ({ ...bank, account: bank.account.replace(/\s+/g, '') }))
    .optional(),
);

type LooseMember = { relation?: unknown; idNumber?: unknown };

/**
 * Checks across members. Runs even when a member has field errors, so the user sees every
 * problem in one submit; it therefore reads the values defensively.
 */
function checkMembers(members: readonly LooseMember[], ctx: z.RefinementCtx) {
  const heads = members.filter((m) => m?.relation === '本人').length;
  if (heads !== 1) {
    ctx.addIssue({ code: 'custom', path: [], message: '必须有且只有一位户主（与户主关系为"本人"）' });
  }
  const firstSeen = new Map<string, number>();
  members.forEach((m, i) => {
    if (typeof m?.idNumber !== 'string') return; // failed its own check; already reported
    const earlier = firstSeen.get(m.idNumber);
    if (earlier === undefined) firstSeen.set(m.idNumber, i);
    else {
      ctx.addIssue({ code: 'custom', path: [i, 'idNumber'], message: `与第 ${earlier + 1} 位成员身份证号重复` });
    }
  });
}

// The year in China, not on the server's clock, so New Year's morning is not "last year".
export const currentYear = () =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

type PovertyFields = {
  registeredPoor: boolean;
  registeredPoorYear?: number;
  povertyCauses: readonly string[];
  leftPoverty: boolean;
  leftPovertyYear?: number;
};

/** The registered-poor rules across fields; shared by registration and the household edit form. */
export function checkRegisteredPoor(h: PovertyFields, ctx: z.RefinementCtx) {
  // 建档立卡 began in 2013; a later year cannot be in the future.
  const thisYear = currentYear();
  const poorYear = h.registeredPoorYear;
  if (h.registeredPoor) {
    if (poorYear === undefined) {
      ctx.addIssue({ code: 'custom', path: ['registeredPoorYear'], message: '建档立卡户须填写建档年份' });
    } else if (poorYear < 2013 || poorYear > thisYear) {
      ctx.addIssue({ code: 'custom', path: ['registeredPoorYear'], message: `建档年份应在 2013–${thisYear} 年之间` });
    }
    if (!Array.isArray(h.povertyCauses) || h.povertyCauses.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['povertyCauses'], message: '建档立卡户须至少选择一项致贫原因' });
    }
  }
  if (h.leftPoverty) {
    if (!h.registeredPoor) {
      ctx.addIssue({ code: 'custom', path: ['leftPoverty'], message: '只有建档立卡户才能标记为已脱贫' });
    }
    const leftYear = h.leftPovertyYear;
    if (leftYear === undefined) {
      ctx.addIssue({ code: 'custom', path: ['leftPovertyYear'], message: '已脱贫须填写脱贫年份' });
    } else if (leftYear > thisYear) {
      ctx.addIssue({ code: 'custom', path: ['leftPovertyYear'], message: '脱贫年份不能晚于今年' });
    } else if (typeof poorYear === 'number' && leftYear < poorYear) {
      ctx.addIssue({ code: 'custom', path: ['leftPovertyYear'], message: `脱贫年份不能早于建档年份（${poorYear} 年）` });
    }
  }
}

export const householdInputSchema = z
  .object({
    villageCode: z.string({ error: '请选择村（社区）' }).trim().regex(/^\d{12}$/, '村（社区）代码应为 12 位数字'),
    address: safeText('住址').min(1, '请填写住址').max(200, '住址不能超过 200 个字'),
    kind: z.enum(['urban', 'rural'], { error: '请选择城市或农村' }),
    phone: z.preprocess(
      blankToUndefined,
      z
        .string()
        .transform((raw, ctx) => {
          const checked = validatePhone(raw);
          if (!checked.ok) {
            ctx.addIssue({ code: 'custom', message: checked.error });
            return z.NEVER;
          }
          return checked.value;
        })
        .optional()
        .transform((v) => v ?? null),
    ),
    registeredPoor: checkbox,
    registeredPoorYear: optionalInt('请填写有效的建档立卡年份', 0, 9999),
    povertyCauses: z.preprocess(
      (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(povertyCauses, { error: '致贫原因不在可选范围内' })),
    ),
    leftPoverty: checkbox,
    leftPovertyYear: optionalInt('请填写有效的脱贫年份', 0, 9999),
    bank: bankSchema,
    members: z
      .array(memberInputSchema, { error: '请至少登记一位成员' })
      .min(1, '请至少登记一位成员')
      .superRefine(checkMembers, { when: (p) => Array.isArray(p.value) }),
  })
  .superRefine(checkRegisteredPoor, { when: (p) => isObject(p.value) });

/** Validated, normalized values: what a verb receives. */
export type MemberInput = z.output<typeof memberInputSchema>;
export type HouseholdInput = z.output<typeof householdInputSchema>;
/** Raw values as a form or the importer may send them. */
export type MemberFormValues = z.input<typeof memberInputSchema>;
export type HouseholdFormValues = z.input<typeof householdInputSchema>;
