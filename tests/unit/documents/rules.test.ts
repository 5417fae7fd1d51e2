import { describe, expect, it } from 'vitest';
import { cleanFileName, formatBytes, MAX_DOCUMENT_BYTES, shortSha, sniffContentType, storageKeyOf } from '@/lib/documents/rules';
import { asciiFileName, attachment } from '@/lib/http/download';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('document rules', () => {
  it('reads the type from the first bytes, not the name', () => {
    expect(sniffContentType(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))).toBe('image/jpeg');
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(sniffContentType(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull(); // MZ: a Windows .exe
    expect(sniffContentType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // a ZIP
    expect(sniffContentType(new TextEncoder().encode('<html>%PDF-'))).toBeNull();
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // a PNG cut short
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });

  it('caps the size at 10 MB', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(10 * 1024 * 1024);
  });

  it('keys a file by its SHA-256 and refuses anything else as a key', () => {
    const sha = 'ab'.repeat(32);
    expect(storageKeyOf(sha)).toBe(`sha256/ab/${sha}`);
    expect(() => storageKeyOf('../../etc/passwd')).toThrow();
    expect(shortSha(sha)).toBe('abababababab');
  });

  it('keeps the uploaded name without folders or control characters, with the real type’s extension', () => {
    expect(cleanFileName('C:\\扫描\\授权书.pdf', 'application/pdf')).toBe('授权书.pdf');
    expect(cleanFileName('../../户口簿.PNG', 'image/png')).toBe('户口簿.PNG');
    expect(cleanFileName('照片.jpeg', 'image/jpeg')).toBe('照片.jpeg');
    expect(cleanFileName('setup.exe', 'application/pdf')).toBe('setup.exe.pdf');
    expect(cleanFileName('a\u202Egnp.exe', 'image/png')).toBe('agnp.exe.png');
    expect(cleanFileName('', 'image/png')).toBe('材料.png');
    expect(cleanFileName(`${'长'.repeat(200)}.pdf`, 'application/pdf')).toHaveLength(120);
  });

  it('shows sizes in B, KB and MB', () => {
    expect(formatBytes(900)).toBe('900 B');
    expect(formatBytes(312 * 1024)).toBe('312 KB');
    expect(formatBytes(2.4 * 1024 * 1024)).toBe('2.4 MB');
  });

  it('offers a download under its Chinese name, with its type, never sniffed', () => {
    const h = attachment('授权书 (1).pdf', 'application/pdf');
    expect(h['Content-Type']).toBe('application/pdf');
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Content-Disposition']).toBe(`attachment; filename="_1_.pdf"; filename*=UTF-8''%E6%8E%88%E6%9D%83%E4%B9%A6%20%281%29.pdf`);
    expect(attachment('x.png', 'image/png', 'inline')['Content-Disposition']).toMatch(/^inline; /);
    expect(asciiFileName('"evil";.pdf')).toBe('_evil_.pdf');
  });
});
