import { describe, expect, it } from 'vitest';
import { filterEntries, listFilterSchema, listSearchSchema } from '@/lib/applications/list-filter';

describe('applications list filter', () => {
  it('reads the URL’s filters and drops a search term put there by hand', () => {
    const parsed = listFilterSchema.parse({ kind: 'dibao_single', state: 'approved', township: '141130101', submittedFrom: '2026-11-01', decidedBy: '5b0c1f0e-7c1a-4c55-9f4e-1d2a3b4c5d6e', q: '穆小军' });
    expect(parsed).toEqual({ kind: 'dibao_single', state: 'approved', township: '141130101', submittedFrom: '2026-11-01', decidedBy: '5b0c1f0e-7c1a-4c55-9f4e-1d2a3b4c5d6e' });
  });

  it('treats blanks, repeated parameters and values the form never offers as no filter', () => {
    expect(listFilterSchema.parse({ kind: '', state: ['approved', 'refused'], township: '1411', decidedFrom: '2026-02-30', decidedTo: '29/11/2026' })).toEqual({ state: 'approved' });
  });

  it('gives back the filters for the URL and the search form’s hidden fields, never the search term nor the cursor', () => {
    const filter = listSearchSchema.parse({ state: 'refused', decidedTo: '2026-11-29', q: '141130198003129013', after: 'abc' });
    expect(filterEntries(filter)).toEqual([['state', 'refused'], ['decidedTo', '2026-11-29']]);
  });

  it('refuses a search term with invisible characters at its field', () => {
    const r = listSearchSchema.safeParse({ q: '穆\u200b小军' });
    expect(r.success).toBe(false);
  });
});
