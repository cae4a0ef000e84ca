package io.shardline.proxy;

import io.shardline.sql.ParsedStatement;
import io.shardline.sql.facts.SessionVariable;
import io.shardline.sql.facts.Value;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * The statements the proxy answers itself because they act on the session, not on data: SET (autocommit, character
 * sets, isolation, read-only), USE, BEGIN, COMMIT, ROLLBACK, and the SHOW statements its configuration can answer.
 * They must hold for the whole session, across the Shardline connections it opens and the shard connections it gives
 * back, so they become settings of the {@link SessionConnection} instead of statements on some shard; a setting the
 * proxy cannot carry that way is refused with a message saying why. Used by one thread at a time, the one running
 * the session's current command.
 */
final class SessionStatements {

    private final ProxyServer server;
    private final SessionConnection connection;
    private final ResultWriter results;

    SessionStatements(ProxyServer server, SessionConnection connection, ResultWriter results) {
        this.server = server;
        this.connection = connection;
        this.results = results;
    }

    /**
     * Answers the statements that act on the session rather than on data (SET, USE, BEGIN, COMMIT, ROLLBACK) with an
     * OK packet; false for everything else. Shared by COM_QUERY and COM_STMT_EXECUTE (sysbench prepares BEGIN).
     */
    boolean answer(ParsedStatement parsed) throws ProxyException {
        switch (parsed.facts().kind()) {
            case SET -> set(parsed);
            case USE -> useSchema(parsed.facts().detail().orElse(""));
            case BEGIN -> begin();
            case COMMIT -> endTransaction(true);
            case ROLLBACK -> endTransaction(false);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** USE and COM_INIT_DB: the proxy serves one schema, so this only checks the name. */
    void useSchema(String schema) throws ProxyException {
        String name = unquote(schema.trim());
        if (!name.equalsIgnoreCase(server.config().schema())) {
            throw ProxyError.UNKNOWN_DATABASE.exception(name, server.config().schema());
        }
        results.writeOk(0, 0);
    }

    private void begin() throws ProxyException {
        try {
            connection.begin();
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
        results.writeOk(0, 0);
    }

    private void endTransaction(boolean commit) throws ProxyException {
        try {
            connection.endTransaction(commit);
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
        results.writeOk(0, 0);
    }

    // ---------------------------------------------------------------- SET

    private void set(ParsedStatement parsed) throws ProxyException {
        String sql = parsed.sql();
        for (SessionVariable v : parsed.facts().sessionVariables()) {
            String value = valueText(parsed, v.value());
            switch (v.scope()) {
                case NAMES, CHARACTER_SET -> requireUtf8(v.scope() == SessionVariable.Scope.NAMES ? "SET NAMES"
                        : "SET CHARACTER SET", value);
                case TRANSACTION -> transaction(v.name());
                case SESSION -> sessionVariable(v.name().toLowerCase(Locale.ROOT), value);
                case GLOBAL -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET GLOBAL " + v.name()
                        + " (global variables belong to each server behind the proxy)");
                case USER -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("user variables (SET @" + v.name()
                        + "): a statement may run on several servers, a variable lives on one");
                default -> throw ProxyError.UNSUPPORTED_STATEMENT.exception(sql);
            }
        }
        results.writeOk(0, 0);
    }

    private static String valueText(ParsedStatement parsed, Value value) {
        if (value instanceof Value.Literal literal) {
            Object v = parsed.literal(literal.index()).value();
            return String.valueOf(v);
        }
        return unquote(parsed.span(value).text(parsed.sql()).trim());
    }

    private void sessionVariable(String name, String value) throws ProxyException {
        String v = value.toLowerCase(Locale.ROOT);
        try {
            switch (name) {
                case "autocommit" -> {
                    boolean on = switch (v) {
                        case "1", "on", "true" -> true;
                        case "0", "off", "false" -> false;
                        default -> throw ProxyError.WRONG_ARGUMENTS.exception("SET autocommit", "'" + value + "'");
                    };
                    connection.setAutocommit(on);
                }
                case "character_set_client", "character_set_connection", "character_set_results",
                        "collation_connection" -> {
                    if (!v.equals("null")) {
                        requireUtf8("SET " + name, v);
                    }
                }
                case "transaction_isolation", "tx_isolation" -> connection.setIsolation(isolation(v.replace('-', ' ')));
                case "transaction_read_only", "tx_read_only" -> connection.setReadOnly(v.equals("1") || v.equals("on")
                        || v.equals("true"));
                // These concern the client's link to the proxy, which the proxy does not time out or limit.
                case "net_write_timeout", "net_read_timeout", "wait_timeout", "interactive_timeout" -> {
                }
                case "sql_select_limit" -> {
                    if (!v.equals("default") && !v.equals("18446744073709551615")) {
                        throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET sql_select_limit=" + value);
                    }
                }
                default -> throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET " + name + " (supported: autocommit, "
                        + "NAMES/character_set_*/collation_connection to utf8 or utf8mb4, transaction isolation and "
                        + "read only; session variables are not replayed on shard connections)");
            }
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
    }

    private void transaction(String characteristics) throws ProxyException {
        String c = characteristics.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        try {
            for (String part : c.split(",")) {
                String p = part.trim();
                if (p.startsWith("ISOLATION LEVEL ")) {
                    String level = p.substring("ISOLATION LEVEL ".length()).toLowerCase(Locale.ROOT);
                    connection.setIsolation(isolation(level));
                } else if (p.equals("READ ONLY")) {
                    connection.setReadOnly(true);
                } else if (p.equals("READ WRITE")) {
                    connection.setReadOnly(false);
                } else {
                    throw ProxyError.UNSUPPORTED_STATEMENT.exception("SET TRANSACTION " + characteristics);
                }
            }
        } catch (SQLException e) {
            throw ResultWriter.translate(e);
        }
    }

    private static int isolation(String level) throws ProxyException {
        return switch (level.trim()) {
            case "read uncommitted" -> Connection.TRANSACTION_READ_UNCOMMITTED;
            case "read committed" -> Connection.TRANSACTION_READ_COMMITTED;
            case "repeatable read" -> Connection.TRANSACTION_REPEATABLE_READ;
            case "serializable" -> Connection.TRANSACTION_SERIALIZABLE;
            default -> throw ProxyError.WRONG_ARGUMENTS.exception("transaction isolation", "'" + level + "'");
        };
    }

    private static void requireUtf8(String what, String charset) throws ProxyException {
        String c = charset.toLowerCase(Locale.ROOT);
        if (!(c.startsWith("utf8") || c.equals("binary") || c.equals("default"))) {
            throw ProxyError.UNSUPPORTED_STATEMENT.exception(what + " " + charset
                    + " (the proxy talks utf8mb4 to clients)");
        }
    }

    // ---------------------------------------------------------------- SHOW

    /** Answers the SHOW statements the proxy knows from its configuration; false to let the driver try. */
    boolean show(String sql) throws ProxyException {
        String words = sql.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (words.startsWith("SHOW DATABASES") || words.startsWith("SHOW SCHEMAS")) {
            ColumnDef[] columns = {ColumnDef.varchar("Database", "information_schema")};
            results.writeRows(columns, java.util.Collections.singletonList(new String[] {server.config().schema()}));
            return true;
        }
        if (words.startsWith("SHOW TABLES") || words.startsWith("SHOW FULL TABLES")) {
            boolean full = words.startsWith("SHOW FULL");
            String schema = server.config().schema();
            ColumnDef[] columns = full
                    ? new ColumnDef[] {ColumnDef.varchar("Tables_in_" + schema, schema),
                            ColumnDef.varchar("Table_type", schema)}
                    : new ColumnDef[] {ColumnDef.varchar("Tables_in_" + schema, schema)};
            List<String[]> rows = new java.util.ArrayList<>();
            for (String table : server.logicalTables()) {
                rows.add(full ? new String[] {table, "BASE TABLE"} : new String[] {table});
            }
            results.writeRows(columns, rows);
            return true;
        }
        if (words.startsWith("SHOW WARNINGS") || words.startsWith("SHOW ERRORS")) {
            String schema = server.config().schema();
            results.writeRows(new ColumnDef[] {ColumnDef.varchar("Level", schema), ColumnDef.varchar("Code", schema),
                    ColumnDef.varchar("Message", schema)}, List.of());
            return true;
        }
        return false;
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '`' || s.charAt(0) == '\'' || s.charAt(0) == '"')
                && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
