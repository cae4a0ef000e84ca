-- Writes, each followed by the queries that check their effect on both sides.
-- name: insert-user
INSERT INTO t_user (user_id, name, email, city, tier, score, balance, birth_date, created_at, active) VALUES (1001, 'Nouveau 🆕', 'new@example.com', 'Lyon', 1, 1.25, 10.00, '2000-02-29', '2024-12-01 10:00:00', 1);
-- name: check-insert-user
SELECT * FROM t_user WHERE user_id = 1001;
-- name: insert-users-multi-row
INSERT INTO t_user (user_id, name, email, city, tier, score, balance, birth_date, created_at, active) VALUES (1002, 'Zed', NULL, NULL, 2, NULL, NULL, NULL, '2024-12-01 11:00:00', 0), (1003, 'Ýr', 'yr@example.com', 'Reykjavík', 3, 2.5, -3.50, '1999-12-31', '2024-12-01 12:00:00', 1), (1004, 'Ayşe', NULL, 'İzmir', 4, 0, 0, NULL, '2024-12-01 13:00:00', 1);
-- name: check-insert-users-multi-row
SELECT user_id, name, city, balance FROM t_user WHERE user_id > 1000 ORDER BY user_id;
-- name: insert-order-params
-- params: 5001, 1001, 'NEW', 12.34, '2024-12-02 09:00:00'
INSERT INTO t_order (order_id, user_id, status, amount, created_at) VALUES (?, ?, ?, ?, ?);
-- name: insert-order-items-params
-- params: 90001, 5001, 1001, 'SKU-0001', 2, 3.50, 90002, 5001, 1001, 'SKU-0002', 1, 5.34
INSERT INTO t_order_item (item_id, order_id, user_id, sku, qty, price) VALUES (?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?);
-- name: check-new-order-join
SELECT o.order_id, o.amount, i.item_id, i.qty * i.price FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.user_id = 1001 ORDER BY i.item_id;
-- name: insert-set-syntax
INSERT INTO t_order SET order_id = 5002, user_id = 1002, status = 'PAID', amount = 99.99, created_at = '2024-12-03 00:00:00';
-- name: check-insert-set
SELECT order_id, status, amount FROM t_order WHERE order_id = 5002;
-- name: insert-ignore-duplicate
INSERT IGNORE INTO t_order (order_id, user_id, status, amount, created_at) VALUES (5002, 1002, 'NEW', 1.00, '2024-12-03 00:00:00');
-- name: upsert-on-duplicate
INSERT INTO t_order (order_id, user_id, status, amount, created_at) VALUES (5002, 1002, 'SHIPPED', 99.99, '2024-12-03 00:00:00') ON DUPLICATE KEY UPDATE status = VALUES(status);
-- name: check-upsert
SELECT order_id, status FROM t_order WHERE order_id = 5002;
-- name: replace-into
REPLACE INTO t_setting (name, value, updated_at) VALUES ('locale', 'de_DE', '2024-12-04 00:00:00');
-- name: check-replace
SELECT * FROM t_setting ORDER BY name;
-- name: update-point
UPDATE t_order SET status = 'PAID', paid_on = '2024-12-02' WHERE user_id = 1001 AND order_id = 5001;
-- name: check-update-point
SELECT status, paid_on FROM t_order WHERE order_id = 5001;
-- name: update-by-id-only
UPDATE t_order SET note = 'updated ✅' WHERE order_id = 17;
-- name: check-update-by-id
SELECT order_id, note FROM t_order WHERE order_id = 17;
-- name: update-scatter
UPDATE t_order SET discount = 0.00 WHERE discount IS NULL AND status = 'CANCELLED';
-- name: check-update-scatter
SELECT COUNT(*), SUM(discount) FROM t_order WHERE status = 'CANCELLED';
-- name: update-expression
UPDATE t_product SET stock = stock + 10 WHERE stock = 0;
-- name: check-update-expression
SELECT COUNT(*), SUM(stock) FROM t_product;
-- name: update-in
UPDATE t_user SET tier = tier + 1 WHERE user_id IN (10, 11, 12);
-- name: check-update-in
SELECT user_id, tier FROM t_user WHERE user_id IN (10, 11, 12) ORDER BY user_id;
-- name: update-range
UPDATE t_ledger SET memo = 'reviewed' WHERE entry_id BETWEEN 995 AND 1005;
-- name: check-update-range
SELECT entry_id, memo FROM t_ledger WHERE entry_id BETWEEN 990 AND 1010 ORDER BY entry_id;
-- name: update-sharding-key-same-value
UPDATE t_order SET user_id = 1001, amount = 13.00 WHERE user_id = 1001 AND order_id = 5001;
-- name: update-sharding-key-move
UPDATE t_order SET user_id = 2 WHERE order_id = 5001;
-- name: check-after-key-update
SELECT order_id, user_id, amount FROM t_order WHERE order_id = 5001;
-- name: update-order-limit
UPDATE t_event SET kind = 'view2' WHERE user_id = 1 ORDER BY created_at, event_id LIMIT 3;
-- name: check-update-order-limit
SELECT COUNT(*) FROM t_event WHERE kind = 'view2';
-- name: update-broadcast
UPDATE t_status SET label = 'Canceled' WHERE code = 'CANCELLED';
-- name: check-update-broadcast
SELECT o.order_id, s.label FROM t_order o JOIN t_status s ON s.code = o.status WHERE o.user_id = 5 ORDER BY o.order_id;
-- name: check-update-broadcast-direct
SELECT * FROM t_status ORDER BY code;
-- name: update-multi-table-binding
UPDATE t_order o JOIN t_order_item i ON i.order_id = o.order_id AND i.user_id = o.user_id SET i.qty = i.qty + 1 WHERE o.user_id = 1001;
-- name: check-multi-table-update
SELECT item_id, qty FROM t_order_item WHERE user_id = 1001 ORDER BY item_id;
-- name: delete-point
DELETE FROM t_order_item WHERE user_id = 1001 AND order_id = 5001 AND item_id = 90002;
-- name: check-delete-point
SELECT COUNT(*) FROM t_order_item WHERE order_id = 5001;
-- name: delete-by-id
DELETE FROM t_audit WHERE audit_id = 5;
-- name: check-delete-by-id
SELECT COUNT(*) FROM t_audit;
-- name: delete-range
DELETE FROM t_ledger WHERE entry_id >= 2990;
-- name: check-delete-range
SELECT COUNT(*), MAX(entry_id) FROM t_ledger;
-- name: delete-scatter
DELETE FROM t_event WHERE kind = 'logout' AND metric IS NULL;
-- name: check-delete-scatter
SELECT kind, COUNT(*) FROM t_event GROUP BY kind ORDER BY kind;
-- name: delete-interval
DELETE FROM t_event WHERE created_at < '2024-01-03';
-- name: check-delete-interval
SELECT COUNT(*), MIN(created_at) FROM t_event;
-- name: delete-in
DELETE FROM t_user WHERE user_id IN (1002, 1003);
-- name: check-delete-in
SELECT user_id FROM t_user WHERE user_id > 1000 ORDER BY user_id;
-- name: delete-limit
DELETE FROM t_audit WHERE action = 'EXPORT' ORDER BY audit_id LIMIT 5;
-- name: check-delete-limit
SELECT COUNT(*) FROM t_audit WHERE action = 'EXPORT';
-- name: insert-select
INSERT INTO t_order_item (item_id, order_id, user_id, sku, qty, price) SELECT item_id + 100000, order_id, user_id, sku, qty, price FROM t_order_item WHERE order_id = 5001;
-- name: delete-products-hash
DELETE FROM t_product WHERE sku IN ('SKU-0150', 'SKU-0151');
-- name: check-delete-products-hash
SELECT COUNT(*) FROM t_product;
-- name: update-no-match
UPDATE t_order SET amount = 0 WHERE order_id = 999999;
-- name: delete-no-match
DELETE FROM t_user WHERE user_id = 999999;
-- name: final-orders-checksum
SELECT COUNT(*), SUM(amount), SUM(COALESCE(discount, 0)) FROM t_order;
-- name: final-items-checksum
SELECT COUNT(*), SUM(qty), SUM(price) FROM t_order_item;
