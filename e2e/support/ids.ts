/** A valid GB 11643 resident ID with the given 6-digit region and birth date (YYYYMMDD), unlikely to repeat. */
export function validIdNumber(region = '141130', birth = '19750101'): string {
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const body = `${region}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
