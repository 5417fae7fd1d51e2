// What a broken link of the audit log's hash chain means, for the auditor (page and command).

export type ChainProblem = 'missing_row' | 'broken_link' | 'changed_row' | 'unlinked_row';

export const chainProblemLabels: Record<ChainProblem, string> = {
  changed_row: '记录内容被改动',
  missing_row: '记录被删除',
  broken_link: '链条断开（有链节被删除、插入或改动）',
  unlinked_row: '有记录未入链（绕过了系统写入）',
};
