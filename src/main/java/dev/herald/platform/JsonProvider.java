package dev.herald.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads and writes the API's JSON (including problem+json) with {@link JsonMapping#strict()}. The
 * resolver matters too: the Jackson provider jar also registers itself, and then asks for it.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  public JsonProvider() {
    super(JsonMapping.strict());
  }

  /**
   * JSON on the wire is UTF-8 (RFC 8259). Jackson alone would also guess UTF-16/32 from the first
   * bytes and decode overlong UTF-8 forms, so the body is checked as strict UTF-8 first.
   */
  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    byte[] bytes = withoutBom(body.readAllBytes());
    if (!Utf8.isValid(bytes)) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The body is not valid UTF-8.");
    }
    return super.readFrom(
        type, genericType, annotations, mediaType, headers, new ByteArrayInputStream(bytes));
  }

  /** One leading byte order mark is tolerated (RFC 8259 allows ignoring it); a second is not. */
  private static byte[] withoutBom(byte[] bytes) {
    if (!startsWithBom(bytes, 0)) {
      return bytes;
    }
    if (startsWithBom(bytes, UTF8_BOM.length)) {
      throw new ProblemException(ProblemType.MALFORMED_JSON, "The body starts with two BOMs.");
    }
    return java.util.Arrays.copyOfRange(bytes, UTF8_BOM.length, bytes.length);
  }

  private static boolean startsWithBom(byte[] bytes, int at) {
    return bytes.length >= at + 3
        && bytes[at] == UTF8_BOM[0]
        && bytes[at + 1] == UTF8_BOM[1]
        && bytes[at + 2] == UTF8_BOM[2];
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
