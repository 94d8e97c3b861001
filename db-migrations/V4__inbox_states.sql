-- The inbox's per-recipient states (read, seen, archived, snoozed, deleted) at 10 M deliveries and
-- 100 k users: indexes for the default view, the bulk actions and the badge counts.

-- The default view (neither deleted nor archived), newest first. Archived rows pile up (archive-read)
-- and would otherwise be skipped one by one on every page.
create index deliveries_recipient_active
    on deliveries (recipient, id desc)
 where deleted_at is null and archived_at is null;

-- seen-all and the unseen filter; read-all and the unread filter use deliveries_recipient_unread.
create index deliveries_recipient_unseen
    on deliveries (recipient, id desc)
 where seen_at is null;

-- The few deliveries snoozed at some time: counts subtract the currently snoozed ones (covered, so
-- an index-only scan), and snoozed=true lists them.
create index deliveries_recipient_snoozed
    on deliveries (recipient, snoozed_until)
       include (conversation_id, read_at, seen_at)
 where snoozed_until is not null and deleted_at is null and archived_at is null;
