#!/usr/bin/env bash
# Installs dependencies if missing, builds Köprü, creates the national demo
# database (once) and starts the application on it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh
BUILD_DIR=${BUILD_DIR:-build}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$BUILD_DIR" -j"$(nproc)" --target kopru kopru-cli
DB=${KOPRU_DEMO_DB:-$HOME/kopru-demo.kopru}
[ -f "$DB" ] || "$BUILD_DIR/app/kopru-cli" demo "$DB"
exec "$BUILD_DIR/app/kopru" "$DB" "$@"
