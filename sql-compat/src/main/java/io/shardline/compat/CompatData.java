package io.shardline.compat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The rows of the built-in suite, generated deterministically ({@link Random} with fixed seeds is specified
 * to give the same sequence on every JVM). The data is meant to be awkward: NULLs in every nullable column,
 * empty strings, accents, CJK and 4-byte emoji, strings that differ only in case, a quote, duplicated
 * amounts and timestamps, negative decimals, and skewed keys (a few users own a third of the orders).
 * Floating columns that the corpus sums hold multiples of 1/4, so that sums are exact in any order of addition (the
 * extremes column is only sorted and compared).
 */
public final class CompatData {

    public static final int USERS = 300;
    public static final int ORDERS = 2000;
    public static final int ITEMS = 5000;
    public static final int PRODUCTS = 160;
    public static final int LEDGER = 3000;
    public static final int EVENTS = 1500;
    public static final int AUDITS = 800;

    private static final int BATCH = 100;

    private static final String[] FIRST = {"Alice", "alice", "ALICE", "Bob", "Zoë", "José", "Łukasz", "Ünal", "李雷",
        "Ærøskøbing", "O'Brien", "Émile", "emile", "Nuñez", "Søren", "🚀 Rocket", "Chloé", "Mathéo", "Ana", "ana"};
    private static final String[] CITIES = {"Paris", "paris", "PARIS", "Berlin", "Zürich", "São Paulo", "東京",
        "Kraków", "", null, null};
    private static final String[] STATUSES = {"NEW", "PAID", "PAID", "SHIPPED", "SHIPPED", "SHIPPED", "CANCELLED",
        "REFUNDED", "paid"};
    private static final String[] CHANNELS = {"web", "app", "app", "phone", null};
    private static final String[] NOTES = {"leave at the door", "Leave at the door", "fragile ⚠️", "gift 🎁",
        "ring twice", "", null, null, null, "café au lait", "100% cotton", "it's urgent", "LEAVE AT THE DOOR"};
    private static final String[] TITLES = {"Chair", "chair", "Table", "Lamp", "Mug ☕", "Crème brûlée set",
        "Ski 🎿", "Desk", "Übergrößen jacket", "Kettle", "Teapot", "teapot", "Sofa", "Pillow", "Rug", "Çay bardağı"};
    private static final String[] CURRENCIES = {"EUR", "EUR", "USD", "GBP", "CHF"};
    private static final String[] KINDS = {"login", "view", "view", "view", "click", "purchase", "logout"};
    private static final String[] ACTIONS = {"LOGIN", "UPDATE_PROFILE", "CHANGE_PASSWORD", "DELETE_CARD", "EXPORT"};

    private CompatData() {
    }

