const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// RFC 5987: percent-encode everything outside attr-char (encodeURIComponent leaves ' ( ) * ! alone).
const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Headers for an XLSX download with a Chinese file name: `filename*` for every current
 * browser, an ASCII `filename` for anything older.
 */
export function xlsxAttachment(fileName: string, asciiFallback: string): Record<string, string> {
  return {
    'Content-Type': XLSX,
    'Content-Disposition': `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(fileName)}`,
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The name's ASCII letters, digits, dots, dashes and underscores, for the old `filename` parameter. */
export function asciiFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/[^A-Za-z0-9._-]/g, '_').replace(/_+/g, '_');
  return `${stem || 'file'}${ext}`;
}

/** Headers for a file of the given type under its own name (Chinese kept via `filename*`), never sniffed. */
export function attachment(fileName: string, contentType: string, disposition: 'attachment' | 'inline' = 'attachment'): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Disposition': `${disposition}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`,
    'X-Content-Type-Options': 'nosniff',
  };
}
