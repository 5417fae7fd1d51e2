// Two app servers of one build behind nginx (scripts/multinode-test.sh starts them; config
// playwright.multinode.config.ts): what must hold when a county runs more than one machine.
//   - a session made through nginx is good on either server, and a CSRF token of one is taken
//     by the other (one NEXTAUTH_SECRET);
//   - a form a page got from server A, posted to server B, is done by B (same action ids);
//   - the money steps stay exactly-once when the same request reaches both servers at once:
//     one payout run per county and month, one approval, no overdraft of a reserve fund.
// Everything is posted as the browser posts it: the server action's id and the form's fields,
// with the signed-in user's cookie.
import fs from 'node:fs';
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import postgres from 'postgres';
import { serverActionId } from './support/actions';
import { signIn } from './support/auth';
import { insertKangchengHousehold } from './support/ids';
import { forgetPayoutRun, insertEnrolledPayoutHousehold, PAYOUT_COUNTY, payoutStaff } from './support/payouts';

const PROXY = process.env.MULTINODE_URL ?? 'http://127.0.0.1:3240';
const NODE_A = process.env.MULTINODE_NODE_A_URL ?? 'http://127.0.0.1:3241';
const NODE_B = process.env.MULTINODE_NODE_B_URL ?? 'http://127.0.0.1:3242';
const NODES = [NODE_A, NODE_B];
const KANGCHENG = '141130101';

const sql = postgres(process.env.MULTINODE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/doudi_multi', { max: 2, onnotice: () => {} });
test.afterAll(async () => {
  await sql.end({ timeout: 5 });
});

interface ActionReply {
  node: string;
  status: number;
  /** Where a server action's redirect() sends the browser, if it did. */
  redirect?: string;
  result?: { ok: boolean; code?: string; data?: Record<string, unknown>; fieldErrors?: Record<string, string> };
}

/** The action's result in the React Flight reply: the row holding `{"ok":…}`. */
function resultOf(body: string): ActionReply['result'] {
  for (const line of body.split('\n')) {
    const m = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!m) continue;
    try {
      const row = JSON.parse(m[1]!) as Record<string, unknown>;
      if (typeof row.ok === 'boolean') return row as ActionReply['result'];
    } catch {
      // another row of the reply
    }
  }
  return undefined;
}

/** Posts a form to a server action on one node, as the browser's fetch does (useActionState: [prev, formData]). */
async function postAction(ctx: APIRequestContext, node: string, pagePath: string, action: string, fields: Record<string, string>): Promise<ActionReply> {
  // As the browser sends it: the FormData's fields (`_1_…`, reference $K1) first, then the root
  // "0"; the server reads the reply as it streams in, so the order matters.
  const multipart = new FormData();
  for (const [k, v] of Object.entries(fields)) multipart.append(`_1_${k}`, v);
  multipart.append('0', JSON.stringify([null, '$K1']));
  const res = await ctx.post(new URL(pagePath, node).toString(), {
    multipart,
    headers: { 'Next-Action': serverActionId(action), Accept: 'text/x-component', Origin: new URL(node).origin },
    maxRedirects: 0,
  });
  return { node, status: res.status(), redirect: res.headers()['x-action-redirect'], result: resultOf(await res.text()) };
}

