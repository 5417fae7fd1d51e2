import type { Metadata } from 'next';
import { ImportForm } from '@/components/households/import-form';
import { requirePermission } from '@/lib/auth/session';

export const metadata: Metadata = { title: '导入花名册' };

export default async function ImportRosterPage() {
  await requirePermission('household.write');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">导入花名册</h1>
      <p className="text-sm text-slate-600">
        一行一位成员，同一户的成员填同一个户编号。整个文件一次导入：有任何错误时不会导入任何数据，系统会列出每处错误的行号、列和原因。
      </p>
      {/* A plain link to a file download, not a page: <Link> would first try a client-side route change. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/api/households/import/template" className="inline-block text-blue-700 underline">
        下载导入模板
      </a>
      <ImportForm />
    </div>
  );
}
