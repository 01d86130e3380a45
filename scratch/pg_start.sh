#!/usr/bin/env bash
# starts a throwaway PostgreSQL for manual testing; prints the URL
set -e
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGTMP=/tmp/pgsuite-pg; rm -rf $PGTMP; mkdir -p $PGTMP; chown postgres $PGTMP
runuser -u postgres -- $PGBIN/initdb -D $PGTMP/data -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- $PGBIN/pg_ctl -D $PGTMP/data -w -l $PGTMP/server.log -o "-p 55442 -k $PGTMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
echo postgresql://postgres@127.0.0.1:55442/postgres
