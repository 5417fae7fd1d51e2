// The applications list's filter: what the GET form puts in the URL (program, state, township,
// dates, decider, cursor) and the search term, which travels only in a POST body (a name or a
// resident ID must not appear in URLs or logs). Pure, shared by the page, the search action
// and the export route.
import { z } from 'zod';
import type { applicationKinds } from '@/db/schema/programs';
import { isIsoDate } from '@/lib/core/calendar-date';
import { safeText } from '@/lib/core/safe-text';
import { isUuid } from '@/lib/core/uuid';
import { applicationStateLabels, applicationStates, type ApplicationState } from './flow';

type ApplicationKind = (typeof applicationKinds)[number];

export const applicationKindLabels: Record<ApplicationKind, string> = {
  dibao_household: '低保（整户）',
  dibao_single: '低保（单独申请）',
  tekun_dispersed: '特困（分散供养）',
  tekun_centralized: '特困（集中供养）',
};

export { applicationStateLabels };

const kinds = Object.keys(applicationKindLabels) as [ApplicationKind, ...ApplicationKind[]];
const blank = (v: unknown) => (v === '' || v === null ? undefined : Array.isArray(v) ? v[0] : v);

// A value that is not one the form offers (an edited URL) is no filter: the list shows as if
// the field were blank, never an error page.
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);
const day = optional(z.string().refine(isIsoDate));

export const listFilterSchema = z.object({
  kind: optional(z.enum(kinds)),
  state: optional(z.enum(applicationStates as unknown as [ApplicationState, ...ApplicationState[]])),
  township: optional(z.string().regex(/^\d{9}$/)),
  submittedFrom: day,
  submittedTo: day,
  decidedFrom: day,
  decidedTo: day,
  decidedBy: optional(z.string().refine(isUuid)),
  // A cursor the server did not write starts the list from its first page (households/list-cursor.ts).
  after: optional(z.string().max(200)),
});

/** The search box: a name (two characters or more), a full resident ID or its last digits. */
export const listSearchSchema = listFilterSchema.extend({
  q: z.preprocess(blank, safeText('查询内容').max(40, '查询内容最多 40 个字').optional()),
});

export type ListFilter = z.output<typeof listSearchSchema>;

/** The filter's fields as they go back into a form or a URL (no search term, no cursor). */
export function filterEntries(filter: ListFilter): [string, string][] {
  const { q: _q, after: _after, ...rest } = filter;
  return Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
}
