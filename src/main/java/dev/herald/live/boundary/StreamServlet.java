package dev.herald.live.boundary;

import dev.herald.live.control.LiveHub;
import dev.herald.live.control.StreamTickets;
import dev.herald.live.entity.Viewer;
import dev.herald.platform.JsonMapping;
import dev.herald.platform.Problem;
import dev.herald.platform.ProblemException;
import dev.herald.platform.ProblemType;
import dev.herald.platform.UserNames;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code GET /api/stream}: the caller's live events as Server-Sent Events, for as long as their
 * token is valid. The caller is the bearer token's subject (Authorization header), or a stream
 * ticket's ({@code ?ticket=}); {@code Last-Event-ID} resumes after that event. A servlet with an
 * async context rather than a JAX-RS resource: no thread waits per open stream.
 */
@WebServlet(urlPatterns = "/api/stream", asyncSupported = true)
public class StreamServlet extends HttpServlet {
  @Inject LiveHub hub;
  @Inject StreamTickets tickets;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      Viewer viewer = viewer(request);
      Long lastEventId = lastEventId(request.getHeader("Last-Event-ID"));
      response.setContentType("text/event-stream");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setHeader("Cache-Control", "no-store");
      // proxies that buffer responses (nginx) would hold events back
      response.setHeader("X-Accel-Buffering", "no");
      // a stream's connection serves nothing after it: a stream that ends (dropped, expired)
      // closes it, instead of leaving it open for a next request that will not come
      response.setHeader("Connection", "close");
      hub.open(viewer.user(), viewer.until(), lastEventId, request);
    } catch (ProblemException e) {
      answer(response, e);
    } catch (SQLException e) {
      answer(
          response,
          ProblemException.retryLater(ProblemType.UNAVAILABLE, "The database is unreachable.", 5));
    }
  }

  private Viewer viewer(HttpServletRequest request) throws SQLException {
    String ticket = request.getParameter("ticket");
    if (ticket != null) {
      return tickets.redeem(ticket).orElseThrow(() -> unauthenticated("The ticket is not valid."));
    }
    if (request.getUserPrincipal() instanceof JsonWebToken token
        && UserNames.isValid(token.getSubject())) {
      return new Viewer(token.getSubject(), Instant.ofEpochSecond(token.getExpirationTime()));
    }
    throw unauthenticated("Send a valid bearer token in the Authorization header, or a ticket.");
  }

  private static Long lastEventId(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      throw new ProblemException(
          ProblemType.VALIDATION,
          "Last-Event-ID must be an event id this stream sent.",
          List.of(new Problem.FieldError("Last-Event-ID", "must be a decimal number")));
    }
  }

  private static ProblemException unauthenticated(String detail) {
    return new ProblemException(ProblemType.UNAUTHENTICATED, detail);
  }

  private static void answer(HttpServletResponse response, ProblemException e) throws IOException {
    Problem problem = e.problem();
    // the buffer only: the headers every answer carries (SecurityHeaders) stay
    response.resetBuffer();
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problem.status() == 401) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    Optional.of(e.retryAfterSeconds())
        .filter(seconds -> seconds > 0)
        .ifPresent(seconds -> response.setHeader("Retry-After", Long.toString(seconds)));
    response.getWriter().write(JsonMapping.strict().writeValueAsString(problem));
  }
}
