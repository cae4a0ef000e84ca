package io.shardline.consistency.ryw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
