/** 141130198003129013 → 141130********9013: the county and the last four digits stay readable. */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

/** 6222021234567890123 → 6222 **** **** 0123 */
export function maskAccount(account: string | null | undefined): string {
  if (!account) return '';
  if (account.length <= 8) return '*'.repeat(account.length);
  return `${account.slice(0, 4)} **** **** ${account.slice(-4)}`;
}
