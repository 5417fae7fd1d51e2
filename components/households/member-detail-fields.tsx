'use client';

import { Field, inputClass } from '@/components/ui/field';
import { disabilityKinds, relations, schoolStages, workingCapacities } from '@/lib/households/schemas';

export interface MemberDefaults {
  name: string;
  idMasked: string;
  relation: string;
  disabilityKind: string | null;
  disabilityGrade: number | null;
  disabilityCertificate: string | null;
  seriousIllness: boolean;
  schoolStage: string | null;
  workingCapacity: string | null;
}

/**
 * A member's fields, named member.<field>, for adding a member or correcting one. When
 * correcting, the resident ID field starts empty (the page only knows the masked number) and
 * is left empty to keep the ID.
 */
export function MemberDetailFields({ id, errors, defaults }: { id: string; errors: Record<string, string>; defaults?: MemberDefaults }) {
  const e = (f: string) => errors[`member.${f}`];
  return (
    <>
      <Field id={`${id}-name`} label="姓名" error={e('name')}>
        {(a) => <input {...a} name="member.name" defaultValue={defaults?.name} autoComplete="off" className={inputClass} />}
      </Field>
      <Field
        id={`${id}-idNumber`}
        label={defaults ? '更正身份证号' : '身份证号'}
        error={e('idNumber')}
        hint={defaults ? `当前 ${defaults.idMasked}；不需更正请留空` : '18 位，出生日期和性别从号码读取'}
      >
        {(a) => <input {...a} name="member.idNumber" maxLength={18} autoComplete="off" className={`${inputClass} font-mono`} />}
      </Field>
      <Field id={`${id}-relation`} label="与户主关系" error={e('relation')}>
        {(a) => (
          <select {...a} name="member.relation" defaultValue={defaults?.relation ?? ''} className={inputClass}>
            <option value="">请选择</option>
            {relations.map((r) => (
              <option key={r} value={r}>{r === '本人' ? '本人（户主）' : r}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-workingCapacity`} label="劳动能力" error={e('workingCapacity')}>
        {(a) => (
          <select {...a} name="member.workingCapacity" defaultValue={defaults?.workingCapacity ?? ''} className={inputClass}>
            <option value="">请选择</option>
            {Object.entries(workingCapacities).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-schoolStage`} label="在读学段" error={e('schoolStage')}>
        {(a) => (
          <select {...a} name="member.schoolStage" defaultValue={defaults?.schoolStage ?? ''} className={inputClass}>
            <option value="">不在读</option>
            {schoolStages.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-disabilityKind`} label="残疾类别" error={e('disabilityKind')}>
        {(a) => (
          <select {...a} name="member.disabilityKind" defaultValue={defaults?.disabilityKind ?? ''} className={inputClass}>
            <option value="">无</option>
            {disabilityKinds.map((k) => (
              <option key={k} value={k}>{k}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-disabilityGrade`} label="残疾等级" error={e('disabilityGrade')}>
        {(a) => (
          <select {...a} name="member.disabilityGrade" defaultValue={defaults?.disabilityGrade ?? ''} className={inputClass}>
            <option value="">无</option>
            {[1, 2, 3, 4].map((g) => (
              <option key={g} value={g}>{g} 级</option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-disabilityCertificate`} label="残疾证号" error={e('disabilityCertificate')}>
        {(a) => <input {...a} name="member.disabilityCertificate" defaultValue={defaults?.disabilityCertificate ?? ''} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2 pt-6">
        <input id={`${id}-seriousIllness`} type="checkbox" name="member.seriousIllness" defaultChecked={defaults?.seriousIllness} className="h-4 w-4" />
        <label htmlFor={`${id}-seriousIllness`} className="text-sm">患重病</label>
      </div>
    </>
  );
}
