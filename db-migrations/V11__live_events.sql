-- The live stream's event log (docs/decisions/0012-live-delivery.md). Each user's events are
-- numbered by their head: a writer moves the head up by the number of events it appends and holds
-- the head's row lock until commit, so a user's events commit in the order of their numbers and a
-- reader that saw event n has seen all before it. What a message or delivery looks like is read
-- when an event is sent, so a row is small: who, which position, what kind, about which message.
create table live_heads (
    user_name varchar(128) primary key,
    seq       bigint       not null
);

create table live_events (
    user_name  varchar(128) not null,
    seq        bigint       not null,
    kind       varchar(12)  not null check (kind in ('message', 'delivery', 'conversation')),
    message_id uuid,
    details    jsonb,        -- bulk delivery changes and membership changes
    created_at timestamptz  not null default now(),
    primary key (user_name, seq)
);
-- housekeeping drops events older than the replay window: rows arrive in time order, so a block
-- range index finds them at a fraction of a btree's cost per insert
create index live_events_created on live_events using brin (created_at);

-- Short-lived, single-use stream tickets for clients that cannot send an Authorization header
-- (EventSource): only their hash is kept.
create table live_tickets (
    ticket_hash       bytea        primary key,
    user_name         varchar(128) not null,
    token_expires_at  timestamptz  not null,  -- the stream ends when the token it came from would
    expires_at        timestamptz  not null
);
