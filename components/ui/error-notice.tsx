'use client';

import Link from 'next/link';

/**
 * What a caseworker reads when a page or an action failed midway. Every money action is one
 * transaction, so it either happened whole or not at all; the page says how to tell which.
 */
export function ErrorNotice({ digest, retry }: { digest?: string; retry: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-2xl space-y-4 rounded border border-amber-300 bg-white p-6">
      <h1 className="text-xl font-semibold">页面没有正常打开</h1>
      <p>
        可能是网络或数据库暂时中断，或系统刚刚更新。刚才的操作（付款、审批、生成批次、登记等）在系统中是一个完整的事务：
        <strong>要么全部完成，要么完全没有发生</strong>，不会只做一半。
      </p>
      <div>
        <h2 className="font-medium">怎样确认刚才的操作是否已生效</h2>
        <ol className="mt-1 list-decimal space-y-1 pl-6 text-sm">
          <li>重新打开该记录的页面（家庭档案、申请、临时救助案件或发放批次），看它的状态和“变动记录”里有没有这次操作。</li>
          <li>先行救助看备用金台账有没有这笔支出；发放批次看状态和生成时间；审批看审批人和日期。</li>
          <li>没有记录，说明操作没有执行，可以重新办理；已经有记录，请不要重复办理。</li>
        </ol>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="button" onClick={retry} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
          重新打开本页
        </button>
        <Link href="/" className="text-blue-700 underline">返回工作台</Link>
      </div>
      <p className="text-xs text-slate-600">
        如果反复出现，请把出错时间{digest ? <>和错误编号 <code>{digest}</code></> : null}告诉系统管理员。
      </p>
    </div>
  );
}
