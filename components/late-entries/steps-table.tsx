import { DataTable } from '@/components/ui/data-table';
import type { LateEntryRow } from '@/lib/late-entries/queries';
import { LateBadge } from './late-entry-list';

/** A step of a case: its name, its date (null while not done), who did it, and its late entries (补录). */
export type CaseStep = [label: string, when: string | null, who: string | null, late: LateEntryRow[]];

/** 办理过程 of an application or a temporary-aid case: each step's date with its 补录 mark, and who. */
export function StepsTable({ steps }: { steps: CaseStep[] }) {
  return (
    <section aria-label="办理过程">
      <h2 className="text-lg font-semibold">办理过程</h2>
      <DataTable
        className="mt-2"
        hideHeader
        rows={steps}
        rowKey={([label]) => label}
        columns={[
          { key: 'step', header: '环节', rowHeader: true, className: 'w-40 font-medium', cell: ([label]) => label },
          {
            key: 'when',
            header: '日期',
            className: 'tabular-nums',
            cell: ([, when, , marks]) => (
              <>
                {when ?? '—'}
                {marks.map((e) => <LateBadge key={e.id} entry={e} />)}
              </>
            ),
          },
          { key: 'who', header: '经办人', cell: ([, when, who]) => (when ? who : '') },
        ]}
      />
    </section>
  );
}
