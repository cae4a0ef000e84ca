package io.shardline.sql.facts;

import java.util.List;

/**
 * What an INSERT or REPLACE writes.
 *
 * @param columns target columns as written (empty when the statement relies on table order)
 * @param rows VALUES rows (for INSERT ... SET, one row built from the assignments); empty for INSERT ... SELECT
 * @param fromSelect the rows come from a SELECT
 * @param setForm the statement used {@code INSERT ... SET}
 * @param onDuplicateKeyUpdate the ON DUPLICATE KEY UPDATE assignments, empty if none
 */
public record InsertFacts(List<String> columns, List<InsertRow> rows, boolean fromSelect, boolean setForm,
        List<Assignment> onDuplicateKeyUpdate) {
    public InsertFacts {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        onDuplicateKeyUpdate = List.copyOf(onDuplicateKeyUpdate);
    }
}
