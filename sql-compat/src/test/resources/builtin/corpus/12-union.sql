-- UNION and UNION ALL: merged activity feeds, "search everywhere" screens.
-- name: union-all-two-tables
SELECT order_id AS id, 'order' AS kind FROM t_order WHERE user_id = 5 UNION ALL SELECT event_id, 'event' FROM t_event WHERE user_id = 5;
-- name: union-two-tables-ordered
SELECT order_id AS id, created_at AS at_time FROM t_order WHERE user_id = 6 UNION SELECT event_id, created_at FROM t_event WHERE user_id = 6 ORDER BY at_time, id;
-- name: union-same-table-points
SELECT order_id FROM t_order WHERE user_id = 1 UNION SELECT order_id FROM t_order WHERE user_id = 2 ORDER BY order_id;
-- name: union-all-same-table-scatter
SELECT user_id FROM t_order WHERE amount > 995 UNION ALL SELECT user_id FROM t_order WHERE amount < 1;
-- name: union-distinct-values
SELECT status FROM t_order WHERE order_id = 1 UNION SELECT status FROM t_order WHERE order_id = 2;
-- name: union-broadcast
SELECT code FROM t_status WHERE is_final = 1 UNION SELECT code FROM t_status WHERE sort_order = 1 ORDER BY code;
-- name: union-broadcast-single
SELECT name FROM t_category WHERE category_id < 3 UNION ALL SELECT name FROM t_setting ORDER BY name;
-- name: union-single-single
SELECT name FROM t_setting WHERE value IS NULL UNION SELECT name FROM t_setting WHERE name = 'locale';
-- name: union-sharded-broadcast
SELECT status AS code FROM t_order WHERE order_id = 10 UNION SELECT code FROM t_status WHERE code = 'LOST';
-- name: union-with-limit
(SELECT order_id FROM t_order WHERE user_id = 1 ORDER BY order_id LIMIT 3) UNION ALL (SELECT order_id FROM t_order WHERE user_id = 2 ORDER BY order_id LIMIT 3);
-- name: union-count-wrapper
SELECT COUNT(*) FROM (SELECT user_id FROM t_order UNION SELECT user_id FROM t_event) u;
-- name: union-three
SELECT 'users' AS t, COUNT(*) AS n FROM t_user UNION ALL SELECT 'orders', COUNT(*) FROM t_order UNION ALL SELECT 'items', COUNT(*) FROM t_order_item;
-- name: union-ledger-ranges
SELECT entry_id FROM t_ledger WHERE entry_id < 3 UNION ALL SELECT entry_id FROM t_ledger WHERE entry_id > 2997 ORDER BY entry_id;
-- name: union-products
SELECT sku FROM t_product WHERE sku = 'SKU-0001' UNION SELECT sku FROM t_product WHERE sku = 'SKU-0002' ORDER BY sku;
-- name: union-audit
SELECT audit_id FROM t_audit WHERE user_id = 1 UNION SELECT audit_id FROM t_audit WHERE user_id = 2 ORDER BY audit_id;
-- name: union-all-dict
SELECT code AS v FROM t_status UNION ALL SELECT CAST(category_id AS CHAR) FROM t_category ORDER BY v;
-- name: union-events-months
SELECT event_id FROM t_event WHERE created_at < '2024-01-02' UNION SELECT event_id FROM t_event WHERE created_at >= '2024-06-30' ORDER BY event_id;
-- name: union-users-orders-ids
SELECT user_id FROM t_user WHERE user_id = 9 UNION SELECT user_id FROM t_order WHERE order_id = 9;
-- name: union-all-constants
SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 2;
-- name: union-all-single-table
SELECT name, value FROM t_setting WHERE name = 'currency' UNION ALL SELECT name, value FROM t_setting WHERE name = 'locale' ORDER BY name;
-- Under a _ci collation DISTINCT keeps one of several spellings ('PAID', 'paid'), and which one is up to the order
-- rows arrive in, on one database as across shards: the DISTINCT cases below unite values without such spellings.
-- name: union-all-then-distinct
SELECT user_id FROM t_order WHERE order_id < 30 UNION ALL SELECT user_id FROM t_order WHERE order_id < 30 UNION SELECT user_id FROM t_event WHERE event_id < 30;
-- name: union-distinct-then-all
SELECT user_id FROM t_order WHERE order_id < 20 UNION SELECT user_id FROM t_event WHERE event_id < 20 UNION ALL SELECT user_id FROM t_order WHERE order_id < 10;
-- name: union-order-ordinal-desc-offset
SELECT order_id, amount FROM t_order WHERE user_id = 7 UNION ALL SELECT order_id, amount FROM t_order WHERE user_id = 8 ORDER BY 2 DESC, 1 LIMIT 2, 4;
-- name: union-params
-- params: 4, 9, 3
SELECT order_id FROM t_order WHERE user_id = ? UNION SELECT order_id FROM t_order WHERE user_id = ? ORDER BY order_id LIMIT ?;
-- name: union-grouped-branches
SELECT user_id, COUNT(*) AS n FROM t_order WHERE user_id < 6 GROUP BY user_id UNION ALL SELECT user_id, COUNT(*) FROM t_event WHERE user_id < 6 GROUP BY user_id ORDER BY n DESC, user_id;
-- name: union-nulls-distinct
SELECT discount FROM t_order WHERE user_id = 2 UNION SELECT discount FROM t_order WHERE user_id = 4;
-- name: union-scatter-distinct-ordered
SELECT channel FROM t_order UNION SELECT kind FROM t_event ORDER BY channel;
-- name: union-parenthesised-tail
(SELECT order_id FROM t_order WHERE user_id = 1) UNION ALL (SELECT event_id FROM t_event WHERE user_id = 1) ORDER BY order_id DESC LIMIT 5;
-- name: union-different-types
SELECT order_id FROM t_order WHERE user_id = 1 UNION ALL SELECT user_id FROM t_user;
-- name: union-mixed-collations-distinct
SELECT status FROM t_order WHERE user_id = 1 UNION SELECT note FROM t_order WHERE user_id = 2;
-- name: intersect-sharded
SELECT user_id FROM t_order INTERSECT SELECT user_id FROM t_event;
-- name: union-order-by-expression
SELECT order_id FROM t_order WHERE user_id = 1 UNION SELECT event_id FROM t_event WHERE user_id = 1 ORDER BY order_id + 1;
