// The refusals of the application area (dibao and 特困 from 受理 to decision), in one place.

interface NearDibaoFigures {
  perPerson: string;
  persons: number;
  standard: string;
  pct: number;
  limit: string;
}

export const applicationMessages = {
  notConfigured: (what: string) => `未配置${what}`,
  nobodyCovered: '没有可纳入保障的在户成员',
  applicantNotMember: '申请人须是本户在户成员',
  singleNotAllowed: '单独申请仅限重度残疾（一、二级，或三级智力、精神残疾）或患重病的成员',
  openApplication: '该家庭已有一件同类申请正在办理',
  singleNotNearDibao: (f: NearDibaoFigures) =>
    `单独申请须为低保边缘家庭的成员：该户 ${f.persons} 人，计入收入人均 ${f.perPerson}/月，不低于低保边缘上限 ${f.limit}/月（低保标准 ${f.standard} 的 ${f.pct}%）`,
  singleBelowStandard: (f: NearDibaoFigures) =>
    `该户计入收入人均 ${f.perPerson}/月，低于低保标准 ${f.standard}/月，应以全户申请低保，不适用单独申请`,
  inTekun: (household: string) => `已在特困人员救助供养中（${household}）`,
  openTekunApplication: '有正在办理的特困供养申请',
  dateInFuture: '日期不能晚于今天',
  /** The step before it (受理日, 入户调查日…) or the registration (申请登记日), with its date. */
  dateBefore: (what: string, notBefore: string) => `日期不能早于${what}（${notBefore}）`,
  noticeRunning: (end: string) => `公示期至 ${end}，期满后方可审批`,
  notEligible: '按决定日的收入和标准，家庭收入不低于保障标准，不符合条件；如需不予批准请写明理由',
  alreadyCovered: '有成员已在低保或特困保障中，同一人不能同时享受两项基本生活保障',
  countyVisitNotNeeded: '该申请不是近亲属备案件，无需县级入户核查',
} as const;
