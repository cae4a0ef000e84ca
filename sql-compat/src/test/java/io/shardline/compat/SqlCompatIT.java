package io.shardline.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import io.shardline.proxy.ProxyConfig;
import io.shardline.proxy.ProxyError;
import io.shardline.proxy.ProxyServer;
import io.shardline.testkit.MariaDbNode;
import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The SQL compatibility suite through Shardline's JDBC driver: the built-in corpus (and, with
 * {@code -Dsql-compat.suite=/path/to/suite}, an external one) runs on a plain database and through Shardline
 * over two testkit masters holding the same rows. Writes {@code target/sql-compat-report.{md,html}}, logs the
 * summary line, and fails on any WRONG or ERROR ({@code -Dsql-compat.rows=N} shows N rows of each differing result).
 */
@TestTopology(groups = 2, replicas = 0)
class SqlCompatIT {

    @Test
    void builtinSuite(TestDatabase db) throws Exception {
        CompatSuite suite = CompatSuite.fromDirectory(resource("builtin")).withData(CompatData.statements());
        run(suite, db, "sql-compat-report");
        assertThat(suite.corpus()).as("the built-in corpus").hasSizeGreaterThanOrEqualTo(500);
    }

    /**
     * The second path: the same corpus through the standalone proxy (Connector/J → MySQL protocol → proxy →
     * Shardline), compared with the same oracle. Writes {@code target/sql-compat-report-proxy.{md,html}}.
     */
    @Test
    void builtinSuiteThroughTheProxy(TestDatabase db) throws Exception {
        CompatSuite suite = CompatSuite.fromDirectory(resource("builtin")).withData(CompatData.statements());
        CompatReport report = run(suite, db, "sql-compat-report-proxy", true);
        assertThat(report.count(Verdict.PASS)).as("most of the corpus passes through the proxy")
                .isGreaterThan(suite.corpus().size() / 2);
    }

    @Test
    void proxyRefusalNumberIsTheOneTheRunnerKnows() {
        assertThat(ProxyError.REFUSED.errorNumber()).isEqualTo(CompatRunner.PROXY_REFUSAL_ERROR);
    }

    @Test
    void exampleExternalSuiteRunsFromItsDirectory(TestDatabase db) throws Exception {
        CompatSuite suite = CompatSuite.fromDirectory(resource("example-suite"));
        CompatReport report = run(suite, db, "sql-compat-report-example");
        assertThat(report.count(Verdict.PASS)).isEqualTo(suite.corpus().size()).isEqualTo(5);
    }

    @Test
    void externalSuite(TestDatabase db) throws Exception {
        String dir = System.getProperty("sql-compat.suite", "");
        Assumptions.assumeFalse(dir.isBlank(), "no external suite (-Dsql-compat.suite=DIR)");
        CompatSuite suite = CompatSuite.fromDirectory(Paths.get(dir));
        run(suite, db, "sql-compat-report-" + suite.name());
    }

    private static CompatReport run(CompatSuite suite, TestDatabase db, String reportName) throws Exception {
        return run(suite, db, reportName, false);
    }

    private static CompatReport run(CompatSuite suite, TestDatabase db, String reportName, boolean viaProxy)
            throws Exception {
        String shardDatabase = db.name() + "_" + suite.name().replaceAll("\\W", "_") + (viaProxy ? "_px" : "");
        String plainDatabase = shardDatabase + "_plain";
        List<MariaDbNode> masters = List.of(db.topology().master(0), db.topology().master(1));
        for (MariaDbNode master : masters) {
            recreate(master, shardDatabase);
        }
        recreate(masters.get(0), plainDatabase);
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < masters.size(); i++) {
            values.put("PORT_" + i, Integer.toString(masters.get(i).port()));
        }
        values.put("DATABASE", shardDatabase);
        MysqlDataSource plain = new MysqlDataSource();
        plain.setUrl(masters.get(0).jdbcUrl(plainDatabase));
        plain.setUser(MariaDbNode.USER);
        plain.setPassword(MariaDbNode.PASSWORD);
        try (ShardlineDataSource shardline = ShardlineDataSource.builder()
                        .config(ShardlineConfig.parse(suite.config(values), suite.name() + "/shardline.yaml")).build();
                ProxyServer proxy = viaProxy ? ProxyServer.start(shardline, ProxyConfig.of(Map.of("compat", "compat"),
                        "shardline"), new InetSocketAddress("127.0.0.1", 0)) : null;
                SqlPath oracle = new JdbcSqlPath("oracle", plain);
                SqlPath subject = viaProxy ? new JdbcSqlPath("shardline-proxy", proxyClient(proxy))
                        : new JdbcSqlPath("shardline-jdbc", shardline)) {
            suite.load(oracle, subject);
            List<EntryOutcome> outcomes = new CompatRunner(oracle, subject, Integer.getInteger("sql-compat.rows", 8)).run(suite.corpus());
            CompatReport report = new CompatReport("Shardline SQL compatibility: " + suite.name() + " via "
                    + subject.name(), outcomes);
            report.write(Paths.get("target"), reportName);
            System.out.println(report.summaryLine());
            System.out.println(report.markdown());
            assertThat(report.count(Verdict.WRONG) + report.count(Verdict.ERROR))
                    .as("WRONG and ERROR entries:%n%s", report.failures()).isZero();
            return report;
        } finally {
            for (MariaDbNode master : masters) {
                drop(master, shardDatabase);
            }
            drop(masters.get(0), plainDatabase);
        }
    }

    /** Connector/J to the proxy, with the same options the oracle's connection uses. */
    private static MysqlDataSource proxyClient(ProxyServer proxy) {
        MysqlDataSource client = new MysqlDataSource();
        client.setUrl("jdbc:mysql://127.0.0.1:" + proxy.port() + "/shardline?sslMode=DISABLED&connectTimeout=5000");
        client.setUser("compat");
        client.setPassword("compat");
        return client;
    }

    private static void recreate(MariaDbNode node, String database) throws SQLException {
        try (Connection c = node.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` DEFAULT CHARACTER SET utf8mb4");
        }
    }

    private static void drop(MariaDbNode node, String database) throws SQLException {
        try (Connection c = node.connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(SqlCompatIT.class.getResource("/" + name).toURI());
    }
}
