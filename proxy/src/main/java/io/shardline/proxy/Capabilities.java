package io.shardline.proxy;

/**
 * The protocol's capability flags (Protocol::CapabilityFlags) and the set the proxy offers. In their own class because
 * the handshake, the TLS upgrade and the tests' hand-driven clients all need the same numbers.
 */
final class Capabilities {

    static final int CLIENT_LONG_PASSWORD = 1;
    static final int CLIENT_LONG_FLAG = 4;
    static final int CLIENT_CONNECT_WITH_DB = 8;
    static final int CLIENT_NO_SCHEMA = 16;
    static final int CLIENT_ODBC = 64;
    static final int CLIENT_IGNORE_SPACE = 256;
    static final int CLIENT_PROTOCOL_41 = 512;
    static final int CLIENT_INTERACTIVE = 1024;
    static final int CLIENT_SSL = 2048;
    static final int CLIENT_TRANSACTIONS = 8192;
    static final int CLIENT_SECURE_CONNECTION = 32768;
    static final int CLIENT_MULTI_RESULTS = 1 << 17;
    static final int CLIENT_PS_MULTI_RESULTS = 1 << 18;
    static final int CLIENT_PLUGIN_AUTH = 1 << 19;
    static final int CLIENT_CONNECT_ATTRS = 1 << 20;
    static final int CLIENT_PLUGIN_AUTH_LENENC_DATA = 1 << 21;

    /** What the proxy offers (CLIENT_SSL too if TLS is configured); no multi-statements, no CLIENT_DEPRECATE_EOF. */
    static final int SERVER = CLIENT_LONG_PASSWORD | CLIENT_LONG_FLAG | CLIENT_CONNECT_WITH_DB
            | CLIENT_NO_SCHEMA | CLIENT_ODBC | CLIENT_IGNORE_SPACE | CLIENT_PROTOCOL_41 | CLIENT_INTERACTIVE
            | CLIENT_TRANSACTIONS | CLIENT_SECURE_CONNECTION | CLIENT_MULTI_RESULTS | CLIENT_PS_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH | CLIENT_CONNECT_ATTRS | CLIENT_PLUGIN_AUTH_LENENC_DATA;

    private Capabilities() {
    }
}
