package dev.herald.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSectionTest {
  @TempDir Path dir;

  @Test
  void takesTheBashBlocksOfOneSectionWithoutTheirListIndentation() throws Exception {
    Path readme =
        Files.writeString(
            dir.resolve("README.md"),
            """
            ## Before
            ```bash
            echo before
            ```
            ## Deploying
            1. Create:

               ```bash
               cd "$WLP_DIR"
               cat > x <<EOF
               A=$A
               EOF
               ```
            2. Not this: `./mvnw package`
               ```text
               not run
               ```
            ```bash
            bin/server start herald
            ```
            ## After
            ```bash
            echo after
            ```
            """);

    assertThat(ReadmeSection.of(readme, "Deploying").bash())
        .isEqualTo(
            """
            cd "$WLP_DIR"
            cat > x <<EOF
            A=$A
            EOF
            bin/server start herald
            """);
  }

  @Test
  void theDeploymentGuideHasCommandsThatStartTheServer() throws Exception {
    String script = ReadmeSection.of(Path.of("README.md"), DeploymentGuide.SECTION).bash();

    assertThat(script).contains("bin/server create herald").contains("bin/server start herald");
  }
}
