package io.shardline.jdbc.differential;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Loads the two sides once per test class (each class has its own database) and drops them after it. */
@TestTopology(groups = 2, replicas = 0)
abstract class DifferentialTestBase {

    static DifferentialFixture fixture;

    @BeforeAll
    static void load(TestDatabase db) throws SQLException {
        fixture = new DifferentialFixture(db);
    }

    @AfterAll
    static void close() throws SQLException {
        if (fixture != null) {
            fixture.close();
            fixture = null;
        }
    }
}
