import { idCheckDigit } from '../../lib/core/resident-id';

/** A valid GB 11643 resident ID with the given 6-digit region and birth date (YYYYMMDD), unlikely to repeat. */
export function validIdNumber(region = '141130', birth = '19750101'): string {
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `${region}${birth}${seq}`;
  return body + idCheckDigit(body);
}
