import type { Metadata } from 'next';
import { DepartmentActiveToggle, DepartmentForm } from '@/components/verification/department-forms';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { listDepartments } from '@/lib/verification/departments';

export const metadata: Metadata = { title: '核对部门' };

export default async function VerificationDepartmentsPage() {
  const user = await requirePermission('verification.departments');
  const departments = await listDepartments(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">核对部门</h1>
      <p className="text-sm text-slate-600">发起家庭经济状况核对时，向每个启用的部门各发一份请求文件，各部门各回复一次。停用的部门不再出现在新的核对中；已发出的核对仍等待其回复。</p>
      <DepartmentForm />
      <DataTable
        rows={departments}
        rowKey={(d) => d.id}
        columns={[
          { key: 'name', header: '部门', cell: (d) => d.name },
          { key: 'code', header: '代码', className: 'font-mono', cell: (d) => d.code },
          { key: 'matters', header: '核对事项', cell: (d) => d.matters },
          { key: 'active', header: '状态', cell: (d) => (d.active ? '启用' : '已停用') },
          { key: 'toggle', header: <span className="sr-only">操作</span>, cell: (d) => <DepartmentActiveToggle id={d.id} name={d.name} active={d.active} /> },
        ]}
      />
    </div>
  );
}
