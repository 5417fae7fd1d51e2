import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from 'node:crypto';
import { generateSecret, generateURI, NobleCryptoPlugin, ScureBase32Plugin, TOTP } from 'otplib';
import QRCode from 'qrcode';
import type { Role } from '@/db/schema';
import { isDemoMode } from '@/lib/core/deployment';
import { authSecret } from './secret';

/**
 * The second factor (issue 12): TOTP per RFC 6238 (otplib; 6 digits, 30-second steps, SHA-1 as
 * every authenticator app expects), ten one-time recovery codes, and who must have it.
 */

export const TOTP_ISSUER = '兜底';
export const RECOVERY_CODE_COUNT = 10;

/** Roles that must sign in with a second factor, unless TOTP_REQUIRED_ROLES says otherwise. */
export const DEFAULT_TOTP_ROLES: readonly Role[] = ['supervisor', 'auditor', 'admin', 'finance'];

/**
 * Policy: TOTP_REQUIRED_ROLES lists the roles (comma-separated) that must enrol; a bureau whose
 * policy requires it of caseworkers adds `caseworker`. Demo mode requires it of nobody.
 */
export function totpRequired(role: Role, env: Record<string, string | undefined> = process.env): boolean {
  if (isDemoMode(env)) return false;
  const listed = env.TOTP_REQUIRED_ROLES?.trim();
  const roles = listed ? listed.split(',').map((r) => r.trim()) : DEFAULT_TOTP_ROLES;
  return roles.includes(role);
}

/** Demo mode asks nobody for a code, also those who enrolled; production asks every enrolled user. */
export function totpAsked(enrolled: boolean, env: Record<string, string | undefined> = process.env): boolean {
  return enrolled && !isDemoMode(env);
}

// --- secrets at rest: AES-256-GCM under a key derived from NEXTAUTH_SECRET -------------------

function key(): Buffer {
  const secret = authSecret();
  if (!secret) throw new Error('NEXTAUTH_SECRET is needed to store second-factor secrets');
  return Buffer.from(hkdfSync('sha256', secret, 'doudi', 'totp-secret-v1', 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
}

export function openSecret(sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== 'v1' || !iv || !body || !tag) throw new Error('unknown second-factor secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

// --- codes ---------------------------------------------------------------------------------

export function newTotpSecret(): string {
  return generateSecret(); // 20 random bytes, base32
}

export function otpauthUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The enrolment QR code as a data: URL (the CSP allows data: images). */
export function qrDataUrl(uri: string): Promise<string> {
  return QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 220 });
}

/** The secret in groups of four, for typing into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export const SIX_DIGITS = /^\d{6}$/;

/**
 * The time step the code belongs to, or null. One step either side is accepted (a phone's clock
 * a little off); a step at or before `afterStep` (the last one used) is refused: a code is good once.
 */
export async function verifyTotp(secret: string, code: string, afterStep: number | null, nowMs = Date.now()): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!SIX_DIGITS.test(token)) return null;
  const result = await new TOTP({ secret, crypto: new NobleCryptoPlugin(), base32: new ScureBase32Plugin() }).verify(token, {
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: 30,
    ...(afterStep === null ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid ? result.timeStep : null;
}

// Recovery codes: 10 characters of an alphabet without 0/O, 1/I/L (about 48 bits each), shown as
// XXXXX-XXXXX. Stored as argon2id hashes; typed with or without the dash, in any case.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export function normalizeRecoveryCode(input: string): string | null {
  const plain = input.replace(/[\s-]/g, '').toUpperCase();
  if (plain.length !== 10 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, 5)}-${plain.slice(5)}`;
}