    /** INSERT statements for every table of the built-in schema, in batches of {@value #BATCH} rows. */
    public static List<String> statements() {
        List<String> out = new ArrayList<>();
        out.add("INSERT INTO t_status (code, label, sort_order, is_final) VALUES ('NEW', 'New', 1, 0), "
                + "('PAID', 'Paid', 2, 0), ('SHIPPED', 'Shipped', 3, 0), ('CANCELLED', 'Cancelled', 4, 1), "
                + "('REFUNDED', 'Refunded', 5, 1), ('LOST', 'Lost in transit', 6, 1)");
        StringBuilder cats = new StringBuilder("INSERT INTO t_category (category_id, name, parent_id) VALUES ");
        String[] catNames = {"Home", "Furniture", "Kitchen", "Garden", "Sport", "Winter sport", "Fashion", "Décor",
            "Lighting", "Tea & coffee", "Outdoor", "Misc"};
        for (int i = 1; i <= catNames.length; i++) {
            cats.append(i == 1 ? "" : ", ").append('(').append(i).append(", ").append(str(catNames[i - 1])).append(", ")
                    .append(i <= 2 ? "NULL" : Integer.toString(1 + i % 3)).append(')');
        }
        out.add(cats.toString());
        out.add("INSERT INTO t_setting (name, value, updated_at) VALUES ('currency', 'EUR', '2024-01-01 00:00:00'), "
                + "('locale', 'fr_FR', '2024-02-03 10:00:00'), ('maintenance', NULL, '2024-03-01 08:30:00'), "
                + "('max_items', '50', '2024-01-01 00:00:00'), ('Theme', 'dark', '2024-05-05 05:05:05')");

        Random r = new Random(5);
        out.addAll(batches("INSERT INTO t_user (user_id, name, email, city, tier, score, balance, birth_date, created_at,"
                + " active) VALUES ", USERS, i -> userRow(i, r)));
        Random ro = new Random(7);
        int[] orderUser = new int[ORDERS + 1];
        for (int i = 1; i <= ORDERS; i++) {
            orderUser[i] = ro.nextInt(10) < 3 ? 1 + ro.nextInt(3) : 1 + ro.nextInt(USERS);
        }
        Random ro2 = new Random(11);
        out.addAll(batches("INSERT INTO t_order (order_id, user_id, status, amount, discount, created_at, paid_on,"
                + " channel, note) VALUES ", ORDERS, i -> orderRow(i, orderUser[i], ro2)));
        Random ri = new Random(13);
        out.addAll(batches("INSERT INTO t_order_item (item_id, order_id, user_id, sku, qty, price, weight) VALUES ",
                ITEMS, i -> {
                    int order = 1 + ri.nextInt(ORDERS);
                    return "(" + i + ", " + order + ", " + orderUser[order] + ", " + str(sku(1 + ri.nextInt(PRODUCTS)))
                            + ", " + (1 + ri.nextInt(ri.nextInt(10) == 0 ? 20 : 4)) + ", " + money(ri, 200) + ", "
                            + (ri.nextInt(5) == 0 ? "NULL" : quarter(ri, 80)) + ")";
                }));
        Random rp = new Random(17);
        out.addAll(batches("INSERT INTO t_product (sku, title, category_id, price, stock, rating, created_on) VALUES ",
                PRODUCTS, i -> "(" + str(sku(i)) + ", " + str(TITLES[i % TITLES.length] + (i % 3 == 0 ? "" : " " + i))
                        + ", " + (i % 9 == 0 ? "NULL" : Integer.toString(1 + rp.nextInt(12))) + ", " + money(rp, 500)
                        + ", " + (rp.nextInt(4) == 0 ? 0 : rp.nextInt(300)) + ", "
                        + (rp.nextInt(6) == 0 ? "NULL" : Double.toString(rp.nextInt(11) / 2.0)) + ", "
                        + str(LocalDate.of(2023, 1, 1).plusDays(rp.nextInt(600)).toString()) + ")"));
        Random rl = new Random(19);
        out.addAll(batches("INSERT INTO t_ledger (entry_id, account_id, amount, currency, booked_at, memo) VALUES ",
                LEDGER, i -> {
                    int account = rl.nextInt(4) == 0 ? 7 : 1 + rl.nextInt(60);
                    BigDecimal amount = BigDecimal.valueOf(rl.nextInt(2_000_000) - 600_000, 4);
                    return "(" + i + ", " + account + ", " + amount.toPlainString() + ", "
                            + str(CURRENCIES[rl.nextInt(CURRENCIES.length)]) + ", "
                            + str(dateTime(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(rl.nextInt(500_000) / 30 * 30)))
                            + ", " + (rl.nextInt(3) == 0 ? "NULL" : str("entry " + (i % 37))) + ")";
                }));
        Random re = new Random(23);
        out.addAll(batches("INSERT INTO t_event (event_id, user_id, kind, created_at, payload, metric, priority, tags,"
                + " duration, yr, seen_at, counter, level, flags, raw, precise_at, extreme, fine, note) VALUES ", EVENTS,
                i -> "(" + i + ", " + (re.nextInt(5) == 0 ? 1 : 1 + re.nextInt(USERS)) + ", "
                        + str(KINDS[re.nextInt(KINDS.length)]) + ", "
                        + str(dateTime(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(re.nextInt(181 * 24 * 60))))
                        + ", " + (re.nextInt(4) == 0 ? "NULL" : str("{\"page\": " + re.nextInt(40) + "}")) + ", "
                        + (re.nextInt(3) == 0 ? "NULL" : quarter(re, 100)) + ", " + eventTypes(re) + ")"));
        Random ra = new Random(29);
        out.addAll(batches("INSERT INTO t_audit (audit_id, user_id, action, logged_at, detail) VALUES ", AUDITS,
                i -> "(" + i + ", " + (1 + ra.nextInt(40)) + ", " + str(ACTIONS[ra.nextInt(ACTIONS.length)]) + ", "
                        + str(dateTime(LocalDateTime.of(2024, 3, 1, 0, 0).plusSeconds(ra.nextInt(90 * 86400) / 60 * 60)))
                        + ", " + (ra.nextInt(2) == 0 ? "NULL" : str("ip 10.0." + ra.nextInt(4) + "." + ra.nextInt(9)))
                        + ")"));
        return out;
    }

