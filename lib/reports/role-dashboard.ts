import 'server-only';
import { listBankChangesBeforePayout } from '@/lib/audit/views/bank-before-payout';
import { listDeceasedPaid } from '@/lib/audit/views/deceased-paid';
import { DEFAULT_DAYS } from '@/lib/audit/views/rules';
import { listSameHands } from '@/lib/audit/views/same-hands';
import { and, eq, gte, inArray, isNotNull, isNull, like, lt, lte, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import {
  applications,
  auditLog,
  enrollmentChanges,
  enrollments,
  householdAccountChanges,
  households,
  lateEntries,
  payoutLines,
  payoutRuns,
  policyStandards,
  tempAidCases,
  users,
  workCalendar,
} from '@/db/schema';
import { auditScope } from '@/lib/audit/queries';
import { accountsUnderAttack } from '@/lib/auth/under-attack';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { runScope } from '@/lib/payouts/access';
import { lineScope } from '@/lib/payouts/queries';
import { listCountyStandardsBelowCity } from '@/lib/policy/queries';
import { scopePrefix } from '@/lib/regions/codes';
import { caseScope, overdueCondition } from '@/lib/temp-aid/queries';
import { complaintTaskCounts } from '@/lib/complaints/queries';
import { alertCounts } from '@/lib/monitoring/queries';
import { ageText } from './dashboard-rules';
import { applicationsOverdue, workQueue } from './work-queue';

/** One thing waiting for the user: how many, how old the oldest is, and where to act on it. */
export interface DashboardTask {
  key: string;
  label: string;
  count: number;
  /** e.g. 其中 2 件已超期 */
  note?: string;
  /** e.g. 最久已等 12 天 / 最早已逾期 3 天 */
  age: string | null;
  href: string;
  /** The link's text: 去处理, 去审批, 查看 … */
  linkText: string;
}

export interface DashboardSection {
  key: string;
  title: string;
  tasks: DashboardTask[];
  links?: { label: string; href: string }[];
}

export interface RoleDashboard {
  today: string;
  sections: DashboardSection[];
  /** A caseworker's region with no household yet: what to do first. */
  firstSteps: { label: string; href: string; note: string }[] | null;
}

const count = sql<number>`count(*)`.mapWith(Number);
/** The China calendar day of a timestamp column, as text (the oldest of a group). */
const chinaDay = (col: SQL | AnyColumn) => sql`(${col} at time zone 'Asia/Shanghai')::date`;
const minText = (expr: SQL) => sql<string | null>`min(${expr})::text`;
const overdueNote = (n: number, word = '已超期') => (n > 0 ? `其中 ${n} 件${word}` : undefined);

const appScope = (user: SessionUser) =>
  regionScope(user, { county: applications.countyCode, township: applications.townshipCode, village: applications.villageCode });
const enrollmentScope = (user: SessionUser) =>
  regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode });

/** The one run behind a task when there is one, else the list of runs. */
const runHref = (ids: string[] | null | undefined, suffix = '') => (ids && ids.length === 1 ? `/payouts/${ids[0]}${suffix}` : '/payouts');

// ---------------------------------------------------------------- caseworker

