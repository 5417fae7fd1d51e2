import Link from 'next/link';
import { AddMemberForm } from '@/components/households/add-member-form';
import { Disclosure } from '@/components/households/change-form';
import { MemberActions, MemberRow } from '@/components/households/member-row-actions';
import { RevealIdButton } from '@/components/households/reveal-id-button';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { HouseholdDetail } from '@/lib/households/detail';
import { memberStatusLabels, workingCapacityLabels } from '@/lib/households/labels';

type Member = HouseholdDetail['members'][number];

const columns = (canWrite: boolean, canApply: boolean): Column<Member>[] => [
  { key: 'name', header: '姓名', cell: (m) => m.name },
  { key: 'relation', header: '与户主关系', cell: (m) => m.relation },
  { key: 'id', header: '身份证号', className: 'font-mono', cell: (m) => <>{m.idMasked}<RevealIdButton memberId={m.id} name={m.name} /></> },
  { key: 'birth', header: '出生日期', className: 'tabular-nums', cell: (m) => m.birthDate },
  { key: 'sex', header: '性别', cell: (m) => m.sex },
  {
    key: 'disability',
    header: '残疾',
    cell: (m) =>
      m.disabilityKind ? (
        <>
          {`${m.disabilityKind} ${m.disabilityGrade} 级`}
          {canApply && m.status === 'active' && (
            <Link href={`/applications/subsidies/new?member=${m.id}`} className="ml-2 whitespace-nowrap text-blue-700 underline">申请残疾人补贴</Link>
          )}
        </>
      ) : (
        '—'
      ),
  },
  { key: 'illness', header: '重病', cell: (m) => (m.seriousIllness ? '是' : '—') },
  { key: 'school', header: '在读', cell: (m) => m.schoolStage ?? '—' },
  { key: 'capacity', header: '劳动能力', cell: (m) => (m.workingCapacity ? workingCapacityLabels[m.workingCapacity] : '—') },
  {
    key: 'status',
    header: '状态',
    cell: (m) => (
      <>
        {memberStatusLabels[m.status]}
        {m.leftOn ? `（${m.leftOn}${m.leftReason ? `，${m.leftReason}` : ''}）` : ''}
      </>
    ),
  },
  {
    key: 'actions',
    header: <span className="sr-only">操作</span>,
    className: 'whitespace-nowrap',
    cell: (m) => (canWrite && m.status === 'active' ? <MemberActions name={m.name} /> : null),
  },
];

/** 家庭成员: everyone who is or was in the household; a writer changes a member from its row. */
export function MembersSection({ household, canWrite, canApply = false }: { household: HouseholdDetail; canWrite: boolean; canApply?: boolean }) {
  const ref = { householdId: household.id, version: household.version };
  const present = household.members.filter((m) => m.status === 'active');
  const cols = columns(canWrite, canApply);
  // A present member's row, with the change form it opens in a row below it.
  const withChangeForms = (m: Member, tr: React.ReactElement) =>
    m.status !== 'active' ? (
      tr
    ) : (
      <MemberRow
        {...ref}
        colSpan={cols.length}
        member={{
          id: m.id,
          name: m.name,
          idMasked: m.idMasked,
          relation: m.relation,
          isHead: m.isHead,
          status: m.status,
          disabilityKind: m.disabilityKind,
          disabilityGrade: m.disabilityGrade,
          disabilityCertificate: m.disabilityCertificate,
          seriousIllness: m.seriousIllness,
          schoolStage: m.schoolStage,
          workingCapacity: m.workingCapacity,
        }}
        others={present.filter((o) => o.id !== m.id).map((o) => ({ id: o.id, name: o.name, relation: o.relation }))}
      >
        {tr}
      </MemberRow>
    );
  return (
    <section aria-labelledby="h-members">
      <h2 id="h-members" className="text-lg font-semibold">家庭成员</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-members"
        rows={household.members}
        rowKey={(m) => m.id}
        rowClassName={(m) => (m.status === 'active' ? undefined : 'text-slate-500')}
        columns={cols}
        renderRow={canWrite ? withChangeForms : undefined}
      />
      {canWrite && (
        <Disclosure label="新增成员">
          <AddMemberForm {...ref} />
        </Disclosure>
      )}
    </section>
  );
}
