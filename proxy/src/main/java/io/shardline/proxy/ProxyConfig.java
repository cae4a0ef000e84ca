package io.shardline.proxy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The proxy's own settings, read from a YAML file of their own (the Shardline YAML stays the driver's, which
 * rejects keys it does not know):
 *
 * <pre>
 * users:
 *   app: {password: "secret"}                                    # mysql_native_password and caching_sha2_password
 *   report: {passwordHash: "*6BB4837EB74329105EE4568DDA7DC67ED2CA2AD9"}   # mysql_native_password only
 * schema: shop              # the one database name clients see (USE, SHOW DATABASES, the handshake); default shardline
 * maxConnections: 1000      # more get ERR 1040
 * maxPacketBytes: 67108864  # a longer packet gets ERR 1153 and the connection is closed
 * workerThreads: 64         # threads that run statements (JDBC blocks); sessions queue for them
 * handshakeTimeoutMs: 10000 # a client that has not authenticated by then is disconnected
 * packetTimeoutMs: 30000    # a client that stops in the middle of a packet for this long is disconnected
 * ioThreads: 2              # network threads; default: the number of CPUs
 * inlineReads: false        # true: reads that cannot wait on a lock run on the network thread (see below)
 * tls:                      # optional; without it the proxy offers no TLS
 *   certificate: server-cert.pem   # PEM chain; relative paths are resolved against this file's directory
 *   privateKey: server-key.pem     # PEM, unencrypted PKCS#8 (BEGIN PRIVATE KEY, what openssl req -nodes writes)
 *   required: false                # true: a client that does not switch to TLS gets ERR 3159
 * </pre>
 *
 * <p>{@code inlineReads}: outside a transaction, a SELECT without FOR UPDATE / LOCK IN SHARE MODE (text or
 * prepared) runs on the network thread that read it instead of being handed to a worker and back: two thread
 * hand-offs fewer per statement, which is most of the proxy's cost for point selects. Such reads never wait on a
 * row lock, so one session cannot stall behind another session of the same thread; a slow read (a scan) does
 * delay the other sessions of its network thread, so give {@code ioThreads} about as many threads as sessions run
 * statements at once. A result larger than the client takes at once continues on a worker, with backpressure.
 * Everything else (writes, locking reads, statements inside transactions) always runs on the workers.
 *
 * <p>Unknown keys and wrong types are errors naming the file and line; a TLS file that is missing or unusable names the
 * key and the file.
 *
 * @param users user name → what the user's password is verified against
 * @param schema the logical database name
 * @param maxConnections concurrent client connections accepted
 * @param maxPacketBytes longest client packet accepted
 * @param workerThreads threads running JDBC work
 * @param handshakeTimeoutMs time a client has to authenticate
 * @param packetTimeoutMs time a client may stall inside a packet
 * @param ioThreads network (Netty event loop) threads
 * @param inlineReads whether lock-free reads outside transactions run on the network thread
 * @param tls TLS for client connections, if offered
 */
