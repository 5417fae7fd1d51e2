import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { AppError } from '@/lib/core/errors';
import { getNotice } from '@/lib/notices/queries';

export const metadata: Metadata = { title: '文书' };

/** A notice as issued: its number, text and issuer fixed when it was issued; printed on A4 and sealed in ink. */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('household.read');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const n = await getNotice(user, id).catch((e) => {
    if (e instanceof AppError && e.code === 'not_found') notFound();
    throw e;
  });
  const [y, m, d] = n.issuedOn.split('-');
  return (
    <div className="space-y-4">
      <p className="print:hidden">
        <Link href={`/households/${n.householdId}`} className="text-sm text-blue-700 underline">返回家庭档案</Link>
      </p>
      <article className="print-form mx-auto max-w-3xl bg-white p-8 font-serif text-black print:max-w-none print:p-0" aria-labelledby="notice-title">
        <h1 id="notice-title" className="text-center text-2xl font-bold">{n.body.title}</h1>
        <p className="mt-2 text-center">{n.number}</p>
        <p className="mt-6">{n.body.recipient}：</p>
        {n.body.paragraphs.map((p, i) => (
          <p key={i} className="mt-2 indent-8 leading-7">{p}</p>
        ))}
        <div className="mt-12 text-right leading-8">
          <p>{n.body.issuer}（盖章）</p>
          <p>{`${y} 年 ${Number(m)} 月 ${Number(d)} 日`}</p>
        </div>
        <p className="mt-8 text-sm text-slate-700 print:hidden">经办：{n.issuedByName ?? ''}，{n.issuedOn}</p>
      </article>
    </div>
  );
}
