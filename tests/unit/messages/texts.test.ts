import { describe, expect, it } from 'vitest';
import { maskPhone, noticeMessage, retryDelayMinutes } from '@/lib/messages/texts';

describe('text messages', () => {
  it('masks a phone to its first three and last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone(' 0358-1234567 ')).toBe('035****4567');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBe('—');
  });

  it('waits 1, 5, 15, 60, 240, 720 minutes after the 1st to 6th failure, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map(retryDelayMinutes)).toEqual([1, 5, 15, 60, 240, 720]);
    expect(retryDelayMinutes(7)).toBeNull();
    expect(retryDelayMinutes(0)).toBeNull();
  });

  it('says nothing of the 补正告知书 (told with the acceptance) and names neither the person nor the amount', () => {
    expect(noticeMessage({ countyName: '交口县', kind: 'correction', number: 'x', issuedOn: '2026-12-01' })).toBeNull();
    expect(noticeMessage({ countyName: '交口县', kind: 'acceptance', number: '交民救〔2026〕第 0001 号', issuedOn: '2026-12-01' })).toBe(
      '【交口县民政局】您家的社会救助申请已于 2026-12-01 受理（交民救〔2026〕第 0001 号），工作人员将入户调查，请保持电话畅通。',
    );
    expect(noticeMessage({ countyName: '岚县', kind: 'refusal', number: 'N', issuedOn: '2026-12-01' })).toContain('复议、诉讼途径见决定书');
  });
});
