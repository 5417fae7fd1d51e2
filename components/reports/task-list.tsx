import Link from 'next/link';

export interface TaskItem {
  key: string;
  label: string;
  count: number;
  note?: string;
  age: string | null;
  href: string;
  linkText: string;
}

const number = new Intl.NumberFormat('zh-CN');

/**
 * A role's section of the start page: each task with its count, the age of its oldest item and
 * a link to act on it. Tasks with nothing waiting stay listed (0), quietly, so the page always
 * says what the role's day consists of.
 */
export function TaskSection({ id, title, tasks, links }: { id: string; title: string; tasks: TaskItem[]; links?: { label: string; href: string }[] }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">{title}</h2>
      <ul className="mt-2 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
        {tasks.map((t) => (
          <li
            key={t.key}
            aria-label={`${t.label}：${number.format(t.count)}`}
            className={`rounded-lg border p-4 ${t.count > 0 ? 'border-amber-300 bg-amber-50' : 'border-slate-200 bg-white'}`}
          >
            <div className="flex items-baseline justify-between gap-3">
              <span className="text-sm text-slate-700">{t.label}</span>
              <span className={`text-2xl font-semibold tabular-nums ${t.count > 0 ? 'text-slate-900' : 'text-slate-400'}`}>{number.format(t.count)}</span>
            </div>
            {(t.note || (t.count > 0 && t.age)) && (
              <p className="mt-1 text-xs text-slate-600">{[t.count > 0 ? t.age : null, t.note].filter(Boolean).join('；')}</p>
            )}
            <p className="mt-2 text-sm">
              <Link href={t.href} className="text-blue-700 underline" aria-label={`${t.linkText}：${t.label}`}>
                {t.linkText}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {links && links.length > 0 && (
        <nav aria-label={`${title}的入口`} className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((l) => (
            <Link key={l.href} href={l.href} className="text-blue-700 underline">
              {l.label}
            </Link>
          ))}
        </nav>
      )}
    </section>
  );
}

/** A region with no household yet: the caseworker's first steps. */
export function FirstSteps({ steps }: { steps: { label: string; href: string; note: string }[] }) {
  return (
    <section aria-labelledby="first-steps-title" className="rounded-lg border border-blue-200 bg-blue-50 p-4">
      <h2 id="first-steps-title" className="text-lg font-semibold">从这里开始</h2>
      <p className="text-sm text-slate-700">本辖区还没有登记任何家庭。可以先做：</p>
      <ol className="mt-2 list-decimal space-y-1 pl-6">
        {steps.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="font-medium text-blue-700 underline">{s.label}</Link>
            <span className="text-sm text-slate-600"> — {s.note}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
