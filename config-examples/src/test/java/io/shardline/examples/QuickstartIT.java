package io.shardline.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's quickstart does what the README says it does. */
class QuickstartIT {

    @Test
    void writesOnMasterAndReadsBackFromReplicaThenStopsEverything() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        String read;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            read = Quickstart.run(out, false);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        assertThat(read).isEqualTo("hello from g0-master");
        assertThat(printed).contains("g0-master", "g0-replica0", "g1-master", "g1-replica0", "Done.");
        assertThat(printed).containsPattern("commit GTID 1-100-\\d+");
        // the sharding part: each of the 8 orders sits in ds_(user_id % 2).t_order_(order_id % 2), as read back
        // directly from the masters, and nowhere else
        Matcher table = Pattern.compile("ds_(\\d)\\.t_order_(\\d) \\(order/user\\):(.*)").matcher(printed);
        int orders = 0;
        while (table.find()) {
            for (String row : table.group(3).trim().split(" ")) {
                if (row.isEmpty()) {
                    continue;
                }
                long orderId = Long.parseLong(row.substring(0, row.indexOf("/u")));
                int userId = Integer.parseInt(row.substring(row.indexOf("/u") + 2));
                assertThat(userId % 2).as("data source of %s", row).isEqualTo(Integer.parseInt(table.group(1)));
                assertThat(orderId % 2).as("table of %s", row).isEqualTo(Long.parseLong(table.group(2)));
                orders++;
            }
        }
        assertThat(orders).isEqualTo(8);
        assertThat(printed).contains("\"opcode\": \"SCATTER\"", "user 4: 2 orders, total 8.1", "user 3: 2 orders, total 6.1",
                "user 2: 2 orders, total 4.1");

        Matcher pids = Pattern.compile("(?m)^g\\d-\\S+\\s+\\S+\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+(\\d+)$").matcher(printed);
        int seen = 0;
        while (pids.find()) {
            long pid = Long.parseLong(pids.group(1));
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                    .as("server pid %d after the quickstart ended", pid).isFalse();
            seen++;
        }
        assertThat(seen).as("servers listed by the quickstart").isEqualTo(4);
    }
}
