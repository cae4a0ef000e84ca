package io.shardline.jdbc.config;

/**
 * How to reach one database server (a master or a replica).
 *
 * @param url      JDBC URL of the server, e.g. {@code jdbc:mysql://127.0.0.1:3306/shop_0}
 * @param username user name; empty when the URL carries it
 * @param password password; empty for none. Never printed by {@link #toString()}.
 */
public record NodeConfig(String url, String username, String password) {

    /** Masks the password, and any password in the URL's query string. */
    @Override
    public String toString() {
        return "NodeConfig[url=" + maskUrl(url) + ", username=" + username + ", password=****]";
    }

    static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        // jdbc:mysql://host/db?user=x&password=secret: keep everything but the value.
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }
}
