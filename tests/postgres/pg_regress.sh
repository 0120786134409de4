#!/usr/bin/env bash
# pg_regress.sh PG_BINDIR SQL_DIR WORK_DIR TEST...
# Runs the named tests the pg_regress way (sql/NAME.sql, its output compared
# with expected/NAME.out) in a throwaway cluster that pg_regress creates in
# WORK_DIR: initdb as an unprivileged user (PostgreSQL refuses root; as root
# we run it as `nobody`), a Unix socket in a private temporary directory, no
# TCP, removed after.  The extension must be installed in that server
# (./run does it).
set -euo pipefail
bindir=$1 srcdir=$(realpath "$2") work=$(realpath -m "$3")
shift 3
regress=$(dirname "$("$bindir/pg_config" --pgxs)")/../test/regress/pg_regress
rm -rf "$work"
mkdir -p "$work"
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$work"
  run=(runuser -u nobody --)
fi
status=0
(cd /tmp && "${run[@]}" "$regress" --bindir="$bindir" --temp-instance="$work/instance" \
   --inputdir="$srcdir" --outputdir="$work" --temp-config="$srcdir/postgresql.conf" \
   --no-locale --load-extension=clvkit "$@") || status=$?
if [ $status -ne 0 ] && [ -f "$work/regression.diffs" ]; then
  head -c 20000 "$work/regression.diffs"
fi
rm -rf "$work/instance"
exit $status
