package io.shardline.consistency.ryw;

/**
 * One MariaDB GTID, {@code domain-server-seq}. Order is defined only within a domain, by {@code seq}: the server
 * id says who committed it, not when.
 *
 * @param domain replication domain (one per master group by our convention)
 * @param server server id of the committing master
 * @param seq    sequence number within the domain
 */
public record Gtid(long domain, long server, long seq) {

    /**
     * Parses {@code 1-100-42}.
     *
     * @throws IllegalArgumentException naming the text when it is not a MariaDB GTID
     */
    public static Gtid parse(String text) {
        String s = text.trim();
        int a = s.indexOf('-');
        int b = a < 0 ? -1 : s.indexOf('-', a + 1);
        if (a <= 0 || b < 0 || b == s.length() - 1 || s.indexOf('-', b + 1) >= 0) {
            throw new IllegalArgumentException("not a MariaDB GTID (domain-server-seq): '" + text + "'");
        }
        try {
            return new Gtid(Long.parseLong(s.substring(0, a)), Long.parseLong(s.substring(a + 1, b)),
                    Long.parseLong(s.substring(b + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MariaDB GTID (domain-server-seq): '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return domain + "-" + server + "-" + seq;
    }
}
