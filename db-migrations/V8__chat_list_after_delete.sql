-- A recipient who deletes the last message of a conversation for themselves no longer sees it in
-- their chat list: the entry moves back to the latest message they can still see (or to none).
-- A row trigger, since it fires only for deletions, which are rare and one at a time.
create function herald_delivery_deleted() returns trigger language plpgsql as $$
begin
    update conversation_entries e
       set (last_message_id, last_message_seq) =
           (select m.id, m.seq
              from messages m
             where m.conversation_id = new.conversation_id
               and (m.sender = new.recipient
                    or exists (select 1 from deliveries d
                                where d.message_id = m.id and d.recipient = new.recipient
                                  and d.deleted_at is null))
             order by m.seq desc
             limit 1)
     where e.user_name = new.recipient
       and e.conversation_id = new.conversation_id
       and e.last_message_id = new.message_id;
    return null;
end
$$;

create trigger deliveries_deleted
    after update of deleted_at on deliveries
    for each row when (old.deleted_at is null and new.deleted_at is not null)
    execute function herald_delivery_deleted();
