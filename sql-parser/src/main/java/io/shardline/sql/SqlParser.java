package io.shardline.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 *
 * A statement with {@code ?} parameters is also remembered by its exact text: a prepared statement sends the same
 * text on every execution, and on that path lexing and normalizing were most of the parse cost (a single-row INSERT
 * spent about half its planning time there). Text with inline literals is not remembered that way: every value
 * would be an entry of its own.
 */
public final class SqlParser {
    private final ParseCache cache;
    /** Exact text of parameterized statements → the parse, which is immutable and holds no literal of its own. */
    private final Cache<String, ParsedStatement> parameterized;

    /** A parser with a cache of {@link ParseCache#DEFAULT_MAXIMUM_SIZE} statements. */
    public SqlParser() {
        this(new ParseCache(ParseCache.DEFAULT_MAXIMUM_SIZE));
    }

    /** A parser using {@code cache}. */
    public SqlParser(ParseCache cache) {
        this.cache = cache;
        this.parameterized = Caffeine.newBuilder().maximumSize(cache.maximumSize()).build();
    }

    /**
     * Parses one statement.
     *
     * @throws SqlParseException if it is malformed or uses a construct Shardline does not support
     */
    public ParsedStatement parse(String sql) {
        ParsedStatement known = parameterized.getIfPresent(sql);
        if (known != null) {
            return known;
        }
        TokenStream tokens = MySqlLexer.lex(sql);
        NormalizedStatement normalized = Normalizer.normalize(tokens);
        StatementFacts facts = cache.getIfPresent(normalized.key());
        if (facts == null) {
            facts = StatementAnalyzer.analyze(normalized);
            cache.put(normalized.key(), facts);
        }
        ParsedStatement parsed = new ParsedStatement(normalized, facts);
        if (facts.parameterCount() > 0) {
            parameterized.put(sql, parsed);
        }
        return parsed;
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
