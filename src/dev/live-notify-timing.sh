#!/usr/bin/env bash
# What the live stream's write costs PostgreSQL per transaction, with and without its NOTIFY
# (docs/decisions/0012-live-delivery.md). Development only: it creates and drops a scratch
# database next to Herald's in the local cluster (./mvnw's, port 15432 by default).
#
#   src/dev/live-notify-timing.sh [postgres-port=15432] [seconds=20] [events-per-transaction=200]
#
# Each transaction appends events for random users exactly as live.control.LiveLog does (heads
# upserted, events numbered below them, one statement); the NOTIFY variant adds the pg_notify of
# the user names. pgbench runs each with 1 and 4 clients and prints transactions per second and
# the average latency.
set -euo pipefail
PG_PORT=${1:-15432}
SECONDS_EACH=${2:-20}
EVENTS=${3:-200}
PG_BIN=${HERALD_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
export PGPASSWORD=${PGPASSWORD:-herald}
DB=herald_live_timing
work=$(mktemp -d)
trap 'rm -rf "$work"; "$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U herald --if-exists "$DB"' EXIT

"$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U herald --if-exists "$DB"
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U herald "$DB"
"$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U herald "$DB" <<'SQL'
create table live_heads (user_name varchar(128) primary key, seq bigint not null);
create table live_events (user_name varchar(128) not null, seq bigint not null,
  kind varchar(12) not null, message_id uuid, details jsonb,
  created_at timestamptz not null default now(), primary key (user_name, seq));
create index live_events_created on live_events using brin (created_at);
SQL

append() {
  local notify=$1
  cat <<SQL
with input as (select 'user-' || (random() * 100000)::int as user_name, 'message' as kind,
                      gen_random_uuid() as message_id, null::text as details, n
                 from generate_series(1, $EVENTS) n),
heads as (insert into live_heads as h (user_name, seq)
          select user_name, count(*) from input group by user_name order by user_name
          on conflict (user_name) do update set seq = h.seq + excluded.seq
          returning h.user_name, h.seq),
added as (insert into live_events (user_name, seq, kind, message_id, details)
          select i.user_name, h.seq - count(*) over (partition by i.user_name)
                 + row_number() over (partition by i.user_name order by i.n),
                 i.kind, i.message_id, i.details::jsonb
            from input i join heads h on h.user_name = i.user_name)
select $( [ "$notify" = yes ] && echo "pg_notify('herald_live', string_agg(user_name, ' '))" || echo "count(*)" ) from input;
SQL
}
append no >"$work/plain.sql"
append yes >"$work/notify.sql"

for clients in 1 4; do
  for variant in plain notify; do
    printf '%-7s %d client(s), %d events a transaction: ' "$variant" "$clients" "$EVENTS"
    "$PG_BIN/pgbench" -n -h 127.0.0.1 -p "$PG_PORT" -U herald -c "$clients" -j "$clients" \
      -T "$SECONDS_EACH" -f "$work/$variant.sql" "$DB" 2>/dev/null \
      | awk '/^latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%s tps, %s ms average\n", tps, lat}'
  done
done
