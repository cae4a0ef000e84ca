package io.shardline.router.rule;

import io.shardline.router.keygen.KeyGenerator;
import java.util.Objects;

/**
 * Key generation for a table: INSERTs that omit {@code column} get a value from the generator.
 *
 * @param column        the generated column
 * @param generatorName the generator's configured name
 * @param generator     the generator (shared by every table that names it)
 */
public record KeyGeneration(String column, String generatorName, KeyGenerator generator) {

    /** Requires every field. */
    public KeyGeneration {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(generatorName, "generatorName");
        Objects.requireNonNull(generator, "generator");
        if (column.isBlank()) {
            throw new IllegalArgumentException("key generation column is blank");
        }
    }

    @Override
    public String toString() {
        return column + " <- " + generatorName;
    }
}
