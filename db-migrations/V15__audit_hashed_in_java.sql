-- Audit events are chained and hashed by the application, a batch at a time (AuditLog, hash format 2),
-- instead of by a plpgsql trigger per row (docs/decisions/0007-audit-chain.md). The append-only
-- triggers stay.

drop trigger audit_events_chained on audit_events;
drop trigger audit_events_chain_heads on audit_events;
drop function herald_audit_chained();
drop function herald_audit_heads_written();
drop function herald_audit_flush();
-- the application picks the bucket now (AuditChains); nothing else called it
drop function herald_audit_default_chain(varchar, varchar);

-- Which rule an event's hash follows: 1, sha256(prev_hash || herald_audit_bytes(...)) as the trigger
-- computed it (every event before this migration; the verifier still recomputes it with that
-- function, which stays); 2, sha256(prev_hash || the bytes EventHash defines). A chain may go on
-- from a version 1 event to version 2 events: the link is the hash either way. Adding the column
-- with a default writes no row; dropping the default then makes every writer say which it used.
alter table audit_events
    add column hash_version smallint not null default 1 check (hash_version in (1, 2));
alter table audit_events alter column hash_version drop default;

-- The hash covers occurred_at, so the writer sets it (from the application's clock); a default
-- would let an insert that is not hashed by the application pass unnoticed.
alter table audit_events alter column occurred_at drop default;

-- The 16 bucket chains exist from the start, so an API request never has to create its head.
insert into audit_chain_heads (chain, seq, prev_hash, hash)
select 'bucket:' || b, 0, '\x', '\x0000000000000000000000000000000000000000000000000000000000000000'
  from generate_series(0, 15) as b
    on conflict (chain) do nothing;

-- Time bounds of audit queries: a BRIN index instead of a btree. occurred_at grows with the
-- table's physical order (the log is append-only), so block ranges summarise it well at a size of
-- kilobytes; AuditQueries sorts what it finds rather than walking the primary key (decision 0007
-- has the plans). The (column, id) btrees on message, conversation and actor stay: each is the
-- only index that serves its filter's newest-first page.
drop index audit_events_occurred;
create index audit_events_occurred on audit_events using brin (occurred_at) with (autosummarize = on);
