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
