package io.shardline.router.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.testkit.junit.TestDatabase;
import io.shardline.testkit.junit.TestTopology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our utf8mb4_general_ci weights are MariaDB's: every BMP character's weight is compared with
 * {@code WEIGHT_STRING()} on a real server. With {@code -Dshardline.regenerate.weights=PATH} it rewrites
 * the weights resource from the server instead (for a new MariaDB version).
 */
@TestTopology(groups = 1, replicas = 0)
class GeneralCiWeightsIT {

    @Test
    void everyBmpCharacterWeighsAsOnTheServer(TestDatabase db) throws SQLException, IOException {
        List<int[]> serverWeights = serverWeights(db);
        assertThat(serverWeights).hasSizeGreaterThan(60_000);

        String regenerate = System.getProperty("shardline.regenerate.weights");
        if (regenerate != null && !regenerate.isBlank()) {
            write(Path.of(regenerate), serverWeights);
        }
        List<String> mismatches = new ArrayList<>();
        for (int[] pair : serverWeights) {
            int ours = Collation.GENERAL_CI.weight(pair[0]);
            if (ours != pair[1] && mismatches.size() < 50) {
                mismatches.add(String.format("U+%04X server %04X ours %04X", pair[0], pair[1], ours));
            }
        }
        assertThat(mismatches).as("general_ci weights that differ from the server's").isEmpty();
    }

    @Test
    void charactersOutsideTheBmpWeighTheSameOnBothSides(TestDatabase db) throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT _utf8mb4'😀' = _utf8mb4'😺' COLLATE utf8mb4_general_ci,"
                        + " _utf8mb4'a😀' < _utf8mb4'a😺' COLLATE utf8mb4_bin")) {
            rs.next();
            assertThat(rs.getInt(1) == 1).isEqualTo(Collation.GENERAL_CI.compare("😀", "😺") == 0);
            assertThat(rs.getInt(2) == 1).isEqualTo(Collation.BINARY.compare("a😀", "a😺") < 0);
        }
    }

    private static List<int[]> serverWeights(TestDatabase db) throws SQLException {
        try (Connection c = db.connectMaster(0); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE chars (cp INT PRIMARY KEY, ch VARCHAR(1) CHARACTER SET utf8mb4"
                    + " COLLATE utf8mb4_general_ci)");
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO chars VALUES (?, ?)")) {
                for (int cp = 0; cp <= 0xFFFF; cp++) {
                    if (Character.isSurrogate((char) cp)) {
                        continue;
                    }
                    insert.setInt(1, cp);
                    insert.setString(2, String.valueOf((char) cp));
                    insert.addBatch();
                    if (cp % 4096 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            List<int[]> weights = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT cp, HEX(WEIGHT_STRING(ch)) FROM chars ORDER BY cp")) {
                while (rs.next()) {
                    String hex = rs.getString(2);
                    // A lone space weighs nothing under PAD SPACE; every other character has two bytes.
                    if (hex != null && hex.length() == 4) {
                        weights.add(new int[] {rs.getInt(1), Integer.parseInt(hex, 16)});
                    }
                }
            }
            return weights;
        }
    }

    private static void write(Path file, List<int[]> weights) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file).stream().filter(l -> l.startsWith("#")).toList());
        for (int[] pair : weights) {
            if (pair[0] != pair[1]) {
                lines.add(String.format("%04X %04X", pair[0], pair[1]));
            }
        }
        Files.write(file, lines);
    }
}
