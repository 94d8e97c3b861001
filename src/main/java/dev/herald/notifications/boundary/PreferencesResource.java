package dev.herald.notifications.boundary;

import dev.herald.notifications.control.PreferenceRules;
import dev.herald.notifications.control.PreferencesStore;
import dev.herald.notifications.entity.Preferences;
import dev.herald.notifications.entity.PreferencesAnswer;
import dev.herald.platform.Caller;
import dev.herald.platform.RequestBodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** The caller's own notification preferences, read and replaced whole. */
@ApplicationScoped
@Path("me/preferences")
@Produces(MediaType.APPLICATION_JSON)
public class PreferencesResource {
  @Inject Caller caller;
  @Inject PreferencesStore store;
  @Inject RequestBodies bodies;

  @GET
  public PreferencesAnswer get() {
    return store.find(caller.name());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public PreferencesAnswer put(Preferences body) throws SQLException {
    Preferences preferences = bodies.valid(body).normalized();
    PreferenceRules.check(preferences);
    return store.save(caller.name(), preferences);
  }
}
