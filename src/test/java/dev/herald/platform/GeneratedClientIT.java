package dev.herald.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.herald.client.ApiClient;
import dev.herald.client.ApiException;
import dev.herald.client.api.DevelopmentApi;
import dev.herald.client.api.InboxApi;
import dev.herald.client.api.MessagesApi;
import dev.herald.client.model.InboxItem;
import dev.herald.client.model.MessageView;
import dev.herald.client.model.Problem;
import dev.herald.client.model.ProblemType;
import dev.herald.client.model.SendReceipt;
import dev.herald.client.model.SendRequest;
import dev.herald.client.model.TokenRequest;
import dev.herald.testing.Herald;
import dev.herald.testing.Users;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * A Java client generated at build time from META-INF/openapi.yaml (openapi-generator, native HTTP
 * client) talks to the real server: what a team generating its own client would get.
 */
@MicroShedTest
class GeneratedClientIT {
  private final String alice = Users.unique("alice");
  private final String bob = Users.unique("bob");

  @Test
  void sendsAMessageThatTheRecipientReadsInTheInboxAndTheSenderInTheHistory() throws Exception {
    SendReceipt receipt =
        new MessagesApi(client(alice))
            .sendMessage(
                new SendRequest().to(List.of(bob)).subject("Generated").body("From a client"),
                null);

    InboxApi bobsInbox = new InboxApi(client(bob));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        bobsInbox
                            .listInbox(
                                null, null, null, null, null, null, null, null, null, null, null)
                            .getItems())
                    .extracting(InboxItem::getMessageId, InboxItem::getSender, InboxItem::getBody)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            receipt.getId(), alice, "From a client")));
    MessageView sent = new MessagesApi(client(alice)).getMessage(receipt.getId());
    assertThat(sent.getTo()).containsExactly(bob);
    assertThat(sent.getSubject()).isEqualTo("Generated");
    assertThat(sent.getConversationId()).isEqualTo(receipt.getConversationId());
  }

  @Test
  void readsARejectionAsAProblemOfAStableType() throws Exception {
    ApiClient client = client(alice);

    ApiException rejected =
        catchThrowableOfType(
            ApiException.class,
            () -> new MessagesApi(client).sendMessage(new SendRequest().to(List.of(bob)), null));

    assertThat(rejected.getCode()).isEqualTo(400);
    Problem problem = client.getObjectMapper().readValue(rejected.getResponseBody(), Problem.class);
    assertThat(problem.getType()).isEqualTo(ProblemType.URN_HERALD_PROBLEM_VALIDATION.getValue());
    assertThat(problem.getErrors()).extracting(e -> e.getField()).contains("body");
  }

  /** A client that calls as {@code user}, with a token from the generated development API. */
  private static ApiClient client(String user) throws ApiException {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Herald.base().toString().replaceAll("/$", ""));
    String token =
        new DevelopmentApi(client).issueDevToken(new TokenRequest().user(user)).getToken();
    client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    return client;
  }
}
