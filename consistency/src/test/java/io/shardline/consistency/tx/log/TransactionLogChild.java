package io.shardline.consistency.tx.log;

import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link TransactionLogCrashTest} and the lock test. {@code crash DIR PREFIX}: two threads append
 * sync records forever and print {@code C xid .} / {@code F xid .} after each append returned; every 25th transaction
 * is left unfinished. {@code hold DIR}: opens the log, prints {@code OPEN}, sleeps.
 */
public final class TransactionLogChild {

    /** Every transaction whose index is a multiple of this is left unfinished. */
    static final int UNFINISHED_EVERY = 25;

    private TransactionLogChild() {}

    public static void main(String[] args) throws Exception {
        TransactionLog log = TransactionLog.open(Path.of(args[1]), new TransactionLogOptions(4096));
        if (args[0].equals("hold")) {
            System.out.println("OPEN");
            System.out.flush();
            Thread.sleep(60_000);
            return;
        }
        System.out.println("READY " + log.recoveryReport().tornTail().isPresent());
        System.out.flush();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            String prefix = args[2] + "-" + t + "-";
            threads[t] = new Thread(() -> run(log, prefix));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void run(TransactionLog log, String prefix) {
        try {
            for (int i = 0; ; i++) {
                String xid = prefix + i;
                log.append(TxRecord.committing(xid, TxMode.DELAYED, List.of("ds_0", "ds_1", "ds_2")), true);
                print("C " + xid + " .");
                if (i % UNFINISHED_EVERY != 0) {
                    log.append(TxRecord.finished(xid, TxOutcome.COMMITTED, "all 3 branches committed"), true);
                    print("F " + xid + " .");
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
