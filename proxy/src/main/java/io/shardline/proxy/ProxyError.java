package io.shardline.proxy;

import java.util.Locale;

/**
 * The proxy's catalogue of user-facing errors: each has the MySQL error number and SQLSTATE that the ERR packet
 * carries and a message template. Numbers the MySQL protocol already defines are reused so that clients react the
 * way they do with a server (1045 makes the {@code mariadb} client say "Access denied"); Shardline's own decisions
 * use 9000–9099, a range no MariaDB or MySQL error occupies, so clients and the compatibility suite can tell a
 * Shardline refusal from a server error.
 */
public enum ProxyError {

    /** Unknown user or wrong password. */
    ACCESS_DENIED(1045, "28000", "Access denied for user '%s'@'%s' (using password: %s)"),
    /** USE / COM_INIT_DB / the handshake named a schema the proxy does not serve. */
    UNKNOWN_DATABASE(1049, "42000", "Unknown database '%s' (this proxy serves '%s')"),
    /** A command byte the proxy does not implement. */
    UNKNOWN_COMMAND(1047, "08S01", "Unknown command 0x%02x (%s)"),
    /** More connections than {@code maxConnections}. */
    TOO_MANY_CONNECTIONS(1040, "08004", "Too many connections (the proxy's maxConnections is %d)"),
    /** A packet longer than {@code maxPacketBytes}. */
    PACKET_TOO_LARGE(1153, "08S01", "Got a packet bigger than 'max_allowed_packet' bytes (%d > %d)"),
    /** A packet whose fields do not fit its length or its command. */
    MALFORMED_PACKET(1835, "HY000", "Malformed communication packet (%s)"),
    /** COM_STMT_* with an id this session never prepared (or closed). */
    UNKNOWN_STATEMENT(1243, "HY000", "Unknown prepared statement handler (%d) given to %s"),
    /** COM_STMT_EXECUTE whose parameters do not match the statement. */
    WRONG_ARGUMENTS(1210, "HY000", "Incorrect arguments to %s: %s"),
    /** The handshake did not finish in time or used an authentication method the proxy does not offer. */
    HANDSHAKE_FAILED(1043, "08S01", "Bad handshake: %s"),
    /** A client logged in without TLS while the proxy's {@code tls.required} is true (ER_SECURE_TRANSPORT_REQUIRED). */
    SECURE_TRANSPORT_REQUIRED(3159, "HY000",
            "Connections using insecure transport are prohibited while the proxy's tls.required is true"),
    /** Shardline (driver or proxy) refused a statement it cannot answer correctly; the message names the construct. */
    REFUSED(9001, "42000", "%s"),
    /** A session statement the proxy does not support (SET of a variable it cannot honour, SHOW of something else). */
    UNSUPPORTED_STATEMENT(9002, "0A000", "The Shardline proxy does not support %s"),
    /** Anything else that failed inside Shardline; the message names the place and the cause. */
    INTERNAL(9000, "HY000", "%s");

    private final int errorNumber;
    private final String sqlState;
    private final String template;

    ProxyError(int errorNumber, String sqlState, String template) {
        this.errorNumber = errorNumber;
        this.sqlState = sqlState;
        this.template = template;
    }

    /** The MySQL error number sent in the ERR packet. */
    public int errorNumber() {
        return errorNumber;
    }

    /** The five-character SQLSTATE sent in the ERR packet. */
    public String sqlState() {
        return sqlState;
    }

    /** The message for these arguments. */
    public String message(Object... args) {
        return String.format(Locale.ROOT, template, args);
    }

    /** An exception carrying this error. */
    public ProxyException exception(Object... args) {
        return new ProxyException(this, sqlState, message(args), null);
    }
}
