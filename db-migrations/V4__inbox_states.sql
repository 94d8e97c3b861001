-- The inbox's per-recipient states at 10 M deliveries and 100 k users.
--
-- Bulk actions (seen-all, read-all, archive-read, and marking a listed page seen) change up to a
-- whole inbox at once. They stay cheap only as heap-only (HOT) updates: no index may name
-- read_at, seen_at or archived_at (as a key, an INCLUDE column or in a partial index's WHERE),
-- and pages need room for the new row versions. So:

-- 1. Half of each new page stays free for the next versions of its rows (existing pages keep
--    theirs until the table is rewritten, e.g. VACUUM FULL in a maintenance window).
alter table deliveries set (fillfactor = 50);

-- 2. The one index that named read_at goes. Unread pages use deliveries_recipient_id and filter
--    the rows (the unread count comes from inbox_counts, not from scanning).
drop index deliveries_recipient_unread;

-- 3. The few deliveries snoozed at some time, for the counts to subtract the currently snoozed
--    ones and for snoozed=true. Snoozing and deleting are single actions, so their columns may
--    be in an index. The default view uses deliveries_recipient_id, the conversation filter
--    deliveries_recipient_conversation (V3).
create index deliveries_recipient_snoozed
    on deliveries (recipient, snoozed_until)
 where snoozed_until is not null and deleted_at is null;
