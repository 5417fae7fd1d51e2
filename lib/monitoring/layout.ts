import type { AlertOutcome, MonitoringFileKind, MonitoringRule } from '@/db/schema';

/**
 * The comparison files' layouts: one header row with these Chinese column names, one row per
 * record. docs/monitoring-files.md describes the same lists; the import reads only these.
 */
export interface MonitoringColumn {
  header: string;
  type: 'id' | 'text' | 'date' | 'yuan' | 'grade';
  description: string;
}

export const monitoringLayouts: Record<MonitoringFileKind, { label: string; source: string; columns: readonly MonitoringColumn[] }> = {
  death: {
    label: '死亡人员',
    source: '公安、殡葬',
    columns: [
      { header: '身份证号', type: 'id', description: '18 位居民身份证号' },
      { header: '姓名', type: 'text', description: '40 字以内' },
      { header: '死亡日期', type: 'date', description: 'YYYY-MM-DD，不晚于今天' },
    ],
  },
  medical: {
    label: '医保自付',
    source: '医保',
    columns: [
      { header: '身份证号', type: 'id', description: '18 位居民身份证号' },
      { header: '姓名', type: 'text', description: '40 字以内' },
      { header: '结算日期', type: 'date', description: 'YYYY-MM-DD，不晚于今天' },
      { header: '自付金额', type: 'yuan', description: '元，最多两位小数，如 1234.50' },
    ],
  },
  disability: {
    label: '新办残疾证',
    source: '残联',
    columns: [
      { header: '身份证号', type: 'id', description: '18 位居民身份证号' },
      { header: '证号', type: 'text', description: '残疾人证号' },
      { header: '类别', type: 'text', description: '视力、听力、言语、肢体、智力、精神、多重' },
      { header: '等级', type: 'grade', description: '1–4' },
      { header: '发证日期', type: 'date', description: 'YYYY-MM-DD，不晚于今天' },
    ],
  },
  unemployment: {
    label: '失业登记',
    source: '人社',
    columns: [
      { header: '身份证号', type: 'id', description: '18 位居民身份证号' },
      { header: '登记日期', type: 'date', description: 'YYYY-MM-DD，不晚于今天' },
    ],
  },
};

export const disabilityCategories = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;

export const ruleLabels: Record<MonitoringRule, string> = {
  medical_self_pay: '医保自付超线',
  severe_disability: '新办一二级残疾证',
  death_while_paid: '在保家庭成员死亡',
  unemployment_monitored: '监测对象家庭成员失业',
};

export const outcomeLabels: Record<AlertOutcome, string> = {
  enrolled: '已纳入低保/特困',
  temp_aid: '给予临时救助',
  referred: '转介其他部门',
  no_aid: '无需救助',
};

export const MAX_MONITORING_ROWS = 200_000;
export const MAX_MONITORING_BYTES = 20 * 1024 * 1024;
export const MAX_REPORTED = 1_000;

export interface MonitoringError {
  row: number;
  column: string;
  message: string;
  value?: string;
}
