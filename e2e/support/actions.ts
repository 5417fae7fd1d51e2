// Calls a server action the way an attacker would: a bare POST with the action's id and the
// React Flight reply encoding a browser sends (root "0" = the arguments, "_1_<field>" = the
// FormData fields, as captured from a real form submission),
// no Origin header and, unless given, no cookie.
import fs from 'node:fs';
import path from 'node:path';

export function serverActionId(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join('.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} not in the build manifest`);
  return found[0];
}

export async function postServerAction(
  baseUrl: string,
  pagePath: string,
  exportedName: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(`_1_${k}`, v);
  form.append('0', JSON.stringify([null, '$K1']));
  const res = await fetch(new URL(pagePath, baseUrl), {
    method: 'POST',
    headers: { 'Next-Action': serverActionId(exportedName), Accept: 'text/x-component', ...headers },
    body: form,
    redirect: 'manual',
  });
  return { status: res.status, body: await res.text() };
}