public record ProxyConfig(Map<String, Credentials> users, String schema, int maxConnections, long maxPacketBytes,
        int workerThreads, long handshakeTimeoutMs, long packetTimeoutMs, int ioThreads, boolean inlineReads,
        Optional<Tls> tls) {

    private static final Set<String> TOP_KEYS = Set.of("users", "schema", "maxConnections", "maxPacketBytes",
            "workerThreads", "handshakeTimeoutMs", "packetTimeoutMs", "ioThreads", "inlineReads", "tls");
    private static final Set<String> USER_KEYS = Set.of("password", "passwordHash");
    private static final Set<String> TLS_KEYS = Set.of("certificate", "privateKey", "required");

    public ProxyConfig {
        users = Map.copyOf(users);
        tls = tls == null ? Optional.empty() : tls;
    }

    /**
     * What a user's password is checked against: SHA1(SHA1(password)) for {@code mysql_native_password}, and, when
     * the configuration gives the password itself, SHA256(SHA256(password)) for the fast path of
     * {@code caching_sha2_password} (a {@code passwordHash} cannot be turned into it).
     */
    public record Credentials(byte[] nativeHash, Optional<byte[]> sha2Hash) {

        /** Both hashes of a plain password. */
        public static Credentials ofPassword(String password) {
            return new Credentials(NativePassword.storedHash(password),
                    Optional.of(CachingSha2Password.storedHash(password)));
        }

        /** A {@code mysql_native_password} hash only. */
        public static Credentials ofNativeHash(byte[] hash) {
            return new Credentials(hash, Optional.empty());
        }
    }

    /** Settings without TLS, with the default threading. */
    public ProxyConfig(Map<String, Credentials> users, String schema, int maxConnections, long maxPacketBytes,
            int workerThreads, long handshakeTimeoutMs, long packetTimeoutMs) {
        this(users, schema, maxConnections, maxPacketBytes, workerThreads, handshakeTimeoutMs, packetTimeoutMs,
                defaultIoThreads(), false, Optional.empty());
    }

    /** Settings with these users (name → plain password) and defaults for everything else. */
    public static ProxyConfig of(Map<String, String> plainUsers, String schema) {
        Map<String, Credentials> credentials = new LinkedHashMap<>();
        plainUsers.forEach((name, password) -> credentials.put(name, Credentials.ofPassword(password)));
        return new ProxyConfig(credentials, schema, 1000, 64L << 20, 64, 10_000, 30_000);
    }

    /** A copy with another connection limit. */
    public ProxyConfig withMaxConnections(int max) {
        return new ProxyConfig(users, schema, max, maxPacketBytes, workerThreads, handshakeTimeoutMs, packetTimeoutMs,
                ioThreads, inlineReads, tls);
    }

    /** A copy with other packet limits. */
    public ProxyConfig withPacketLimits(long maxBytes, long timeoutMs) {
        return new ProxyConfig(users, schema, maxConnections, maxBytes, workerThreads, handshakeTimeoutMs, timeoutMs,
                ioThreads, inlineReads, tls);
    }

    /** A copy with other threading: network threads, and whether lock-free reads run on them. */
    public ProxyConfig withExecution(int ioThreads, boolean inlineReads) {
        return new ProxyConfig(users, schema, maxConnections, maxPacketBytes, workerThreads, handshakeTimeoutMs,
                packetTimeoutMs, ioThreads, inlineReads, tls);
    }

    private static int defaultIoThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** A copy that offers (or, with {@code tls.required()}, demands) TLS. */
    public ProxyConfig withTls(Tls settings) {
        return new ProxyConfig(users, schema, maxConnections, maxPacketBytes, workerThreads, handshakeTimeoutMs,
                packetTimeoutMs, ioThreads, inlineReads, Optional.of(settings));
    }

    /** What a user's password is checked against, if the user exists. */
    Optional<Credentials> credentials(String user) {
        return Optional.ofNullable(users.get(user));
    }

    /** Reads and validates a proxy YAML file; relative TLS file paths are resolved against its directory. */
    public static ProxyConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the proxy configuration: " + e.getMessage(), e);
        }
        return parse(new java.io.StringReader(text), file.toString(), file.toAbsolutePath().getParent());
    }

    /** Parses proxy YAML; {@code source} names it in messages; relative TLS paths start at the working directory. */
    public static ProxyConfig parse(Reader yaml, String source) {
        return parse(yaml, source, Path.of("").toAbsolutePath());
    }

    /** Parses proxy YAML; {@code source} names it in messages, relative TLS paths are resolved against {@code base}. */
    public static ProxyConfig parse(Reader yaml, String source, Path base) {
        Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(yaml);
        List<String> problems = new ArrayList<>();
        Map<String, Credentials> users = new LinkedHashMap<>();
        String schema = "shardline";
        int maxConnections = 1000;
        long maxPacketBytes = 64L << 20;
        int workerThreads = 64;
        long handshakeTimeoutMs = 10_000;
        long packetTimeoutMs = 30_000;
        int ioThreads = defaultIoThreads();
        boolean inlineReads = false;
        Optional<Tls> tls = Optional.empty();
        if (!(root instanceof MappingNode map)) {
            throw new IllegalArgumentException(source + ": the proxy configuration must be a mapping with 'users'");
        }
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            Node value = tuple.getValueNode();
            String at = source + ":" + (value.getStartMark().getLine() + 1) + ": " + key + ": ";
            try {
                switch (key) {
                    case "users" -> readUsers(value, source, users, problems);
                    case "schema" -> schema = scalar(value);
                    case "maxConnections" -> maxConnections = positiveInt(value);
                    case "maxPacketBytes" -> maxPacketBytes = positiveLong(value);
                    case "workerThreads" -> workerThreads = positiveInt(value);
                    case "handshakeTimeoutMs" -> handshakeTimeoutMs = positiveLong(value);
                    case "packetTimeoutMs" -> packetTimeoutMs = positiveLong(value);
                    case "ioThreads" -> ioThreads = positiveInt(value);
                    case "inlineReads" -> inlineReads = bool(value);
                    case "tls" -> tls = readTls(value, source, base, problems);
                    default -> problems.add(at + "unknown key (known: " + String.join(", ", TOP_KEYS) + ")");
                }
            } catch (IllegalArgumentException e) {
                problems.add(at + e.getMessage());
            }
        }
        if (users.isEmpty() && problems.isEmpty()) {
            problems.add(source + ": users: at least one user is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid proxy configuration:\n  " + String.join("\n  ", problems));
        }
        return new ProxyConfig(users, schema, maxConnections, maxPacketBytes, workerThreads, handshakeTimeoutMs,
                packetTimeoutMs, ioThreads, inlineReads, tls);
    }

    private static Optional<Tls> readTls(Node node, String source, Path base, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            throw new IllegalArgumentException("expected {certificate: ..., privateKey: ..., required: ...}");
        }
        Map<String, Node> values = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode());
            Node value = tuple.getValueNode();
            String at = source + ":" + (value.getStartMark().getLine() + 1) + ": tls." + key + ": ";
            if (!TLS_KEYS.contains(key)) {
                problems.add(at + "unknown key (known: certificate, privateKey, required)");
                continue;
            }
            values.put(key, value);
        }
        String at = source + ":" + (node.getStartMark().getLine() + 1) + ": tls: ";
        boolean required = false;
        Node requiredNode = values.get("required");
        if (requiredNode != null) {
            try {
                required = bool(requiredNode);
            } catch (IllegalArgumentException e) {
                problems.add(location(requiredNode, source) + "tls.required: " + e.getMessage());
            }
        }
        String certificate = values.containsKey("certificate")
                ? scalarOrProblem(values.get("certificate"), source, "tls.certificate", problems) : null;
        String privateKey = values.containsKey("privateKey")
                ? scalarOrProblem(values.get("privateKey"), source, "tls.privateKey", problems) : null;
        if (!values.containsKey("certificate")) {
            problems.add(at + "certificate is required (a PEM certificate chain)");
        }
        if (!values.containsKey("privateKey")) {
            problems.add(at + "privateKey is required (a PEM private key, PKCS#8)");
        }
        if (certificate == null || privateKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Tls.load(base.resolve(certificate), base.resolve(privateKey), required));
        } catch (Tls.FileProblem e) {
            problems.add(location(values.get(e.setting()), source) + "tls." + e.getMessage());
            return Optional.empty();
        }
    }

    private static String scalarOrProblem(Node node, String source, String key, List<String> problems) {
        try {
            return scalar(node);
        } catch (IllegalArgumentException e) {
            problems.add(location(node, source) + key + ": " + e.getMessage());
            return null;
        }
    }

    private static String location(Node node, String source) {
        return source + ":" + (node.getStartMark().getLine() + 1) + ": ";
    }

    private static void readUsers(Node node, String source, Map<String, Credentials> users, List<String> problems) {
        if (!(node instanceof MappingNode map)) {
            throw new IllegalArgumentException("expected a mapping of user name to {password: ...}");
        }
        for (NodeTuple tuple : map.getValue()) {
            String name = scalar(tuple.getKeyNode());
            String at = source + ":" + (tuple.getValueNode().getStartMark().getLine() + 1) + ": users." + name + ": ";
            if (!(tuple.getValueNode() instanceof MappingNode settings)) {
                problems.add(at + "expected {password: ...} or {passwordHash: ...}");
                continue;
            }
            Credentials credentials = null;
            for (NodeTuple setting : settings.getValue()) {
                String key = scalar(setting.getKeyNode());
                if (!USER_KEYS.contains(key)) {
                    problems.add(at + "unknown key '" + key + "' (known: password, passwordHash)");
                    continue;
                }
                String value = scalar(setting.getValueNode());
                if (credentials != null) {
                    problems.add(at + "give either password or passwordHash, not both");
                } else if (key.equals("password")) {
                    credentials = Credentials.ofPassword(value);
                } else {
                    try {
                        credentials = Credentials.ofNativeHash(NativePassword.parseHash(value));
                    } catch (IllegalArgumentException e) {
                        problems.add(at + e.getMessage());
                        credentials = Credentials.ofNativeHash(new byte[0]);
                    }
                }
            }
            if (credentials == null) {
                problems.add(at + "password or passwordHash is required");
            } else {
                users.put(name, credentials);
            }
        }
    }

    private static String scalar(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new IllegalArgumentException("expected a single value, found a " + node.getNodeId());
    }

    private static boolean bool(Node node) {
        String s = scalar(node).trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("expected true or false, found '" + s + "'");
    }

    private static int positiveInt(Node node) {
        long v = positiveLong(node);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("must be at most " + Integer.MAX_VALUE + ", was " + v);
        }
        return (int) v;
    }

    private static long positiveLong(Node node) {
        String s = scalar(node);
        try {
            long v = Long.parseLong(s.trim());
            if (v <= 0) {
                throw new IllegalArgumentException("must be positive, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, found '" + s + "'");
        }
    }

    @Override
    public String toString() {
        return "ProxyConfig[users=" + users.keySet() + ", schema=" + schema + ", maxConnections=" + maxConnections
                + ", maxPacketBytes=" + maxPacketBytes + ", workerThreads=" + workerThreads + ", ioThreads=" + ioThreads
                + ", inlineReads=" + inlineReads + ", tls=" + tls.map(Tls::toString).orElse("off") + "]";
    }
}
