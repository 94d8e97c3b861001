-- A complete inbox (states, counts) and conversations (groups, the chat list).

-- A delivery is the recipient's inbox entry. It copies the message's immutable facts it is
-- filtered by, so an inbox page or filter never has to join the message log to decide a row.
alter table deliveries
    add column conversation_id varchar(100),
    add column sender          varchar(128),
    add column created_at      timestamptz,
    add column seen_at         timestamptz,
    add column archived_at     timestamptz,
    add column snoozed_until   timestamptz,
    add column deleted_at      timestamptz;  -- deleted for this recipient; the log keeps the message
update deliveries d
   set conversation_id = m.conversation_id, sender = m.sender, created_at = m.created_at,
       seen_at = d.read_at
  from messages m
 where m.id = d.message_id;
alter table deliveries
    alter column conversation_id set not null,
    alter column sender set not null,
    alter column created_at set not null;
create index deliveries_recipient_conversation on deliveries (recipient, conversation_id, id desc);

-- Counters per recipient and conversation over deliveries neither deleted nor archived, kept by
-- statement triggers from the deliveries' transition tables: one upsert per statement, however
-- many rows it touched. Rows are upserted in key order so concurrent writers cannot deadlock.
create table inbox_counts (
    recipient       varchar(128) not null,
    conversation_id varchar(100) not null,
    total           bigint       not null default 0,
    unread          bigint       not null default 0,
    unseen          bigint       not null default 0,
    primary key (recipient, conversation_id)
);
insert into inbox_counts (recipient, conversation_id, total, unread, unseen)
select recipient, conversation_id, count(*), count(*) filter (where read_at is null),
       count(*) filter (where seen_at is null)
  from deliveries
 group by recipient, conversation_id;

-- The chat list: one row per user and conversation they sent to or received in (and per member
-- of a group, from its creation), ordered by the latest activity.
create table conversation_entries (
    user_name        varchar(128) not null,
    conversation_id  varchar(100) not null,
    last_message_id  uuid,
    last_message_seq bigint,
    last_activity_at timestamptz  not null,
    primary key (user_name, conversation_id)
);
create index conversation_entries_recent
    on conversation_entries (user_name, last_activity_at desc, conversation_id desc);
insert into conversation_entries (user_name, conversation_id, last_message_id, last_message_seq,
                                  last_activity_at)
select distinct on (u.user_name, m.conversation_id) u.user_name, m.conversation_id, m.id, m.seq,
       m.created_at
  from messages m
  join lateral (select m.sender as user_name
                union select d.recipient from deliveries d where d.message_id = m.id) u on true
 order by u.user_name, m.conversation_id, m.seq desc;

create function herald_deliveries_inserted() returns trigger language plpgsql as $$
begin
    insert into inbox_counts as c (recipient, conversation_id, total, unread, unseen)
    select recipient, conversation_id, count(*), count(*) filter (where read_at is null),
           count(*) filter (where seen_at is null)
      from new_rows
     where deleted_at is null and archived_at is null
     group by recipient, conversation_id
     order by recipient, conversation_id
    on conflict (recipient, conversation_id) do update
       set total = c.total + excluded.total, unread = c.unread + excluded.unread,
           unseen = c.unseen + excluded.unseen;

    -- senders take part too: their entry moves up with the message they sent
    insert into conversation_entries as e (user_name, conversation_id, last_message_id,
                                           last_message_seq, last_activity_at)
    select distinct on (u.user_name, n.conversation_id) u.user_name, n.conversation_id,
           n.message_id, m.seq, n.created_at
      from new_rows n
      join messages m on m.id = n.message_id
      cross join lateral (values (n.recipient), (n.sender)) as u(user_name)
     order by u.user_name, n.conversation_id, m.seq desc
    on conflict (user_name, conversation_id) do update
       set last_message_id = excluded.last_message_id,
           last_message_seq = excluded.last_message_seq,
           last_activity_at = greatest(e.last_activity_at, excluded.last_activity_at)
     where e.last_message_seq is null or e.last_message_seq < excluded.last_message_seq;
    return null;
end
$$;

create function herald_deliveries_updated() returns trigger language plpgsql as $$
begin
    insert into inbox_counts as c (recipient, conversation_id, total, unread, unseen)
    select recipient, conversation_id, sum(total), sum(unread), sum(unseen)
      from (select recipient, conversation_id, 1 as total, (read_at is null)::int as unread,
                   (seen_at is null)::int as unseen
              from new_rows where deleted_at is null and archived_at is null
            union all
            select recipient, conversation_id, -1, -(read_at is null)::int,
                   -(seen_at is null)::int
              from old_rows where deleted_at is null and archived_at is null) as delta
     group by recipient, conversation_id
    having sum(total) <> 0 or sum(unread) <> 0 or sum(unseen) <> 0
     order by recipient, conversation_id
    on conflict (recipient, conversation_id) do update
       set total = c.total + excluded.total, unread = c.unread + excluded.unread,
           unseen = c.unseen + excluded.unseen;
    return null;
end
$$;

create trigger deliveries_inserted
    after insert on deliveries referencing new table as new_rows
    for each statement execute function herald_deliveries_inserted();
create trigger deliveries_updated
    after update on deliveries referencing old table as old_rows new table as new_rows
    for each statement execute function herald_deliveries_updated();
-- recipients delete for themselves (deleted_at); the rows stay, as the log's delivery record
create trigger deliveries_no_delete
    before delete on deliveries
    for each row execute function herald_refuse_change();
create trigger deliveries_no_truncate
    before truncate on deliveries
    for each statement execute function herald_refuse_change();

-- Group conversations. One-to-one conversations need no row: their id is derived from the pair
-- (dm-…). Ad-hoc conversation ids named by senders stay as they were: a thread among whoever
-- each message was sent to.
create table conversations (
    id         varchar(100) primary key,
    title      varchar(200) not null,
    created_by varchar(128) not null,
    created_at timestamptz  not null default now()
);

create table conversation_members (
    conversation_id varchar(100) not null references conversations (id),
    user_name       varchar(128) not null,
    added_by        varchar(128) not null,
    added_at        timestamptz  not null default now(),
    primary key (conversation_id, user_name)
);
create index conversation_members_user on conversation_members (user_name);
