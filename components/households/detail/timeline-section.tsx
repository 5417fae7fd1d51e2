import { HistoryList } from '@/components/audit/history-list';
import type { HouseholdDetail } from '@/lib/households/detail';

/** 变更记录: every change to the household, newest first, each with who, why and what changed. */
export function TimelineSection({ timeline }: { timeline: HouseholdDetail['timeline'] }) {
  return (
    <section aria-labelledby="h-timeline">
      <h2 id="h-timeline" className="text-lg font-semibold">变更记录</h2>
      <HistoryList entries={timeline} />
    </section>
  );
}
