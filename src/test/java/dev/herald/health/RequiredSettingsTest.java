package dev.herald.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequiredSettingsTest {
  @TempDir Path dir;

  @Test
  void acceptsAKeyFileAnIssuerAndAKeystorePassword() throws IOException {
    Path key = Files.writeString(dir.resolve("public.pem"), "key");
    var settings =
        Map.of(
            "mp.jwt.verify.publickey.location", key.toUri().toString(),
            "mp.jwt.verify.issuer", "https://issuer.example",
            "KEYSTORE_PASSWORD", "secret");

    assertThat(RequiredSettings.problems(name -> Optional.ofNullable(settings.get(name))))
        .isEmpty();
  }

  @Test
  void namesEverySettingThatIsMissing() {
    assertThat(RequiredSettings.problems(name -> Optional.empty()))
        .hasSize(3)
        .anySatisfy(p -> assertThat(p).startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("MP_JWT_VERIFY_ISSUER is not set"))
        .anySatisfy(p -> assertThat(p).startsWith("KEYSTORE_PASSWORD is not set"));
  }

  @Test
  void namesAKeyFileThatDoesNotExist() {
    var settings =
        Map.of(
            "mp.jwt.verify.publickey.location", dir.resolve("gone.pem").toUri().toString(),
            "mp.jwt.verify.issuer", "herald-dev",
            "KEYSTORE_PASSWORD", "secret");

    assertThat(RequiredSettings.problems(name -> Optional.ofNullable(settings.get(name))))
        .singleElement()
        .asString()
        .startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION names ")
        .contains("gone.pem");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"file:keys/public.pem", "file:/keys/my key.pem", "file://host/key.pem"})
  void namesAKeyLocationThatIsNoReadableFileUrl(String location) {
    var settings =
        Map.of(
            "mp.jwt.verify.publickey.location", location,
            "mp.jwt.verify.issuer", "herald-dev",
            "KEYSTORE_PASSWORD", "secret");

    assertThat(RequiredSettings.problems(name -> Optional.ofNullable(settings.get(name))))
        .singleElement()
        .asString()
        .startsWith("MP_JWT_VERIFY_PUBLICKEY_LOCATION is not a file URL Liberty can read")
        .contains(location);
  }

  @Test
  void acceptsAKeyAtAUrlOrInline() {
    var url =
        Map.of(
            "mp.jwt.verify.publickey.location", "https://issuer.example/jwks",
            "mp.jwt.verify.issuer", "herald-dev",
            "KEYSTORE_PASSWORD", "secret");
    var inline =
        Map.of(
            "mp.jwt.verify.publickey", "-----BEGIN PUBLIC KEY-----",
            "mp.jwt.verify.issuer", "herald-dev",
            "KEYSTORE_PASSWORD", "secret");

    assertThat(RequiredSettings.problems(name -> Optional.ofNullable(url.get(name)))).isEmpty();
    assertThat(RequiredSettings.problems(name -> Optional.ofNullable(inline.get(name)))).isEmpty();
  }
}
