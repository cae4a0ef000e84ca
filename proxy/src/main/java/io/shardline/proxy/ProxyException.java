package io.shardline.proxy;

/** An error answered to the client as an ERR packet: a catalogue entry, its SQLSTATE and the finished message. */
public final class ProxyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient ProxyError error;
    private final int errorNumber;
    private final String sqlState;

    ProxyException(ProxyError error, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
        this.errorNumber = error.errorNumber();
        this.sqlState = sqlState;
    }

    /** A server error passed through unchanged (its number and SQLSTATE came from MariaDB behind Shardline). */
    ProxyException(int errorNumber, String sqlState, String message, Throwable cause) {
        super(message, cause);
        this.error = null;
        this.errorNumber = errorNumber;
        this.sqlState = sqlState;
    }

    /** The MySQL error number for the ERR packet. */
    public int errorNumber() {
        return errorNumber;
    }

    /** The SQLSTATE for the ERR packet. */
    public String sqlState() {
        return sqlState;
    }

    /** The catalogue entry, or {@code null} for a server error passed through. */
    ProxyError error() {
        return error;
    }
}
