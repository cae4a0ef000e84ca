package io.shardline.sql;

import io.shardline.sql.analyze.StatementAnalyzer;
import io.shardline.sql.facts.StatementFacts;
import io.shardline.sql.lexer.MySqlLexer;
import io.shardline.sql.lexer.TokenStream;
import io.shardline.sql.normalize.NormalizedStatement;
import io.shardline.sql.normalize.Normalizer;

/**
 * The parse stage: MySQL lexer, normalizer, cache, and (on a miss) Calcite analysis. Thread-safe.
 *
 * <pre>
 *   lex (tokens with original offsets) → normalize (literals → placeholders; key) → cache lookup
 *     miss: strip MySQL-only clauses → Calcite parse → facts → cache
 *   → ParsedStatement(facts, this statement's literals and offsets)
 * </pre>
 */
public final class SqlParser {
    private final ParseCache cache;

    /** A parser with a cache of {@link ParseCache#DEFAULT_MAXIMUM_SIZE} statements. */
    public SqlParser() {
        this(new ParseCache(ParseCache.DEFAULT_MAXIMUM_SIZE));
    }

    /** A parser using {@code cache}. */
    public SqlParser(ParseCache cache) {
        this.cache = cache;
    }

    /**
     * Parses one statement.
     *
     * @throws SqlParseException if it is malformed or uses a construct Shardline does not support
     */
    public ParsedStatement parse(String sql) {
        TokenStream tokens = MySqlLexer.lex(sql);
        NormalizedStatement normalized = Normalizer.normalize(tokens);
        StatementFacts facts = cache.getIfPresent(normalized.key());
        if (facts == null) {
            facts = StatementAnalyzer.analyze(normalized);
            cache.put(normalized.key(), facts);
        }
        return new ParsedStatement(normalized, facts);
    }

    /**
     * Parses without consulting or filling the cache: the full miss path (lex, normalize, strip, Calcite, analysis).
     * For benchmarks and tools; production code calls {@link #parse(String)}.
     */
    public ParsedStatement parseUncached(String sql) {
        NormalizedStatement normalized = Normalizer.normalize(MySqlLexer.lex(sql));
        return new ParsedStatement(normalized, StatementAnalyzer.analyze(normalized));
    }

    /** The cache, for statistics. */
    public ParseCache cache() {
        return cache;
    }
}
