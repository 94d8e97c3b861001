package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The committed contract (META-INF/openapi.yaml) and the code say the same: every JAX-RS operation
 * and servlet under /api is in the spec with the same parameters and body, and nothing else is.
 */
class ApiContractTest {
  private static final JsonNode SPEC = OpenApiSpec.committed();
  private static final Map<String, Operation> CODE = ApiOperations.inCode();

  @Test
  void specNamesExactlyTheOperationsTheServerHas() {
    assertThat(specOperations().keySet()).isEqualTo(CODE.keySet());
  }

  @Test
  void everyOperationTakesTheParametersAndBodyTheCodeReads() {
    Map<String, Operation> spec = specOperations();
    CODE.forEach((key, operation) -> assertThat(spec.get(key)).as(key).isEqualTo(operation));
  }

  @Test
  void everyOperationHasAnIdAndDeclaresItsErrorsAsProblems() {
    Set<String> ids = new TreeSet<>();
    for (SpecOperation op : SpecOperation.all(SPEC)) {
      String id = op.node().path("operationId").asText();
      assertThat(ids.add(id)).as("unique operationId at " + op.key()).isTrue();
      assertThat(id).as(op.key()).matches("[a-z][A-Za-z]+");
      op.node().get("responses").properties().stream()
          .filter(response -> response.getKey().matches("[45]\\d\\d"))
          .forEach(
              response ->
                  assertThat(response.getValue().path("$ref").asText())
                      .as(op.key() + " " + response.getKey())
                      .startsWith("#/components/responses/"));
    }
    SPEC.at("/components/responses")
        .properties()
        .forEach(
            response -> {
              JsonNode problem = response.getValue().at("/content/application~1problem+json");
              if (!problem.isMissingNode()) {
                assertThat(problem.at("/schema/$ref").asText())
                    .isEqualTo("#/components/schemas/Problem");
              }
            });
  }

  @Test
  void listsEveryStableProblemType() {
    Set<String> listed = new TreeSet<>();
    SPEC.at("/components/schemas/ProblemType/enum").forEach(t -> listed.add(t.asText()));
    Set<String> inCode = new TreeSet<>();
    Arrays.stream(ProblemType.values()).forEach(t -> inCode.add(Problem.of(t, "").type()));
    assertThat(listed).isEqualTo(inCode);
  }

  @Test
  void authenticatesWithABearerJwtExceptOnThePublicOperations() {
    assertThat(SPEC.at("/components/securitySchemes/jwt/scheme").asText()).isEqualTo("bearer");
    assertThat(SPEC.at("/components/securitySchemes/jwt/bearerFormat").asText()).isEqualTo("JWT");
    assertThat(SPEC.at("/security/0/jwt").isArray()).isTrue();
    Set<String> open = new TreeSet<>();
    for (SpecOperation op : SpecOperation.all(SPEC)) {
      JsonNode security = op.node().get("security");
      if (security != null && security.isEmpty()) {
        open.add(op.key());
      }
    }
    assertThat(open).isEqualTo(ApiOperations.publicOnes());
  }

  private static Map<String, Operation> specOperations() {
    Map<String, Operation> operations = new TreeMap<>();
    for (SpecOperation op : SpecOperation.all(SPEC)) {
      Set<String> parameters = new TreeSet<>();
      op.node()
          .path("parameters")
          .forEach(
              p -> {
                JsonNode parameter = OpenApiSpec.resolve(SPEC, p);
                parameters.add(parameter.get("in").asText() + ":" + parameter.get("name").asText());
              });
      operations.put(op.key(), new Operation(parameters, op.node().has("requestBody")));
    }
    return operations;
  }

  /** One operation of the spec: "METHOD /path" and its node. */
  record SpecOperation(String key, JsonNode node) {
    static List<SpecOperation> all(JsonNode spec) {
      List<SpecOperation> all = new ArrayList<>();
      spec.get("paths")
          .properties()
          .forEach(
              path ->
                  path.getValue()
                      .properties()
                      .forEach(
                          op ->
                              all.add(
                                  new SpecOperation(
                                      op.getKey().toUpperCase() + " " + path.getKey(),
                                      op.getValue()))));
      return all;
    }
  }

  /** What a client must know of an operation beyond its path: parameters and whether a body. */
  record Operation(Set<String> parameters, boolean body) {}
}
