package io.shardline.sql.normalize;

import io.shardline.sql.facts.Assignment;
import io.shardline.sql.facts.InsertRow;
import io.shardline.sql.facts.Limit;
import io.shardline.sql.facts.LockMode;
import io.shardline.sql.facts.MySqlFeature;
import io.shardline.sql.facts.OrderItem;
import io.shardline.sql.facts.StatementKind;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A DML statement made ready for Calcite (built on a cache miss only): the Calcite text with MySQL-only clauses
 * removed or rewritten, the map from Calcite text back to normalized tokens, the value each Calcite dynamic parameter
 * stands for, and what the stripped clauses said (they are recorded here because Calcite never sees them).
 *
 * @param kind SELECT, INSERT, REPLACE, UPDATE or DELETE
 * @param calciteText single-line text for Calcite's parser
 * @param charToToken for every char of {@code calciteText}, the normalized token it came from
 * @param features MySQL-only syntax seen
 * @param lockMode locking clause
 * @param dmlOrderBy ORDER BY of UPDATE/DELETE (stripped)
 * @param dmlLimit LIMIT of UPDATE/DELETE (stripped)
 * @param insertColumns INSERT column list (or SET-form columns), as written
 * @param insertRows INSERT VALUES rows, analysed from the tokens
 * @param insertFromSelect INSERT ... SELECT
 * @param onDuplicate ON DUPLICATE KEY UPDATE assignments
 */
public record StrippedStatement(
        StatementKind kind,
        String calciteText,
        int[] charToToken,
        Set<MySqlFeature> features,
        LockMode lockMode,
        List<OrderItem> dmlOrderBy,
        Optional<Limit> dmlLimit,
        List<String> insertColumns,
        List<InsertRow> insertRows,
        boolean insertFromSelect,
        List<Assignment> onDuplicate) {

    /** The normalized token at 1-based Calcite {@code column} (line is always 1), clamped into range. */
    public int tokenAtColumn(int column) {
        if (charToToken.length == 0) {
            return 0;
        }
        int i = Math.max(0, Math.min(column - 1, charToToken.length - 1));
        return charToToken[i];
    }
}
