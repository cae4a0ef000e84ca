-- Conditions a router must read exactly: negations, ORs with non-key terms, row constructors, odd values.
-- name: or-with-tautology
SELECT COUNT(*) FROM t_order WHERE user_id = 1 OR 1 = 1;
-- name: or-with-non-key
SELECT COUNT(*) FROM t_order WHERE user_id = 1 OR status = 'NEW';
-- name: or-with-non-key-param
-- params: 2, 'web'
SELECT order_id FROM t_order WHERE user_id = ? OR channel = ? ORDER BY order_id LIMIT 50;
-- name: not-equals-negated
SELECT COUNT(*) FROM t_order WHERE NOT (user_id <> 1);
-- name: not-in
SELECT COUNT(*) FROM t_order WHERE NOT user_id IN (1, 2);
-- name: not-and
SELECT COUNT(*) FROM t_order WHERE NOT (user_id = 1 AND order_id < 1000);
-- name: xor-keys
SELECT COUNT(*) FROM t_order WHERE user_id = 1 XOR order_id < 100;
-- name: parenthesised-literal
SELECT COUNT(*) FROM t_order WHERE user_id = (1);
-- name: parenthesised-column
SELECT COUNT(*) FROM t_order WHERE (user_id) = 2;
-- name: row-constructor-in
SELECT order_id, user_id FROM t_order WHERE (user_id, order_id) IN ((1, 5), (2, 10), (3, 15), (250, 7)) ORDER BY order_id;
-- name: row-constructor-equals
SELECT order_id FROM t_order WHERE (user_id, order_id) = (1, 5);
-- name: key-intersection
SELECT COUNT(*) FROM t_order WHERE user_id IN (1, 2) AND user_id IN (2, 3);
-- name: key-repeated
SELECT COUNT(*) FROM t_order WHERE user_id = 3 AND user_id = 3;
-- name: key-reversed-between
SELECT COUNT(*) FROM t_user WHERE user_id BETWEEN 5 AND 1;
-- name: key-and-null-check
SELECT COUNT(*) FROM t_order WHERE user_id = 1 AND discount IS NULL;
-- name: key-negative
SELECT COUNT(*) FROM t_user WHERE user_id = -3;
-- name: key-negative-in
SELECT COUNT(*) FROM t_order WHERE order_id IN (-4, -5, 6);
-- name: key-negative-range-table
SELECT COUNT(*) FROM t_ledger WHERE entry_id = -5;
-- name: key-beyond-int
SELECT COUNT(*) FROM t_user WHERE user_id = 2147483648;
-- name: key-beyond-bigint
SELECT COUNT(*) FROM t_order WHERE order_id = 18446744073709551616;
-- name: range-precedence
SELECT COUNT(*) FROM t_event WHERE created_at >= '2024-01-31' AND created_at < '2024-02-01' OR created_at >= '2024-06-29';
-- name: interval-key-fraction
SELECT COUNT(*) FROM t_event WHERE created_at = '2024-03-15 10:20:00.000';
-- name: interval-key-in-list
SELECT event_id FROM t_event WHERE created_at IN ('2024-01-05 10:00:00', '2024-06-01 00:00:00', '2024-03-03 03:03:00') ORDER BY event_id;
-- name: interval-not-between
SELECT COUNT(*) FROM t_event WHERE created_at NOT BETWEEN '2024-02-01' AND '2024-05-31';
-- name: range-or-ranges
SELECT COUNT(*) FROM t_ledger WHERE entry_id BETWEEN 10 AND 20 OR entry_id BETWEEN 2500 AND 2510 OR account_id = 7;
-- name: hash-key-in-with-null
SELECT COUNT(*) FROM t_product WHERE sku IN ('SKU-0001', NULL);
-- name: hash-key-not-equal
SELECT COUNT(*) FROM t_product WHERE sku <> 'SKU-0001';
-- name: hash-key-like
SELECT sku FROM t_product WHERE sku LIKE 'SKU-000%' ORDER BY sku;
-- name: hash-key-range
SELECT COUNT(*) FROM t_product WHERE sku > 'SKU-0100';
-- name: complex-key-or
SELECT COUNT(*) FROM t_audit WHERE (user_id = 3 AND audit_id = 5) OR (user_id = 4 AND audit_id = 6);
-- name: big-in-params
-- params: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40
SELECT COUNT(*), SUM(amount) FROM t_order WHERE order_id IN (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
-- name: float-order
SELECT sku, rating FROM t_product ORDER BY rating DESC, sku LIMIT 20;
-- name: float-sum-avg
SELECT SUM(rating), AVG(rating), MIN(rating) FROM t_product WHERE rating IS NOT NULL;
-- name: group-limit-offset
SELECT user_id, COUNT(*) AS n FROM t_order GROUP BY user_id ORDER BY user_id LIMIT 10 OFFSET 100;
-- name: group-limit-offset-params
-- params: 50, 5
SELECT sku, SUM(qty) AS units FROM t_order_item GROUP BY sku ORDER BY sku LIMIT ?, ?;
