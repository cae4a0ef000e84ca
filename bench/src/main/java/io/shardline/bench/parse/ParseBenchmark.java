package io.shardline.bench.parse;

import io.shardline.sql.ParseCache;
import io.shardline.sql.ParsedStatement;
import io.shardline.sql.SqlParser;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parse cost, cache miss vs hit, for the statement shapes the driver sees most: a point select, a 20-column insert, a
 * 100-row insert and a 3-way join; plus Calcite's own parse of the same texts in the same run, for comparison.
 *
 * <p>Hit benchmarks cycle through 1,024 statements that differ only in their literals, so they measure the real hot
 * path (lex + normalize + lookup) and prove that literal-varying statements share one cache entry.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar ParseBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -tu us -bm avgt}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBenchmark {
    private static final int VARIANTS = 1024;
    private static final org.apache.calcite.sql.parser.SqlParser.Config CALCITE =
            org.apache.calcite.sql.parser.SqlParser.config().withLex(Lex.MYSQL).withConformance(SqlConformanceEnum.MYSQL_5);

    private SqlParser parser;
    private String[] pointSelects;
    private String[] inserts20;
    private String[] inserts100;
    private String[] joins3;
    private int next;

    @Setup
    public void setUp() {
        parser = new SqlParser(new ParseCache(10_000));
        pointSelects = new String[VARIANTS];
        inserts20 = new String[VARIANTS];
        inserts100 = new String[VARIANTS];
        joins3 = new String[VARIANTS];
        for (int i = 0; i < VARIANTS; i++) {
            pointSelects[i] = pointSelect(i);
            inserts20[i] = insert20(i);
            inserts100[i] = insert100(i);
            joins3[i] = join3(i);
        }
        for (String[] shape : new String[][] {pointSelects, inserts20, inserts100, joins3}) {
            ParsedStatement first = parser.parse(shape[0]);
            for (String sql : shape) {
                if (parser.parse(sql).facts() != first.facts()) {
                    throw new IllegalStateException("literal-varying statements must share one cache entry: " + sql);
                }
            }
        }
    }

    static String pointSelect(int i) {
        return "SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = " + (1000 + i);
    }

    static String insert20(int i) {
        StringBuilder sb = new StringBuilder("INSERT INTO t_order_detail (");
        for (int c = 0; c < 20; c++) {
            sb.append(c == 0 ? "" : ", ").append("col_").append(c);
        }
        sb.append(") VALUES (");
        for (int c = 0; c < 20; c++) {
            sb.append(c == 0 ? "" : ", ");
            if (c % 2 == 0) {
                sb.append(i * 20 + c);
            } else {
                sb.append("'v").append(i).append('_').append(c).append('\'');
            }
        }
        return sb.append(')').toString();
    }

    static String insert100(int i) {
        StringBuilder sb = new StringBuilder("INSERT INTO t_order (order_id, user_id, status, amount) VALUES ");
        for (int r = 0; r < 100; r++) {
            sb.append(r == 0 ? "" : ", ").append('(').append(i * 100 + r).append(", ").append(r % 17).append(", 'NEW', ")
                    .append(r).append(".5)");
        }
        return sb.toString();
    }

    static String join3(int i) {
        return "SELECT o.order_id, o.amount, i.sku, u.name FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id"
                + " JOIN t_user u ON u.user_id = o.user_id WHERE o.user_id = " + i + " AND i.status IN ('PAID', 'SHIPPED')"
                + " ORDER BY o.created_at DESC LIMIT 20";
    }

    private int nextIndex() {
        next = (next + 1) & (VARIANTS - 1);
        return next;
    }

    @Benchmark
    public ParsedStatement pointSelectHit() {
        return parser.parse(pointSelects[nextIndex()]);
    }

    @Benchmark
    public ParsedStatement pointSelectMiss() {
        return parser.parseUncached(pointSelects[nextIndex()]);
    }

    @Benchmark
    public SqlNode pointSelectCalcite() throws Exception {
        return org.apache.calcite.sql.parser.SqlParser.create(pointSelects[nextIndex()], CALCITE).parseStmt();
    }

    @Benchmark
    public ParsedStatement insert20Hit() {
        return parser.parse(inserts20[nextIndex()]);
    }

    @Benchmark
    public ParsedStatement insert20Miss() {
        return parser.parseUncached(inserts20[nextIndex()]);
    }

    @Benchmark
    public SqlNode insert20Calcite() throws Exception {
        return org.apache.calcite.sql.parser.SqlParser.create(inserts20[nextIndex()], CALCITE).parseStmt();
    }

    @Benchmark
    public ParsedStatement insert100Hit() {
        return parser.parse(inserts100[nextIndex()]);
    }

    @Benchmark
    public ParsedStatement insert100Miss() {
        return parser.parseUncached(inserts100[nextIndex()]);
    }

    @Benchmark
    public SqlNode insert100Calcite() throws Exception {
        return org.apache.calcite.sql.parser.SqlParser.create(inserts100[nextIndex()], CALCITE).parseStmt();
    }

    @Benchmark
    public ParsedStatement join3Hit() {
        return parser.parse(joins3[nextIndex()]);
    }

    @Benchmark
    public ParsedStatement join3Miss() {
        return parser.parseUncached(joins3[nextIndex()]);
    }

    @Benchmark
    public SqlNode join3Calcite() throws Exception {
        return org.apache.calcite.sql.parser.SqlParser.create(joins3[nextIndex()], CALCITE).parseStmt();
    }
}
