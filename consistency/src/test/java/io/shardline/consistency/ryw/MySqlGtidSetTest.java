package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlGtidSetTest {

    private static final String A = "3e11fa47-71ca-11e1-9e33-c80aa9429562";
    private static final String B = "4e11fa47-71ca-11e1-9e33-c80aa9429563";

    @Test
    void parsesMergesAndPrintsCanonically() {
        MySqlGtidSet s = MySqlGtidSet.parse(B + ":1-27,\n" + A.toUpperCase() + ":11-18:1-5:6");
        assertThat(s.toString()).isEqualTo(A + ":1-6:11-18," + B + ":1-27");
        assertThat(MySqlGtidSet.parse(s.toString())).isEqualTo(s);
        assertThat(MySqlGtidSet.parse("")).isEqualTo(MySqlGtidSet.EMPTY);
    }

    @Test
    void containmentRespectsHoles() {
        MySqlGtidSet replica = MySqlGtidSet.parse(A + ":1-5:7-10");
        assertThat(replica.contains(A, 5)).isTrue();
        assertThat(replica.contains(A, 6)).as("a hole").isFalse();
        assertThat(replica.contains(B, 1)).isFalse();
        assertThat(replica.containsAll(MySqlGtidSet.parse(A + ":3-4:8"))).isTrue();
        assertThat(replica.containsAll(MySqlGtidSet.parse(A + ":5-7"))).as("spans the hole").isFalse();
        assertThat(replica.containsAll(MySqlGtidSet.parse(B + ":1"))).isFalse();
        assertThat(replica.containsAll(MySqlGtidSet.EMPTY)).isTrue();
        assertThat(replica.union(MySqlGtidSet.parse(A + ":6")).toString()).isEqualTo(A + ":1-10");
    }

    @Test
    void taggedGtidsAreTheirOwnSource() {
        MySqlGtidSet s = MySqlGtidSet.parse(A + ":1-3:orders:1-2");
        assertThat(s.contains(A, 3)).isTrue();
        assertThat(s.contains(A + ":orders", 2)).isTrue();
        assertThat(s.contains(A + ":orders", 3)).isFalse();
    }

    @Test
    void rejectsWhatIsNotAGtidSet() {
        assertThatThrownBy(() -> MySqlGtidSet.parse("1-100-42")).hasMessageContaining("not a MySQL GTID set element");
        assertThatThrownBy(() -> MySqlGtidSet.parse(A + ":5-3")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> MySqlGtidSet.parse(A + ":x-3")).hasMessageContaining("is not n or n-m");
    }

    @Test
    void waitResultsDifferBetweenFlavours() {
        assertThat(ServerFlavor.MARIADB.applied(0)).isTrue();
        assertThat(ServerFlavor.MARIADB.timedOut(-1)).isTrue();
        assertThat(ServerFlavor.MYSQL.timedOut(1)).as("MySQL's timeout is 1, not -1").isTrue();
        assertThat(ServerFlavor.MYSQL.applied(1)).isFalse();
        assertThat(ServerFlavor.MYSQL.applied(null)).isFalse();
        assertThat(ServerFlavor.MYSQL.waitSql()).contains("WAIT_FOR_EXECUTED_GTID_SET");
    }

    @Test
    void lowWaterIsTheEndOfTheIntervalStartingAtOne() {
        MySqlGtidSet s = MySqlGtidSet.parse(A + ":1-100:102," + B + ":5-9");
        assertThat(s.lowWater(A)).as("a parallel applier's hole at 101").isEqualTo(100);
        assertThat(s.lowWater(A.toUpperCase())).isEqualTo(100);
        assertThat(s.lowWater(B)).as("1-4 missing: nothing proven").isZero();
        assertThat(s.lowWater("5e11fa47-71ca-11e1-9e33-c80aa9429564")).isZero();
        GtidPosition p = s.toPosition();
        assertThat(p.seq(MySqlGtidSet.domainOf(A))).isEqualTo(100);
        assertThat(p.seq(MySqlGtidSet.domainOf(B))).isZero();
        assertThat(p.domainCount()).isEqualTo(2);
        assertThat(MySqlGtidSet.EMPTY.toPosition()).isEqualTo(GtidPosition.EMPTY);
    }

    /**
     * Why the reduction and not raw containment: a mark merges writes into their highest sequence number, and a
     * replica whose set contains that number may still miss an earlier write of the same mark.
     */
    @Test
    void aMergedMarkIsAppliedOnlyWhenEveryEarlierTransactionIs() {
        ReadYourWritesTracker tracker = new ReadYourWritesTracker(1, 60_000, 100);
        long now = System.nanoTime();
        long domain = MySqlGtidSet.domainOf(A);
        List<String> keys = List.of("id");
        StatementKeys key7 = new StatementKeys(true, List.of(new TableAccess("t", keys, List.of("id"),
                List.of(List.of(7L)))));
        tracker.recordWrite(0, key7, domain, 101, now);
        tracker.recordWrite(0, key7, domain, 102, now);
        long required = tracker.required(0, new StatementKeys(false, key7.tables()), now);
        assertThat(required).isEqualTo(102);
        MySqlGtidSet withHole = MySqlGtidSet.parse(A + ":1-100:102");
        assertThat(withHole.contains(A, required)).as("raw containment would call it applied").isTrue();
        ReplicaState replica = new ReplicaState("r", 0);
        replica.polled(ServerFlavor.MYSQL.parsePosition(withHole.toString()), 0);
        assertThat(replica.hasApplied(domain, required)).as("101 is missing: not applied").isFalse();
        replica.polled(ServerFlavor.MYSQL.parsePosition(A + ":1-102"), 0);
        assertThat(replica.hasApplied(domain, required)).isTrue();
    }

    @Test
    void theCommitGtidOfTheOkPacketIsItsSourcesHighestNumber() {
        assertThat(MySqlGtidSet.commitGtid(A + ":42")).contains(new Gtid(MySqlGtidSet.domainOf(A), 0, 42));
        assertThat(MySqlGtidSet.commitGtid(A.toUpperCase() + ":40-42")).contains(
                new Gtid(MySqlGtidSet.domainOf(A), 0, 42));
        assertThat(MySqlGtidSet.commitSource(A + ":42")).contains(A);
        assertThat(MySqlGtidSet.commitGtid("")).as("no GTID").isEmpty();
        assertThat(MySqlGtidSet.commitGtid(A + ":42," + B + ":3")).as("two sources: not certain").isEmpty();
        assertThat(MySqlGtidSet.prefix(A, 42)).isEqualTo(A + ":1-42");
    }

    @Test
    void domainsAreStableNonNegativeAndDistinct() {
        assertThat(MySqlGtidSet.domainOf(A)).isNotNegative().isEqualTo(MySqlGtidSet.domainOf(A.toUpperCase()))
                .isNotEqualTo(MySqlGtidSet.domainOf(B)).isNotEqualTo(MySqlGtidSet.domainOf(A + ":orders"));
        // FNV-1a 64 of the text, masked to 63 bits: fixed, so two Shardline instances agree on causal tokens.
        assertThat(MySqlGtidSet.domainOf("a")).isEqualTo(0xaf63dc4c8601ec8cL & Long.MAX_VALUE);
    }

    @Test
    void flavorFromTheVersionString() {
        assertThat(ServerFlavor.fromVersion("5.5.5-10.11.6-MariaDB-log")).as("through Connector/J")
                .isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersion("10.11.6-MariaDB")).isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersion("5.5.5-10.6.12")).as("the prefix alone").isEqualTo(ServerFlavor.MARIADB);
        assertThat(ServerFlavor.fromVersion("8.0.36")).isEqualTo(ServerFlavor.MYSQL);
        assertThat(ServerFlavor.fromVersion("8.4.3-commercial")).isEqualTo(ServerFlavor.MYSQL);
        assertThat(ServerFlavor.fromVersion("5.7.44-log")).isEqualTo(ServerFlavor.MYSQL);
    }

    @Test
    void positionsAndWaitsPerFlavor() {
        assertThat(ServerFlavor.MARIADB.parsePosition("0-1-5,1-100-42").seq(1)).isEqualTo(42);
        assertThat(ServerFlavor.MYSQL.parsePosition(A + ":1-7").seq(MySqlGtidSet.domainOf(A))).isEqualTo(7);
        assertThatThrownBy(() -> ServerFlavor.MYSQL.parsePosition("0-1-5")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ServerFlavor.MYSQL.positionSql()).contains("gtid_executed");
        assertThat(ServerFlavor.MARIADB.positionSql()).contains("gtid_slave_pos");
        assertThat(ServerFlavor.MARIADB.masterPositionSql()).contains("gtid_binlog_pos");
        assertThat(ServerFlavor.MARIADB.waitSeconds(250)).isEqualTo(0.25);
        assertThat(ServerFlavor.MYSQL.waitSeconds(250)).as("whole seconds, never 0").isEqualTo(1.0);
        assertThat(ServerFlavor.MYSQL.waitSeconds(1001)).isEqualTo(2.0);
        assertThat(ServerFlavor.MARIADB.applied(-1)).isFalse();
        assertThat(ServerFlavor.MARIADB.timedOut(1)).isFalse();
        assertThat(ServerFlavor.MYSQL.timedOut(-1)).isFalse();
        assertThat(ServerFlavor.MYSQL.applied(0)).isTrue();
    }
}
