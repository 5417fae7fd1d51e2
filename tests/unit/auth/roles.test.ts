import { describe, expect, it } from 'vitest';
import { navigationFor } from '@/lib/auth/navigation';
import { can } from '@/lib/auth/permissions';
import { passwordSchema } from '@/lib/auth/password';
import { maskAccount, maskIdNumber } from '@/lib/households/mask';
import { formatDate, formatFen } from '@/lib/core/format';

describe('role matrix', () => {
  it('gives each role its own navigation', () => {
    const labels = (role: Parameters<typeof navigationFor>[0]['role']) => navigationFor({ role }).map((i) => i.label);
    expect(labels('caseworker')).toEqual(['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准']);
    expect(labels('supervisor')).toEqual(['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准']);
    expect(labels('auditor')).toEqual(['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准', '审计日志', '审计视图']);
    expect(labels('admin')).toEqual(['工作台', '价格临时补贴', '统计报表', '政策标准', '用户管理', '工作日历', '核对部门', '审计日志', '审计视图']);
    expect(labels('finance')).toEqual(['工作台', '资金发放', '统计报表']);
  });

  it('gives the bank file and the return file to finance alone, who approves and registers nothing', () => {
    const roles = ['caseworker', 'supervisor', 'auditor', 'admin', 'finance'] as const;
    const holders = (p: Parameters<typeof can>[1]) => roles.filter((r) => can(r, p));
    expect(holders('payout.bank_file')).toEqual(['finance']);
    expect(holders('payout.reconcile')).toEqual(['finance']);
    expect(holders('payout.approve')).toEqual(['supervisor']);
    for (const p of ['payout.prepare', 'payout.approve', 'application.decide', 'enrollment.approve', 'tempaid.pay', 'tempaid.decide', 'household.read', 'household.write'] as const) {
      expect(can('finance', p), `finance must not hold ${p}`).toBe(false);
    }
    expect(can('finance', 'payout.read')).toBe(true);
  });

  it('keeps auditors read-only and personal data away from admins', () => {
    expect(can('auditor', 'household.read')).toBe(true);
    expect(can('auditor', 'household.write')).toBe(false);
    expect(can('admin', 'household.read')).toBe(false);
    expect(can('caseworker', 'user.manage')).toBe(false);
  });
});

describe('password policy', () => {
  it('refuses short, common and repetitive passwords', () => {
    expect(passwordSchema.safeParse('Ab1#xyz').success).toBe(false);
    expect(passwordSchema.safeParse('Password123').success).toBe(false);
    expect(passwordSchema.safeParse('aaaaaaaaaa').success).toBe(false);
    expect(passwordSchema.safeParse('Kangcheng#2026').success).toBe(true);
  });
});

describe('display formats', () => {
  it('masks resident IDs and accounts', () => {
    expect(maskIdNumber('141130198003129013')).toBe('141130********9013');
    expect(maskAccount('6222021234567890123')).toBe('6222 **** **** 0123');
  });

  it('formats money from fen and dates in China time', () => {
    expect(formatFen(245_200)).toBe('¥2,452.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatDate(new Date('2026-11-28T17:00:00Z'))).toBe('2026-11-29');
  });
});
