import { describe, expect, it } from 'vitest';
import { civilAffairsOffice } from '@/lib/regions/bureau';

describe('civilAffairsOffice', () => {
  it('names a county’s or city’s 民政局, and a township’s 人民政府 (it has no bureau)', () => {
    expect(civilAffairsOffice('交口县', 'county')).toBe('交口县民政局');
    expect(civilAffairsOffice('吕梁市', 'city')).toBe('吕梁市民政局');
    expect(civilAffairsOffice('康城镇', 'township')).toBe('康城镇人民政府');
  });
});
