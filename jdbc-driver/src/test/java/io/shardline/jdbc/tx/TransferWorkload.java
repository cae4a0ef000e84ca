package io.shardline.jdbc.tx;

import io.shardline.consistency.tx.CommitObserver;
import io.shardline.jdbc.ShardlineDataSource;
import io.shardline.jdbc.config.ShardlineConfig;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Random;

/**
 * The middleware process that {@link MiddlewareCrashIT} kills: runs transfers through Shardline in a loop until it is
 * killed, printing its steps so the parent knows where it died.
 *
 * <p>Arguments: config file, first transfer id, random seed, halt point ({@code none}, {@code decided},
 * {@code before:N}, {@code after:N}: at that commit step of the 3rd global transaction the JVM halts, as abruptly
 * as SIGKILL), branch pause in ms (widens the commit window so random kills land in it).
 */
public final class TransferWorkload {

    private TransferWorkload() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // Pool threads would keep a failed JVM alive: say why and leave.
            e.printStackTrace();
            System.out.println("START-FAILED " + e);
            System.out.flush();
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Path config = Path.of(args[0]);
        long nextId = Long.parseLong(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        String haltAt = args[3];
        long pauseMs = Long.parseLong(args[4]);
        PrintStream out = System.out;
        int[] globalSeen = {0};
        CommitObserver observer = new CommitObserver() {
            @Override
            public void decided(String xid) {
                step("decided", xid);
            }

            @Override
            public void beforeBranchCommit(String xid, String dataSource, int index, int count) {
                step("before:" + index, xid);
                pause();
            }

            @Override
            public void afterBranchCommit(String xid, String dataSource, int index, int count) {
                step("after:" + index, xid);
            }

            private void step(String step, String xid) {
                if (step.equals("decided")) {
                    globalSeen[0]++;
                }
                out.println("STEP " + step + " " + xid);
                out.flush();
                if (step.equals(haltAt) && globalSeen[0] >= 3) {
                    Runtime.getRuntime().halt(99);
                }
            }

            private void pause() {
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ShardlineDataSource ds = ShardlineDataSource.builder().config(ShardlineConfig.load(config))
                .commitObserver(observer).build()) {
            out.println("READY");
            out.flush();
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                while (true) {
                    int from = random.nextInt(TransferFixture.USERS);
                    int to = random.nextInt(TransferFixture.USERS - 1);
                    to = to >= from ? to + 1 : to;
                    long id = nextId++;
                    try {
                        TransferFixture.transfer(c, id, from, to, BigDecimal.valueOf(1 + random.nextInt(50)));
                        c.commit();
                        out.println("COMMITTED " + id);
                    } catch (SQLException e) {
                        out.println("FAILED " + id + " " + e.getMessage().replace('\n', ' '));
                        try {
                            c.rollback();
                        } catch (SQLException ignored) {
                            // the next transfer starts clean anyway
                        }
                    }
                    out.flush();
                }
            }
        }
    }
}
