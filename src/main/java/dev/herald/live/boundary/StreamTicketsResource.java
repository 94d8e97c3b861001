package dev.herald.live.boundary;

import dev.herald.live.control.StreamTickets;
import dev.herald.live.entity.StreamTicket;
import dev.herald.live.entity.Viewer;
import dev.herald.platform.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * {@code POST /api/stream/tickets}: a single-use ticket, valid for seconds, to open one stream as
 * {@code GET /api/stream?ticket=…} where no Authorization header can be sent (EventSource).
 */
@ApplicationScoped
@Path("stream/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class StreamTicketsResource {
  @Inject Caller caller;
  @Inject StreamTickets tickets;

  @POST
  public Response issue() throws SQLException {
    StreamTicket ticket = tickets.issue(new Viewer(caller.name(), caller.expiresAt()));
    return Response.status(Response.Status.CREATED).entity(ticket).build();
  }
}
