'use client';

import { CaseForm, dateInput, textArea, textInput } from '@/components/temp-aid/case-forms';
import { Field, inputClass } from '@/components/ui/field';
import { intakeComplaintAction } from '@/lib/complaints/actions';
import { categoryLabels, channelLabels } from '@/lib/complaints/labels';

type Option = { code: string; name: string };
type Staff = { id: string; name: string };

export function IntakeForm({ today, regions, staff, links }: { today: string; regions: Option[]; staff: Staff[]; links: Record<string, string> }) {
  return (
    <CaseForm title="登记投诉举报" action={intakeComplaintAction} hidden={links} submit="登记">
      {(errors) => (
        <>
          <Field id="channel" label="来源渠道" error={errors.channel}>
            {(a) => (
              <select {...a} name="channel" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(channelLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          <Field id="category" label="投诉类别" error={errors.category}>
            {(a) => (
              <select {...a} name="category" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(categoryLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          <Field id="regionCode" label="所涉地区" error={errors.regionCode}>
            {(a) => (
              <select {...a} name="regionCode" defaultValue={regions.length === 1 ? regions[0]!.code : ''} className={inputClass}>
                <option value="">请选择</option>
                {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
              </select>
            )}
          </Field>
          {dateInput('receivedOn', '收到日期', errors, today)}
          <label className="flex items-center gap-2 text-sm md:col-span-2">
            <input type="checkbox" name="anonymous" /> 匿名
          </label>
          {textInput('complainantName', '投诉人姓名（选填）', errors)}
          {textInput('complainantPhone', '联系电话（选填）', errors)}
          <Field id="subjectUserId" label="被投诉的工作人员（选填）" error={errors.subjectUserId}>
            {(a) => (
              <select {...a} name="subjectUserId" defaultValue="" className={inputClass}>
                <option value="">无</option>
                {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
              </select>
            )}
          </Field>
          <div className="md:col-span-2">{textArea('content', '投诉举报内容', errors)}</div>
          {errors.householdId && <p className="text-sm text-red-700 md:col-span-2">{errors.householdId}</p>}
          {errors.applicationId && <p className="text-sm text-red-700 md:col-span-2">{errors.applicationId}</p>}
          {errors.enrollmentId && <p className="text-sm text-red-700 md:col-span-2">{errors.enrollmentId}</p>}
        </>
      )}
    </CaseForm>
  );
}
