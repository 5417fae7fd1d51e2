'use client';

import { useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import { parseIdNumber } from '@/lib/core/resident-id';
import { disabilityKinds, relations, schoolStages, workingCapacities } from '@/lib/households/schemas';

/**
 * One member's fields, named members.<index>.<field>; birth date and sex are read from the ID as it is typed.
 * Once the server has refused the ID, its message beside the field is the only one (not also here).
 */
export function MemberFields({
  index,
  errors,
  onRemove,
  autoFocus,
}: {
  index: number;
  errors: Record<string, string>;
  onRemove?: () => void;
  autoFocus?: boolean;
}) {
  const [id, setId] = useState('');
  const parsed = id.trim().length >= 18 ? parseIdNumber(id, new Date()) : null;
  const p = `members.${index}`;
  const e = (f: string) => errors[`${p}.${f}`];
  return (
    <fieldset className="grid gap-3 rounded border border-slate-200 p-3 md:grid-cols-4">
      <legend className="px-1 text-sm font-semibold">成员 {index + 1}</legend>
      <Field id={`${p}.name`} label="姓名 *" error={e('name')}>
        {(a) => <input {...a} name={`${p}.name`} autoFocus={autoFocus} className={inputClass} />}
      </Field>
      <Field id={`${p}.idNumber`} label="身份证号 *" error={e('idNumber')}>
        {(a) => (
          <input
            {...a}
            name={`${p}.idNumber`}
            value={id}
            onChange={(ev) => setId(ev.target.value)}
            maxLength={18}
            inputMode="text"
            autoComplete="off"
            className={`${inputClass} font-mono`}
          />
        )}
      </Field>
      <div className="text-sm" aria-live="polite">
        <span className="block font-medium">出生日期 / 性别</span>
        <output className="mt-3 block" aria-label={`成员 ${index + 1} 出生日期和性别`}>
          {parsed?.ok ? `${parsed.birthDate} · ${parsed.sex}` : parsed && !e('idNumber') ? <span className="text-red-700">{parsed.error}</span> : '—'}
        </output>
      </div>
      <Field id={`${p}.relation`} label="与户主关系 *" error={e('relation')}>
        {(a) => (
          <select {...a} name={`${p}.relation`} defaultValue={index === 0 ? '本人' : ''} className={inputClass}>
            <option value="">请选择</option>
            {relations.map((r) => (
              <option key={r} value={r}>{r === '本人' ? '本人（户主）' : r}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}.workingCapacity`} label="劳动能力 *" error={e('workingCapacity')}>
        {(a) => (
          <select {...a} name={`${p}.workingCapacity`} defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {Object.entries(workingCapacities).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}.schoolStage`} label="在读学段" error={e('schoolStage')}>
        {(a) => (
          <select {...a} name={`${p}.schoolStage`} defaultValue="" className={inputClass}>
            <option value="">不在读</option>
            {schoolStages.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}.disabilityKind`} label="残疾类别" error={e('disabilityKind')}>
        {(a) => (
          <select {...a} name={`${p}.disabilityKind`} defaultValue="" className={inputClass}>
            <option value="">无</option>
            {disabilityKinds.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}.disabilityGrade`} label="残疾等级" error={e('disabilityGrade')}>
        {(a) => (
          <select {...a} name={`${p}.disabilityGrade`} defaultValue="" className={inputClass}>
            <option value="">无</option>
            {[1, 2, 3, 4].map((g) => (
              <option key={g} value={g}>{g} 级</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${p}.disabilityCertificate`} label="残疾证号" error={e('disabilityCertificate')}>
        {(a) => <input {...a} name={`${p}.disabilityCertificate`} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2 pt-6">
        <input id={`${p}.seriousIllness`} type="checkbox" name={`${p}.seriousIllness`} className="h-4 w-4" />
        <label htmlFor={`${p}.seriousIllness`} className="text-sm">患重病</label>
      </div>
      {onRemove && (
        <div className="flex items-end md:col-span-2">
          <button type="button" onClick={onRemove} className="text-sm text-red-700 underline">
            删除成员 {index + 1}
          </button>
        </div>
      )}
    </fieldset>
  );
}
