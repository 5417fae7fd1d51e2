import type { Metadata } from 'next';
import { InstitutionForm } from '@/components/institutions/forms';
import { requirePermission } from '@/lib/auth/session';
import { institutionTownships } from '@/lib/institutions/queries';

export const metadata: Metadata = { title: '登记供养机构' };

export default async function NewInstitutionPage() {
  const user = await requirePermission('institution.manage');
  const townships = await institutionTownships(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">登记供养机构</h1>
      <InstitutionForm townships={townships} />
    </div>
  );
}
