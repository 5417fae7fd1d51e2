// The refusals of the institutions area (供养机构, 集中供养), in one place.
export const institutionMessages = {
  regionOutside: '所选乡镇不在您的管辖范围内',
  regionUnknown: '请选择机构所在乡镇',
  personNotFound: '本县没有这个身份证号的在册特困人员',
  notActive: '该特困人员当前不在正常供养状态，不能办理入住',
  alreadyPlaced: '该特困人员已入住供养机构，请先办理离院',
  full: (capacity: number) => `机构床位已满（核定床位 ${capacity} 张）`,
  closed: '机构已停用，不能办理入住',
  admittedAfterDischarge: (on: string) => `入住日期须晚于上次离院所在月份（上次离院 ${on}）`,
  beforeEnrollment: (start: string) => `入住日期不能早于特困供养起始月份 ${start}`,
  dischargeBeforeAdmission: (on: string) => `离院日期不能早于入住日期 ${on}`,
  alreadyDischarged: '该入住记录已办理离院',
  amountMonthTaken: (month: string) => `${month} 已有一条金额记录（同月入住、离院又入住），请核对日期`,
  capacityBelowResidents: (n: number) => `核定床位不能少于现有入住人数 ${n}`,
} as const;
