package io.shardline.examples.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.testkit.Topology;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The done-when of issue #12: the same application, unchanged, run once on one plain database and once on
 * Shardline (the {@code shardline} profile, i.e. {@code spring.datasource.url=jdbc:shardline:...} and the shipped
 * shardline.yaml pointed at a testkit topology of 2 groups x 1 replica), must see exactly the same results; and on
 * Shardline the rows must really be spread over both masters.
 */
@TestTopology(groups = 2, replicas = 1)
class ShopDifferentialIT {

    @TempDir
    Path dir;

    @Test
    void sameResultsOnOneDatabaseAndOnShardline(Topology topology, TestDatabase db) throws Exception {
        String plainDb = db.name() + "_plain";
        topology.createDatabase(plainDb);
        try {
            List<String> plain;
            try (ConfigurableApplicationContext app = start("default",
                    "--spring.datasource.url=" + topology.master(0).jdbcUrl(plainDb),
                    "--spring.datasource.username=root", "--spring.datasource.password=")) {
                assertThat(app.getBean(DataSource.class)).isNotInstanceOf(ShardlineDataSource.class);
                plain = ShopScenario.run(app);
            }

            Path yaml = dir.resolve("shardline.yaml");
            Files.writeString(yaml, shippedConfigFor(topology, db.name()));
            List<String> sharded;
            try (ConfigurableApplicationContext app = start("shardline",
                    "--spring.datasource.url=jdbc:shardline:" + yaml)) {
                assertThat(app.getBean(DataSource.class)).isInstanceOf(ShardlineDataSource.class);
                sharded = ShopScenario.run(app);

                var health = app.getBean(HealthEndpoint.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.UP);
                MeterRegistry meters = app.getBean(MeterRegistry.class);
                assertThat(meters.get("shardline.statements").tag("opcode", "SINGLE").functionCounter().count())
                        .isPositive();
                assertThat(meters.get("shardline.statements").tag("opcode", "SCATTER").functionCounter().count())
                        .isPositive();
                // placeOrders writes on one data source (a local commit); placeForEach wrote on both and rolled back.
                assertThat(meters.get("shardline.transactions.commits").tag("kind", "local").functionCounter().count())
                        .isPositive();
                assertThat(meters.get("hikaricp.connections.active").tag("pool", "shardline-ds_1-master").gauge())
                        .isNotNull();
                System.out.println("Shardline meters after the scenario:");
                meters.getMeters().stream().filter(m -> m.getId().getName().startsWith("shardline."))
                        .forEach(m -> System.out.println("  " + m.getId().getName() + m.getId().getTags() + " = "
                                + m.measure().iterator().next().getValue()));
            }

            System.out.println("Transcript (" + plain.size() + " lines, identical on both):");
            plain.forEach(line -> System.out.println("  " + line));
            // The oracle is the plain database; a few absolute facts make sure the scenario did something.
            assertThat(plain).contains("count 30", "count after rollback 30", "count at end 25",
                    "bulk rolled back: negative amount for customer 4");
            assertThat(sharded).containsExactlyElementsOf(plain);

            // Where Shardline put the rows: customers of both parities, on both masters, in both tables of each.
            long total = 0;
            for (int g = 0; g < 2; g++) {
                for (int t = 0; t < 2; t++) {
                    List<Long> customers = customersIn(db, g, "customer_order_" + t);
                    long parity = g; // MOD over 2: ds_0 holds the even customers, ds_1 the odd ones
                    assertThat(customers).as("ds_%d.customer_order_%d", g, t).isNotEmpty()
                            .allMatch(c -> c % 2 == parity);
                    total += customers.size();
                }
            }
            assertThat(total).isEqualTo(25);
        } finally {
            topology.dropDatabase(plainDb);
        }
    }

    private ConfigurableApplicationContext start(String profile, String... args) {
        return new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.NONE).profiles(profile)
                .run(args);
    }

    /** The shipped src/main/resources/shardline.yaml with its example hosts replaced by the topology's nodes. */
    private static String shippedConfigFor(Topology topology, String database) throws IOException {
        String yaml;
        try (InputStream in = ShopDifferentialIT.class.getClassLoader().getResourceAsStream("shardline.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (int g = 0; g < 2; g++) {
            yaml = yaml.replace("jdbc:mysql://db" + g + "-master.example:3306/shop", topology.master(g).jdbcUrl(database))
                    .replace("jdbc:mysql://db" + g + "-replica.example:3306/shop",
                            topology.replica(g, 0).jdbcUrl(database));
        }
        return yaml.replace("username: shop, password: shop", "username: root, password: \"\"");
    }

    private static List<Long> customersIn(TestDatabase db, int group, String table) throws SQLException {
        List<Long> out = new java.util.ArrayList<>();
        try (Connection c = db.connectMaster(group); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT customer_id FROM " + table)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
