package io.shardline.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scan that keeps subquery handling off ordinary statements: it may say yes wrongly, never no wrongly. */
class SubqueryPulloutTest {

    @Test
    void onlyStatementsWithASecondSelectMayHoldASubquery() {
        assertThat(SubqueryPullout.mayHoldASubquery("SELECT * FROM t_order WHERE user_id = ?")).isFalse();
        assertThat(SubqueryPullout.mayHoldASubquery("INSERT INTO t VALUES (1)")).isFalse();
        assertThat(SubqueryPullout.mayHoldASubquery("select a from t where b in (Select b from u)")).isTrue();
        assertThat(SubqueryPullout.mayHoldASubquery("SELECT COUNT(*) FROM (SELECT a FROM t) x")).isTrue();
        assertThat(SubqueryPullout.mayHoldASubquery("SELECT 'selected' FROM t")).as("a harmless false yes").isTrue();
        assertThat(SubqueryPullout.mayHoldASubquery("SELECT")).isFalse();
    }
}
