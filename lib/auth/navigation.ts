import { can, type Permission } from './permissions';
import type { SessionUser } from './types';

const items: { href: string; label: string; permission?: Permission }[] = [
  { href: '/', label: '工作台' },
  { href: '/households', label: '家庭档案', permission: 'household.read' },
  { href: '/applications', label: '申请审批', permission: 'application.read' },
  { href: '/enrollments', label: '在册管理', permission: 'enrollment.read' },
  { href: '/enrollments/list', label: '在册名单', permission: 'enrollment.read' },
  { href: '/reviews', label: '定期复核', permission: 'review.read' },
  { href: '/institutions', label: '供养机构', permission: 'institution.read' },
  { href: '/payouts', label: '资金发放', permission: 'payout.read' },
  { href: '/payouts/price-subsidies', label: '价格临时补贴', permission: 'price_subsidy.manage' },
  { href: '/temp-aid', label: '临时救助', permission: 'tempaid.read' },
  { href: '/monitoring', label: '监测预警', permission: 'monitoring.read' },
  { href: '/complaints', label: '投诉举报', permission: 'complaint.read' },
  { href: '/reports', label: '统计报表', permission: 'report.read' },
  { href: '/policy', label: '政策标准', permission: 'policy.read' },
  { href: '/admin/users', label: '用户管理', permission: 'user.manage' },
  { href: '/admin/calendar', label: '工作日历', permission: 'calendar.manage' },
  { href: '/admin/verification-departments', label: '核对部门', permission: 'verification.departments' },
  { href: '/audit', label: '审计日志', permission: 'audit.read' },
  { href: '/audit/views', label: '审计视图', permission: 'audit.read' },
];

export function navigationFor(user: Pick<SessionUser, 'role'>) {
  return items.filter((i) => !i.permission || can(user.role, i.permission));
}
