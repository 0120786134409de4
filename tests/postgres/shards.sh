#!/usr/bin/env bash
# shards.sh PG_BINDIR SQL_DIR WORK_DIR
# Three throwaway PostgreSQL servers on this machine: two shards and a
# coordinator that sees the transactions as one table, hash-partitioned on
# customer_id into postgres_fdw foreign tables on the shards (clvkit listed
# as shippable).  sql/shards.sql runs on the coordinator; its output is
# compared with expected/shards.out.  Unix sockets in a private directory,
# no TCP; run as `nobody` when root (PostgreSQL refuses root); all removed
# after.
set -euo pipefail
bindir=$1 srcdir=$(realpath "$2") work=$(realpath -m "$3")
rm -rf "$work"
mkdir -p "$work"
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$work"
  run=(runuser -u nobody --)
fi
sock="$work/sock"
"${run[@]}" mkdir -m 700 "$sock"
ports=(5501 5502 5503) # coordinator, shard 1, shard 2 (in $sock only)
names=(coordinator shard1 shard2)

stop_all() {
  for n in "${names[@]}"; do
    [ -f "$work/$n/postmaster.pid" ] &&
      "${run[@]}" "$bindir/pg_ctl" -D "$work/$n" -m immediate stop >/dev/null 2>&1
  done
  return 0
}
trap 'stop_all; rm -rf "$work/coordinator" "$work/shard1" "$work/shard2" "$sock"' EXIT

for i in 0 1 2; do
  "${run[@]}" "$bindir/initdb" -D "$work/${names[$i]}" -A trust --no-locale -E UTF8 >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$work/${names[$i]}" -l "$work/${names[$i]}.log" -w \
    -o "-c listen_addresses='' -k $sock -p ${ports[$i]}" start >/dev/null
done

psql() { "${run[@]}" "$bindir/psql" -X -q -h "$sock" -d postgres -v ON_ERROR_STOP=1 "$@"; }
for p in "${ports[@]:1}"; do
  psql -p "$p" -c "CREATE EXTENSION clvkit" \
       -c "CREATE TABLE tx (customer_id int, tx_date date, amount float8)"
done
status=0
psql -p "${ports[0]}" -a -v sock="$sock" -v shard1="${ports[1]}" -v shard2="${ports[2]}" \
     -v srcdir="$srcdir" -f "$srcdir/sql/shards.sql" >"$work/shards.out" 2>&1 || status=$?
if ! diff -u "$srcdir/expected/shards.out" "$work/shards.out"; then
  status=1
fi
exit $status
