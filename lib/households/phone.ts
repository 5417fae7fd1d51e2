export type PhoneResult = { ok: true; value: string } | { ok: false; error: string };

const MOBILE = /^1[3-9]\d{9}$/;
// Area code 0 + 2–3 digits (吕梁 is 0358), 7–8 digit number, optional extension.
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;

/** Mainland mobile or landline with area code; spaces people type between groups are dropped. */
export function validatePhone(raw: string): PhoneResult {
  const value = raw.replace(/\s+/g, '');
  if (value.length === 0) return { ok: false, error: '请填写联系电话' };
  if (MOBILE.test(value) || LANDLINE.test(value)) return { ok: true, value };
  return {
    ok: false,
    error: '联系电话格式不正确：手机号为 11 位（如 13912345678），固定电话须带区号（如 0358-1234567）',
  };
}
