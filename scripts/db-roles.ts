// Sets up least privilege on a PostgreSQL server for Doudi (db/roles.ts): an owner role that
// migrations run as, an app role that owns nothing, and a database owned by the owner.
//
//   npm run db:roles -- doudi            (as the server's superuser, SUPERUSER_URL or the local default)
//
// Then start with both URLs (the README's "Configuration"):
//   DATABASE_URL=postgres://doudi_app@127.0.0.1:5432/doudi
//   MIGRATION_DATABASE_URL=postgres://doudi_owner@127.0.0.1:5432/doudi
// The roles get no password here (a local trust server); a real office's DBA sets them
// (ALTER ROLE … PASSWORD, typed at psql's \password prompt, never in a file).
import postgres from 'postgres';
import { ensureRoles } from '@/db/roles';

const database = process.argv[2] ?? 'doudi';
if (!/^[a-z][a-z0-9_]*$/.test(database)) throw new Error(`database name must be lower-case letters, digits and _: ${database}`);
const superuserUrl = process.env.SUPERUSER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const owner = process.env.DOUDI_OWNER_ROLE ?? 'doudi_owner';
const app = process.env.DOUDI_APP_ROLE ?? 'doudi_app';

const sql = postgres(superuserUrl, { max: 1, onnotice: () => {} });
try {
  await ensureRoles(sql, owner, app);
  const [exists] = await sql`select 1 from pg_database where datname = ${database}`;
  if (exists) await sql.unsafe(`alter database "${database}" owner to "${owner}"`);
  else await sql.unsafe(`create database "${database}" owner "${owner}"`);
  const url = (role: string) => {
    const u = new URL(superuserUrl);
    u.username = role;
    u.password = '';
    u.pathname = `/${database}`;
    return u.toString();
  };
  console.log(`数据库 ${database} 归 ${owner} 所有；应用角色 ${app} 不拥有任何表。启动时设置：`);
  console.log(`DATABASE_URL=${url(app)}`);
  console.log(`MIGRATION_DATABASE_URL=${url(owner)}`);
} finally {
  await sql.end();
}
