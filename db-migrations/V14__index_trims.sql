-- Trims on the hot path (docs/decisions/0011-one-owner-per-table.md, "Measured").
--
-- Alerts get time-ordered ids (a UUIDv7 made in SQL: 48 bits of milliseconds, then random), so
-- their primary key grows at its right edge like every other key Herald writes, instead of a
-- random page per insert.
create function herald_uuid7() returns uuid language sql volatile parallel safe as $$
    select encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
                  placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint)
                                    from 3)
                  from 1 for 6), 52, 1), 53, 1), 'hex')::uuid
$$;
alter table notifications alter column id set default herald_uuid7();

-- A sender's messages are found through messages_sender_created (sender, created_at, seq): its
-- leading column serves every lookup by sender, so (sender, seq) is one index entry per message
-- that no query needs.
drop index messages_sender_seq;
