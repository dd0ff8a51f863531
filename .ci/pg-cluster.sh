#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the server tests (docs/server.md, "Tests").
#
#   bash .ci/pg-cluster.sh start   initdb into a fresh temporary folder, start the server
#                                  on 127.0.0.1 only, create a superuser role; prints
#                                  KOPRU_TEST_PG_URL=postgresql://USER@127.0.0.1:PORT/postgres
#   bash .ci/pg-cluster.sh stop    stop that server and delete its folder
#
# The server never runs as root: when started by root, the cluster belongs to the
# system user kopru-ci (created if missing, no login shell, no home). Only connections
# from 127.0.0.1 and the unix socket (in the cluster's folder) are accepted: the
# superuser role kopru_ci by trust, other roles with their password. Settings: KOPRU_PG_PORT (default 55432, or the next free port), KOPRU_PG_STATE
# (file that remembers the cluster's folder, default /tmp/kopru-pg-cluster.state).
# Exit: 0 started/stopped; 1 the cluster could not be started (the reason on stderr).
set -euo pipefail

state=${KOPRU_PG_STATE:-/tmp/kopru-pg-cluster.state}
role=kopru_ci

die() {
  echo "pg-cluster.sh: $*" >&2
  exit 1
}

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u kopru-ci -- "$@"
  else
    "$@"
  fi
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin
  bin=$(bindir) || die "PostgreSQL's initdb and pg_ctl were not found under /usr/lib/postgresql (install the package postgresql: bash .ci/deps.sh)"
  [ -f "$state" ] && stop
  if [ "$(id -u)" -eq 0 ]; then
    id kopru-ci >/dev/null 2>&1 ||
      useradd --system --no-create-home --shell /usr/sbin/nologin kopru-ci ||
      die "could not create the system user kopru-ci"
  fi
  local dir
  dir=$(mktemp -d /tmp/kopru-pg.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown kopru-ci: "$dir"
  local port=${KOPRU_PG_PORT:-55432}
  local tries=0
  until port_free "$port"; do
    port=$((port + 1))
    tries=$((tries + 1))
    [ $tries -lt 50 ] || die "no free port from ${KOPRU_PG_PORT:-55432} on"
  done
  printf '%s %s\n' "$dir" "$port" >"$state"
  as_owner "$bin/initdb" -D "$dir/data" -U "$role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || die "initdb failed: $(tail -5 "$dir/initdb.log")"
  # Local only: the superuser by trust from the socket and 127.0.0.1; every other role
  # with its password (the tests check that a wrong password is refused); nothing else.
  cat >"$dir/data/pg_hba.conf" <<HBA
local all $role trust
host  all $role 127.0.0.1/32 trust
host  all all 127.0.0.1/32 scram-sha-256
HBA
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off" start \
    >/dev/null 2>&1 || die "the server did not start: $(tail -5 "$dir/server.log" 2>/dev/null)"
  echo "KOPRU_TEST_PG_URL=postgresql://$role@127.0.0.1:$port/postgres"
}

stop() {
  [ -f "$state" ] || return 0
  local dir port bin
  read -r dir port <"$state"
  rm -f "$state"
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  if bin=$(bindir) && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*) die "usage: pg-cluster.sh start|stop" ;;
esac
