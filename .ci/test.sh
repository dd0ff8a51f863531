#!/usr/bin/env bash
# Installs dependencies if missing, builds Köprü and runs every test (offscreen).
# The server tests (PostgreSQL) run against a throwaway cluster (.ci/pg-cluster.sh) that is
# stopped and deleted on exit; when it cannot be started they are skipped with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash .ci/deps.sh
BUILD_DIR=${BUILD_DIR:-build}
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # Paths inside the checkout are hashed relative to it, and the build directory is not
  # hashed, so a fresh clone anywhere on the machine reuses what any other checkout compiled.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}"
cmake --build "$BUILD_DIR" -j"$(nproc)"

export KOPRU_PG_STATE=${KOPRU_PG_STATE:-$(mktemp -u /tmp/kopru-pg-state.XXXXXX)}
trap 'bash "$root/.ci/pg-cluster.sh" stop' EXIT
unset KOPRU_TEST_PG_URL
if started=$(bash .ci/pg-cluster.sh start 2>"$BUILD_DIR/pg-cluster.err"); then
  export "${started?}"
  echo "PostgreSQL for the server tests: $KOPRU_TEST_PG_URL"
else
  export KOPRU_TEST_PG_SKIP_REASON="the test cluster did not start: $(tr '\n' ' ' <"$BUILD_DIR/pg-cluster.err")"
  echo "$KOPRU_TEST_PG_SKIP_REASON (the server tests will be skipped)"
fi

cd "$BUILD_DIR"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j2
