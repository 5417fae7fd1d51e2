import type { SessionUser } from '@/lib/auth/types';
import { can } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/core/format';
import { documentKindLabels, documentOwnerLabels } from '@/lib/documents/labels';
import { listDocuments } from '@/lib/documents/queries';
import { formatBytes, shortSha } from '@/lib/documents/rules';
import type { DocumentOwner } from '@/lib/documents/schemas';
import { DataTable } from '@/components/ui/data-table';
import { DocumentUploadForm } from './upload-form';
import { WithdrawDocumentForm } from './withdraw-form';

/** 材料: the record's papers with their download links, and the upload form for those who may upload. */
export async function DocumentsSection({ user, owner, archiveHref }: { user: SessionUser; owner: DocumentOwner; archiveHref?: string }) {
  const rows = await listDocuments(user, owner);
  const kinds = Object.entries(documentKindLabels).map(([value, label]) => ({ value, label }));
  const withdrawable = rows.filter((d) => !d.withdrawnAt).map((d) => ({ id: d.id, label: `${documentKindLabels[d.kind]}：${d.fileName}（${formatDateTime(d.uploadedAt)}）` }));
  const headingId = `h-documents-${owner.ownerId}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">材料</h2>
        {archiveHref && (
          <a href={archiveHref} className="text-sm text-blue-700 underline" download>
            下载一户一档（ZIP）
          </a>
        )}
      </div>
      <DataTable
        caption="材料"
        captionHidden
        rows={rows}
        rowKey={(d) => d.id}
        empty="尚未上传材料"
        rowClassName={(d) => (d.withdrawnAt ? 'text-slate-500' : undefined)}
        columns={[
          { key: 'kind', header: '材料类别', cell: (d) => documentKindLabels[d.kind] },
          owner.ownerType === 'household' ? { key: 'owner', header: '所属', cell: (d) => documentOwnerLabels[d.ownerType] } : null,
          {
            key: 'file',
            header: '文件',
            cell: (d) => (
              <a href={`/api/documents/${d.id}`} className="text-blue-700 underline" download>
                {d.fileName}
              </a>
            ),
          },
          { key: 'size', header: '大小', numeric: true, cell: (d) => formatBytes(d.sizeBytes) },
          { key: 'by', header: '上传人', cell: (d) => d.uploadedByName },
          { key: 'at', header: '上传时间', cell: (d) => formatDateTime(d.uploadedAt) },
          { key: 'sha', header: 'SHA-256', cell: (d) => <span className="font-mono" title={d.sha256}>{shortSha(d.sha256)}</span> },
          { key: 'state', header: '状态', cell: (d) => (d.withdrawnAt ? `已作废：${d.withdrawnReason ?? ''}` : '有效') },
        ]}
      />
      {can(user.role, 'document.upload') && <DocumentUploadForm owner={owner} kinds={kinds} />}
      {can(user.role, 'document.upload') && withdrawable.length > 0 && <WithdrawDocumentForm documents={withdrawable} />}
    </section>
  );
}
