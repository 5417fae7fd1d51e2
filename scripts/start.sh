#!/usr/bin/env bash
# The one command a newcomer runs: installs, builds, migrates, seeds the demo data and serves
# a production build at http://localhost:${PORT:-3000}. Without DATABASE_URL the data lives in
# the embedded PostgreSQL (PGlite) under .data/; with it, on that PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> 安装依赖 (npm ci)"
  npm ci --no-audit --no-fund
fi

# Local secrets for this checkout, made once and kept out of git (.env.local, which Next.js
# also reads at build time). Production servers set them themselves, the same on every app
# server (README, "Running more than one app server"):
#   NEXTAUTH_SECRET                     signs and encrypts the session cookie; without one the
#                                       server refuses to start
#   NEXT_SERVER_ACTIONS_ENCRYPTION_KEY  salts the server actions' ids at build time and encrypts
#                                       their bound arguments (base64 of 32 bytes); without one
#                                       every build draws its own, and a form served by one
#                                       machine cannot be posted to another
random_base64() { node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"; }
if [ -z "${NEXTAUTH_SECRET:-}" ] && ! grep -qs '^NEXTAUTH_SECRET=' .env.local; then
  echo "==> 生成本机会话密钥 (.env.local)"
  echo "NEXTAUTH_SECRET=$(random_base64)" >> .env.local
fi
if [ -z "${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-}" ] && ! grep -qs '^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=' .env.local; then
  echo "==> 生成本机服务端操作密钥 (.env.local)"
  echo "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY=$(random_base64)" >> .env.local
fi
set -a
# shellcheck disable=SC1091
[ -f .env.local ] && . ./.env.local
set +a

stamp=.next/BUILD_SOURCE
# The build depends on the sources and on the actions' key (it salts their ids): a new key
# (set by hand, or copied from the other servers) builds again. Only a digest is stamped.
source_hash=$( { git ls-files -s app components db lib proxy.ts instrumentation.ts next.config.js package-lock.json 2>/dev/null
  printf 'actions-key %s\n' "$(printf '%s' "${NEXT_SERVER_ACTIONS_ENCRYPTION_KEY:-}" | sha256sum | cut -d' ' -f1)"; } | sha1sum | cut -d' ' -f1)
if [ ! -f .next/BUILD_ID ] || [ "$(cat "$stamp" 2>/dev/null)" != "$source_hash" ] || [ -n "$(git status --porcelain -- app components db lib 2>/dev/null)" ]; then
  echo "==> 构建 (next build)"
  npx next build
  echo "$source_hash" > "$stamp"
fi

echo "==> 迁移数据库并加载演示数据"
npx tsx scripts/seed.ts

echo "==> 启动：http://localhost:${PORT:-3000}"
exec npx next start -p "${PORT:-3000}"
