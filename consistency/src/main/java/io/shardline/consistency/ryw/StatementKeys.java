package io.shardline.consistency.ryw;

import java.util.List;

/**
 * The tables and keys one statement reads or writes ({@link KeyExtractor}).
 *
 * @param write  the statement changes data (its tables are written), otherwise it only reads them
 * @param tables one entry per logical table the statement touches
 */
public record StatementKeys(boolean write, List<TableAccess> tables) {

    /** A statement that touches no table (e.g. {@code SELECT 1}). */
    public static final StatementKeys NONE = new StatementKeys(false, List.of());

    public StatementKeys {
        tables = List.copyOf(tables);
    }
}
