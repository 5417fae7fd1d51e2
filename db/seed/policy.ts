import type { policyStandards } from '@/db/schema';

type Standard = Omit<typeof policyStandards.$inferInsert, 'id' | 'createdAt' | 'createdBy'>;

const CITY = '141100';
const JIAOKOU = '141130';

/**
 * Seed figures from the newspaper page (DESIGN.md) and the demo configuration (marked).
 * Annual standards are stored as published; the amount engine pays annual ÷ 12.
 */
export const seedStandards: Standard[] = [
  { program: 'dibao', component: 'rural_standard_annual', regionCode: CITY, effectiveFrom: '2016-01-01', amountFen: 281_900, note: '2016 农村低保标准 2,819 元/人·年（seed）' },
  { program: 'dibao', component: 'rural_standard_annual', regionCode: CITY, effectiveFrom: '2020-01-01', amountFen: 485_300, note: '2020 农村低保标准 4,853 元/人·年（seed）' },
  { program: 'dibao', component: 'rural_standard_monthly', regionCode: JIAOKOU, effectiveFrom: '2019-01-01', amountFen: 40_200, note: '交口县 2019 农村低保 402 元/人·月（演示配置）' },
  { program: 'dibao', component: 'classified_severe_disability', regionCode: CITY, effectiveFrom: '2019-01-01', basisPoints: 5_000, note: '分类施保：重度残疾 50%（演示配置）' },
  { program: 'dibao', component: 'classified_student', regionCode: CITY, effectiveFrom: '2019-01-01', basisPoints: 2_000, note: '分类施保：在校学生 20%（演示配置）' },
  { program: 'dibao', component: 'classified_combination', regionCode: CITY, effectiveFrom: '2019-01-01', textValue: 'highest', note: '一人属多个类别时按最高一项计发（演示配置）' },
  { program: 'dibao', component: 'elderly_age', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 60, note: '老年人：60 周岁及以上' },
  { program: 'dibao', component: 'minor_age', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 18, note: '未成年人：不满 18 周岁' },
  { program: 'dibao', component: 'near_dibao_multiplier_pct', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 150, note: '低保边缘：人均收入低于标准 1.5 倍' },
  { program: 'dibao', component: 'counted_income_kinds', regionCode: CITY, effectiveFrom: '2019-01-01', textValue: 'wages,business,property,transfer', note: '计入家庭收入的类别' },
  { program: 'dibao', component: 'deadline_investigation_start_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 3, note: '受理后 3 个工作日内开始调查' },
  { program: 'dibao', component: 'deadline_county_decision_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 10, note: '县级 10 个工作日内作出决定' },
  { program: 'dibao', component: 'deadline_total_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 30, note: '全程 30 个工作日' },
  { program: 'dibao', component: 'deadline_total_extended_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 45, note: '延长后 45 个工作日' },
  { program: 'dibao', component: 'public_notice_days', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 7, note: '公示 7 天' },
  { program: 'dibao', component: 'review_months_stable', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 12, note: '收入稳定家庭每年复核' },
  { program: 'dibao', component: 'review_months_unstable', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 6, note: '收入不稳定家庭每半年复核' },
  { program: 'dibao', component: 'late_entry_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 3, note: '环节日期早于录入日超过 3 个工作日为补录（演示配置）' },
  { program: 'dibao', component: 'gradual_exit_max_months', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 6, note: '渐退期最长 6 个月' },
  { program: 'tekun', component: 'dispersed_basic_annual', regionCode: CITY, effectiveFrom: '2016-01-01', amountFen: 319_600, note: '2016 分散供养 3,196 元/人·年（seed）' },
  { program: 'tekun', component: 'centralized_basic_annual', regionCode: CITY, effectiveFrom: '2016-01-01', amountFen: 580_500, note: '2016 集中供养 5,805 元/人·年（seed）' },
  { program: 'tekun', component: 'dispersed_basic_annual', regionCode: CITY, effectiveFrom: '2020-01-01', amountFen: 657_700, note: '2020 分散供养 6,577 元/人·年（seed）' },
  { program: 'tekun', component: 'centralized_basic_annual', regionCode: CITY, effectiveFrom: '2020-01-01', amountFen: 916_900, note: '2020 集中供养 9,169 元/人·年（seed）' },
  { program: 'tekun', component: 'min_ratio_to_dibao_pct', regionCode: CITY, effectiveFrom: '2020-01-01', intValue: 130, note: '特困基本生活标准不低于低保标准 1.3 倍（seed 的本地规则）' },
  { program: 'dis_living', component: 'monthly', regionCode: CITY, effectiveFrom: '2016-01-01', amountFen: 5_000, note: '困难残疾人生活补贴 50 元/月（seed）' },
  { program: 'dis_care', component: 'monthly', regionCode: CITY, effectiveFrom: '2016-01-01', amountFen: 5_000, note: '重度残疾人护理补贴 50 元/月（seed）' },
  { program: 'dis_care', component: 'grades', regionCode: CITY, effectiveFrom: '2016-01-01', textValue: '1,2', note: '护理补贴：一、二级残疾人' },
  { program: 'dis_care', component: 'kind_grades', regionCode: CITY, effectiveFrom: '2016-01-01', textValue: '', note: '护理补贴：不另行纳入其他类别和等级（演示配置）' },
  { program: 'dis_living', component: 'near_dibao_included', regionCode: CITY, effectiveFrom: '2016-01-01', intValue: 0, note: '生活补贴：限低保在册户（演示配置）' },
  { program: 'payout', component: 'sweep_shared_phone_households', regionCode: CITY, effectiveFrom: '2016-01-01', intValue: 5, note: '数据核查：同一联系电话登记在 5 户及以上的发放明细须核查（演示配置）' },
  { program: 'temp', component: 'first_response_cap', regionCode: CITY, effectiveFrom: '2019-01-01', amountFen: 500_000, note: '先行救助上限 5,000 元（演示配置）' },
  { program: 'temp', component: 'small_fast_cap_months_pct', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 100, note: '小额快救上限：当地 1 个月低保标准（100%，演示配置）' },
  { program: 'temp', component: 'normal_cap_months', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 6, note: '临时救助一般上限：6 个月低保标准（演示配置）' },
  { program: 'temp', component: 'city_decision_above', regionCode: CITY, effectiveFrom: '2019-01-01', amountFen: 2_000_000, note: '超过 20,000 元须报市级一事一议决定（演示配置）' },
  { program: 'temp', component: 'first_response_completion_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 10, note: '先行救助后 10 个工作日内补齐手续、办结（演示配置）' },
  { program: 'temp', component: 'small_fast_decision_days', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 3, note: '小额快救 3 日内审批' },
  { program: 'temp', component: 'public_notice_above', regionCode: CITY, effectiveFrom: '2019-01-01', amountFen: 200_000, note: '支出型临时救助超过 2,000 元须公示（演示配置）' },
  { program: 'temp', component: 'late_entry_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 3, note: '临时救助、备用金日期早于录入日超过 3 个工作日为补录（演示配置）' },
  { program: 'temp', component: 'public_notice_days', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 5, note: '临时救助公示 5 天（演示配置）' },
  { program: 'monitor', component: 'medical_self_pay_above', regionCode: CITY, effectiveFrom: '2019-01-01', amountFen: 1_000_000, note: '近 12 个月医保自付合计超过 10,000 元预警（演示配置）' },
  { program: 'monitor', component: 'medical_window_months', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 12, note: '医保自付按近 12 个月合计' },
  { program: 'monitor', component: 'disability_max_grade', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 2, note: '新办一、二级残疾证预警' },
  { program: 'monitor', component: 'alert_deadline_wd', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 10, note: '预警 10 个工作日内核实处理（演示配置）' },
  { program: 'monitor', component: 'left_program_months', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 12, note: '退出低保、特困 12 个月内仍列入监测' },
  { program: 'verification', component: 'deposit_months_of_standard', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 24, note: '存款及金融资产超过 24 个月保障标准 × 共同生活人数的，不符合条件（演示配置）' },
  { program: 'verification', component: 'vehicle_rule', regionCode: CITY, effectiveFrom: '2019-01-01', textValue: 'not_eligible', note: '有残疾人专用车辆以外的机动车的，不符合条件' },
  { program: 'verification', component: 'business_rule', regionCode: CITY, effectiveFrom: '2019-01-01', textValue: 'flag', note: '有工商登记的，提示核实经营情况' },
  { program: 'verification', component: 'valid_days', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 90, note: '核对结果 90 天内有效（演示配置）' },
  { program: 'complaint', component: 'complaint_deadline_working_days', regionCode: CITY, effectiveFrom: '2019-01-01', intValue: 15, note: '投诉举报自受理之日起 15 个工作日内办结答复（演示配置）' },
];
