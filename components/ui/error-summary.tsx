'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/core/errors';

type Item = { key: string; href: string; target: HTMLElement; label: string };

/**
 * 请更正以下 N 项: shown at the top of a form that came back with field errors. Focus moves to it
 * (a screen reader reads the list, a keyboard user is at the top of what needs doing) and each
 * entry links to its field. The entries are read from the form as rendered — every field error
 * is a `<p id="{fieldId}-error">` beside its field (components/ui/field.tsx and the forms that
 * follow it) — so the summary names exactly what the page marks, under the field's own label,
 * and the message itself stays once, beside the field.
 */
export function ErrorSummary({ state }: { state: ActionResult<unknown> | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [shownFor, setShownFor] = useState<unknown>(null);

  useLayoutEffect(() => {
    const form = ref.current?.closest('form');
    if (!form || !state || state.ok) {
      setItems([]);
      return;
    }
    setItems(fieldErrorsIn(form));
    setShownFor(state);
  }, [state]);

  useEffect(() => {
    if (items.length > 0 && shownFor === state) ref.current?.focus();
  }, [items, shownFor, state]);

  if (items.length === 0) return <div ref={ref} hidden />;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-labelledby={titleId}
      className="col-span-full w-full basis-full rounded border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900 outline-none focus:ring-2 focus:ring-red-700"
    >
      <h2 id={titleId} className="font-semibold">请更正以下 {items.length} 项：</h2>
      <ul className="mt-1 list-disc pl-6">
        {items.map((i) => (
          <li key={i.key}>
            <a
              href={i.href}
              className="underline"
              onClick={(e) => {
                e.preventDefault();
                const el = focusable(i.target);
                el.focus();
                el.scrollIntoView({ block: 'center' });
              }}
            >
              {i.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Every `{id}-error` message in the form with its field: the element `{id}`, or else the one
 * whose aria-describedby names the message (a fieldset of checkboxes, say).
 */
export function fieldErrorsIn(form: HTMLElement): Item[] {
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const p of Array.from(form.querySelectorAll<HTMLElement>('[id$="-error"]'))) {
    if (seen.has(p.id) || !p.textContent?.trim()) continue;
    const fieldId = p.id.slice(0, -'-error'.length);
    const field =
      (fieldId ? form.ownerDocument.getElementById(fieldId) : null) ??
      form.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(p.id)}"]`);
    if (!field || field === p) continue;
    seen.add(p.id);
    items.push({ key: p.id, href: `#${field.id || p.id}`, target: field, label: labelOf(form, field) });
  }
  return items;
}

/** The element to put the cursor in: the field itself, or the first control inside a group. */
function focusable(el: HTMLElement): HTMLElement {
  if (el.matches('input, select, textarea, button, [tabindex]')) return el;
  return el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
}

function labelOf(form: HTMLElement, field: HTMLElement): string {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s*\*\s*$/, '').replace(/\s+/g, ' ').trim();
  const own =
    field instanceof HTMLFieldSetElement
      ? clean(field.querySelector('legend')?.textContent)
      : clean(form.querySelector(`label[for="${CSS.escape(field.id)}"]`)?.textContent) || clean(field.getAttribute('aria-label'));
  // A field repeated per member (姓名, 身份证号 …) is named with its group: 成员 2 · 姓名.
  const group = field.parentElement?.closest('fieldset, [role="group"]');
  const groupName = group && group !== field ? clean(group.querySelector('legend')?.textContent ?? group.getAttribute('aria-label')) : '';
  const label = own || field.id;
  return groupName && groupName !== label ? `${groupName} · ${label}` : label;
}