    /**
     * The less common column types of t_event, where merged results must still read like the server's: ENUM (sorts
     * by its index, not its text), SET, TIME (negative and over 24 h), YEAR, TIMESTAMP, BIGINT UNSIGNED above
     * 2^63, TINYINT UNSIGNED, BIT and VARBINARY.
     */
    private static String eventTypes(Random r) {
        String[] priorities = {"'low'", "'mid'", "'high'", "'urgent'", "NULL"};
        String[] tags = {"''", "'mobile'", "'beta,vip'", "'mobile,beta,vip'", "NULL"};
        String[] durations = {"'00:00:01'", "'12:30:00'", "'-01:15:00'", "'100:00:00'", "'23:59:59'", "NULL"};
        String[] extremes = {"1e20", "-1e20", "1.5e-7", "0", "-0.25", "123456789.25", "1e300", "NULL"};
        String[] texts = {"long text ✓", "Long Text ✓", "", "ⓐ circled", "z", "Ä umlaut"};
        String[] counters = {"0", "1", "9223372036854775807", "9223372036854775808", "18446744073709551615",
            "12345678901234567890", "NULL"};
        return priorities[r.nextInt(priorities.length)] + ", " + tags[r.nextInt(tags.length)] + ", "
                + durations[r.nextInt(durations.length)] + ", " + (r.nextInt(5) == 0 ? "NULL" : 1990 + r.nextInt(40))
                + ", " + (r.nextInt(5) == 0 ? "NULL"
                        : str(dateTime(LocalDateTime.of(2024, 3, 1, 0, 0).plusSeconds(r.nextInt(5_000_000)))))
                + ", " + counters[r.nextInt(counters.length)] + ", " + (r.nextInt(6) == 0 ? "NULL" : r.nextInt(256))
                + ", " + (r.nextInt(6) == 0 ? "NULL" : "b'" + Integer.toBinaryString(r.nextInt(256)) + "'") + ", "
                + (r.nextInt(6) == 0 ? "NULL" : "X'" + String.format("%04X", r.nextInt(65536)) + "'") + ", "
                + (r.nextInt(6) == 0 ? "NULL" : str(LocalDateTime.of(2024, 5, 1, 0, 0).plusNanos(
                        r.nextInt(86_400_000) * 1_000_000L).toString().replace('T', ' '))) + ", "
                + extremes[r.nextInt(extremes.length)] + ", "
                + (r.nextInt(5) == 0 ? "NULL" : BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000_000L, 10)
                        .toPlainString()) + ", "
                + (r.nextInt(4) == 0 ? "NULL" : str(texts[r.nextInt(texts.length)]));
    }

    private static String userRow(int id, Random r) {
        String name = FIRST[r.nextInt(FIRST.length)] + (r.nextInt(4) == 0 ? "" : " " + (char) ('A' + r.nextInt(26)) + ".");
        String email = r.nextInt(8) == 0 ? null : "user" + id + (id % 10 == 0 ? "@Example.COM" : "@example.com");
        String city = CITIES[r.nextInt(CITIES.length)];
        String score = r.nextInt(6) == 0 ? "NULL" : quarter(r, 1000);
        String balance = r.nextInt(7) == 0 ? "NULL" : BigDecimal.valueOf(r.nextInt(200_000) - 50_000, 2).toPlainString();
        String birth = r.nextInt(5) == 0 ? "NULL" : str(LocalDate.of(1950, 1, 1).plusDays(r.nextInt(20_000)).toString());
        String created = str(dateTime(LocalDateTime.of(2023, 1, 1, 0, 0).plusHours(r.nextInt(700) * 12L)));
        return "(" + id + ", " + str(name) + ", " + (email == null ? "NULL" : str(email)) + ", "
                + (city == null ? "NULL" : str(city)) + ", " + (1 + r.nextInt(4)) + ", " + score + ", " + balance + ", "
                + birth + ", " + created + ", " + (r.nextInt(5) == 0 ? 0 : 1) + ")";
    }

    private static String orderRow(int id, int user, Random r) {
        String status = STATUSES[r.nextInt(STATUSES.length)];
        // a third of the amounts come from a short list, so ORDER BY amount has ties
        String amount = r.nextInt(3) == 0 ? new String[] {"9.99", "19.99", "49.50", "100.00"}[r.nextInt(4)]
                : money(r, 1000);
        String discount = r.nextInt(5) < 2 ? "NULL" : BigDecimal.valueOf(r.nextInt(5000), 2).toPlainString();
        LocalDateTime created = LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(r.nextInt(365 * 24 * 4) * 15L);
        String paid = status.equalsIgnoreCase("NEW") || status.equals("CANCELLED") || r.nextInt(10) == 0 ? "NULL"
                : str(created.toLocalDate().plusDays(r.nextInt(3)).toString());
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        String note = NOTES[r.nextInt(NOTES.length)];
        return "(" + id + ", " + user + ", " + str(status) + ", " + amount + ", " + discount + ", " + str(dateTime(created))
                + ", " + paid + ", " + (channel == null ? "NULL" : str(channel)) + ", " + (note == null ? "NULL" : str(note))
                + ")";
    }

    static String sku(int i) {
        return String.format("SKU-%04d", i);
    }

    private static String money(Random r, int max) {
        return BigDecimal.valueOf(r.nextInt(max * 100), 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static String quarter(Random r, int max) {
        return Double.toString(r.nextInt(max * 4) / 4.0);
    }

    private static String dateTime(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime() + (t.getSecond() == 0 ? ":00" : "");
    }

    private static String str(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static List<String> batches(String prefix, int count, IntFunction<String> row) {
        List<String> out = new ArrayList<>();
        StringBuilder sql = new StringBuilder(prefix);
        for (int i = 1; i <= count; i++) {
            sql.append(row.apply(i));
            if (i % BATCH == 0 || i == count) {
                out.add(sql.toString());
                sql = new StringBuilder(prefix);
            } else {
                sql.append(", ");
            }
        }
        return out;
    }
}
