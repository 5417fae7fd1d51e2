#!/usr/bin/env bash
# Doudi on more than one app server (`npm run test:multinode`): two `next start` of ONE build
# behind nginx (round robin), on one PostgreSQL database, then e2e/multinode.spec.ts
# (playwright.multinode.config.ts) against them: a session made through nginx holds on both
# servers, a form served by one server is done by the other, and payout-run starts, approvals
# and reserve-fund draws sent at once to both servers happen exactly once / never overdraw.
# Then (MULTINODE_BUILD=twice, the default) a second, clean build with the same key and build id
# must give the same build id and the same server-action ids (server-reference-manifest.json).
#
# It prepares what it needs, like scripts/test-all.sh: nginx from Debian (apt-get) when missing,
# a database doudi_multi_<pid> (roles doudi_multi_owner / doudi_multi_app, migrated and seeded in
# demo mode by the project's scripts), nginx's config, pid, logs and temp folders in a temp
# folder (no system config touched; nginx runs in the foreground as a child of this script).
# Everything is stopped and the database dropped on exit, whatever happens (trap).
#
# Environment (all optional):
#   MULTINODE_PORT     nginx's port; the servers take the next two (default 3240: 3241, 3242)
#   MULTINODE_BUILD    twice (default): build, test, build again clean and compare the actions;
#                      once: build and test; reuse: test the build in .next as it is, with
#                      the key it was built with (scripts/test-all.sh's step `multinode`)
#   TEST_DATABASE_URL  the PostgreSQL server, as a superuser (default postgres://postgres@127.0.0.1:5432/postgres)
#   NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, DOUDI_BUILD_ID  the builds' key and id (defaults: a
#                      fixed test-only key; the git commit, next.config.js)
#   MULTINODE_KEEP=1   leave the temp folder (logs, nginx config) for a look afterwards
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

PORT="${MULTINODE_PORT:-3240}"
PORT_A=$((PORT + 1))
PORT_B=$((PORT + 2))
MODE="${MULTINODE_BUILD:-twice}"
case "$MODE" in twice | once | reuse) ;; *) echo "multinode: MULTINODE_BUILD is twice, once or reuse, not '$MODE'" >&2; exit 2 ;; esac
SUPERUSER_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
DB="doudi_multi_$$"
OWNER_ROLE=doudi_multi_owner
APP_ROLE=doudi_multi_app
# Test-only values (never use them anywhere else): every server and build of the run shares them.
SECRET="doudi-multinode-only-secret-0123456789abcdef0123"
NEXT_SERVER_ACTIONS_ENCRYPTION_KEY_GIVEN="${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-}"
KEY="${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-$(printf '%s' 'doudi-multinode-test-only-key-32' | base64)}"
export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$KEY"

TOTAL_START=$SECONDS
TIMES=()
phase() { printf '\n\033[1m==== multinode: %s ====\033[0m\n' "$1"; PHASE_START=$SECONDS; PHASE_NAME="$1"; }
phase_done() { TIMES+=("$PHASE_NAME $((SECONDS - PHASE_START))s"); echo "---- $PHASE_NAME: $((SECONDS - PHASE_START))s"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "multinode: need root to run: $*" >&2; return 1
  fi
}

url_of() { # url_of ROLE DATABASE
  node -e 'const u = new URL(process.argv[1]); u.username = process.argv[2]; u.password = process.env.TEST_ROLE_PASSWORD ?? ""; u.pathname = "/" + process.argv[3]; console.log(u.toString())' "$SUPERUSER_URL" "$1" "$2"
}
sql_admin() { # sql_admin STATEMENT: as the superuser, on its own database
  node --input-type=module -e 'import postgres from "postgres"; const sql = postgres(process.argv[1], { max: 1, onnotice: () => {} }); try { await sql.unsafe(process.argv[2]); } finally { await sql.end(); }' "$SUPERUSER_URL" "$1"
}

