'use client';

import { addAssetAction, disposeAssetAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { assetKindLabels } from '@/lib/households/labels';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { ErrorSummary } from '@/components/ui/error-summary';

/** An asset noted for the eligibility decision; the value is optional and typed in yuan. */
export function AddAssetForm({ householdId, version }: { householdId: string; version: number }) {
  const { state, pending, onSubmit, errors, ref } = useChangeForm(addAssetAction, true);
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label="登记财产" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <Field id="asset-kind" label="财产类别" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {Object.entries(assetKindLabels).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="asset-description" label="说明" error={errors.description}>
        {(a) => <input {...a} name="description" maxLength={200} className={inputClass} />}
      </Field>
      <Field id="asset-value" label="估值（元）" error={errors.value} hint="不清楚可留空">
        {(a) => <input {...a} name="value" inputMode="decimal" autoComplete="off" className={inputClass} />}
      </Field>
      <Field id="asset-recorded" label="登记日期" error={errors.recordedOn}>
        {(a) => <input {...a} type="date" name="recordedOn" max={todayInChina()} defaultValue={todayInChina()} className={inputClass} />}
      </Field>
      <ReasonField id="asset-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '登记财产'}</button>
      </div>
      <FormStatus state={state} success={() => '财产已登记。'} />
    </form>
  );
}

/** Marks an asset as sold or gone; the record stays. */
export function DisposeAssetForm({
  householdId,
  version,
  items,
}: {
  householdId: string;
  version: number;
  items: { id: string; label: string }[];
}) {
  const { state, pending, onSubmit, errors, ref } = useChangeForm(disposeAssetAction, true);
  const status = <FormStatus state={state} success={() => '已记录处置。'} visible={['assetId']} />;
  // The last asset just disposed of: keep the confirmation where the user is looking.
  if (items.length === 0) {
    return (
      <div className={panelClass}>
        <p className="text-sm md:col-span-3">没有尚未处置的财产。</p>
        {status}
      </div>
    );
  }
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label="财产处置" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <Field id="asset-dispose-item" label="财产" error={errors.assetId}>
        {(a) => (
          <select {...a} name="assetId" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>{i.label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="asset-dispose-date" label="处置日期" error={errors.disposedOn}>
        {(a) => <input {...a} type="date" name="disposedOn" max={todayInChina()} defaultValue={todayInChina()} className={inputClass} />}
      </Field>
      <ReasonField id="asset-dispose-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '确认处置'}</button>
      </div>
      {status}
    </form>
  );
}
