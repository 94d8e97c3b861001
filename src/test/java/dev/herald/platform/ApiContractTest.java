package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
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
    SPEC.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode operation = op.getValue();
                          assertThat(ids.add(operation.path("operationId").asText()))
                              .as("unique operationId at " + path.getKey())
                              .isTrue();
                          assertThat(operation.get("operationId").asText())
                              .matches("[a-z][A-Za-z]+");
                          operation
                              .get("responses")
                              .properties()
                              .forEach(
                                  response -> {
                                    if (response.getKey().matches("[45]\\d\\d")) {
                                      assertThat(response.getValue().path("$ref").asText())
                                          .as(path.getKey() + " " + response.getKey())
                                          .startsWith("#/components/responses/");
                                    }
                                  });
                        }));
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
    SPEC.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          JsonNode security = op.getValue().get("security");
                          if (security != null && security.isEmpty()) {
                            open.add(op.getKey().toUpperCase() + " " + path.getKey());
                          }
                        }));
    assertThat(open).isEqualTo(ApiOperations.publicOnes());
  }

  private static Map<String, Operation> specOperations() {
    Map<String, Operation> operations = new TreeMap<>();
    SPEC.get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          Set<String> parameters = new TreeSet<>();
                          op.getValue()
                              .path("parameters")
                              .forEach(
                                  p -> {
                                    JsonNode parameter = OpenApiSpec.resolve(SPEC, p);
                                    parameters.add(
                                        parameter.get("in").asText()
                                            + ":"
                                            + parameter.get("name").asText());
                                  });
                          operations.put(
                              op.getKey().toUpperCase() + " " + path.getKey(),
                              new Operation(parameters, op.getValue().has("requestBody")));
                        }));
    return operations;
  }

  /** What a client must know of an operation beyond its path: parameters and whether a body. */
  record Operation(Set<String> parameters, boolean body) {}
}
