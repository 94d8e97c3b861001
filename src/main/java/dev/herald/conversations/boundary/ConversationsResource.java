package dev.herald.conversations.boundary;

import dev.herald.conversations.control.ChatList;
import dev.herald.conversations.control.ConversationHistory;
import dev.herald.conversations.control.Groups;
import dev.herald.conversations.control.Memberships;
import dev.herald.conversations.entity.ChatListItem;
import dev.herald.conversations.entity.Group;
import dev.herald.conversations.entity.HistoryPage;
import dev.herald.conversations.entity.NewGroup;
import dev.herald.conversations.entity.NewMember;
import dev.herald.platform.Caller;
import dev.herald.platform.Page;
import dev.herald.platform.ProblemException;
import dev.herald.platform.QueryParams;
import dev.herald.platform.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;

/** The caller's chat list, group conversations and their members, and conversation history. */
@ApplicationScoped
@Path("conversations")
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

  @Inject Caller caller;
  @Inject ChatList chats;
  @Inject Groups groups;
  @Inject Memberships memberships;
  @Inject ConversationHistory history;
  @Inject RequestBodies bodies;

  @GET
  public Page<ChatListItem> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) throws SQLException {
    return chats.page(caller.name(), QueryParams.limit(limit), cursor);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(@Context UriInfo uri, NewGroup request) throws SQLException {
    NewGroup valid = bodies.valid(request);
    Group group = groups.create(caller.name(), valid);
    return Response.created(uri.getAbsolutePathBuilder().path(group.id()).build())
        .entity(group)
        .build();
  }

  @GET
  @Path("{id}")
  public Group get(@PathParam("id") String id) {
    return groups.find(id, caller.name()).orElseThrow(ProblemException::notFound);
  }

  @POST
  @Path("{id}/members")
  @Consumes(MediaType.APPLICATION_JSON)
  public Group addMember(@PathParam("id") String id, NewMember member) throws SQLException {
    String user = bodies.valid(member).user();
    return memberships.add(id, caller.name(), user);
  }

  @DELETE
  @Path("{id}/members/{user}")
  public void removeMember(@PathParam("id") String id, @PathParam("user") String user)
      throws SQLException {
    memberships.remove(id, caller.name(), user);
  }

  @GET
  @Path("{id}/messages")
  public HistoryPage messages(
      @PathParam("id") String id,
      @QueryParam("before") String before,
      @QueryParam("after") String after,
      @QueryParam("limit") String limit)
      throws SQLException {
    return history.page(id, caller.name(), before, after, QueryParams.limit(limit));
  }
}
