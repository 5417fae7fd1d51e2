import type { Metadata } from 'next';
import Link from 'next/link';
import { EnrollmentList } from '@/components/enrollments/enrollment-list';
import { requirePermission } from '@/lib/auth/session';
import { listEnrollments } from '@/lib/enrollments/list';
import { enrollmentListFilterSchema } from '@/lib/enrollments/list-filter';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '在册名单' };

export default async function EnrollmentListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission('enrollment.read');
  // The URL carries the filters only: a search term there (typed by hand) is ignored, see list-filter.ts.
  const filter = enrollmentListFilterSchema.parse(await searchParams);
  const [page, regions] = await Promise.all([listEnrollments(user, filter), listFilterRegions(user)]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">在册名单</h1>
        <Link href="/enrollments" className="text-sm text-blue-700 underline">返回在册管理</Link>
      </div>
      <EnrollmentList initial={page} filter={filter} regions={regions} />
    </div>
  );
}
