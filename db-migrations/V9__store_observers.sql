-- Every table has one owner (docs/decisions/0011-one-owner-per-table.md). Storing a message now
-- fires MessagesStored inside the storing transaction, and each feature writes its own rows:
-- the inbox its deliveries and their counters, conversations the chat list. So the trigger that
-- kept inbox_counts and conversation_entries on every insert into deliveries goes. Counters for
-- changes of state (read, archive, delete, ...) are still kept by deliveries_updated.
drop trigger deliveries_inserted on deliveries;
drop function herald_deliveries_inserted();

-- Foreign keys checked row by row inside the writer's own transaction, where the writer itself
-- guarantees them: a delivery and an alert are only ever written by observers of the batch that
-- stored their message, in the same transaction.
alter table deliveries drop constraint deliveries_message_id_fkey;
alter table notifications drop constraint notifications_message_id_fkey;
