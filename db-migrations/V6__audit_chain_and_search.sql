-- A tamper-evident audit log, audit queries, message history and full-text search
-- (docs/decisions/0007-audit-chain.md, 0008-search.md).

-- Hash chains. Every audit event belongs to one chain and carries its position in it, the hash of
-- the event before it and its own hash = sha256(prev_hash || canonical bytes of the row). There
-- are many chains (one per Kafka partition for the consumer's events, 16 buckets of conversation
-- or actor for everything else), so concurrent writers do not queue on one head row.
create table audit_chain_heads (
    chain     varchar(64) primary key,
    seq       bigint      not null,  -- the chain_seq of its newest event
    prev_hash bytea       not null,  -- that event's prev_hash
    hash      bytea       not null   -- that event's hash: the next event's prev_hash
);

alter table audit_events
    add column chain     varchar(64) check (chain ~ '^[a-z]+:[A-Za-z0-9._:-]+$'),
    add column chain_seq bigint,
    add column prev_hash bytea,
    add column hash      bytea;

-- The bytes an event's hash covers: every column but the hashes, as the text of one row value.
-- Each field prints one way only whatever the session's settings (the time as epoch microseconds,
-- jsonb normalised), so equal rows always give equal bytes.
create function herald_audit_bytes(chain varchar, chain_seq bigint, id bigint,
                                   occurred_at timestamptz, action varchar, actor varchar,
                                   message_id uuid, conversation_id varchar, details jsonb)
    returns bytea language sql immutable parallel safe as $$
    select convert_to(row(chain, chain_seq, id,
                          (extract(epoch from occurred_at) * 1000000)::bigint, action, actor,
                          message_id, conversation_id, details)::text, 'UTF8')
$$;

-- The chain of an event whose writer named none: a bucket of its conversation, else its actor.
create function herald_audit_default_chain(actor varchar, conversation_id varchar)
    returns varchar language sql immutable parallel safe as $$
    select 'bucket:' || (hashtext(coalesce(conversation_id, actor)) & 15)::text
$$;

-- Within one INSERT statement the head of the chain being written is held in a transaction-local
-- setting (chain, seq, hash, prev_hash) instead of being updated per row: rows of one chain come
-- one after another (writers sort them), and the head row is locked (FOR UPDATE) from the first
-- of them to the end of the transaction, so nobody else can move it meanwhile. It is written back
-- when the statement moves to another chain and when the statement ends.
create function herald_audit_flush() returns void language plpgsql as $$
declare
    head text[] := string_to_array(nullif(current_setting('herald.audit_head', true), ''), ' ');
begin
    if head is not null then
        update audit_chain_heads
           set seq = head[2]::bigint, hash = decode(head[3], 'hex'),
               prev_hash = decode(head[4], 'hex')
         where chain = head[1];
        perform set_config('herald.audit_head', '', true);
    end if;
end
$$;

create function herald_audit_chained() returns trigger language plpgsql as $$
declare
    head text[] := string_to_array(nullif(current_setting('herald.audit_head', true), ''), ' ');
    head_seq bigint;
    head_hash bytea;
begin
    new.chain := coalesce(new.chain, herald_audit_default_chain(new.actor, new.conversation_id));
    if head is not null and head[1] = new.chain then
        head_seq := head[2]::bigint;
        head_hash := decode(head[3], 'hex');
    else
        perform herald_audit_flush();
        select h.seq, h.hash into head_seq, head_hash
          from audit_chain_heads h where h.chain = new.chain for update;
        if not found then
            -- a new chain starts from 32 zero bytes
            insert into audit_chain_heads (chain, seq, prev_hash, hash)
            values (new.chain, 0, '\x', '\x0000000000000000000000000000000000000000000000000000000000000000')
            on conflict (chain) do nothing;
            select h.seq, h.hash into head_seq, head_hash
              from audit_chain_heads h where h.chain = new.chain for update;
        end if;
    end if;
    new.chain_seq := head_seq + 1;
    new.prev_hash := head_hash;
    -- herald_audit_bytes written out: PL/pgSQL does not inline SQL functions, and the call
    -- doubled the cost of a row (ChainVerifier and AuditChainIT check the two agree)
    new.hash := sha256(head_hash || convert_to(row(new.chain, new.chain_seq, new.id,
                       (extract(epoch from new.occurred_at) * 1000000)::bigint, new.action,
                       new.actor, new.message_id, new.conversation_id, new.details)::text, 'UTF8'));
    perform set_config('herald.audit_head', new.chain || ' ' || new.chain_seq || ' '
                       || encode(new.hash, 'hex') || ' ' || encode(new.prev_hash, 'hex'), true);
    return new;
end
$$;

create function herald_audit_heads_written() returns trigger language plpgsql as $$
begin
    perform herald_audit_flush();
    return null;
end
$$;

