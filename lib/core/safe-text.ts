// Text a person types: names, addresses, reasons, notes. One rule for every schema, so that a
// NUL (which PostgreSQL cannot store: the request failed as 系统错误), a right-to-left override
// that makes "张三‮123" display reversed in a list, or a zero-width space that makes two equal
// names differ is refused at its field, with its position, before anything is written.
import { z } from 'zod';

// Zod compiles object parsers with `new Function` when it may; in the browser it first probes
// whether eval is allowed, and under the Content-Security-Policy (no 'unsafe-eval') the probe is
// reported as a violation even though zod catches it. The forms' schemas run in the browser
// too: there they parse without the compiler. The server keeps it (a 20,000-row roster).
if (typeof window !== 'undefined') z.config({ jitless: true });

/**
 * Refused everywhere: control characters (C0, DEL, C1), format characters — bidirectional
 * embeddings, overrides, isolates and marks, zero-width space / joiners, word joiner, soft
 * hyphen, BOM, invisible operators, tag characters —, line and paragraph separators, lone
 * surrogates and noncharacters. Allowed: every letter, including rare characters in the
 * private-use area (生僻字 some registers encode there), ideographic space and variation selectors
 * (a Han character's variant form).
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\u2028\u2029]/u;
const LINE_BREAKS = new Set(['\n', '\r', '\t']);

const isNoncharacter = (cp: number) => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;

/**
 * The 0-based position (in characters, not UTF-16 units) of the first character a person's
 * text may not hold, or -1. Free text (`multiline`) may hold line breaks and tabs.
 */
export function unsafeCharacterAt(text: string, multiline = false): number {
  let i = 0;
  for (const ch of text) {
    if ((UNSAFE.test(ch) && !(multiline && LINE_BREAKS.has(ch))) || isNoncharacter(ch.codePointAt(0)!)) return i;
    i++;
  }
  return -1;
}

export function unsafeTextMessage(label: string, position: number): string {
  return `${label}不能包含控制字符或不可见字符（第 ${position + 1} 个字符处），请删除后重新输入`;
}

export type SafeTextOptions = {
  /** Notes, reasons, narratives: line breaks and tabs allowed. Names and one-line fields: not. */
  multiline?: boolean;
  /** The message when the field is missing altogether; default 请填写<label>. */
  required?: string;
};

/**
 * A trimmed string without control or invisible characters, refused at its field as
 * "<label>不能包含控制字符或不可见字符（第 n 个字符处）…". Chain the length rules after it:
 * `safeText('姓名').min(1, '请填写姓名').max(40, '姓名不能超过 40 个字')`.
 */
export function safeText(label: string, { multiline = false, required }: SafeTextOptions = {}) {
  return z
    .string({ error: required ?? `请填写${label}` })
    .trim()
    .superRefine((value, ctx) => {
      const at = unsafeCharacterAt(value, multiline);
      if (at >= 0) ctx.addIssue({ code: 'custom', message: unsafeTextMessage(label, at) });
    });
}
