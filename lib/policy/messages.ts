// The refusals of the policy area (standards, policy values, the working calendar), in one place.

export const policyMessages = {
  chooseItem: '请选择标准项目',
  regionOutOfScope: '区划不在您的管辖范围内',
  percent: '请填写百分比数字，最多两位小数，如 50 或 12.5',
  integer: '请填写整数',
  monthPaid: (month: string) => `${month} 的发放批次已审批，标准不能从该月或更早生效；请选择之后的月份`,
  sameDay: '该区划在这一天已有同一项标准；调整请另选生效日期',
  weekendHoliday: '周末本来就是休息日，无需登记为节假日',
  weekdayWorkday: '调休上班日应是周六或周日',
  valueMissing: (program: string, component: string) => `未配置政策参数 ${program}/${component}，请联系系统管理员`,
} as const;
