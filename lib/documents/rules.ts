// Pure rules of the 材料: the size limit, the type read from the content's first bytes (never
// from the name), the content-addressed storage key and how sizes and hashes are shown.
import type { DocumentContentType } from '@/db/schema/documents';

/** The largest file accepted: 10 MB (a scanned multi-page PDF at 300 dpi fits; a raw photo should be resized). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

/**
 * The file's real type from its signature: PDF (`%PDF-`), JPEG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A);
 * null for anything else — a renamed .exe (MZ), a ZIP, an HTML page — whatever its name says.
 */
export function sniffContentType(bytes: Uint8Array): DocumentContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export const extensionOf: Record<DocumentContentType, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Where the file lives in the store: by its SHA-256, so the same bytes are stored once and never overwritten. */
export function storageKeyOf(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha256');
  return `sha256/${sha256.slice(0, 2)}/${sha256}`;
}

/**
 * The name a file is kept and offered under: the uploaded name without any folder, control or
 * format characters, at most 120 characters; empty names become 材料.<ext>. The extension is
 * the one of the real type when the name's own does not match it.
 */
export function cleanFileName(name: string, type: DocumentContentType): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\p{Cc}\p{Cf}\u2028\u2029"<>:|?*]/gu, '').trim();
  const ext = extensionOf[type];
  const ok = type === 'image/jpeg' ? /\.(jpe?g)$/i : new RegExp(`\\.${ext}$`, 'i');
  const withExt = !base ? `材料.${ext}` : ok.test(base) ? base : `${base}.${ext}`;
  if (withExt.length <= 120) return withExt;
  return `${withExt.slice(0, 120 - ext.length - 1)}.${ext}`;
}

/** 2.4 MB, 312 KB, 900 B. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** The first 12 hex digits, enough to compare a paper copy with the record. */
export const shortSha = (sha256: string) => sha256.slice(0, 12);
