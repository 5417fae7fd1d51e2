import type { Metadata } from 'next';
import Link from 'next/link';
import { SubsidyRosterImportForm } from '@/components/subsidies/roster-import-form';
import { requirePermission } from '@/lib/auth/session';
import { subsidyRosterHeaders } from '@/lib/subsidies/roster';

export const metadata: Metadata = { title: '导入残疾人补贴花名册' };

/**
 * The roster of recipients the disabled persons' federation handed over in March 2019 (护理补贴
 * moved to civil affairs), with each person's history: imported whole or not at all.
 */
export default async function SubsidyRosterPage() {
  await requirePermission('enrollment.approve');
  return (
    <div className="max-w-4xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">导入残疾人补贴花名册</h1>
        <Link href="/applications/subsidies" className="text-blue-700 underline">返回残疾人补贴申请</Link>
      </div>
      <p className="text-sm text-slate-700">
        2019 年 3 月起重度残疾人护理补贴由残联移交民政部门发放。把残联的发放花名册连同历史整理成下列各列导入：每人每项补贴一行一段，标准变化时另起一行（起始月份递增），只有最后一段可以填写终止月份。
        每行都与户籍登记核对（本辖区在册成员，姓名、残疾类别和等级一致，残疾人证号与身份证号相符，尚未享受该项补贴）；有任何一行不符，整个文件都不导入。
      </p>
      <p className="text-sm">
        列：{subsidyRosterHeaders.join('、')}。
        <a href="/api/subsidies/roster/template" className="ml-2 text-blue-700 underline">下载模板</a>
      </p>
      <SubsidyRosterImportForm />
    </div>
  );
}
