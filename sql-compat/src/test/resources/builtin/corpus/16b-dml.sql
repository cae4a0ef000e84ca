-- More writes: negative and odd keys, broadcast inserts, multi-row upserts across shards, hash keys by case.
-- name: insert-negative-key
INSERT INTO t_user (user_id, name, email, city, tier, score, balance, birth_date, created_at, active) VALUES (-7, 'Negative', NULL, NULL, 1, NULL, NULL, NULL, '2024-12-05 00:00:00', 1);
-- name: check-negative-key
SELECT user_id, name FROM t_user WHERE user_id = -7;
-- name: check-negative-key-in
SELECT user_id FROM t_user WHERE user_id IN (-7, -8, 1) ORDER BY user_id;
-- name: insert-broadcast
INSERT INTO t_category (category_id, name, parent_id) VALUES (13, 'Seasonal', 1), (14, 'Clearance', NULL);
-- name: check-insert-broadcast
SELECT c.category_id, c.name, p.sku FROM t_category c LEFT JOIN t_product p ON p.category_id = c.category_id AND p.sku = 'SKU-0001' WHERE c.category_id > 12 ORDER BY c.category_id;
-- name: check-insert-broadcast-count
SELECT COUNT(*) FROM t_category;
-- name: delete-broadcast
DELETE FROM t_category WHERE category_id = 14;
-- name: check-delete-broadcast
SELECT category_id FROM t_category WHERE category_id > 12;
-- name: upsert-multi-row-across-shards
INSERT INTO t_user (user_id, name, email, city, tier, score, balance, birth_date, created_at, active) VALUES (1001, 'Nouveau 🆕', NULL, 'Lyon', 1, NULL, NULL, NULL, '2024-12-01 10:00:00', 1), (1004, 'Ayşe', NULL, 'İzmir', 4, NULL, NULL, NULL, '2024-12-01 13:00:00', 1), (1005, 'Fresh', NULL, NULL, 2, NULL, NULL, NULL, '2024-12-06 00:00:00', 1) ON DUPLICATE KEY UPDATE tier = tier + 1;
-- name: check-upsert-multi-row
SELECT user_id, tier FROM t_user WHERE user_id > 1000 ORDER BY user_id;
-- name: replace-sharded
REPLACE INTO t_order (order_id, user_id, status, amount, created_at) VALUES (5002, 1002, 'REFUNDED', 99.99, '2024-12-03 00:00:00');
-- name: check-replace-sharded
SELECT order_id, user_id, status FROM t_order WHERE order_id = 5002;
-- name: insert-hash-lowercase
INSERT INTO t_product (sku, title, category_id, price, stock, rating, created_on) VALUES ('sku-0500', 'lower', 1, 1.00, 1, NULL, '2024-12-01');
-- name: check-hash-uppercase
SELECT sku, title FROM t_product WHERE sku = 'SKU-0500';
-- name: update-hash-mixed-case
UPDATE t_product SET stock = 99 WHERE sku = 'Sku-0500';
-- name: check-update-hash-mixed-case
SELECT sku, stock FROM t_product WHERE sku IN ('SKU-0500', 'sku-0500');
-- name: delete-hash-trailing-space
DELETE FROM t_product WHERE sku = 'SKU-0500 ';
-- name: check-delete-hash-trailing-space
SELECT COUNT(*) FROM t_product WHERE sku LIKE '%0500%';
-- name: update-point-limit
UPDATE t_order SET note = 'one' WHERE user_id = 1 AND order_id = 3 LIMIT 1;
-- name: insert-interval-out-of-range
INSERT INTO t_event (event_id, user_id, kind, created_at) VALUES (9001, 5, 'view', '2025-01-01 00:00:00');
-- name: check-interval-out-of-range
SELECT COUNT(*) FROM t_event WHERE event_id = 9001;
-- name: insert-interval-params
-- params: 9002, 5, 'view', '2024-02-29 23:59:59'
INSERT INTO t_event (event_id, user_id, kind, created_at) VALUES (?, ?, ?, ?);
-- name: check-interval-params
SELECT event_id, created_at FROM t_event WHERE created_at >= '2024-02-29 23:00:00' AND created_at < '2024-03-01' ORDER BY event_id;
-- name: update-range-across-boundary
UPDATE t_ledger SET amount = amount + 1 WHERE entry_id BETWEEN 999 AND 1001 AND account_id = 7;
-- name: check-update-range-across-boundary
SELECT entry_id, amount FROM t_ledger WHERE entry_id BETWEEN 999 AND 1001 ORDER BY entry_id;
-- name: delete-complex
DELETE FROM t_audit WHERE user_id = 3 AND audit_id IN (1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
-- name: check-delete-complex
SELECT COUNT(*) FROM t_audit WHERE user_id = 3;
-- name: final-users-checksum
SELECT COUNT(*), SUM(tier), MIN(user_id), MAX(user_id) FROM t_user;
