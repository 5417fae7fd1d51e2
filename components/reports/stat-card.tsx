import Link from 'next/link';

/** One figure with its label; the figure itself links to the records behind it when it can. */
export function StatCard({ label, value, href, note }: { label: string; value: string; href?: string | null; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">
        {href ? (
          <Link href={href} className="text-blue-800 underline decoration-slate-300 underline-offset-4 hover:decoration-blue-700" aria-label={`${label}：${value}，查看明细`}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
      {note && <dd className="mt-1 text-xs text-slate-500">{note}</dd>}
    </div>
  );
}
