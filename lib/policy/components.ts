/** The standards an admin can set, with the kind of value each carries and its Chinese name. */
export type ValueKind = 'money' | 'percent' | 'int' | 'text';

export const standardComponents: { program: string; component: string; label: string; kind: ValueKind; unit?: string }[] = [
  { program: 'dibao', component: 'rural_standard_monthly', label: '农村低保标准（月）', kind: 'money', unit: '元/人·月' },
  { program: 'dibao', component: 'rural_standard_annual', label: '农村低保标准（年）', kind: 'money', unit: '元/人·年' },
  { program: 'dibao', component: 'urban_standard_monthly', label: '城市低保标准（月）', kind: 'money', unit: '元/人·月' },
  { program: 'dibao', component: 'urban_standard_annual', label: '城市低保标准（年）', kind: 'money', unit: '元/人·年' },
  { program: 'dibao', component: 'classified_severe_disability', label: '分类施保：重度残疾', kind: 'percent', unit: '% 标准' },
  { program: 'dibao', component: 'classified_serious_illness', label: '分类施保：重病', kind: 'percent', unit: '% 标准' },
  { program: 'dibao', component: 'classified_elderly', label: '分类施保：老年人', kind: 'percent', unit: '% 标准' },
  { program: 'dibao', component: 'classified_minor', label: '分类施保：未成年人', kind: 'percent', unit: '% 标准' },
  { program: 'dibao', component: 'classified_student', label: '分类施保：在校学生', kind: 'percent', unit: '% 标准' },
  { program: 'dibao', component: 'near_dibao_multiplier_pct', label: '低保边缘倍数', kind: 'int', unit: '%' },
  { program: 'dibao', component: 'counted_income_kinds', label: '计入收入的类别', kind: 'text' },
  { program: 'dibao', component: 'deadline_investigation_start_wd', label: '受理后开始调查时限', kind: 'int', unit: '个工作日' },
  { program: 'dibao', component: 'deadline_county_decision_wd', label: '县级审批时限', kind: 'int', unit: '个工作日' },
  { program: 'dibao', component: 'deadline_total_wd', label: '全程办结时限', kind: 'int', unit: '个工作日' },
  { program: 'dibao', component: 'public_notice_days', label: '公示天数', kind: 'int', unit: '天' },
  { program: 'dibao', component: 'late_entry_wd', label: '补录认定（环节日期早于录入日超过）', kind: 'int', unit: '个工作日' },
  { program: 'dibao', component: 'review_months_stable', label: '复核周期（稳定家庭）', kind: 'int', unit: '个月' },
  { program: 'dibao', component: 'review_months_unstable', label: '复核周期（收入不稳定）', kind: 'int', unit: '个月' },
  { program: 'dibao', component: 'gradual_exit_max_months', label: '渐退期上限', kind: 'int', unit: '个月' },
  { program: 'tekun', component: 'dispersed_basic_annual', label: '特困分散供养基本生活标准', kind: 'money', unit: '元/人·年' },
  { program: 'tekun', component: 'centralized_basic_annual', label: '特困集中供养基本生活标准', kind: 'money', unit: '元/人·年' },
  { program: 'tekun', component: 'min_ratio_to_dibao_pct', label: '特困标准不低于低保标准的倍数', kind: 'int', unit: '%' },
  { program: 'dis_living', component: 'monthly', label: '困难残疾人生活补贴', kind: 'money', unit: '元/人·月' },
  { program: 'dis_care', component: 'monthly', label: '重度残疾人护理补贴', kind: 'money', unit: '元/人·月' },
  { program: 'temp', component: 'first_response_cap', label: '先行救助上限', kind: 'money', unit: '元' },
  { program: 'temp', component: 'small_fast_cap_months_pct', label: '小额快救上限（占月低保标准）', kind: 'int', unit: '%' },
  { program: 'temp', component: 'normal_cap_months', label: '临时救助一般上限（月低保标准的倍数）', kind: 'int', unit: '个月' },
  { program: 'temp', component: 'city_decision_above', label: '须报市级一事一议的金额', kind: 'money', unit: '元' },
  { program: 'temp', component: 'first_response_completion_wd', label: '先行救助办结时限', kind: 'int', unit: '个工作日' },
  { program: 'temp', component: 'small_fast_decision_days', label: '小额快救审批时限', kind: 'int', unit: '天' },
  { program: 'temp', component: 'public_notice_above', label: '支出型救助须公示的金额', kind: 'money', unit: '元' },
  { program: 'temp', component: 'public_notice_days', label: '临时救助公示天数', kind: 'int', unit: '天' },
  { program: 'complaint', component: 'complaint_deadline_working_days', label: '投诉举报办结答复时限', kind: 'int', unit: '个工作日' },
  { program: 'temp', component: 'late_entry_wd', label: '临时救助、备用金补录认定（日期早于录入日超过）', kind: 'int', unit: '个工作日' },
  { program: 'monitor', component: 'medical_self_pay_above', label: '医保自付预警线（近 12 个月合计）', kind: 'money', unit: '元' },
  { program: 'monitor', component: 'medical_window_months', label: '医保自付合计期间', kind: 'int', unit: '个月' },
  { program: 'monitor', component: 'disability_max_grade', label: '新办残疾证预警等级（不高于）', kind: 'int', unit: '级' },
  { program: 'monitor', component: 'alert_deadline_wd', label: '预警处理时限', kind: 'int', unit: '个工作日' },
  { program: 'monitor', component: 'left_program_months', label: '退出后监测期', kind: 'int', unit: '个月' },
];

export function componentOf(program: string, component: string) {
  return standardComponents.find((c) => c.program === program && c.component === component);
}
