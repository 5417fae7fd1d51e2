import { Disclosure } from '@/components/households/change-form';
import { AddIncomeForm, EndIncomeForm } from '@/components/households/income-form';
import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import type { HouseholdDetail } from '@/lib/households/detail';
import { incomeKindLabel } from '@/lib/households/income';

/** 收入: this month's counted income and how it was reached, line by line. */
export function IncomeSection({ household, canWrite }: { household: HouseholdDetail; canWrite: boolean }) {
  const income = household.incomeSummary;
  const ref = { householdId: household.id, version: household.version };
  const nameOf = new Map(household.members.map((m) => [m.id, m.name]));
  const runningIncome = household.income
    .filter((i) => i.toDate === null)
    .map((i) => ({
      id: i.id,
      label: `${incomeKindLabel(i.kind)} ${formatFen(i.amountFen)}/月，${i.fromDate} 起${i.memberId ? `（${nameOf.get(i.memberId) ?? ''}）` : ''}`,
    }));
  // The summary's lines follow the household's income items one for one.
  const lines = income.lines.map((line, i) => ({ line, item: household.income[i]! }));
  return (
    <section aria-labelledby="h-income">
      <h2 id="h-income" className="text-lg font-semibold">收入（{income.month}）</h2>
      <p className="mt-1 text-sm">
        计入的家庭月收入 <strong>{formatFen(income.countedMonthlyFen)}</strong>，在户 {income.persons} 人，人均
        <strong> {formatFen(income.perPersonFen)}</strong>
        {income.excludedMonthlyFen > 0 && `；另有 ${formatFen(income.excludedMonthlyFen)} 按政策不计入`}。
      </p>
      {lines.length > 0 && (
        <DataTable
          className="mt-2"
          caption="收入明细及计算方式"
          captionHidden
          rows={lines}
          rowKey={({ item }) => item.id}
          columns={[
            { key: 'kind', header: '类别', cell: ({ line }) => line.label },
            { key: 'amount', header: '月金额', numeric: true, cell: ({ line }) => formatFen(line.amountFen) },
            { key: 'period', header: '期间', className: 'tabular-nums', cell: ({ item }) => <>{item.fromDate} 至 {item.toDate ?? '今'}</> },
            { key: 'counted', header: '本月是否计入', cell: ({ line }) => line.reason },
          ]}
        />
      )}
      {canWrite && (
        <div>
          <Disclosure label="登记收入">
            <AddIncomeForm {...ref} members={household.members.filter((m) => m.status === 'active').map((m) => ({ id: m.id, name: m.name }))} />
          </Disclosure>
          {household.income.length > 0 && (
            <Disclosure label="终止收入">
              <EndIncomeForm {...ref} items={runningIncome} />
            </Disclosure>
          )}
        </div>
      )}
    </section>
  );
}
