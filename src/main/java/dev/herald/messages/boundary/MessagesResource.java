package dev.herald.messages.boundary;

import dev.herald.messages.control.MessageFilter;
import dev.herald.messages.control.MessageHistory;
import dev.herald.messages.control.MessageLookup;
import dev.herald.messages.control.MessageSearch;
import dev.herald.messages.control.SearchText;
import dev.herald.messages.entity.MessageEntry;
import dev.herald.messages.entity.MessageView;
import dev.herald.messages.entity.OtherUsersMessagesRead;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/**
 * Reading messages: one message, a user's history and search. Sending, on the same path, is {@code
 * sending.boundary.SendResource}. An auditor's read of another user's messages is announced ({@link
 * OtherUsersMessagesRead}) for the audit log before it runs.
 */
@ApplicationScoped
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {
  @Inject Caller caller;
  @Inject MessageLookup lookup;
  @Inject MessageHistory history;
  @Inject MessageSearch search;
  @Inject Event<OtherUsersMessagesRead> othersRead;

  /** The caller's messages, sent and received, newest first. */
  @GET
  public Page<MessageEntry> history(@BeanParam MessageQueryParams query) throws SQLException {
    MessageFilter filter = query.filter(caller);
    announce(filter, "history", null);
    return history.page(filter, query.cursor(), query.limit());
  }

  /** Full-text search over the messages the caller may see, best match first. */
  @GET
  @Path("search")
  public Page<MessageEntry> search(@QueryParam("q") String q, @BeanParam MessageQueryParams query)
      throws SQLException {
    MessageFilter filter = query.filter(caller);
    String text = SearchText.parse(q);
    announce(filter, "search", text);
    return search.page(filter, text, query.cursor(), query.limit());
  }

  /** Another user's messages are about to be read: the audit log records it first. */
  private void announce(MessageFilter filter, String view, String text) {
    String reader = caller.name();
    if (!filter.user().equals(reader)) {
      othersRead.fire(
          new OtherUsersMessagesRead(
              reader,
              filter.user(),
              view,
              text,
              filter.with(),
              filter.conversationId(),
              filter.after(),
              filter.before()));
    }
  }

  @GET
  @Path("{id}")
  public MessageView get(@PathParam("id") String id) {
    return Ids.uuid(id)
        .flatMap(uuid -> lookup.find(uuid, caller.name()))
        .orElseThrow(ProblemException::notFound);
  }
}
