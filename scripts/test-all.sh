#!/usr/bin/env bash
# Runs every check of the project, in order, failing fast:
#   typecheck → lint → unit → integration → pglite → build → e2e → multinode
# This is THE command for a fresh clone on a fresh machine (`npm test` runs it too).
#
# It prepares what it needs first:
#   - npm ci          when CI=true, node_modules is missing, or package-lock.json is newer
#   - Chromium        apt-get install chromium when ${CHROMIUM_PATH:-/usr/bin/chromium} is missing
#   - CJK font        apt-get install fonts-noto-cjk when fontconfig knows no Chinese font
#   - PostgreSQL      starts the local cluster when 127.0.0.1:5432 does not answer; installs
#                     it (apt-get, trust auth on 127.0.0.1 — for throwaway test machines only)
#                     when the machine has none. Skipped when TEST_DATABASE_URL names a server.
#   - nginx           for the multinode step: apt-get install nginx when missing
#                     (scripts/multinode-test.sh; ports 3240–3242, MULTINODE_PORT)
#
# Environment (all optional):
#   TEST_DATABASE_URL  PostgreSQL server for integration and e2e databases; only host, port,
#                      user and password are used (default postgres://postgres@127.0.0.1:5432/postgres).
#                      Integration tests create and drop doudi_it_<random>; e2e uses
#                      doudi_e2e_<pid>_<time>, dropped on exit whatever happens (trap).
#   TEST_STEPS         run only these steps, e.g. TEST_STEPS="typecheck lint unit"
#   CHROMIUM_PATH      browser for Playwright (default /usr/bin/chromium)
#   E2E_PORT, E2E_PGLITE_PORT  ports of the two e2e servers (default 3100, 3101)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

ALL_STEPS="typecheck lint unit integration pglite build e2e multinode"
STEPS="${TEST_STEPS:-$ALL_STEPS}"
STEPS="${STEPS//,/ }"
for s in $STEPS; do
  case " $ALL_STEPS " in
    *" $s "*) ;;
    *) echo "test-all: unknown step '$s' (steps: $ALL_STEPS)" >&2; exit 2 ;;
  esac
done
wants() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

TOTAL_START=$SECONDS
DONE=()
header() { printf '\n\033[1m==== %s ====\033[0m\n' "$1"; }

# as_root CMD...: run as root (directly, or through sudo when available).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "test-all: need root to run: $*" >&2; return 1
  fi
}

# ---------------------------------------------------------------------------- preparation
header "prepare: node modules"
if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  echo "node_modules is up to date with package-lock.json"
fi

if wants e2e || wants multinode; then
  header "prepare: chromium"
  CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM" ]; then
    echo "$CHROMIUM missing: installing Debian's chromium"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
  fi
  "$CHROMIUM" --version 2>/dev/null || true
  # e2e/print.spec.ts reads the printed forms' text back from the PDF: without a CJK font the
  # Chinese prints as empty boxes and cannot be read.
  if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
    echo "no Chinese font: installing Debian's fonts-noto-cjk"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-noto-cjk
  fi
fi

if wants integration || wants e2e || wants multinode; then
  header "prepare: postgresql"
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    echo "using TEST_DATABASE_URL's server (not managed here)"
  else
    if ! command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "no PostgreSQL on this machine: installing it for the tests"
      as_root apt-get update
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
      # A throwaway test server: let the local `postgres` user in without a password.
      for hba in /etc/postgresql/*/main/pg_hba.conf; do
        as_root sed -i -E 's/^(local|host)(\s+all\s+all\s+.*\s)(peer|scram-sha-256|md5)\s*$/\1\2trust/; s/^(local\s+all\s+postgres\s+)peer\s*$/\1trust/' "$hba"
      done
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main restart || true
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
      echo "starting PostgreSQL"
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
      for _ in $(seq 1 60); do
        pg_isready -q -h 127.0.0.1 -p 5432 && break
        sleep 0.5
      done
    fi
    pg_isready -h 127.0.0.1 -p 5432
  fi
fi

# ---------------------------------------------------------------------------- e2e database
if wants e2e; then
  # One database per run, dropped on exit even when a step fails (Playwright's own teardown
  # drops it too on a normal run; both use IF EXISTS). See playwright.config.ts.
  E2E_DATABASE_URL="$(node -e '
    const u = new URL(process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres");
    u.pathname = "/doudi_e2e_" + process.argv[1] + "_" + Date.now().toString(36);
    console.log(u.toString());' "$$")"
  export E2E_DATABASE_URL
  cleanup_e2e() {
    npx tsx scripts/e2e-db.ts drop >/dev/null 2>&1 || echo "test-all: could not drop the e2e database ($E2E_DATABASE_URL)" >&2
  }
  trap cleanup_e2e EXIT
fi

# ---------------------------------------------------------------------------- steps
# step NAME CMD...: run one step with a header, its elapsed seconds, fail fast.
step() {
  local name="$1"; shift
  wants "$name" || return 0
  header "$name: $*"
  local start=$SECONDS
  if "$@"; then
    echo "---- $name passed in $((SECONDS - start))s"
    DONE+=("$name $((SECONDS - start))s")
  else
    local rc=$?
    echo "---- $name FAILED (exit $rc) after $((SECONDS - start))s" >&2
    echo "test-all: FAILED at '$name'; passed before it: ${DONE[*]:-none}; total $((SECONDS - TOTAL_START))s" >&2
    exit "$rc"
  fi
}

BUILD_SECRET="doudi-build-only-secret-0123456789abcdef01234567"

step typecheck   npx tsc --noEmit
step lint        npx eslint --max-warnings=0 .
step unit        npx vitest run --project unit
step integration npx vitest run --project integration
step pglite      npx vitest run --project pglite
step build       env NODE_ENV=production NEXTAUTH_SECRET="$BUILD_SECRET" npx next build
step e2e         npx playwright test
# Two servers of the build above behind nginx (installed from Debian when missing), on a database
# of their own: scripts/multinode-test.sh; its second, clean build is `npm run test:multinode`.
step multinode   env MULTINODE_BUILD=reuse bash scripts/multinode-test.sh

echo
echo "test-all: ALL PASSED (${DONE[*]}) in $((SECONDS - TOTAL_START))s"
