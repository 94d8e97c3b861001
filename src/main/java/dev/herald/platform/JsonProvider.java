package dev.herald.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads and writes the API's JSON (including problem+json) with {@link JsonMapping#strict()}. The
 * resolver matters too: the Jackson provider jar also registers itself, and then asks for it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {
  public JsonProvider() {
    super(JsonMapping.strict());
  }

  /** The strict mapper for every Jackson provider instance the runtime creates. */
  @Provider
  public static class Mapper implements ContextResolver<ObjectMapper> {
    @Override
    public ObjectMapper getContext(Class<?> type) {
      return JsonMapping.strict();
    }
  }
}