async function caseworkerSections(user: SessionUser, today: string): Promise<DashboardSection[]> {
  const db = await getDb();
  const a = applications;
  const stepStart = sql`case ${a.state}
      when 'draft' then ${chinaDay(a.createdAt)}
      when 'accepted' then ${a.acceptedOn}
      when 'investigated' then ${a.investigatedOn}
      when 'township_reviewed' then ${a.townshipReviewedOn} end`;
  const lateApps = await applicationsOverdue(user, today);
  const t = tempAidCases;
  const l = payoutLines;
  // Lines that did not pay and wait on someone: blocked, or returned by the bank, not re-issued
  // by a later run, and not already confirmed for re-issue (the next run takes those by itself).
  const outstanding = and(
    lineScope(user),
    or(eq(l.status, 'failed'), eq(l.blocked, true)),
    ne(l.kind, 'recovery'),
    sql`not exists (select 1 from payout_lines r where r.kind = 'reissue' and r.source_id = ${l.id}::text)`,
    sql`not exists (select 1 from payout_account_confirmations c where c.line_id = ${l.id})`,
  );
  const category = sql<string>`case when ${l.status} = 'failed' then 'failed' when ${l.blockReason} = '账户变更待复核' then 'account' else 'blocked' end`;

  const [[apps], [firstResponse], [reviews], lines, [accountChanges]] = await Promise.all([
    db
      .select({ count, late: sql<number>`count(*) filter (where ${lateApps})`.mapWith(Number), oldest: minText(stepStart) })
      .from(a)
      .where(and(appScope(user), inArray(a.state, ['draft', 'accepted', 'investigated', 'township_reviewed']))),
    db
      .select({ count, overdue: sql<number>`count(*) filter (where ${t.deadlineOn} < ${today})`.mapWith(Number), oldest: minText(sql`${t.deadlineOn}`) })
      .from(t)
      .where(and(caseScope(user), eq(t.kind, 'first_response'), eq(t.state, 'paid_awaiting_completion'), isNull(t.accountOn))),
    db
      .select({ count, overdue: sql<number>`count(*) filter (where ${enrollments.nextReviewOn} < ${today})`.mapWith(Number), oldest: minText(sql`${enrollments.nextReviewOn}`) })
      .from(enrollments)
      .where(
        and(
          enrollmentScope(user),
          inArray(enrollments.status, ['active', 'suspended']),
          inArray(enrollments.program, ['dibao', 'tekun']),
          lte(enrollments.nextReviewOn, addDays(today, 30)),
        ),
      ),
    db
      .select({ category, count, oldest: minText(chinaDay(l.updatedAt)), runs: sql<string[]>`array_agg(distinct ${l.runId}::text)` })
      .from(l)
      .where(outstanding)
      .groupBy(category),
    // A change of account someone else made: the caseworker may confirm it (never their own).
    db
      .select({ count, oldest: minText(chinaDay(householdAccountChanges.changedAt)), households: sql<string[]>`array_agg(${householdAccountChanges.householdId}::text)` })
      .from(householdAccountChanges)
      .innerJoin(households, eq(households.id, householdAccountChanges.householdId))
      .where(
        and(
          regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }),
          isNull(householdAccountChanges.confirmedAt),
          isNull(householdAccountChanges.supersededAt),
          ne(householdAccountChanges.changedBy, user.id),
        ),
      ),
  ]);
  const line = (c: string) => lines.find((r) => r.category === c);
  const failed = line('failed');
  const account = line('account');
  const blocked = line('blocked');
  return [
    {
      key: 'my-steps',
      title: '今天待我处理',
      tasks: [
        {
          key: 'applications',
          label: '待我办理的申请（受理、入户调查、乡镇审核、公示）',
          count: apps?.count ?? 0,
          note: overdueNote(apps?.late ?? 0),
          age: ageText('waiting', today, apps?.oldest ?? null),
          href: '/applications',
          linkText: '去办理',
        },
        {
          key: 'first-response',
          label: '先行救助待补齐手续（情况说明）',
          count: firstResponse?.count ?? 0,
          note: overdueNote(firstResponse?.overdue ?? 0, '已超过办结期限'),
          age: ageText('due', today, firstResponse?.oldest ?? null),
          href: '/temp-aid?kind=first_response&state=paid_awaiting_completion',
          linkText: '去补齐',
        },
        {
          key: 'reviews',
          label: '复核到期（30 天内）与逾期',
          count: reviews?.count ?? 0,
          note: overdueNote(reviews?.overdue ?? 0, '已逾期'),
          age: ageText('due', today, reviews?.oldest ?? null),
          href: '/reviews',
          linkText: '去复核',
        },
        {
          key: 'account-changes',
          label: '账户变更待我复核（他人录入）',
          count: accountChanges?.count ?? 0,
          age: ageText('waiting', today, accountChanges?.oldest ?? null),
          href: accountChanges?.count === 1 && accountChanges.households?.[0] ? `/households/${accountChanges.households[0]}` : '/households',
          linkText: '去复核',
        },
        {
          key: 'lines-account',
          label: '发放受阻：账户变更待复核',
          count: account?.count ?? 0,
          age: ageText('waiting', today, account?.oldest ?? null),
          href: runHref(account?.runs),
          linkText: '查看',
        },
        {
          key: 'lines-failed',
          label: '银行退回（发放失败）待处理',
          count: failed?.count ?? 0,
          age: ageText('waiting', today, failed?.oldest ?? null),
          href: runHref(failed?.runs),
          linkText: '去处理',
        },
        {
          key: 'lines-blocked',
          label: '发放受阻：账户信息不全或有误',
          count: blocked?.count ?? 0,
          age: ageText('waiting', today, blocked?.oldest ?? null),
          href: runHref(blocked?.runs),
          linkText: '去处理',
        },
      ],
    },
  ];
}