WORK="$(mktemp -d /tmp/doudi-multinode.XXXXXX)"
chmod 755 "$WORK" # nginx's workers (nobody) read its temp folders
PIDS=()
DB_CREATED=
cleanup() {
  local rc=$?
  set +e
  for pid in "${PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null
  done
  if [ -n "$DB_CREATED" ]; then
    sql_admin "drop database if exists \"$DB\" with (force)" && echo "multinode: dropped database $DB" || echo "multinode: could not drop database $DB" >&2
  fi
  if [ "${MULTINODE_KEEP:-}" = 1 ]; then echo "multinode: logs kept in $WORK"; else rm -rf "$WORK"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------------------ prepare
phase "prepare: nginx"
NGINX="$(command -v nginx || true)"
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  echo "nginx missing: installing Debian's nginx"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx
  NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
fi
"$NGINX" -v
for p in "$PORT" "$PORT_A" "$PORT_B"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "multinode: port $p is taken" >&2; exit 1; fi
done
phase_done

phase "build ($MODE)"
if [ "$MODE" = reuse ]; then
  [ -f .next/BUILD_ID ] || { echo "multinode: MULTINODE_BUILD=reuse but there is no build in .next" >&2; exit 1; }
  echo "reusing the build in .next ($(cat .next/BUILD_ID))"
  # Both servers run with the key that build was made with (its own, unless one was given).
  if [ -z "${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY_GIVEN:-}" ]; then
    KEY="$(node -p 'require("./.next/server/server-reference-manifest.json").encryptionKey')"
    export NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$KEY"
  fi
else
  env NODE_ENV=production NEXTAUTH_SECRET="$SECRET" npx next build
fi
cp .next/BUILD_ID "$WORK/BUILD_ID.1"
cp .next/server/server-reference-manifest.json "$WORK/actions.1.json"
phase_done

phase "database $DB"
DATABASE_URL="$(url_of "$APP_ROLE" "$DB")"
MIGRATION_DATABASE_URL="$(url_of "$OWNER_ROLE" "$DB")"
DB_CREATED=1
SUPERUSER_URL="$SUPERUSER_URL" DOUDI_OWNER_ROLE="$OWNER_ROLE" DOUDI_APP_ROLE="$APP_ROLE" npx tsx scripts/db-roles.ts "$DB" >/dev/null
DATABASE_URL="$DATABASE_URL" MIGRATION_DATABASE_URL="$MIGRATION_DATABASE_URL" DOUDI_DEMO=1 npx tsx scripts/seed.ts | tail -n 3
phase_done

# ------------------------------------------------------------------------------ cluster
phase "start two servers and nginx"
start_server() { # start_server PORT LOG: `next start` in its own process group
  setsid env NODE_ENV=production NEXTAUTH_SECRET="$SECRET" NEXTAUTH_URL="http://127.0.0.1:$PORT" \
    DATABASE_URL="$DATABASE_URL" MIGRATION_DATABASE_URL="$MIGRATION_DATABASE_URL" DOUDI_DEMO=1 \
    TRUSTED_PROXIES=127.0.0.1 DOUDI_DOCUMENTS_DIR="$WORK/documents" \
    node node_modules/next/dist/bin/next start -p "$1" -H 127.0.0.1 >"$2" 2>&1 &
  PIDS+=("$!")
}
start_server "$PORT_A" "$WORK/server-a.log"
start_server "$PORT_B" "$WORK/server-b.log"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<EOF
# Written by scripts/multinode-test.sh: the README's upstream example on loopback ports.
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 512; }
http {
  log_format upstream '\$remote_addr "\$request" \$status upstream=\$upstream_addr';
  access_log $WORK/nginx/access.log upstream;
  client_body_temp_path $WORK/nginx/client_body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  upstream doudi {
    server 127.0.0.1:$PORT_A;
    server 127.0.0.1:$PORT_B;
  }
  server {
    listen 127.0.0.1:$PORT;
    client_max_body_size 12m;
    location / {
      proxy_pass http://doudi;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 300s;
    }
  }
}
EOF
"$NGINX" -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
setsid "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=("$!")

wait_for() { # wait_for URL LOG
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$1"; then return 0; fi
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "multinode: a process died; $2:" >&2; tail -n 30 "$2" >&2; return 1; }; done
    sleep 0.5
  done
  echo "multinode: $1 did not answer in 120 s; $2:" >&2
  tail -n 30 "$2" >&2
  return 1
}
wait_for "http://127.0.0.1:$PORT_A/api/health" "$WORK/server-a.log"
wait_for "http://127.0.0.1:$PORT_B/api/health" "$WORK/server-b.log"
wait_for "http://127.0.0.1:$PORT/api/health" "$WORK/nginx/error.log"
: >"$WORK/nginx/access.log" # the spec reads which server answered what from here on
phase_done

phase "e2e/multinode.spec.ts"
MULTINODE_URL="http://127.0.0.1:$PORT" MULTINODE_NODE_A_URL="http://127.0.0.1:$PORT_A" MULTINODE_NODE_B_URL="http://127.0.0.1:$PORT_B" \
  MULTINODE_DATABASE_URL="$(url_of "$(node -e 'console.log(new URL(process.argv[1]).username || "postgres")' "$SUPERUSER_URL")" "$DB")" \
  MULTINODE_NGINX_LOG="$WORK/nginx/access.log" \
  npx playwright test -c playwright.multinode.config.ts || {
  rc=$?
  echo "multinode: the spec failed; server logs:" >&2
  tail -n 20 "$WORK/server-a.log" "$WORK/server-b.log" "$WORK/nginx/error.log" >&2
  exit "$rc"
}
echo "requests per server through nginx: $(grep -o 'upstream=[0-9.:]*' "$WORK/nginx/access.log" | sort | uniq -c | tr -s ' \n' ' ')"
phase_done

# ------------------------------------------------------------------------------ second build
if [ "$MODE" = twice ]; then
  phase "stop the cluster"
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; done
  PIDS=()
  phase_done

  phase "second build, clean (no .next, no cached key), same key and build id"
  rm -rf .next
  env NODE_ENV=production NEXTAUTH_SECRET="$SECRET" npx next build
  cp .next/BUILD_ID "$WORK/BUILD_ID.2"
  cp .next/server/server-reference-manifest.json "$WORK/actions.2.json"
  node scripts/support/compare-builds.mjs "$WORK/BUILD_ID.1" "$WORK/actions.1.json" "$WORK/BUILD_ID.2" "$WORK/actions.2.json" "$KEY"
  phase_done
fi

echo
echo "multinode: ALL PASSED (${TIMES[*]}) in $((SECONDS - TOTAL_START))s"
