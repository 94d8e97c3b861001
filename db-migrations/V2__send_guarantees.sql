-- Idempotent sends and truthful failures (docs/decisions/0004-send-guarantees.md).

-- One row per (sender, Idempotency-Key), kept 24 hours. The message id is fixed when the key is
-- first claimed, so every retry publishes the same id and the consumer stores it once.
create table idempotency_keys (
    sender          varchar(128) not null,
    idempotency_key varchar(200) not null,
    request_hash    bytea        not null,  -- SHA-256 of the request body as bound
    message_id      uuid         not null,
    conversation_id varchar(100) not null,
    accepted_at     timestamptz  not null,  -- the envelope's time, answered again on replay
    state           varchar(10)  not null check (state in ('pending', 'accepted')),
    claimed_until   timestamptz  not null,  -- a pending claim past this was abandoned by a crash
    created_at      timestamptz  not null default now(),
    primary key (sender, idempotency_key)
);
create index idempotency_keys_created on idempotency_keys (created_at);

-- Who decided a published message's fate first: the consumer storing it, or the API withdrawing
-- it after the broker's answer was lost (the API then answered 503). The primary key makes the
-- two race on one row, so exactly one of them wins.
create table send_outcomes (
    message_id uuid        primary key,
    outcome    varchar(10) not null check (outcome in ('stored', 'withdrawn')),
    decided_at timestamptz not null default now()
);
create index send_outcomes_decided on send_outcomes (decided_at);

-- Dead letters are worked on by admins: re-driven to the topic or discarded with a reason.
alter table rejected_records
    add column status      varchar(10)  not null default 'open'
        check (status in ('open', 'redriving', 'redriven', 'discarded')),
    add column resolved_at timestamptz,
    add column resolved_by varchar(128),
    add column resolution  text;
create index rejected_records_status on rejected_records (status, id);
