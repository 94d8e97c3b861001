import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgBinariesTest {

  /** os.name and os.arch as the JDKs report them, and the resource inside the zonky jars. */
  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      nullValues = "none",
      value = {
        "Linux,        amd64,   postgres-linux-x86_64.txz",
        "Linux,        aarch64, postgres-linux-arm_64.txz",
        "Mac OS X,     aarch64, postgres-darwin-arm_64.txz",
        "Mac OS X,     x86_64,  postgres-darwin-x86_64.txz",
        "Darwin,       arm64,   postgres-darwin-arm_64.txz",
        "Windows 11,   amd64,   none",
        "Windows 10,   aarch64, none",
        "Linux,        ppc64le, none",
        "Linux,        x86,     none",
        "FreeBSD,      amd64,   none",
      })
  void picksTheEmbeddedBinariesForThisOsAndArchitecture(String os, String arch, String resource) {
    assertThat(DevServices.PgBinaries.resource(os, arch)).isEqualTo(Optional.ofNullable(resource));
  }
}
