package dev.herald.platform;

import static dev.herald.testing.Herald.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.testing.Reply;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** The server describes its API with exactly the committed contract clients are generated from. */
@MicroShedTest
class OpenApiContractIT {

  @Test
  void servesTheCommittedContractAsItsOpenApiDocument() {
    Reply live = anonymous().get("openapi?format=JSON");

    assertThat(live.status()).isEqualTo(200);
    assertThat(withoutServers(OpenApiSpec.parse(live.body())))
        .isEqualTo(withoutServers(OpenApiSpec.committed()));
    assertThat(anonymous().get("openapi/ui/").status()).isEqualTo(200);
  }

  /** Where the API is reached depends on the host; Liberty fills it in. */
  private static JsonNode withoutServers(JsonNode document) {
    ObjectNode copy = document.deepCopy();
    copy.remove("servers");
    return copy;
  }
}
