package io.shardline.consistency.binlog;

/**
 * Where a follower reads from.
 *
 * @param dataSource the data source group the server belongs to
 * @param jdbcUrl    the server's JDBC URL ({@code jdbc:mysql://host:port/db...}): host, port and database come from it
 * @param username   a user with REPLICATION SLAVE and BINLOG MONITOR (REPLICATION CLIENT)
 * @param password   its password
 * @param serverId   the follower's replication server id: unique among every replica and follower of the server
 */
public record BinlogEndpoint(String dataSource, String jdbcUrl, String username, String password, long serverId) {

    /** The host of the URL. */
    public String host() {
        String hostPort = hostPort();
        int colon = hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        return host.isEmpty() ? "127.0.0.1" : host;
    }

    /** The port of the URL (3306 when absent). */
    public int port() {
        String hostPort = hostPort();
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) {
            return 3306;
        }
        try {
            return Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Binlog follower of " + dataSource + ": cannot read the port of "
                    + describe(), e);
        }
    }

    /** The database the URL names ("" for none): only its tables' events are delivered. */
    public String database() {
        String rest = afterSlashes();
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String db = rest.substring(slash + 1);
        int q = db.indexOf('?');
        return q < 0 ? db : db.substring(0, q);
    }

    /** {@code dataSource/host:port}, for logs and listeners (never the password). */
    public String describe() {
        return dataSource + "/" + hostPort();
    }

    private String hostPort() {
        String rest = afterSlashes();
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == ',') {
                end = i;
                break;
            }
        }
        String hostPort = rest.substring(0, end);
        int at = hostPort.lastIndexOf('@');
        return at < 0 ? hostPort : hostPort.substring(at + 1);
    }

    private String afterSlashes() {
        int i = jdbcUrl.indexOf("//");
        if (i < 0) {
            throw new IllegalArgumentException("Binlog follower of " + dataSource + ": the URL has no //host part");
        }
        return jdbcUrl.substring(i + 2);
    }

    @Override
    public String toString() {
        return "BinlogEndpoint[" + describe() + ", serverId=" + serverId + "]";
    }
}
