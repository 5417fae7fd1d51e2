import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

// argon2id (the library's default algorithm) with OWASP's minimum memory/time settings.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The most common passwords in leaked lists (and their Chinese-keyboard favourites).
const COMMON = new Set([
  '12345678', '123456789', '1234567890', '87654321', '11111111', '00000000', '88888888', '66666666',
  '12341234', '11223344', '123123123', '147258369', '1qaz2wsx', 'qwertyui', 'qwerty123', 'qwertyuiop',
  'password', 'password1', 'password123', 'p@ssw0rd', 'passw0rd', 'iloveyou', 'abc12345', 'abcd1234',
  'a1234567', 'a12345678', 'aa123456', 'woaini1314', '5201314520', 'asdfghjk', 'zxcvbnm1', 'admin123',
  'admin1234', 'administrator', 'welcome1', 'letmein1', 'sunshine', 'football', 'baseball', 'superman',
  'trustno1', 'changeme', 'princess', 'dragon12', 'monkey12', 'q1w2e3r4', '1q2w3e4r', 'zaq12wsx',
  'doudi123', 'doudi2026', 'doudi#2026', 'minzheng', 'lvliang1', // doudi#2026: the published demo password
]);

export const passwordSchema = z
  .string()
  .min(8, '密码至少 8 位')
  .max(128, '密码最长 128 位')
  .refine((p) => !COMMON.has(p.toLowerCase()), '这个密码太常见，请换一个')
  .refine((p) => new Set(p).size >= 4, '密码过于简单（重复字符太多）');

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, options);
}

export async function verifyPassword(hashed: string, plain: string): Promise<boolean> {
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** Compared against when the account does not exist, so both answers take as long. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('no-such-account-placeholder', options);
  return dummyHash;
}