-- Existing events: chained in id order, the consumer's by their partition. The append-only
-- trigger is off for this one transaction only.
alter table audit_events disable trigger audit_events_append_only;
update audit_events
   set chain = case when action = 'message.stored' and details ? 'partition'
                    then 'partition:' || (details ->> 'partition')
                    else herald_audit_default_chain(actor, conversation_id) end;
do $$
declare
    e record;
    last_chain varchar := null;
    last_seq bigint;
    last_prev bytea;
    last_hash bytea;
begin
    for e in select * from audit_events order by chain, id loop
        if last_chain is distinct from e.chain then
            if last_chain is not null then
                insert into audit_chain_heads values (last_chain, last_seq, last_prev, last_hash);
            end if;
            last_chain := e.chain;
            last_seq := 0;
            last_hash := '\x0000000000000000000000000000000000000000000000000000000000000000';
        end if;
        last_seq := last_seq + 1;
        last_prev := last_hash;
        update audit_events
           set chain_seq = last_seq, prev_hash = last_prev,
               hash = sha256(last_prev || herald_audit_bytes(e.chain, last_seq, e.id, e.occurred_at,
                                                        e.action, e.actor, e.message_id,
                                                        e.conversation_id, e.details))
         where id = e.id
        returning audit_events.hash into last_hash;
    end loop;
    if last_chain is not null then
        insert into audit_chain_heads values (last_chain, last_seq, last_prev, last_hash);
    end if;
end
$$;
alter table audit_events enable trigger audit_events_append_only;

alter table audit_events
    alter column chain set not null,
    alter column chain_seq set not null,
    alter column prev_hash set not null,
    alter column hash set not null,
    add constraint audit_events_chain_seq unique (chain, chain_seq);

create trigger audit_events_chained
    before insert on audit_events
    for each row execute function herald_audit_chained();
create trigger audit_events_chain_heads
    after insert on audit_events
    for each statement execute function herald_audit_heads_written();

-- Audit queries: each filter, newest first.
drop index audit_events_message;
create index audit_events_message_id on audit_events (message_id, id) where message_id is not null;
create index audit_events_conversation_id on audit_events (conversation_id, id)
    where conversation_id is not null;
create index audit_events_actor_id on audit_events (actor, id);
create index audit_events_occurred on audit_events (occurred_at);

-- Search. Latin and other space-separated words are english-stemmed (meetings -> meet); runs of
-- Hangul, kana and Han characters, which carry particles without a space (회의는), become
-- character bigrams (회의, 의는), so a word is found inside them. Query and document go through
-- the same function; the query ANDs its terms and bigrams (a lone character: bigrams it starts).
create function herald_search_cjk_grams(text text) returns text[]
    language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct gram), '{}')
      from (select case when length(run) = 1 then run else substr(run, i, 2) end as gram
              from regexp_matches(text, '[ᄀ-ᇿ぀-ヿㄱ-ㆎ㐀-䶿一-鿿가-힯豈-﫿]+', 'g') as m(runs),
                   lateral (select runs[1] as run) r,
                   lateral generate_series(1, greatest(length(run) - 1, 1)) as i) grams
$$;

create function herald_search_latin(text text) returns text
    language sql immutable parallel safe as $$
    select regexp_replace(text, '[ᄀ-ᇿ぀-ヿㄱ-ㆎ㐀-䶿一-鿿가-힯豈-﫿]+', ' ', 'g')
$$;

create function herald_search_vector(text text) returns tsvector
    language sql immutable parallel safe as $$
    select to_tsvector('english'::regconfig, herald_search_latin(coalesce(text, '')))
           || array_to_tsvector(herald_search_cjk_grams(coalesce(text, '')))
$$;

create function herald_search_query(q text) returns tsquery
    language sql immutable parallel safe as $$
    select case when latin is null then grams::tsquery
                when grams is null then latin
                else latin && grams::tsquery end
      from (select case when herald_search_latin(q) ~ '[[:alnum:]]'
                        then plainto_tsquery('english'::regconfig, herald_search_latin(q)) end
                   as latin,
                   (select string_agg(quote_literal(g)
                                      || case when length(g) = 1 then ':*' else '' end, ' & ')
                      from unnest(herald_search_cjk_grams(q)) as g) as grams) t
$$;

-- Adding a stored generated column rewrites the table: no row trigger fires on a rewrite, so the
-- append-only trigger allows it.
alter table messages
    add column search tsvector generated always as
        (setweight(herald_search_vector(subject), 'A') || setweight(herald_search_vector(body), 'B'))
        stored;
create index messages_search on messages using gin (search);

-- History: a user's sent and received messages, newest first.
create index messages_sender_created on messages (sender, created_at desc, seq desc);
create index deliveries_recipient_created on deliveries (recipient, created_at desc)
    where deleted_at is null;
