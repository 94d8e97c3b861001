package dev.herald.platform;

import static dev.herald.testing.Fuzz.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.sending.entity.SendRequest;
import dev.herald.testing.Fuzz;
import java.io.CharConversionException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Whatever a client sends to POST /api/messages, the strict mapper either reads a request or says
 * no with Jackson's JsonProcessingException, which the API turns into a 400; it never fails in
 * another way and never hangs. Tries are bounded (see junit-platform.properties for seeds).
 */
class JsonMappingFuzzTest {
  private static final ObjectMapper JSON = JsonMapping.strict();

  @Property(tries = 1000)
  void readsAnyTextAsARequestOrRefusesItAsJson(@ForAll("text") String text) throws Exception {
    try {
      assertReadsBackTheSame(within(() -> JSON.readValue(text, SendRequest.class)));
    } catch (JsonProcessingException refused) {
      // the one way to say no
    }
  }

  @Property(tries = 1000)
  void readsAnyBytesAsARequestOrRefusesItAsJson(@ForAll("bytes") byte[] bytes) throws Exception {
    try {
      assertReadsBackTheSame(within(() -> JSON.readValue(bytes, SendRequest.class)));
    } catch (JsonProcessingException refused) {
      // the one way to say no
    } catch (CharConversionException utf32) {
      // Jackson's exception to the rule: bytes it takes for UTF-32 (two NULs among the first
      // four) and cannot decode fail with this plain IOException, not a JsonProcessingException
      assertThat(nulsAmongFirstFour(bytes)).as("NUL bytes among the first four").isGreaterThan(1);
    }
  }

  @Property(tries = 500)
  void readsBackEveryRequestItWrites(@ForAll("requests") SendRequest request) throws Exception {
    assertReadsBackTheSame(request);
  }

  @Provide
  Arbitrary<String> text() {
    return Fuzz.textAround(validJson());
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Fuzz.bytesAround(validJson());
  }

  @Provide
  Arbitrary<SendRequest> requests() {
    Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(40);
    return Combinators.combine(
            text.list().ofMaxSize(5).injectNull(0.1),
            text.injectNull(0.1),
            text.injectNull(0.3),
            text.injectNull(0.3))
        .as(SendRequest::new);
  }

  private static Arbitrary<String> validJson() {
    Arbitrary<String> names = Fuzz.userNames();
    Arbitrary<String> text = Fuzz.text(40);
    return Fuzz.objectsWith(
        Tuple.of(
            "to", names.map(Fuzz::quoted).list().ofMinSize(1).ofMaxSize(3).map(List::toString)),
        Tuple.of("body", text.map(Fuzz::quoted)),
        Tuple.of("subject", text.map(Fuzz::quoted)),
        Tuple.of("conversationId", Fuzz.conversationIds().map(Fuzz::quoted)));
  }

  private static void assertReadsBackTheSame(SendRequest request) throws Exception {
    // a request read once is read the same again, so what is validated is what is sent on
    if (request != null) {
      String written = JSON.writeValueAsString(request);
      assertThat(JSON.readValue(written, SendRequest.class)).isEqualTo(request);
    }
  }

  private static int nulsAmongFirstFour(byte[] bytes) {
    int nuls = 0;
    for (int i = 0; i < Math.min(4, bytes.length); i++) {
      nuls += bytes[i] == 0 ? 1 : 0;
    }
    return nuls;
  }
}
