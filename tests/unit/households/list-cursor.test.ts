import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '@/lib/households/list-cursor';
import { searchParamsSchema } from '@/lib/households/search-input';

const ID = '0b7e8c1e-4c3f-4f1a-9a57-3d2f1e0c9b8a';
const AT = '2026-11-30T08:15:02.123456Z';
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('the household list cursor', () => {
  it('reads back what the list wrote, for its own sort', () => {
    expect(decodeCursor(encodeCursor([AT, ID]), 'newest')).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor([AT, ID]), 'oldest')).toEqual([AT, ID]);
    expect(decodeCursor(encodeCursor(['穆小军', ID]), 'name')).toEqual(['穆小军', ID]);
    expect(decodeCursor(encodeCursor(['', ID]), 'name')).toEqual(['', ID]); // a household without a head
  });

  it.each([
    ['not base64url', '%%%not-a-cursor'],
    ['base64 of something that is not JSON', b64('{"oops"')],
    ['an object instead of a pair', b64({ at: AT, id: ID })],
    ['three values', b64([AT, ID, 'x'])],
    ['an id that is not a UUID', b64([AT, '------------------------------------'])],
    ['a number for the time', b64([12, ID])],
    ['a time PostgreSQL would refuse to cast', b64(['2026-13-45T99:00:00.000000Z', ID])],
    ['free text for the time', b64(["'; drop table households; --", ID])],
    ['longer than a cursor can be', 'A'.repeat(201)],
  ])('is no cursor (the first page) when it is %s', (_what, raw) => {
    expect(decodeCursor(raw, 'newest')).toBeNull();
  });

  it('is no cursor for a name sort when the name could not be one', () => {
    expect(decodeCursor(encodeCursor(['张\u0000三', ID]), 'name')).toBeNull();
    expect(decodeCursor(encodeCursor(['张'.repeat(41), ID]), 'name')).toBeNull();
    expect(decodeCursor(encodeCursor(['穆小军', ID]), 'newest')).toBeNull(); // a name cursor under a time sort
  });

  it('a cursor too long for the field does not refuse the search: it is dropped', () => {
    const parsed = searchParamsSchema.safeParse({ q: '穆小军', after: 'A'.repeat(500) });
    expect(parsed.success && parsed.data).toMatchObject({ q: '穆小军', after: undefined });
  });
});
