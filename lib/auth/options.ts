import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { clientIp } from './client-address';
import { safeRedirectUrl } from './return-path';
import { authSecret } from './secret';
import { signInSchema, signInWithPassword } from './sign-in';
import { endSession } from './sign-out';
import { IDLE_TIMEOUT_SECONDS, SESSION_COOKIE, type SessionClaims } from './types';

const secureCookie = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
  jwt: { maxAge: IDLE_TIMEOUT_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookie },
    },
  },
  providers: [
    CredentialsProvider({
      name: '用户名和密码',
      credentials: {
        username: { label: '用户名', type: 'text' },
        password: { label: '密码', type: 'password' },
        otp: { label: '动态口令或恢复码', type: 'text' },
      },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const result = await signInWithPassword(await getDb(), { ...parsed.data, ip: clientIp(req.headers) });
        if (result.ok) return { id: result.user.id, name: result.user.name, sv: result.user.sessionVersion, enrol: result.user.enrol };
        // The sign-in form shows each of these in its own words (components/auth/credentials.ts).
        if (result.code !== 'invalid') throw new Error(result.code);
        return null;
      },
    }),
  ],
  callbacks: {
    // Only a path of this site (lib/auth/return-path.ts), whatever callbackUrl was sent.
    redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
    jwt({ token, user }) {
      if (user) {
        // Only ids and numbers in the token: the user's details are read fresh on every request.
        const { sv, enrol } = user as { sv?: number; enrol?: boolean };
        return { sub: user.id, uid: user.id, sv, loginAt: Math.floor(Date.now() / 1000), ...(enrol ? { enrol: true } : {}) };
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.uid } } as typeof session;
    },
  },
  events: {
    async signOut({ token }) {
      await endSession(await getDb(), token as Partial<SessionClaims>);
    },
  },
  logger: {
    // next-auth logs credentials-provider errors with the request; keep only the code.
    error: (code) => console.error(`[auth] ${code}`),
    warn: (code) => console.warn(`[auth] ${code}`),
    debug: () => {},
  },
};
