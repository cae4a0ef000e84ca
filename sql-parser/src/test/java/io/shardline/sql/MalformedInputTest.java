package io.shardline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and damaged versions of every golden statement either parse or fail with {@link SqlParseException}:
 * no other exception type ever escapes the parser.
 */
class MalformedInputTest {

    @Test
    void damagedStatementsFailOnlyWithSqlParseException() {
        SqlParser parser = new SqlParser();
        Random random = new Random(42);
        List<String> escaped = new ArrayList<>();
        int parsed = 0;
        int rejected = 0;
        for (GoldenCorpus.Case c : GoldenCorpus.load()) {
            String sql = c.sql();
            if (sql.length() > 10_000) {
                continue;
            }
            List<String> variants = new ArrayList<>();
            for (int cut = 1; cut < sql.length(); cut += Math.max(1, sql.length() / 20)) {
                variants.add(sql.substring(0, cut));
            }
            for (int k = 0; k < 8; k++) {
                int i = random.nextInt(sql.length());
                variants.add(sql.substring(0, i) + sql.substring(Math.min(sql.length(), i + 1 + random.nextInt(5))));
            }
            for (String v : variants) {
                try {
                    parser.parse(v).describe();
                    parsed++;
                } catch (SqlParseException e) {
                    rejected++;
                    assertThat(e.snippet()).contains("^");
                } catch (RuntimeException e) {
                    escaped.add(v + "\n    " + e);
                }
            }
        }
        assertThat(escaped).as("statements that escaped with another exception").isEmpty();
        assertThat(parsed).isPositive();
        assertThat(rejected).isPositive();
    }
}
