'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useState } from 'react';

/**
 * The main navigation: a row of links on a desk, folded behind a 菜单 button on a phone
 * (under 768 px), so that the page itself starts at the top of the screen.
 */
export function AppNav({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // The longest item the path falls under, on a segment boundary: /enrollments/list is 在册名单, not also 在册管理.
  const within = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const currentHref = items.filter((i) => within(i.href)).reduce<string | undefined>((best, i) => (!best || i.href.length > best.length ? i.href : best), undefined);
  return (
    <nav aria-label="主导航" className="w-full md:w-auto">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="main-nav-list"
        onClick={() => setOpen((o) => !o)}
        className="rounded border border-slate-300 px-3 py-1 text-sm md:hidden"
      >
        菜单
      </button>
      <ul id="main-nav-list" className={`${open ? 'flex' : 'hidden'} mt-2 flex-col gap-1 md:mt-0 md:flex md:flex-row md:flex-wrap`}>
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded px-3 py-2 text-sm ${current ? 'bg-blue-700 text-white' : 'text-slate-700 hover:bg-slate-200'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
