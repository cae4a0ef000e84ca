package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The generated JDBC boilerplate is what {@link JdbcBoilerplate} produces: nobody edited it by hand. */
class JdbcBoilerplateTest {

    @Test
    void generatedFilesAreCurrent() throws IOException {
        Path root = Path.of("src/main/java");
        for (JdbcBoilerplate.Spec spec : JdbcBoilerplate.SPECS) {
            Path file = JdbcBoilerplate.path(root, spec);
            assertThat(Files.readString(file, StandardCharsets.UTF_8))
                    .as("%s is out of date: run JdbcBoilerplate.main from the repository root", file)
                    .isEqualTo(JdbcBoilerplate.render(spec));
        }
    }
}
