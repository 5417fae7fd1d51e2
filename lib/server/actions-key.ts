/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: the key Next.js salts the server actions' ids with at build
 * time and encrypts their bound arguments with at run time (AES-GCM, so base64 of 16, 24 or 32
 * bytes). Unset is allowed (Next draws one per build, fine for one machine); a malformed one
 * would fail only at the first action that encrypts, so the server refuses to start with it.
 */
export function actionsKeyProblem(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(value) && value.length % 4 === 0 ? Buffer.from(value, 'base64').length : -1;
  if (bytes === 16 || bytes === 24 || bytes === 32) return null;
  return (
    'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY 应为 16、24 或 32 字节的 base64（例如 $(openssl rand -base64 32)），' +
    '且构建与运行时、每台应用服务器相同：拒绝启动'
  );
}

export function assertActionsKey(): void {
  const problem = actionsKeyProblem(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY);
  if (problem) throw new Error(problem);
}
