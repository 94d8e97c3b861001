package dev.herald.inbox.boundary;

import dev.herald.inbox.control.BulkActions;
import dev.herald.inbox.control.DeliveryStates;
import dev.herald.inbox.control.Inbox;
import dev.herald.inbox.control.InboxCounter;
import dev.herald.inbox.entity.DeliveryAction;
import dev.herald.inbox.entity.InboxCounts;
import dev.herald.inbox.entity.InboxFilter;
import dev.herald.inbox.entity.InboxItem;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import dev.herald.platform.QueryParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;

/** The caller's inbox: their deliveries newest first, their states, bulk actions and counts. */
@ApplicationScoped
@Path("inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
  @Inject Caller caller;
  @Inject Inbox inbox;
  @Inject DeliveryStates states;
  @Inject BulkActions bulk;
  @Inject InboxCounter counter;

  public record Snooze(String until) {}

  public record Updated(int updated) {}

  @GET
  public Page<InboxItem> list(
      @QueryParam("unread") String unread,
      @QueryParam("read") String read,
      @QueryParam("seen") String seen,
      @QueryParam("archived") String archived,
      @QueryParam("snoozed") String snoozed,
      @QueryParam("conversationId") String conversationId,
      @QueryParam("sender") String sender,
      @QueryParam("createdAfter") String createdAfter,
      @QueryParam("createdBefore") String createdBefore,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor)
      throws SQLException {
    InboxFilter filter =
        InboxFilter.of(
            unread,
            read,
            seen,
            archived,
            snoozed,
            conversationId,
            sender,
            createdAfter,
            createdBefore);
    return inbox.page(caller.name(), filter, QueryParams.limit(limit), cursor);
  }

  @GET
  @Path("counts")
  public InboxCounts counts(@QueryParam("conversationId") String conversationId)
      throws SQLException {
    return counter.counts(caller.name(), InboxFilter.conversationId(conversationId));
  }

  @POST
  @Path("{messageId}/{action: read|unread|seen|archive|unarchive|unsnooze|delete}")
  public void act(@PathParam("messageId") String messageId, @PathParam("action") String action)
      throws SQLException {
    states.apply(
        caller.name(), delivered(messageId), DeliveryAction.ofPath(action).orElseThrow(), null);
  }

  @POST
  @Path("{messageId}/snooze")
  @Consumes(MediaType.APPLICATION_JSON)
  public void snooze(@PathParam("messageId") String messageId, Snooze snooze) throws SQLException {
    states.snooze(caller.name(), delivered(messageId), snooze == null ? null : snooze.until());
  }

  @POST
  @Path("read-all")
  public Updated readAll(
      @QueryParam("conversationId") String conversationId, @QueryParam("before") String before)
      throws SQLException {
    return new Updated(
        bulk.readAll(
            caller.name(),
            InboxFilter.conversationId(conversationId),
            QueryParams.instant("before", before)));
  }

  @POST
  @Path("seen-all")
  public Updated seenAll() throws SQLException {
    return new Updated(bulk.seenAll(caller.name()));
  }

  @POST
  @Path("archive-read")
  public Updated archiveRead() throws SQLException {
    return new Updated(bulk.archiveRead(caller.name()));
  }

  private static UUID delivered(String messageId) {
    return Ids.uuid(messageId).orElseThrow(ProblemException::notFound);
  }
}
