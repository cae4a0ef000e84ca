-- IN lists and ORs on sharding keys: batch loaders (Hibernate @BatchSize, DataLoader), admin multi-selects.
-- name: users-in
SELECT user_id, name FROM t_user WHERE user_id IN (1, 2, 3, 4, 5) ORDER BY user_id;
-- name: users-in-params
-- params: 10, 11, 12, 13
SELECT * FROM t_user WHERE user_id IN (?, ?, ?, ?);
-- name: users-in-one
SELECT user_id, city FROM t_user WHERE user_id IN (77);
-- name: users-in-duplicates
SELECT user_id FROM t_user WHERE user_id IN (8, 8, 9, 9, 8) ORDER BY user_id;
-- name: users-in-missing
SELECT user_id FROM t_user WHERE user_id IN (5000, 6000);
-- name: users-in-with-null
SELECT user_id FROM t_user WHERE user_id IN (1, NULL, 3) ORDER BY user_id;
-- name: users-in-strings
SELECT user_id FROM t_user WHERE user_id IN ('4', '5') ORDER BY user_id;
-- name: users-not-in
SELECT COUNT(*) FROM t_user WHERE user_id NOT IN (1, 2, 3);
-- name: users-or
SELECT user_id, name FROM t_user WHERE user_id = 20 OR user_id = 21 OR user_id = 22 ORDER BY user_id;
-- name: users-or-and-filter
SELECT user_id FROM t_user WHERE (user_id = 30 OR user_id = 31) AND active = 1 ORDER BY user_id;
-- name: orders-in-ids
SELECT order_id, user_id, amount FROM t_order WHERE order_id IN (1, 2, 3, 100, 200, 1999) ORDER BY order_id;
-- name: orders-in-ids-params
-- params: 5, 6, 7, 8, 9, 10
SELECT order_id, status FROM t_order WHERE order_id IN (?, ?, ?, ?, ?, ?) ORDER BY order_id;
-- name: orders-in-users
SELECT order_id, user_id FROM t_order WHERE user_id IN (4, 5, 6) ORDER BY user_id, order_id;
-- name: orders-in-users-and-ids
SELECT order_id FROM t_order WHERE user_id IN (1, 2) AND order_id IN (11, 12, 13, 14, 15, 16, 17, 18, 19, 20) ORDER BY order_id;
-- name: orders-in-users-and-status
SELECT order_id, status FROM t_order WHERE user_id IN (7, 8, 9) AND status IN ('PAID', 'SHIPPED') ORDER BY order_id;
-- name: orders-in-users-count
SELECT COUNT(*), SUM(amount) FROM t_order WHERE user_id IN (1, 2, 3);
-- name: orders-or-keys
SELECT order_id FROM t_order WHERE order_id = 3 OR user_id = 250 ORDER BY order_id;
-- name: orders-or-of-ands
SELECT order_id, user_id FROM t_order WHERE (user_id = 1 AND order_id < 50) OR (user_id = 2 AND order_id > 1950) ORDER BY order_id;
-- name: items-in-orders
SELECT item_id, order_id, qty FROM t_order_item WHERE order_id IN (10, 20, 30, 40) ORDER BY order_id, item_id;
-- name: items-in-orders-params
-- params: 101, 102, 103
SELECT order_id, SUM(qty * price) AS total FROM t_order_item WHERE order_id IN (?, ?, ?) GROUP BY order_id ORDER BY order_id;
-- name: products-in-skus
SELECT sku, title, price FROM t_product WHERE sku IN ('SKU-0001', 'SKU-0002', 'SKU-0003', 'SKU-0150') ORDER BY sku;
-- name: products-in-skus-params
-- params: 'SKU-0010', 'SKU-0020', 'SKU-0030'
SELECT sku, stock FROM t_product WHERE sku IN (?, ?, ?) ORDER BY sku;
-- name: products-not-in
SELECT COUNT(*) FROM t_product WHERE sku NOT IN ('SKU-0001', 'SKU-0002');
-- name: ledger-in-entries
SELECT entry_id, account_id, amount FROM t_ledger WHERE entry_id IN (5, 999, 1000, 1001, 2000, 2999) ORDER BY entry_id;
-- name: ledger-in-accounts
SELECT account_id, COUNT(*) AS n FROM t_ledger WHERE account_id IN (7, 8) GROUP BY account_id ORDER BY account_id;
-- name: events-in-users
SELECT event_id, user_id FROM t_event WHERE user_id IN (2, 3) ORDER BY event_id;
-- name: events-in-timestamps
SELECT event_id FROM t_event WHERE created_at IN ('2024-01-05 10:00:00', '2024-04-02 03:04:00') ORDER BY event_id;
-- name: audit-in-users
SELECT audit_id, user_id, action FROM t_audit WHERE user_id IN (1, 2, 3) ORDER BY audit_id;
-- name: audit-in-both
SELECT audit_id FROM t_audit WHERE user_id IN (5, 6) AND audit_id IN (10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25) ORDER BY audit_id;
-- name: status-in
SELECT code, label FROM t_status WHERE code IN ('NEW', 'PAID') ORDER BY sort_order;
-- name: users-in-long-list
SELECT COUNT(*) FROM t_user WHERE user_id IN (1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41,43,45,47,49,51,53,55,57,59,61,63,65,67,69,71,73,75,77,79);
-- name: orders-in-subset-page
SELECT order_id, amount FROM t_order WHERE user_id IN (1, 2, 3) ORDER BY amount DESC, order_id LIMIT 10;
