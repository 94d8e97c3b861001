-- Notifications: what each user wants to be alerted through, and an outbox of alerts to send.

-- A user without a row gets the default: the log channel, nothing muted, no quiet hours.
create table notification_preferences (
    user_name           varchar(128) primary key,
    channels            varchar(10)[]  not null default '{log}',
    email               varchar(254),
    phone               varchar(16),   -- E.164
    muted_conversations varchar(100)[] not null default '{}',
    quiet_start         time,
    quiet_end           time,
    quiet_zone          varchar(64),   -- IANA time zone id
    digest_minutes      integer        not null default 0,
    updated_at          timestamptz    not null default now()
);

-- The outbox: one row per delivery and enabled channel, written in the transaction that stores
-- the message, so an alert is never lost; dispatchers on any instance drain it.
create table notifications (
    id                  uuid         primary key default gen_random_uuid(),  -- the de-dup key sent along
    seq                 bigint       generated always as identity unique,    -- list order, cursors
    message_id          uuid         not null references messages (id),
    recipient           varchar(128) not null,
    conversation_id     varchar(100) not null,
    channel             varchar(10)  not null,
    status              varchar(10)  not null default 'pending'
        check (status in ('pending', 'sent', 'failed', 'skipped', 'deferred')),
    attempts            integer      not null default 0,
    next_attempt_at     timestamptz  not null default now(),
    claimed_until       timestamptz,  -- a dispatcher's lease; past it, the row is due again
    last_error          text,
    provider_message_id varchar(200),
    digest_id           uuid,         -- the notification whose digest email carried this one
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    sent_at             timestamptz,
    unique (message_id, recipient, channel)
);
-- the claim query: due rows only, oldest first; a claimed row's next_attempt_at is its lease end
create index notifications_due on notifications (next_attempt_at)
    where status in ('pending', 'deferred');
create index notifications_recipient on notifications (recipient, seq desc);
-- a digest gathers a user's unsent emails
create index notifications_unsent_email on notifications (recipient, created_at)
    where channel = 'email' and status in ('pending', 'deferred');
