-- A deletion's effect on the chat list is the conversations feature's, applied in Java as it
-- observes the inbox's DeliveriesChanged (conversations.control.DeletedMessages), not by a trigger
-- the inbox's table carries for another feature.
drop trigger deliveries_deleted on deliveries;
drop function herald_delivery_deleted();
