package dev.herald.auth;

import static dev.herald.testing.Herald.withToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.testing.Herald;
import dev.herald.testing.Reply;
import dev.herald.testing.Requests;
import dev.herald.testing.Tokens;
import dev.herald.testing.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Tokens must name Herald as their audience, and only Herald's own group names grant its roles: an
 * identity provider's generic {@code admin} or {@code auditor} group grants nothing.
 */
@MicroShedTest
class TokenRulesIT {
  final String user = Users.unique("user");

  @Test
  void refusesTokensWithoutHeraldsAudience() {
    JwtClaims none = Tokens.claims(user, List.of());
    none.unsetClaim("aud");
    JwtClaims other = Tokens.claims(user, List.of());
    other.setAudience("billing");

    Reply withoutAudience = withToken(Tokens.signed(none)).get("api/inbox");
    Reply otherAudience = withToken(Tokens.signed(other)).get("api/inbox");
    Reply herald = withToken(Tokens.signed(Tokens.claims(user, List.of()))).get("api/inbox");

    assertThat(withoutAudience.status()).isEqualTo(401);
    assertThat(otherAudience.status()).isEqualTo(401);
    assertThat(herald.status()).as(herald.toString()).isEqualTo(200);
  }

  @Test
  void authenticatesAnApiPathThatMentionsMetrics() {
    String bob = Users.unique("bob");
    String conversation = "metrics-" + UUID.randomUUID();
    String send =
        Requests.message(List.of(bob), "weekly figures")
            .add("conversationId", conversation)
            .build()
            .toString();

    Reply sent = Herald.as(user).post("api/messages", send);

    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    await("bob reads " + conversation)
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              Reply history = Herald.as(bob).get("api/conversations/" + conversation + "/messages");
              assertThat(history.status()).as(history.toString()).isEqualTo(200);
              assertThat(history.body()).contains("weekly figures");
            });
  }

  @Test
  void mintsDevTokensWithHeraldsAudience() {
    Reply reply = Herald.as(user).get("api/inbox");

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @Test
  void grantsNoRoleForAnIdentityProvidersGenericGroups() {
    Reply deadLetters = Herald.withRoles(user, "admin").get("api/admin/dead-letters");
    Reply audit = Herald.withRoles(user, "auditor").get("api/audit?actor=" + user);
    Reply history = Herald.withRoles(user, "auditor", "admin").get("api/messages?user=someone");

    assertThat(deadLetters.status()).isEqualTo(403);
    assertThat(audit.status()).isEqualTo(403);
    assertThat(history.status()).isEqualTo(403);
  }

  @Test
  void grantsTheRolesForHeraldsOwnGroups() {
    Reply deadLetters = Herald.withRoles(user, "herald-admin").get("api/admin/dead-letters");
    Reply audit = Herald.withRoles(user, "herald-auditor").get("api/audit?actor=" + user);

    assertThat(deadLetters.status()).as(deadLetters.toString()).isEqualTo(200);
    assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
  }
}
