package io.shardline.consistency.tx.undo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Row images as JSON objects an operator can read ({@code {"id":42,"name":"ann","photo":{"hex":"FFD8"}}}), in table
 * column order. Two images are compared as their JSON text, always produced by this one encoder, so equal text means
 * equal values (exact decimals, shortest round-trip doubles, server text for dates, instants for TIMESTAMP).
 */
final class RowImages {
    /** The text standing for "no row" in conflicts. */
    static final String ABSENT = "(absent)";

    private static final JsonNodeFactory NODES = new JsonNodeFactory(true); // keeps a DECIMAL's scale (12.50) in the image
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .nodeFactory(NODES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final String UTC_SUFFIX = " UTC";
    private static final String HEX = "hex";

    private RowImages() {
    }

    /** Reads the current row of {@code rs} (selected with {@link TableShape#selectList()}) as an image. */
    static ObjectNode read(ResultSet rs, TableShape shape) throws SQLException {
        ObjectNode image = NODES.objectNode();
        int i = 1;
        for (TableShape.Column c : shape.columns()) {
            image.set(c.name(), readValue(rs, i++, c.kind()));
        }
        return image;
    }

    private static JsonNode readValue(ResultSet rs, int i, ValueKind kind) throws SQLException {
        switch (kind) {
            case BINARY: {
                byte[] bytes = rs.getBytes(i);
                return bytes == null ? NODES.nullNode()
                        : NODES.objectNode().put(HEX, HexFormat.of().withUpperCase().formatHex(bytes));
            }
            case TIMESTAMP: {
                BigDecimal epoch = rs.getBigDecimal(i);
                return epoch == null ? NODES.nullNode() : NODES.textNode(utcText(epoch));
            }
            default:
                break;
        }
        String text = rs.getString(i);
        if (text == null) {
            return NODES.nullNode();
        }
        switch (kind) {
            case INTEGER: {
                BigInteger v = new BigInteger(text);
                return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
            }
            case DECIMAL:
                return NODES.numberNode(new BigDecimal(text));
            case FLOATING:
                return NODES.numberNode(Double.parseDouble(text));
            default:
                return NODES.textNode(text);
        }
    }

    /** The value to bind for {@code value} of a column of {@code kind} (see {@link ValueKind#writeExpression()}). */
    static Object bindValue(ValueKind kind, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        switch (kind) {
            case INTEGER: {
                // Beyond a long (BIGINT UNSIGNED) as a BigDecimal: Connector/J's setObject(BigInteger) overflows.
                BigInteger v = value.bigIntegerValue();
                return v.bitLength() < 64 ? (Object) v.longValue() : new BigDecimal(v);
            }
            case DECIMAL:
                return value.decimalValue();
            case FLOATING:
                return value.doubleValue();
            case BINARY:
                return HexFormat.of().parseHex(value.get(HEX).asText());
            case TIMESTAMP:
                return epoch(value.asText());
            default:
                return value.asText();
        }
    }

    /** The primary-key part of an image, in key order. */
    static ObjectNode key(ObjectNode image, TableShape shape) {
        ObjectNode key = NODES.objectNode();
        for (TableShape.Column k : shape.primaryKey()) {
            key.set(k.name(), image.get(k.name()));
        }
        return key;
    }

    /** {@code id=42} or {@code a=1, b="x"}: a key for people. */
    static String describeKey(JsonNode key) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = key.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(f.getKey()).append('=').append(f.getValue().isTextual() ? "'" + f.getValue().asText() + "'"
                    : json(f.getValue()));
        }
        return sb.toString();
    }

    /** The canonical JSON text of a node. */
    static String json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an undo image as JSON", e);
        }
    }

    /** Parses an image or key written by {@link #json}. */
    static ObjectNode parse(String json) throws SQLException {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new SQLException("undo log: unreadable image " + json, "XX000", e);
        }
    }

    /** {@code 1700000000.123456} → {@code 2023-11-14 22:13:20.123456 UTC}, keeping the fraction's digits. */
    static String utcText(BigDecimal epoch) {
        long seconds = epoch.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        String text = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC).format(SECONDS);
        if (epoch.scale() > 0) {
            BigDecimal fraction = epoch.subtract(BigDecimal.valueOf(seconds));
            String digits = fraction.unscaledValue().toString();
            text = text + "." + "0".repeat(epoch.scale() - digits.length()) + digits;
        }
        return text + UTC_SUFFIX;
    }

    /** The inverse of {@link #utcText}. */
    static BigDecimal epoch(String utcText) {
        String text = utcText.endsWith(UTC_SUFFIX) ? utcText.substring(0, utcText.length() - UTC_SUFFIX.length()) : utcText;
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        long seconds = LocalDateTime.parse(whole, SECONDS).toEpochSecond(ZoneOffset.UTC);
        return dot < 0 ? BigDecimal.valueOf(seconds) : new BigDecimal(seconds + text.substring(dot));
    }
}
