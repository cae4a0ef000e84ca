package io.shardline.sql.analyze;

import java.io.StringReader;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Runs Calcite's generated parser, re-initialising pooled parser instances instead of building a new one per
 * statement. Building a {@code SqlParserImpl} costs about a quarter of a small statement's parse (its JavaCC tables
 * are allocated per instance); {@code ReInit} reuses them. This is a pure cost cache: no state survives between
 * statements except the tables, every parse re-applies the full configuration, and a parser that failed is dropped.
 *
 * <p>The pool is bounded and shared (not a ThreadLocal), so application threads never pin parsers or this class
 * loader. Dynamic parameter indexes are NOT taken from Calcite (its counter is not reset by ReInit); the analyser maps
 * each {@code ?} back to its normalized token by position instead.
 */
final class CalciteParsers {
    private static final int MAX_POOLED = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    private static final ConcurrentLinkedQueue<SqlAbstractParserImpl> POOL = new ConcurrentLinkedQueue<>();
    private static final AtomicInteger POOLED = new AtomicInteger();

    private CalciteParsers() {
    }

    static SqlNode parseStatement(String text, SqlParser.Config config) throws SqlParseException {
        StringReader reader = new StringReader(text);
        SqlAbstractParserImpl parser = POOL.poll();
        if (parser == null) {
            parser = config.parserFactory().getParser(reader);
        } else {
            POOLED.decrementAndGet();
            parser.ReInit(reader);
        }
        parser.setTabSize(1);
        parser.setQuotedCasing(config.quotedCasing());
        parser.setUnquotedCasing(config.unquotedCasing());
        parser.setIdentifierMaxLength(config.identifierMaxLength());
        parser.setConformance(config.conformance());
        parser.switchTo(SqlAbstractParserImpl.LexicalState.forConfig(config));
        SqlNode node;
        try {
            node = parser.parseSqlStmtEof();
        } catch (Throwable ex) {
            // A failed parse may leave the instance in any state: do not pool it.
            throw parser.normalizeException(ex);
        }
        if (POOLED.incrementAndGet() <= MAX_POOLED) {
            POOL.offer(parser);
        } else {
            POOLED.decrementAndGet();
        }
        return node;
    }
}