async function firstStepsFor(user: SessionUser): Promise<RoleDashboard['firstSteps']> {
  const db = await getDb();
  const [any] = await db
    .select({ id: households.id })
    .from(households)
    .where(regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }))
    .limit(1);
  if (any) return null;
  return [
    { label: '登记家庭', href: '/households/new', note: '登记困难家庭及其成员、收入和发放账户' },
    { label: '先行救助', href: '/temp-aid/new', note: '急难情形先行支付，可当场登记家庭' },
    { label: '导入花名册', href: '/households/import', note: '已有纸质或 Excel 花名册时一次导入' },
  ];
}

// ---------------------------------------------------------------- supervisor

async function supervisorSections(user: SessionUser, today: string): Promise<DashboardSection[]> {
  const db = await getDb();
  const a = applications;
  const t = tempAidCases;
  const open = inArray(a.state, ['accepted', 'investigated', 'township_reviewed', 'in_public_notice']);
  const [[apps], [visits], [firstResponse], [tempDecisions], [changes], [subsidies], [runs]] = await Promise.all([
    // The notice is over: the county decides (the same rule as the 待我处理 queue).
    db
      .select({ count, oldest: minText(sql`${a.noticeEnd}`) })
      .from(a)
      .where(and(appScope(user), eq(a.state, 'in_public_notice'), lt(a.noticeEnd, today))),
    db
      .select({ count, oldest: minText(sql`${a.acceptedOn}`) })
      .from(a)
      .where(and(appScope(user), open, eq(a.closeRelative, true), isNull(a.countyVisitOn))),
    db
      .select({ count, overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})`.mapWith(Number), oldest: minText(sql`${t.accountOn}`) })
      .from(t)
      .where(and(caseScope(user), eq(t.kind, 'first_response'), eq(t.state, 'paid_awaiting_completion'), isNotNull(t.accountOn))),
    db
      .select({ count, oldest: minText(sql`${t.openedOn}`) })
      .from(t)
      .where(
        and(
          caseScope(user),
          or(
            and(eq(t.kind, 'small_fast'), eq(t.state, 'applied')),
            and(eq(t.kind, 'expenditure'), eq(t.state, 'investigated'), eq(t.noticeRequired, false)),
            and(eq(t.kind, 'expenditure'), eq(t.state, 'in_public_notice'), lt(t.noticeEnd, today)),
          ),
        ),
      ),
    db
      .select({ count, oldest: minText(chinaDay(enrollmentChanges.createdAt)) })
      .from(enrollmentChanges)
      .innerJoin(enrollments, eq(enrollments.id, enrollmentChanges.enrollmentId))
      .where(and(enrollmentScope(user), eq(enrollmentChanges.state, 'proposed'))),
    db
      .select({ count, oldest: minText(chinaDay(enrollments.createdAt)) })
      .from(enrollments)
      .where(and(enrollmentScope(user), eq(enrollments.status, 'proposed'), inArray(enrollments.program, ['dis_living', 'dis_care']))),
    db
      .select({ count, oldest: minText(chinaDay(payoutRuns.generatedAt)), ids: sql<string[]>`array_agg(${payoutRuns.id}::text)` })
      .from(payoutRuns)
      .where(and(runScope(user), eq(payoutRuns.state, 'draft'), isNotNull(payoutRuns.generatedAt))),
  ]);
  return [
    {
      key: 'decisions',
      title: '待我审批',
      tasks: [
        { key: 'applications', label: '申请待县级审批（公示期满）', count: apps?.count ?? 0, age: ageText('waiting', today, apps?.oldest ?? null), href: '/applications', linkText: '去审批' },
        { key: 'county-visits', label: '近亲属备案申请待县级入户核查', count: visits?.count ?? 0, age: ageText('waiting', today, visits?.oldest ?? null), href: '/applications', linkText: '去核查' },
        {
          key: 'first-response',
          label: '先行救助待办结确认',
          count: firstResponse?.count ?? 0,
          note: overdueNote(firstResponse?.overdue ?? 0, '已超过办结期限'),
          age: ageText('waiting', today, firstResponse?.oldest ?? null),
          href: '/temp-aid?kind=first_response&state=paid_awaiting_completion',
          linkText: '去办结',
        },
        { key: 'temp-aid', label: '临时救助待审批（小额快救、支出型）', count: tempDecisions?.count ?? 0, age: ageText('waiting', today, tempDecisions?.oldest ?? null), href: '/temp-aid', linkText: '去审批' },
        { key: 'changes', label: '在册变更待审批', count: changes?.count ?? 0, age: ageText('waiting', today, changes?.oldest ?? null), href: '/enrollments', linkText: '去审批' },
        { key: 'subsidies', label: '残疾人补贴待确认', count: subsidies?.count ?? 0, age: ageText('waiting', today, subsidies?.oldest ?? null), href: '/enrollments#h-subsidies', linkText: '去确认' },
        { key: 'runs', label: '发放批次待审批', count: runs?.count ?? 0, age: ageText('waiting', today, runs?.oldest ?? null), href: runHref(runs?.ids), linkText: '去审批' },
      ],
    },
  ];
}

// ---------------------------------------------------------------- finance

async function financeSections(user: SessionUser, today: string): Promise<DashboardSection[]> {
  const db = await getDb();
  const [approved, exported] = await Promise.all(
    (['approved', 'exported'] as const).map(async (state) => {
      const at = state === 'approved' ? payoutRuns.approvedAt : payoutRuns.exportedAt;
      const [r] = await db
        .select({ count, oldest: minText(chinaDay(at)), ids: sql<string[]>`array_agg(${payoutRuns.id}::text)` })
        .from(payoutRuns)
        .where(and(runScope(user), eq(payoutRuns.state, state)));
      return r;
    }),
  );
  return [
    {
      key: 'bank',
      title: '待我办理的发放',
      tasks: [
        { key: 'bank-file', label: '已审批批次待生成银行代发文件', count: approved?.count ?? 0, age: ageText('waiting', today, approved?.oldest ?? null), href: runHref(approved?.ids), linkText: '去生成' },
        { key: 'return-file', label: '已送银行批次待导入回盘文件', count: exported?.count ?? 0, age: ageText('waiting', today, exported?.oldest ?? null), href: runHref(exported?.ids), linkText: '去导入' },
      ],
    },
  ];
}

// ---------------------------------------------------------------- auditor

async function auditorSections(user: SessionUser, today: string, now: Date): Promise<DashboardSection[]> {
  const db = await getDb();
  const dayStart = new Date(`${today}T00:00:00+08:00`);
  const month = today.slice(0, 7);
  const le = lateEntries;
  const leScope = regionScope(user, { county: le.countyCode, township: le.townshipCode, village: le.villageCode });
  const [[log], [late], work] = await Promise.all([
    db
      .select({
        changes: sql<number>`count(*) filter (where ${auditLog.action} not like 'auth.%')`.mapWith(Number),
        signins: sql<number>`count(*) filter (where ${auditLog.action} like 'auth.%')`.mapWith(Number),
      })
      .from(auditLog)
      .where(and(auditScope(user), gte(auditLog.at, dayStart))),
    db
      .select({
        unacknowledged: sql<number>`count(*) filter (where ${le.acknowledgedAt} is null)`.mapWith(Number),
        oldest: sql<string | null>`min(${le.recordedOn}) filter (where ${le.acknowledgedAt} is null)`,
        thisMonth: sql<number>`count(*) filter (where ${le.recordedOn} >= ${`${month}-01`})`.mapWith(Number),
      })
      .from(le)
      .where(leScope),
    workQueue(user, now),
  ]);
  // The audit views (lib/audit/views): each list is capped, so a count here reads "at least".
  const [hands, banks, deceased] = await Promise.all([listSameHands(user), listBankChangesBeforePayout(user, DEFAULT_DAYS), listDeceasedPaid(user)]);
  const day = `from=${today}&to=${today}`;
  return [
    {
      key: 'oversight',
      title: '监督检查',
      tasks: [
        { key: 'audit-today', label: '今日操作记录', count: log?.changes ?? 0, age: null, href: `/audit?tab=changes&${day}`, linkText: '查看审计日志' },
        { key: 'signins-today', label: '今日登录记录', count: log?.signins ?? 0, age: null, href: `/audit?tab=signins&${day}`, linkText: '查看登录记录' },
        { key: 'late-unacknowledged', label: '补录未经审批人核实', count: late?.unacknowledged ?? 0, age: ageText('waiting', today, late?.oldest ?? null), href: '/reports/late-entries', linkText: '查看补录情况' },
        { key: 'late-month', label: `本月（${month}）补录`, count: late?.thisMonth ?? 0, age: null, href: `/reports/late-entries?month=${month}`, linkText: '查看' },
        { key: 'applications-overdue', label: '申请已超期', count: work.applications?.overdue ?? 0, age: null, href: '/applications', linkText: '查看' },
        { key: 'temp-aid-overdue', label: '临时救助已超期', count: work.firstResponse?.overdue ?? 0, age: null, href: '/temp-aid', linkText: '查看' },
        { key: 'view-same-hands', label: '同一人经办多个环节', count: hands.total, age: null, href: '/audit/views#h-same-hands', linkText: '查看审计视图' },
        { key: 'view-bank-before-payout', label: `发放前 ${DEFAULT_DAYS} 天内变更银行账户`, count: banks.total, age: null, href: '/audit/views#h-bank', linkText: '查看审计视图' },
        { key: 'view-deceased-paid', label: '已故成员仍在发放', count: deceased.total, age: null, href: '/audit/views#h-deceased', linkText: '查看审计视图' },
      ],
      links: [
        { label: '审计日志（操作记录、登录记录、完整性校验）', href: '/audit' },
        { label: '审计视图（同一人经办多环节、发放前变更账户、已故成员仍在发放、查看身份证号）', href: '/audit/views' },
        { label: '补录情况', href: '/reports/late-entries' },
        { label: '月通报', href: '/reports/monthly' },
        { label: '累计统计', href: '/reports/period' },
      ],
    },
  ];
}

// ---------------------------------------------------------------- admin

async function adminSections(user: SessionUser, today: string, now: Date): Promise<DashboardSection[]> {
  const db = await getDb();
  const year = Number(today.slice(0, 4));
  const [[people], attacked, [standards], below, calendar] = await Promise.all([
    db
      .select({
        active: sql<number>`count(*) filter (where ${users.active})`.mapWith(Number),
        inactive: sql<number>`count(*) filter (where not ${users.active})`.mapWith(Number),
        mustChange: sql<number>`count(*) filter (where ${users.active} and ${users.mustChangePassword})`.mapWith(Number),
      })
      .from(users)
      .where(like(users.regionCode, `${scopePrefix(user.regionCode, user.regionLevel)}%`)),
    accountsUnderAttack(user, now),
    db.select({ count }).from(policyStandards).where(like(policyStandards.regionCode, `${scopePrefix(user.regionCode, user.regionLevel)}%`)),
    listCountyStandardsBelowCity(user, today),
    db
      .select({ year: sql<number>`extract(year from ${workCalendar.day})::int`, count })
      .from(workCalendar)
      .where(and(gte(workCalendar.day, `${year}-01-01`), lt(workCalendar.day, `${year + 2}-01-01`)))
      .groupBy(sql`1`),
  ]);
  const days = (y: number) => calendar.find((c) => c.year === y)?.count ?? 0;
  return [
    {
      key: 'system',
      title: '系统管理',
      tasks: [
        { key: 'users', label: '启用的用户', count: people?.active ?? 0, note: people?.inactive ? `另有 ${people.inactive} 个已停用` : undefined, age: null, href: '/admin/users', linkText: '用户管理' },
        { key: 'under-attack', label: '正遭密码猜测而锁定的账户', count: attacked.length, age: null, href: '/admin/users', linkText: '查看' },
        { key: 'must-change', label: '尚未修改临时密码的用户', count: people?.mustChange ?? 0, age: null, href: '/admin/users', linkText: '查看' },
        { key: 'standards', label: '政策标准', count: standards?.count ?? 0, note: below.length ? `${below.length} 项县级标准低于市级` : undefined, age: null, href: '/policy', linkText: '政策标准' },
        {
          key: 'calendar',
          label: `工作日历：${year} 年、${year + 1} 年已录入的调整日`,
          count: days(year) + days(year + 1),
          note: days(year + 1) === 0 ? `${year + 1} 年的节假日尚未录入` : undefined,
          age: null,
          href: '/admin/calendar',
          linkText: '工作日历',
        },
      ],
      links: [
        { label: '用户管理', href: '/admin/users' },
        { label: '政策标准', href: '/policy' },
        { label: '工作日历', href: '/admin/calendar' },
        { label: '价格临时补贴', href: '/payouts/price-subsidies' },
        { label: '审计日志', href: '/audit' },
      ],
    },
  ];
}

/**
 * The start page's part that depends on the role: what waits for this user's step, each figure
 * one count (with the oldest item's age) over indexed columns in the user's region — never a list.
 */
/**
 * 投诉举报 tasks, added to the role's first section: the handler's own open complaints, the
 * supervisor's unassigned ones, and those past the deadline (escalated to the city).
 */
async function complaintTasks(user: SessionUser, today: string): Promise<DashboardTask[]> {
  const n = await complaintTaskCounts(user, today);
  const escalated: DashboardTask = { key: 'complaints-escalated', label: '投诉举报已逾期（已升级至市级）', count: n.escalated, age: null, href: '/complaints?overdue=1', linkText: '查看' };
  if (user.role === 'auditor') return [escalated];
  const mine: DashboardTask = { key: 'complaints-mine', label: '待我承办的投诉举报', count: n.mine, age: null, href: '/complaints?status=assigned', linkText: '去办理' };
  if (user.role === 'supervisor') return [{ key: 'complaints-unassigned', label: '投诉举报待交办', count: n.unassigned, age: null, href: '/complaints?status=received', linkText: '去交办' }, mine, escalated];
  return [mine, escalated];
}

/** 监测预警: open alerts in the region and those past their deadline, each linked to its list. */
async function alertTasks(user: SessionUser, now: Date): Promise<DashboardTask[]> {
  const n = await alertCounts(user, now);
  return [
    { key: 'alerts-open', label: '待处理的监测预警', count: n.open, age: null, href: '/monitoring?state=open', linkText: '去处理' },
    { key: 'alerts-overdue', label: '逾期未处理的监测预警', count: n.overdue, age: null, href: '/monitoring?state=overdue', linkText: '查看' },
  ];
}

function withComplaints(sections: DashboardSection[], tasks: DashboardTask[]): DashboardSection[] {
  if (sections.length === 0 || tasks.length === 0) return sections;
  const [first, ...rest] = sections;
  return [{ ...first!, tasks: [...first!.tasks, ...tasks] }, ...rest];
}

export async function roleDashboard(user: SessionUser, now: Date = new Date()): Promise<RoleDashboard> {
  assertCan(user, 'report.read');
  const today = todayInChina(now);
  const board = await roleDashboardOf(user, today, now);
  if (user.role !== 'caseworker' && user.role !== 'supervisor' && user.role !== 'auditor') return board;
  const [complaints, alerts] = await Promise.all([complaintTasks(user, today), alertTasks(user, now)]);
  return { ...board, sections: withComplaints(board.sections, [...complaints, ...alerts]) };
}

async function roleDashboardOf(user: SessionUser, today: string, now: Date): Promise<RoleDashboard> {
  switch (user.role) {
    case 'caseworker': {
      const [sections, firstSteps] = await Promise.all([caseworkerSections(user, today), firstStepsFor(user)]);
      return { today, sections, firstSteps };
    }
    case 'supervisor':
      return { today, sections: await supervisorSections(user, today), firstSteps: null };
    case 'finance':
      return { today, sections: await financeSections(user, today), firstSteps: null };
    case 'auditor':
      return { today, sections: await auditorSections(user, today, now), firstSteps: null };
    case 'admin':
      return { today, sections: await adminSections(user, today, now), firstSteps: null };
  }
}