/** A browser context signed in through nginx. */
async function signedInContext(browser: Browser, username: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: PROXY });
  const page = await ctx.newPage();
  await signIn(page, username);
  await page.close();
  return ctx;
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
function nextMonth(): string {
  const [y, m] = today().slice(0, 7).split('-').map(Number) as [number, number];
  const i = y * 12 + m; // the month after (m is 1-based)
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}
const yuanOf = (fen: number) => (fen / 100).toFixed(2);
const money = (fen: number) => `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

async function balance(township: string): Promise<number> {
  const [row] = await sql<{ b: string }[]>`select balance_fen::text as b from reserve_funds where township_code = ${township}`;
  return Number(row!.b);
}

test('a session made through nginx holds on both servers, and a form served by one is done by the other', async ({ browser }) => {
  const ctx = await signedInContext(browser, 'supervisor');
  const [me] = await sql<{ id: string }[]>`select id from users where username = 'supervisor'`;
  for (const node of NODES) {
    const session = (await (await ctx.request.get(`${node}/api/auth/session`)).json()) as { user?: { id?: string } };
    expect(session.user?.id, `the session cookie on ${node}`).toBe(me!.id);
    const home = await ctx.request.get(`${node}/temp-aid/funds`, { maxRedirects: 0 });
    expect(home.status(), `a page on ${node}, not the way to sign-in`).toBe(200);
    expect(await home.text()).toContain('李建国');
  }
  // nginx really spread the requests of that sign-in over both servers.
  const upstreams = new Set(fs.readFileSync(process.env.MULTINODE_NGINX_LOG!, 'utf8').match(/upstream=127\.0\.0\.1:\d+/g) ?? []);
  expect([...upstreams].sort()).toEqual(NODES.map((n) => `upstream=${new URL(n).host}`).sort());

  // next-auth's CSRF token from server A, the credentials posted to server B.
  const bare = await playwrightRequest.newContext();
  const { csrfToken } = (await (await bare.get(`${NODE_A}/api/auth/csrf`)).json()) as { csrfToken: string };
  const signedIn = await bare.post(`${NODE_B}/api/auth/callback/credentials`, {
    form: { csrfToken, username: 'caseworker', password: 'Doudi#2026', callbackUrl: `${PROXY}/`, json: 'true' },
    headers: { Origin: NODE_B },
    maxRedirects: 0,
  });
  expect(signedIn.headers()['set-cookie'] ?? '', 'server B signs in with server A’s CSRF token').toMatch(/doudi\.session=/);
  await bare.dispose();

  // The 备用金 page from server A; its 记账 is sent to server B (as nginx would, with A's host).
  const page = await ctx.newPage();
  const sent: { url: string; status: number }[] = [];
  await page.route(
    (url) => url.origin === NODE_A,
    async (route) => {
      const req = route.request();
      if (req.method() !== 'POST' || !(await req.headerValue('next-action'))) return route.continue();
      const url = new URL(req.url());
      const toB = `${NODE_B}${url.pathname}${url.search}`;
      const response = await route.fetch({ url: toB, headers: { ...(await req.allHeaders()), 'x-forwarded-host': url.host } });
      sent.push({ url: toB, status: response.status() });
      await route.fulfill({ response });
    },
  );
  const before = await balance(KANGCHENG);
  await page.goto(`${NODE_A}/temp-aid/funds`);
  const form = page.getByRole('form', { name: '备用金拨付' });
  await form.getByLabel('乡镇').selectOption({ label: '康城镇' });
  await form.getByLabel('类型').selectOption('return');
  await form.getByLabel('金额（元）').fill('1');
  await form.getByLabel('说明（如拨付文号）').fill('多节点测试：A 的表单提交到 B');
  await form.getByRole('button', { name: '记账' }).click();
  await expect(form.getByRole('status')).toHaveText(`已记账，余额 ${money(before - 100)}。`);
  expect(sent, 'the form’s action went to server B').toEqual([{ url: `${NODE_B}/temp-aid/funds`, status: 200 }]);
  expect(await balance(KANGCHENG)).toBe(before - 100);
  const [audit] = await sql<{ actor_name: string }[]>`select actor_name from audit_log where action = 'fund.return' order by id desc limit 1`;
  expect(audit?.actor_name).toBe('李建国');
  await ctx.close();
});

test('payout runs: starts sent at once to both servers make one run, and approvals sent at once approve it once', async ({ browser }) => {
  test.setTimeout(120_000);
  const staff = await payoutStaff(sql);
  await sql`
    insert into users (username, name, role, region_code, password_hash)
    select 'e2e-zy-supervisor2', '冯建平', 'supervisor', ${PAYOUT_COUNTY.code}, password_hash from users where username = 'caseworker'
    on conflict do nothing`;
  const month = nextMonth();
  await forgetPayoutRun(sql, PAYOUT_COUNTY.code, month);
  await insertEnrolledPayoutHousehold(sql);

  const caseworker = await signedInContext(browser, staff.caseworker);
  const starts = await Promise.all(
    [0, 1, 2, 3].map((i) => postAction(caseworker.request, NODES[i % 2]!, '/payouts', 'startRunAction', { countyCode: PAYOUT_COUNTY.code, month })),
  );
  expect(starts.map((s) => [s.status, s.result?.ok]), JSON.stringify(starts)).toEqual([[200, true], [200, true], [200, true], [200, true]]);
  expect(starts.filter((s) => s.result?.data?.created === true), 'one start created the run').toHaveLength(1);
  const runs = await sql<{ id: string; version: number; line_count: number }[]>`
    select id, version, line_count from payout_runs where county_code = ${PAYOUT_COUNTY.code} and month = ${month}`;
  expect(runs).toHaveLength(1);
  const run = runs[0]!;
  expect(run.line_count).toBeGreaterThan(0);
  const [started] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'payout.start' and entity_id = ${run.id}`;
  expect(started!.n).toBe(1);

  const supervisors = [await signedInContext(browser, staff.supervisor), await signedInContext(browser, 'e2e-zy-supervisor2')];
  const fields = { runId: run.id, version: String(run.version), overrideReason: '多节点并发审批测试，核查已线下完成' };
  const approvals = await Promise.all(
    [0, 1, 2, 3].map((i) => postAction(supervisors[i % 2]!.request, NODES[(i >> 1) % 2]!, `/payouts/${run.id}`, 'approveRunAction', fields)),
  );
  expect(approvals.filter((a) => a.result?.ok === true), JSON.stringify(approvals)).toHaveLength(1);
  expect(approvals.filter((a) => a.result?.ok === false).map((a) => a.result?.code)).toEqual(['conflict', 'conflict', 'conflict']);
  const [after] = await sql<{ state: string; approved_by: string | null }[]>`select state, approved_by from payout_runs where id = ${run.id}`;
  expect(after!.state).toBe('approved');
  const [approved] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'payout.approve' and entity_id = ${run.id}`;
  expect(approved!.n).toBe(1);
  for (const c of [caseworker, ...supervisors]) await c.close();
});

test('a reserve fund: first-response payments sent at once to both servers pay only what the fund holds', async ({ browser }) => {
  test.setTimeout(120_000);
  // The county brings 康城镇's fund down to ¥1,000.00 (through nginx), then five ¥300 payments race.
  const supervisor = await signedInContext(browser, 'supervisor');
  const excess = (await balance(KANGCHENG)) - 100_000;
  expect(excess).toBeGreaterThan(0);
  const returned = await postAction(supervisor.request, PROXY, '/temp-aid/funds', 'fundMovementAction', {
    townshipCode: KANGCHENG,
    kind: 'return',
    amount: yuanOf(excess),
    note: '多节点测试：上缴至 1,000 元',
    movedOn: '',
  });
  expect(returned.result, JSON.stringify(returned)).toMatchObject({ ok: true, data: { balanceAfterFen: 100_000 } });
  const [mark] = await sql<{ last: string }[]>`select coalesce(max(id), 0)::text as last from fund_ledger`;
  const last = mark!.last;

  const households: string[] = [];
  for (const n of '甲乙丙丁戊') households.push(await insertKangchengHousehold(sql, `多节点${n}`)); // one by one: each takes the first free resident ID
  const caseworker = await signedInContext(browser, 'caseworker');
  const payments = await Promise.all(
    households.map((householdId, i) =>
      postAction(caseworker.request, NODES[i % 2]!, '/temp-aid/new', 'firstResponseAction', {
        householdId,
        cause: 'accidental_injury',
        narrative: '户主务工时受伤，家中无其他收入',
        amount: '300',
        method: 'cash',
        payeeName: `多节点${'甲乙丙丁戊'[i]}`,
        receiptNo: `MN-${Date.now().toString(36)}-${i}`,
        documents: '',
      }),
    ),
  );
  const paid = payments.filter((p) => p.redirect);
  const refused = payments.filter((p) => p.result?.ok === false);
  expect(paid, JSON.stringify(payments)).toHaveLength(3);
  expect(refused.map((r) => r.result?.fieldErrors?.amount)).toEqual(['备用金余额不足：当前余额 ¥100.00', '备用金余额不足：当前余额 ¥100.00']);
  expect(payments.map((p) => [p.node, p.status])).toEqual(households.map((_, i) => [NODES[i % 2], 200]));
  expect(await balance(KANGCHENG)).toBe(10_000);

  // Every ledger line since: a ¥300.00 draw whose balance is the one before it less 300.
  const lines = await sql<{ kind: string; amount_fen: number; balance_after_fen: number }[]>`
    select l.kind, l.amount_fen::int as amount_fen, l.balance_after_fen::int as balance_after_fen
    from fund_ledger l join reserve_funds f on f.id = l.fund_id
    where f.township_code = ${KANGCHENG} and l.id > ${last} order by l.id`;
  expect(lines).toEqual([
    { kind: 'draw', amount_fen: 30_000, balance_after_fen: 70_000 },
    { kind: 'draw', amount_fen: 30_000, balance_after_fen: 40_000 },
    { kind: 'draw', amount_fen: 30_000, balance_after_fen: 10_000 },
  ]);
  for (const c of [supervisor, caseworker]) await c.close();
});
