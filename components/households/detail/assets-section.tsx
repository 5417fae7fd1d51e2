import { AddAssetForm, DisposeAssetForm } from '@/components/households/asset-form';
import { Disclosure } from '@/components/households/change-form';
import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import type { HouseholdDetail } from '@/lib/households/detail';
import { assetKindLabels } from '@/lib/households/labels';

/** 财产: what the household owns (or disposed of), noted for the eligibility decision. */
export function AssetsSection({ household, canWrite }: { household: HouseholdDetail; canWrite: boolean }) {
  const ref = { householdId: household.id, version: household.version };
  const heldAssets = household.assets
    .filter((a) => a.disposedOn === null)
    .map((a) => ({ id: a.id, label: `${assetKindLabels[a.kind]}：${a.description}` }));
  return (
    <section aria-labelledby="h-assets">
      <h2 id="h-assets" className="text-lg font-semibold">财产</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-assets"
        rows={household.assets}
        rowKey={(a) => a.id}
        whenEmpty="message"
        empty="未登记财产。"
        columns={[
          { key: 'kind', header: '类别', cell: (a) => assetKindLabels[a.kind] },
          { key: 'description', header: '说明', cell: (a) => a.description },
          { key: 'value', header: '价值', numeric: true, cell: (a) => (a.valueFen === null ? '—' : formatFen(a.valueFen)) },
          { key: 'recorded', header: '登记日期', className: 'tabular-nums', cell: (a) => a.recordedOn },
          { key: 'disposed', header: '处置日期', className: 'tabular-nums', cell: (a) => a.disposedOn ?? '—' },
        ]}
      />
      {canWrite && (
        <div>
          <Disclosure label="登记财产">
            <AddAssetForm {...ref} />
          </Disclosure>
          {household.assets.length > 0 && (
            <Disclosure label="财产处置">
              <DisposeAssetForm {...ref} items={heldAssets} />
            </Disclosure>
          )}
        </div>
      )}
    </section>
  );
}
