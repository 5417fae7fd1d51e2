// Least privilege at the database. Migrations run as an owner role (it owns every table,
// trigger and function); the application runs as a role that owns nothing: it cannot alter a
// table, disable a trigger or set session_replication_role, and on the append-only record (the
// audit log, the fund ledger, the bank's return files) it may only INSERT and SELECT.
import type postgres from 'postgres';

/** Tables the application may add to and read, never change: the record. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_chain', 'fund_ledger', 'bank_returns', 'documents', 'document_withdrawals'] as const;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Gives the app role what it needs on what the migrations made, and nothing more; run by the
 * owner after every migration (idempotent), so new tables are covered too.
 */
export async function grantAppRole(owner: postgres.Sql, appRole: string): Promise<void> {
  const app = ident(appRole);
  await owner.unsafe(`
    GRANT USAGE ON SCHEMA public TO ${app};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
    REVOKE UPDATE, DELETE, TRUNCATE ON ${APPEND_ONLY_TABLES.join(', ')} FROM ${app};
    REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
    GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${app};
  `);
}

/** The role a postgres:// URL signs in as (empty when the URL names none). */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the owner and app roles on a server if they are missing (as a superuser: for local
 * test and demo servers; a real office's DBA creates them with passwords, see the README).
 */
export async function ensureRoles(superuser: postgres.Sql, owner: string, app: string): Promise<void> {
  for (const role of [owner, app]) {
    const [found] = await superuser`select 1 from pg_roles where rolname = ${role}`;
    if (!found) {
      await superuser.unsafe(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION`).catch((e: { code?: string }) => {
        if (e.code !== '42710') throw e; // created by a concurrent run in the meantime
      });
    }
  }
}
