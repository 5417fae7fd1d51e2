/** The key that signs and encrypts session tokens. Production refuses to run without a strong one. */
export function authSecret(): string | undefined {
  return process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
}

export function assertAuthSecret(): void {
  const secret = authSecret();
  if (process.env.NODE_ENV === 'production' && (!secret || secret.length < 32)) {
    throw new Error(
      'NEXTAUTH_SECRET 未设置或少于 32 个字符：生产环境拒绝启动。请设置，例如 NEXTAUTH_SECRET=$(openssl rand -base64 32)',
    );
  }
}
