import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/core/errors';
import { formDataWithin, readBodyWithin } from '@/lib/http/body';

/** A body streamed in chunks with no Content-Length, as a chunked upload arrives. */
function streamed(chunks: number, chunkBytes: number): Request {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  return new Request('http://127.0.0.1/api/x', { method: 'POST', body, duplex: 'half' } as RequestInit);
}

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('a route handler’s body limit', () => {
  it('reads a body within the limit whole', async () => {
    expect((await readBodyWithin(streamed(4, 1000), 4000)).byteLength).toBe(4000);
  });

  it('refuses a streamed body without Content-Length once it passes the limit (413, the route’s own message)', async () => {
    const e = await refusal(readBodyWithin(streamed(100, 1000), 4000, '文件超过 10 MB，请拆分成几个文件分别导入'));
    expect(e.code).toBe('too_large');
    expect(e.fieldErrors._form).toBe('文件超过 10 MB，请拆分成几个文件分别导入');
  });

  it('refuses a declared Content-Length over the limit without reading it', async () => {
    const req = new Request('http://127.0.0.1/api/x', { method: 'POST', body: 'x', headers: { 'content-length': '999999' } });
    expect((await refusal(readBodyWithin(req, 4000))).code).toBe('too_large');
  });

  it('parses the form within the limit, and answers null for a body that is not a form', async () => {
    const form = new FormData();
    form.set('format', 'csv');
    const ok = await formDataWithin(new Request('http://127.0.0.1/api/x', { method: 'POST', body: form }), 4000);
    expect(ok?.get('format')).toBe('csv');
    const bad = new Request('http://127.0.0.1/api/x', { method: 'POST', body: '--x\r\ngarbage', headers: { 'content-type': 'multipart/form-data; boundary=x' } });
    expect(await formDataWithin(bad, 4000)).toBeNull();
  });
});
