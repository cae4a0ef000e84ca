package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShardlinePreparedStatementTest {

    @Test
    void placeholdersAreCountedOutsideLiteralsAndComments() {
        assertThat(ShardlinePreparedStatement.countPlaceholders("SELECT * FROM t WHERE a = ? AND b IN (?, ?)")).isEqualTo(3);
        assertThat(ShardlinePreparedStatement.countPlaceholders("SELECT '?', \"?\", `?`, 'it\\'s ?' FROM t WHERE a = ?"))
                .isEqualTo(1);
        assertThat(ShardlinePreparedStatement.countPlaceholders("SELECT ? -- what?\n, ? # really?\n/* ? */ FROM t"))
                .isEqualTo(2);
        assertThat(ShardlinePreparedStatement.countPlaceholders("SELECT 5--?\n")).isEqualTo(1);
    }
}
