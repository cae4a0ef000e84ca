package io.shardline.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MariaDbBinariesTest {

    @Test
    void homeWithoutBinariesSaysWhatWasSearchedAndHowToInstall(@TempDir Path empty) {
        assertThatThrownBy(() -> MariaDbBinaries.search(empty.toString(), "/usr/bin"))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("SHARDLINE_MARIADB_HOME=" + empty)
                .hasMessageContaining(empty.resolve("bin/mariadbd").toString())
                .hasMessageContaining("apt-get install -y mariadb-server");
    }

    @Test
    void homeWithBinariesIsPreferredAndBecomesTheBasedir(@TempDir Path home) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        // A stand-in server that answers --version like mariadbd does.
        Path server = Files.writeString(bin.resolve("mariadbd"), "#!/bin/sh\necho 'mariadbd  Ver 99.9-fake'\n");
        Path installer = Files.writeString(bin.resolve("mariadb-install-db"), "#!/bin/sh\nexit 0\n");
        server.toFile().setExecutable(true);
        installer.toFile().setExecutable(true);

        MariaDbBinaries found = MariaDbBinaries.search(home.toString(), "/usr/sbin:/usr/bin");

        assertThat(found.mariadbd()).isEqualTo(server);
        assertThat(found.installDb()).isEqualTo(installer);
        assertThat(found.basedir()).contains(home);
        assertThat(found.version()).isEqualTo("mariadbd  Ver 99.9-fake");
    }

    @Test
    void emptyPathFallsBackToSystemDirectoriesOrExplains(@TempDir Path emptyPathDir) {
        boolean systemHasServer = Files.isExecutable(Path.of("/usr/sbin/mariadbd"))
                && (Files.isExecutable(Path.of("/usr/sbin/mariadb-install-db"))
                        || Files.isExecutable(Path.of("/usr/bin/mariadb-install-db")));
        if (systemHasServer) {
            MariaDbBinaries found = MariaDbBinaries.search(null, emptyPathDir.toString());
            assertThat(found.mariadbd()).isEqualTo(Path.of("/usr/sbin/mariadbd"));
            assertThat(found.basedir()).isEmpty();
        } else {
            assertThatThrownBy(() -> MariaDbBinaries.search(null, emptyPathDir.toString()))
                    .hasMessageContaining("No MariaDB server binaries found");
        }
    }
}
