-- Herald's message log. Messages and audit events are append-only: the database itself refuses
-- UPDATE and DELETE on them (see the triggers at the end), whatever the application does.

create table messages (
    id              uuid         primary key,
    -- log order: assigned at insert; within a conversation it follows the Kafka partition's offsets
    seq             bigint       generated always as identity unique,
    conversation_id varchar(100) not null,
    sender          varchar(128) not null,
    subject         varchar(200),
    body            text         not null,
    created_at      timestamptz  not null,  -- when the API accepted it
    kafka_topic     varchar(249) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    stored_at       timestamptz  not null default now()
);
create index messages_conversation_seq on messages (conversation_id, seq);
create index messages_sender_seq on messages (sender, seq);

create table deliveries (
    id         bigint       generated always as identity primary key,
    message_id uuid         not null references messages (id),
    recipient  varchar(128) not null,
    read_at    timestamptz,
    unique (message_id, recipient)
);
create index deliveries_recipient_id on deliveries (recipient, id desc);
create index deliveries_recipient_unread on deliveries (recipient, id desc) where read_at is null;

create table audit_events (
    id              bigint       generated always as identity primary key,
    occurred_at     timestamptz  not null default now(),
    action          varchar(40)  not null,
    actor           varchar(128) not null,
    message_id      uuid,
    conversation_id varchar(100),
    details         jsonb
);
create index audit_events_message on audit_events (message_id) where message_id is not null;

create table rejected_records (
    id              bigint       generated always as identity primary key,
    kafka_topic     varchar(249) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    record_key      bytea,
    record_value    bytea,
    reason          varchar(40)  not null,
    error           text         not null,
    rejected_at     timestamptz  not null default now(),
    unique (kafka_topic, kafka_partition, kafka_offset)
);
create index rejected_records_reason on rejected_records (reason, id);

create function herald_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create trigger messages_append_only
    before update or delete on messages
    for each row execute function herald_refuse_change();
create trigger messages_no_truncate
    before truncate on messages
    for each statement execute function herald_refuse_change();
create trigger audit_events_append_only
    before update or delete on audit_events
    for each row execute function herald_refuse_change();
create trigger audit_events_no_truncate
    before truncate on audit_events
    for each statement execute function herald_refuse_change();
