#!/usr/bin/env bash
# Times the inbox's bulk actions on one user with 100,000 deliveries, and shows the plans of the
# default page and the counts. Development only: run it against a running Herald with its own
# PostgreSQL (./mvnw, or the ports you started with), never against production data.
#
#   src/dev/inbox-bulk-timing.sh [http-port=9080] [postgres-port=15432] [deliveries=100000]
#
# Seeds with SQL (messages accept INSERT only: each run adds new messages for a new user), then
# calls POST /api/inbox/seen-all, read-all and archive-read over HTTP and prints each call's time.
set -euo pipefail
HTTP_PORT=${1:-9080}
PG_PORT=${2:-15432}
COUNT=${3:-100000}
USER_NAME="bulk-$(date +%s)"
export PGPASSWORD=${PGPASSWORD:-herald}
psql() { command psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U herald herald "$@"; }

echo "seeding $COUNT deliveries for $USER_NAME (50 conversations)"
psql <<SQL
begin;
insert into messages (id, conversation_id, sender, subject, body, created_at, kafka_topic,
                      kafka_partition, kafka_offset)
select (lpad(to_hex((extract(epoch from t) * 1000)::bigint), 12, '0') || '7'
        || substr(md5(random()::text), 1, 19))::uuid,  -- time-ordered, like the API's UUIDv7
       '$USER_NAME-c' || (g % 50), '$USER_NAME-sender', null, 'seeded ' || g, t, 'seed', 0, g
  from generate_series(1, $COUNT) g, lateral (select now() - make_interval(secs => $COUNT - g)) s(t);
insert into deliveries (message_id, recipient, conversation_id, sender, created_at)
select id, '$USER_NAME', conversation_id, sender, created_at
  from messages where sender = '$USER_NAME-sender' order by seq;
-- the counters the storing batch keeps for new deliveries (inbox.control.NewDeliveries)
insert into inbox_counts (recipient, conversation_id, total, unread, unseen)
select recipient, conversation_id, count(*), count(*), count(*)
  from deliveries where recipient = '$USER_NAME' group by recipient, conversation_id;
commit;
analyze deliveries;
analyze inbox_counts;
SQL

NOW=$(date -u +%Y-%m-%dT%H:%M:%SZ)
echo "-- plans on $COUNT deliveries: the default page, one conversation's page, the counts (analyzed),"
echo "-- and the bulk updates (not executed)"
psql <<SQL
explain (analyze, buffers, costs off)
select d.id, m.id, m.subject, m.body from deliveries d join messages m on m.id = d.message_id
 where d.recipient = '$USER_NAME' and d.deleted_at is null and d.id < 9223372036854775807
   and d.archived_at is null and (d.snoozed_until is null or d.snoozed_until <= '$NOW')
 order by d.id desc limit 21;
explain (analyze, buffers, costs off)
select d.id, m.id, m.subject, m.body from deliveries d join messages m on m.id = d.message_id
 where d.recipient = '$USER_NAME' and d.deleted_at is null and d.id < 9223372036854775807
   and d.archived_at is null and (d.snoozed_until is null or d.snoozed_until <= '$NOW')
   and d.conversation_id = '$USER_NAME-c7'
 order by d.id desc limit 21;
explain (analyze, buffers, costs off)
select c.unread - s.unread, c.unseen - s.unseen, c.total - s.total from
 (select coalesce(sum(unread), 0) as unread, coalesce(sum(unseen), 0) as unseen,
         coalesce(sum(total), 0) as total from inbox_counts where recipient = '$USER_NAME') c,
 (select count(*) filter (where read_at is null) as unread,
         count(*) filter (where seen_at is null) as unseen, count(*) as total
    from deliveries where recipient = '$USER_NAME' and snoozed_until > '$NOW'
     and deleted_at is null and archived_at is null) s;
explain (costs off) update deliveries set seen_at = now()
 where recipient = '$USER_NAME' and seen_at is null and deleted_at is null;
explain (costs off) update deliveries set read_at = now()
 where recipient = '$USER_NAME' and read_at is null and deleted_at is null;
explain (costs off) update deliveries set archived_at = now()
 where recipient = '$USER_NAME' and read_at is not null and archived_at is null
   and deleted_at is null;
SQL

TOKEN=$(curl -sf -X POST "localhost:$HTTP_PORT/api/dev/tokens" -H 'Content-Type: application/json' \
  -d "{\"user\":\"$USER_NAME\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
call() {
  curl -sf -o /tmp/inbox-bulk-answer -w '%{time_total}' -X "$1" "localhost:$HTTP_PORT/api/$2" \
    -H "Authorization: Bearer $TOKEN"
}
call GET inbox/counts > /dev/null  # warms the server up
echo "CPU baseline: select count(*) from generate_series(1, 3000000) took" \
  "$(psql -At <<< '\timing on
select count(*) from generate_series(1, 3000000);' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p') ms" \
  "(the load on the machine: compare runs by it)"
echo "GET  inbox/counts          $(call GET inbox/counts) s  $(cat /tmp/inbox-bulk-answer)"
for action in seen-all read-all archive-read; do
  echo "POST inbox/$action $(printf '%*s' $((13 - ${#action})) '')$(call POST inbox/$action) s  $(cat /tmp/inbox-bulk-answer)"
done
echo "GET  inbox/counts          $(call GET inbox/counts) s  $(cat /tmp/inbox-bulk-answer)"

