-- Edge cases applications hit by accident: odd literals for sharding keys, label case, implicit orders.
-- name: key-decimal-literal
SELECT order_id FROM t_order WHERE order_id = 1.0;
-- name: key-decimal-string
SELECT order_id FROM t_order WHERE order_id = '12.0';
-- name: key-exponent
SELECT user_id FROM t_user WHERE user_id = 1e1;
-- name: key-non-integral
SELECT COUNT(*) FROM t_user WHERE user_id = 1.5;
-- name: key-non-integral-in
SELECT COUNT(*) FROM t_user WHERE user_id IN (2.5, 3);
-- name: key-leading-space-string
SELECT user_id FROM t_user WHERE user_id = ' 7';
-- name: key-negative-zero
SELECT COUNT(*) FROM t_order WHERE order_id = -0;
-- name: key-hex-literal
SELECT order_id FROM t_order WHERE order_id = 0x10;
-- name: key-param-as-string
-- params: '15'
SELECT order_id, user_id FROM t_order WHERE order_id = ?;
-- name: key-param-decimal
-- params: 16.0
SELECT order_id FROM t_order WHERE order_id = ?;
-- name: hash-key-trailing-space
SELECT sku FROM t_product WHERE sku = 'SKU-0042 ';
-- name: hash-key-param-lowercase
-- params: 'sku-0077'
SELECT sku, stock FROM t_product WHERE sku = ?;
-- name: range-key-decimal
SELECT entry_id FROM t_ledger WHERE entry_id = 999.5;
-- name: range-key-boundaries-in
SELECT entry_id FROM t_ledger WHERE entry_id IN (999, 1000, 1999, 2000) ORDER BY entry_id;
-- name: range-key-string-bounds
SELECT COUNT(*) FROM t_ledger WHERE entry_id BETWEEN '995' AND '1005';
-- name: interval-key-no-seconds
SELECT COUNT(*) FROM t_event WHERE created_at = '2024-03-15 10:20';
-- name: interval-key-date-only-between
SELECT COUNT(*) FROM t_event WHERE created_at BETWEEN '2024-02-01' AND '2024-02-29';
-- name: interval-key-after-upper
SELECT COUNT(*) FROM t_event WHERE created_at > '2024-06-30 23:59:59';
-- name: interval-key-before-lower
SELECT COUNT(*) FROM t_event WHERE created_at < '2023-12-31';
-- name: interval-key-param
-- params: '2024-04-10 00:00:00', '2024-04-11 00:00:00'
SELECT event_id FROM t_event WHERE created_at >= ? AND created_at < ? ORDER BY event_id;
-- name: complex-one-column
SELECT COUNT(*) FROM t_audit WHERE audit_id = 5;
-- name: complex-in-both
SELECT audit_id FROM t_audit WHERE user_id = 3 AND audit_id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20) ORDER BY audit_id;
-- name: complex-range
SELECT COUNT(*) FROM t_audit WHERE user_id = 3 AND audit_id BETWEEN 1 AND 400;
-- name: label-upper-case
SELECT ORDER_ID, Amount FROM t_order WHERE user_id = 3 ORDER BY ORDER_ID;
-- name: label-upper-case-scatter
SELECT ORDER_ID, Amount FROM t_order ORDER BY Amount DESC, Order_Id LIMIT 5;
-- name: label-quoted-alias
SELECT amount AS `Total Amount`, order_id AS `Id` FROM t_order ORDER BY `Total Amount` DESC, `Id` LIMIT 5;
-- name: alias-case-in-order-by
SELECT amount AS Amt, order_id FROM t_order ORDER BY amt DESC, order_id LIMIT 5;
-- name: order-by-qualified-unqualified-projection
SELECT order_id, amount FROM t_order o ORDER BY o.amount DESC, o.order_id LIMIT 5;
-- name: order-by-star
SELECT * FROM t_order ORDER BY amount DESC, order_id LIMIT 5;
-- name: order-by-collate-bin
SELECT user_id, name FROM t_user ORDER BY name COLLATE utf8mb4_bin, user_id LIMIT 30;
-- name: order-by-binary-cast
SELECT user_id, name FROM t_user ORDER BY CAST(name AS BINARY), user_id LIMIT 30;
-- name: order-by-lower
SELECT user_id, LOWER(name) AS lname FROM t_user ORDER BY lname, user_id LIMIT 30;
-- name: order-by-aggregate-expression
SELECT user_id, AVG(amount) FROM t_order GROUP BY user_id ORDER BY AVG(amount) DESC, user_id LIMIT 5;
-- name: group-by-implicit-order
-- ordered: true
SELECT user_id, COUNT(*) FROM t_order GROUP BY user_id LIMIT 5;
-- name: group-by-implicit-order-desc
-- ordered: true
SELECT tier, COUNT(*) FROM t_user GROUP BY tier DESC;
-- name: group-by-without-selecting-key
SELECT COUNT(*) FROM t_order GROUP BY user_id;
-- name: group-by-order-by-null
SELECT user_id, COUNT(*) FROM t_order GROUP BY user_id ORDER BY NULL;
-- name: aggregate-with-offset
SELECT COUNT(*) FROM t_order LIMIT 1 OFFSET 1;
-- name: aggregate-with-limit-zero
SELECT COUNT(*) FROM t_order LIMIT 0;
-- name: aggregate-false-where
SELECT MAX(amount), COUNT(*) FROM t_order WHERE 1 = 0;
-- name: sum-distinct
SELECT SUM(DISTINCT amount) FROM t_order;
-- name: avg-distinct
SELECT AVG(DISTINCT qty) FROM t_order_item;
-- name: count-distinct-two-columns
SELECT COUNT(DISTINCT user_id, status) FROM t_order;
-- name: count-distinct-grouped-scatter
SELECT channel, COUNT(DISTINCT user_id) FROM t_order GROUP BY channel ORDER BY channel;
-- name: min-max-distinct
SELECT MIN(DISTINCT amount), MAX(DISTINCT amount) FROM t_order;
-- name: select-for-update-scatter
SELECT order_id FROM t_order WHERE amount > 998 ORDER BY order_id FOR UPDATE;
-- name: constant-projection
SELECT 1 AS one, 'x' AS x, order_id FROM t_order WHERE order_id IN (1, 2) ORDER BY order_id;
-- name: select-without-from
SELECT 1 + 1 AS two;
-- name: dual
SELECT NOW() IS NOT NULL FROM DUAL;
-- name: same-column-twice
SELECT order_id, order_id AS again, amount, amount FROM t_order WHERE order_id < 4 ORDER BY order_id;
-- name: star-and-expression
SELECT *, amount * 2 AS doubled FROM t_order WHERE order_id = 8;
-- name: limit-large
SELECT order_id FROM t_order ORDER BY order_id LIMIT 18446744073709551615;
-- name: offset-equals-count
SELECT order_id FROM t_order ORDER BY order_id LIMIT 2000, 10;
-- name: distinct-order-by-hidden
SELECT DISTINCT user_id FROM t_order WHERE user_id < 20 ORDER BY user_id DESC;
-- name: in-list-with-duplicates-and-params
-- params: 3, 3, 4
SELECT COUNT(*) FROM t_order WHERE user_id IN (?, ?, ?);
-- name: or-with-null-key
SELECT COUNT(*) FROM t_order WHERE user_id = 1 OR user_id IS NULL;
-- name: not-equal-key
SELECT COUNT(*) FROM t_order WHERE user_id <> 1;
-- name: key-arithmetic
SELECT COUNT(*) FROM t_order WHERE user_id + 0 = 1;
-- name: key-in-function
SELECT COUNT(*) FROM t_order WHERE ABS(user_id) = 2;
-- name: key-like
SELECT COUNT(*) FROM t_user WHERE user_id LIKE '1%';
-- name: nested-and-or
SELECT order_id FROM t_order WHERE ((user_id = 1 OR user_id = 2) AND (order_id < 30 OR order_id > 1980)) ORDER BY order_id;
