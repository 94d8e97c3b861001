package dev.herald.notifications.boundary;

import dev.herald.notifications.control.ContactVerification;
import dev.herald.notifications.entity.CodeConfirmation;
import dev.herald.notifications.entity.Contact;
import dev.herald.notifications.entity.PreferencesAnswer;
import dev.herald.platform.Caller;
import dev.herald.platform.ProblemException;
import dev.herald.platform.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;

/**
 * Confirming the caller's saved email address ({@code email}) or phone number ({@code phone}): ask
 * for a code, which goes to that address, then send it back.
 */
@ApplicationScoped
@Path("me/preferences/{contact}")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {
  @Inject Caller caller;
  @Inject ContactVerification verification;
  @Inject RequestBodies bodies;

  /** 202: a code is on its way; 429 with Retry-After past the resend limits. */
  @POST
  @Path("code")
  public Response sendCode(@PathParam("contact") String contact) throws SQLException {
    verification.sendCode(caller.name(), contactOf(contact));
    return Response.accepted().build();
  }

  /** 200 with the preferences, the contact now verified; problem+json for a wrong code. */
  @POST
  @Path("confirmation")
  @Consumes(MediaType.APPLICATION_JSON)
  public PreferencesAnswer confirm(@PathParam("contact") String contact, CodeConfirmation body)
      throws SQLException {
    Contact which = contactOf(contact);
    return verification.confirm(caller.name(), which, bodies.valid(body).code());
  }

  private static Contact contactOf(String slug) {
    return Contact.ofSlug(slug).orElseThrow(ProblemException::notFound);
  }
}
