package dev.herald.inbox.boundary;

import dev.herald.inbox.control.Inbox;
import dev.herald.inbox.entity.InboxItem;
import dev.herald.platform.Caller;
import dev.herald.platform.Ids;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import dev.herald.platform.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.UUID;

/** The caller's inbox: their deliveries, newest first, and marking them read or unread. */
@Path("inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
  @Inject Caller caller;
  @Inject Inbox inbox;

  @GET
  public Page<InboxItem> list(
      @QueryParam("unread") String unread,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return inbox.page(
        caller.name(), QueryParams.flag("unread", unread), QueryParams.limit(limit), cursor);
  }

  @POST
  @Path("{messageId}/read")
  public void markRead(@PathParam("messageId") String messageId) throws SQLException {
    inbox.mark(caller.name(), delivered(messageId), true);
  }

  @POST
  @Path("{messageId}/unread")
  public void markUnread(@PathParam("messageId") String messageId) throws SQLException {
    inbox.mark(caller.name(), delivered(messageId), false);
  }

  private static UUID delivered(String messageId) {
    return Ids.uuid(messageId).orElseThrow(ProblemException::notFound);
  }
}
