package io.shardline.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional TLS for client connections (the proxy YAML's {@code tls:}), the way a MySQL server offers it: the greeting
 * advertises {@code CLIENT_SSL}; a client that wants TLS answers with a 32-byte SSLRequest (its capability flags with
 * {@code CLIENT_SSL}, max packet size, character set, 23 zero bytes; sequence 1) instead of its HandshakeResponse;
 * the proxy puts an {@link SslHandler} at the head of the pipeline and the TLS handshake follows on the same socket;
 * then the client sends its HandshakeResponse encrypted, with sequence 2. With {@link #required()} a client that
 * logs in without TLS gets ERR 3159 ({@link ProxyError#SECURE_TRANSPORT_REQUIRED}).
 *
 * <p>The certificate chain and the key are PEM files read by Netty with the JDK provider; the key must be unencrypted
 * PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl req -nodes} writes): PKCS#1 keys
 * ({@code -----BEGIN RSA PRIVATE KEY-----}) need BouncyCastle, which the proxy does not ship.
 */
public final class Tls {

    private static final Logger LOG = LoggerFactory.getLogger(Tls.class);

    /** Payload length of Protocol::SSLRequest; a real HandshakeResponse is longer (it names a user). */
    private static final int SSL_REQUEST_LENGTH = 32;

    private static final String PKCS8_HINT = "the proxy reads unencrypted PKCS#8 PEM keys"
            + " (-----BEGIN PRIVATE KEY-----); convert with:"
            + " openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem";

    private final SslContext context;
    private final Path certificate;
    private final boolean required;

    private Tls(SslContext context, Path certificate, boolean required) {
        this.context = context;
        this.certificate = certificate;
        this.required = required;
    }

    /**
     * Reads the certificate chain and the private key (PEM files) and builds the server context.
     *
     * @throws FileProblem naming the setting ({@code certificate} or {@code privateKey}) and the file that is missing,
     *         unreadable or not what it should be
     */
    public static Tls load(Path certificate, Path privateKey, boolean required) {
        Path cert = certificate.toAbsolutePath().normalize();
        Path key = privateKey.toAbsolutePath().normalize();
        checkCertificate(cert);
        checkPrivateKey(key);
        try {
            // The certificate was parsed above, so what Netty still rejects is the key.
            SslContext context = SslContextBuilder.forServer(cert.toFile(), key.toFile())
                    .sslProvider(SslProvider.JDK)
                    .build();
            return new Tls(context, cert, required);
        } catch (IllegalArgumentException | SSLException e) {
            throw new FileProblem("privateKey", key, "not a usable private key for " + cert.getFileName() + " ("
                    + rootMessage(e) + "); " + PKCS8_HINT, e);
        }
    }

    /** Whether clients that do not switch to TLS are refused. */
    public boolean required() {
        return required;
    }

    /**
     * On the event loop, for the client's first packet: if it is an SSLRequest, starts TLS on the connection and
     * returns true (the packet is consumed). Bytes the client sent after the SSLRequest (its ClientHello may share a
     * read with it) are still in the {@link PacketDecoder}, which frames the first packet alone for this reason; they
     * are moved into the new {@link SslHandler} before anything else is read.
     */
    static boolean startIfRequested(Optional<Tls> tls, ChannelHandlerContext ctx, Packet first) {
        if (tls.isEmpty() || !isSslRequest(first)) {
            return false;
        }
        first.payload().release();
        Channel channel = ctx.channel();
        SslHandler ssl = tls.get().context.newHandler(channel.alloc());
        ssl.setHandshakeTimeoutMillis(0); // the session's handshakeTimeoutMs bounds the whole login, TLS included
        ssl.handshakeFuture().addListener(done -> {
            if (!done.isSuccess()) {
                LOG.info("TLS handshake with {} did not complete: {}", channel.remoteAddress(),
                        rootMessage(done.cause()));
            }
        });
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addFirst("tls", ssl);
        ByteBuf early = pipeline.get(PacketDecoder.class).takeUnframed();
        if (early.isReadable()) {
            pipeline.fireChannelRead(early); // from the head: into the SslHandler
        } else {
            early.release();
        }
        return true;
    }

    /** Refuses a HandshakeResponse that arrived in plain text when TLS is required. */
    static void checkTransport(Optional<Tls> tls, Channel channel) throws ProxyException {
        if (tls.isPresent() && tls.get().required && !isActive(channel)) {
            throw ProxyError.SECURE_TRANSPORT_REQUIRED.exception();
        }
    }

    /** Whether the connection switched to TLS. */
    static boolean isActive(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    private static boolean isSslRequest(Packet packet) {
        ByteBuf in = packet.payload();
        return packet.sequence() == 1 && in.readableBytes() == SSL_REQUEST_LENGTH
                && (in.getIntLE(in.readerIndex()) & Capabilities.CLIENT_SSL) != 0;
    }

    // ---------------------------------------------------------------- loading

    private static void checkCertificate(Path cert) {
        try (InputStream in = Files.newInputStream(cert)) {
            if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                throw new FileProblem("certificate", cert, "no certificate in it (expected PEM: -----BEGIN"
                        + " CERTIFICATE-----)", null);
            }
        } catch (NoSuchFileException e) {
            throw new FileProblem("certificate", cert, "no such file", e);
        } catch (IOException e) {
            throw new FileProblem("certificate", cert, "cannot read it: " + e, e);
        } catch (CertificateException e) {
            throw new FileProblem("certificate", cert, "not a PEM certificate chain (" + rootMessage(e) + ")", e);
        }
    }

    private static void checkPrivateKey(Path key) {
        String text;
        try {
            text = Files.readString(key, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new FileProblem("privateKey", key, "no such file", e);
        } catch (IOException e) {
            throw new FileProblem("privateKey", key, "cannot read it: " + e, e);
        }
        if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
            throw new FileProblem("privateKey", key, "a PKCS#1/SEC1 key; " + PKCS8_HINT, null);
        }
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new FileProblem("privateKey", key, "the key is encrypted; " + PKCS8_HINT, null);
        }
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new FileProblem("privateKey", key, "no private key in it; " + PKCS8_HINT, null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public String toString() {
        return "TLS[certificate=" + certificate + ", required=" + required + "]";
    }

    /** A TLS file that cannot be used; the message is {@code setting: file: reason}. */
    public static final class FileProblem extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final String setting;

        FileProblem(String setting, Path file, String reason, Throwable cause) {
            super(setting + ": " + file + ": " + reason, cause);
            this.setting = setting;
        }

        /** The YAML key under {@code tls:}: {@code certificate} or {@code privateKey}. */
        public String setting() {
            return setting;
        }
    }
}
