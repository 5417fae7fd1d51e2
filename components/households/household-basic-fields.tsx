import { Field, inputClass } from '@/components/ui/field';

export interface TownshipVillages {
  code: string;
  name: string;
  villages: { code: string; name: string }[];
}

/** 康城村委会 → 康城村, 东街居委会 → 东街社区: what a caseworker calls a village. */
export const villageLabel = (name: string) => name.replace(/村民委员会$|村委会$|居委会$/, (m) => (m === '居委会' ? '社区' : '村'));

/** Village, address, urban/rural and phone: the same four fields wherever a household is registered. */
export function HouseholdBasicFields({ townships, errors }: { townships: TownshipVillages[]; errors: Record<string, string> }) {
  return (
    <>
      <Field id="villageCode" label="村（社区） *" error={errors.villageCode}>
        {(a) => (
          <select {...a} name="villageCode" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {townships.map((t) => (
              <optgroup key={t.code} label={t.name}>
                {t.villages.map((v) => (
                  <option key={v.code} value={v.code}>{villageLabel(v.name)}</option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <Field id="address" label="住址 *" error={errors.address}>
        {(a) => <input {...a} name="address" className={inputClass} />}
      </Field>
      <Field id="kind" label="城乡类别 *" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="rural" className={inputClass}>
            <option value="rural">农村</option>
            <option value="urban">城市</option>
          </select>
        )}
      </Field>
      <Field id="phone" label="联系电话" error={errors.phone}>
        {(a) => <input {...a} name="phone" type="tel" inputMode="tel" className={inputClass} />}
      </Field>
    </>
  );
}

/** The payout account: bank, card or passbook, number and holder (all four, or none). */
export function BankAccountFields({ errors }: { errors: Record<string, string> }) {
  return (
    <>
      <Field id="bank.bankName" label="开户银行" error={errors['bank.bankName']}>
        {(a) => <input {...a} name="bank.bankName" className={inputClass} />}
      </Field>
      <Field id="bank.accountKind" label="账户类型" error={errors['bank.accountKind']}>
        {(a) => (
          <select {...a} name="bank.accountKind" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            <option value="card">银行卡</option>
            <option value="passbook">存折</option>
          </select>
        )}
      </Field>
      <Field id="bank.account" label="账号" error={errors['bank.account']}>
        {(a) => <input {...a} name="bank.account" inputMode="numeric" autoComplete="off" className={`${inputClass} font-mono`} />}
      </Field>
      <Field id="bank.holder" label="开户人" error={errors['bank.holder']}>
        {(a) => <input {...a} name="bank.holder" className={inputClass} />}
      </Field>
    </>
  );
}
