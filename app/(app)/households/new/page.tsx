import type { Metadata } from 'next';
import { RegisterHouseholdForm } from '@/components/households/register-household-form';
import { requirePermission } from '@/lib/auth/session';
import { listVillagesInScope } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '登记家庭' };

export default async function NewHouseholdPage() {
  const user = await requirePermission('household.write');
  const townships = await listVillagesInScope(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">登记家庭</h1>
      <p className="text-sm text-slate-600">出生日期和性别由身份证号自动得出，无需填写。带 * 的为必填项。</p>
      <RegisterHouseholdForm townships={townships} />
    </div>
  );
}
