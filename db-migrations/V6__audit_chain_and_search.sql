-- A tamper-evident audit log, audit queries, message history and full-text search
-- (docs/decisions/0007-audit-chain.md, 0008-search.md).

-- Hash chains. Every audit event belongs to one chain and carries its position in it, the hash of
-- the event before it and its own hash = sha256(prev_hash || canonical bytes of the row). There
-- are many chains (one per Kafka partition for the consumer's events, 16 buckets of conversation
-- or actor for everything else), so concurrent writers do not queue on one head row.
create table audit_chain_heads (
    chain     varchar(64) primary key,
    seq       bigint      not null,  -- the chain_seq of its newest event (0: none yet)
    prev_hash bytea,                 -- that event's prev_hash
    hash      bytea       not null   -- that event's hash: the next event's prev_hash
);

alter table audit_events
    add column chain     varchar(64),
    add column chain_seq bigint,
    add column prev_hash bytea,
    add column hash      bytea;

-- The bytes an event's hash covers: every column but the hashes, as one JSON array. jsonb prints
-- a value one way only, so equal rows always give equal bytes.
create function herald_audit_bytes(chain varchar, chain_seq bigint, id bigint,
                                   occurred_at timestamptz, action varchar, actor varchar,
                                   message_id uuid, conversation_id varchar, details jsonb)
    returns bytea language sql immutable parallel safe as $$
    select convert_to(jsonb_build_array(chain, chain_seq, id,
                                        (extract(epoch from occurred_at) * 1000000)::bigint,
                                        action, actor, message_id::text, conversation_id,
                                        details)::text, 'UTF8')
$$;

-- The chain of an event whose writer named none: a bucket of its conversation, else its actor.
create function herald_audit_default_chain(actor varchar, conversation_id varchar)
    returns varchar language sql immutable parallel safe as $$
    select 'bucket:' || (hashtext(coalesce(conversation_id, actor)) & 15)::text
$$;

-- Links the event to its chain's head with one UPDATE (its SET expressions see the old head) and
-- moves the head. The head row stays locked until the transaction ends, so one chain is written
-- by one transaction at a time; writers of other chains do not wait.
create function herald_audit_link(inout e audit_events) language plpgsql as $$
begin
    e.chain := coalesce(e.chain, herald_audit_default_chain(e.actor, e.conversation_id));
    loop
        update audit_chain_heads h
           set seq = h.seq + 1,
               prev_hash = h.hash,
               hash = sha256(h.hash || herald_audit_bytes(h.chain, h.seq + 1, e.id,
                                                          e.occurred_at, e.action, e.actor,
                                                          e.message_id, e.conversation_id,
                                                          e.details))
         where h.chain = e.chain
        returning h.seq, h.prev_hash, h.hash into e.chain_seq, e.prev_hash, e.hash;
        exit when found;
        -- a new chain starts from 32 zero bytes
        insert into audit_chain_heads (chain, seq, hash)
        values (e.chain, 0, '\x0000000000000000000000000000000000000000000000000000000000000000')
        on conflict (chain) do nothing;
    end loop;
end
$$;

create function herald_audit_chained() returns trigger language plpgsql as $$
begin
    new := herald_audit_link(new);
    return new;
end
$$;

-- Existing events: chained in id order, the consumer's by their partition. The append-only
-- trigger is off for this one transaction only.
alter table audit_events disable trigger audit_events_append_only;
do $$
declare
    e audit_events;
begin
    for e in select * from audit_events order by id loop
        if e.action = 'message.stored' and e.details ? 'partition' then
            e.chain := 'partition:' || (e.details ->> 'partition');
        end if;
        e := herald_audit_link(e);
        update audit_events
           set chain = e.chain, chain_seq = e.chain_seq, prev_hash = e.prev_hash, hash = e.hash
         where id = e.id;
    end loop;
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
