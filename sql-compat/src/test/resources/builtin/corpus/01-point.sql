-- Point lookups: the way ORMs load one entity or one owner's rows.
-- name: user-by-id
SELECT * FROM t_user WHERE user_id = 42;
-- name: user-by-id-param
-- params: 17
SELECT user_id, name, email, city FROM t_user WHERE user_id = ?;
-- name: user-hibernate-style
-- params: 5
SELECT u1_0.user_id, u1_0.active, u1_0.balance, u1_0.birth_date, u1_0.city, u1_0.created_at, u1_0.email, u1_0.name, u1_0.score, u1_0.tier FROM t_user u1_0 WHERE u1_0.user_id = ?;
-- name: user-missing
SELECT * FROM t_user WHERE user_id = 100000;
-- name: user-string-key
SELECT name FROM t_user WHERE user_id = '23';
-- name: user-backticks
SELECT `user_id`, `name` FROM `t_user` WHERE `user_id` = 64;
-- name: user-null-key
-- params: NULL
SELECT * FROM t_user WHERE user_id = ?;
-- name: order-full-key
SELECT * FROM t_order WHERE user_id = 2 AND order_id = 10;
-- name: order-by-id-only
-- params: 1234
SELECT order_id, user_id, status, amount FROM t_order WHERE order_id = ?;
-- name: orders-of-user
-- params: 1
SELECT order_id, status, amount, created_at FROM t_order WHERE user_id = ? ORDER BY created_at DESC, order_id DESC;
-- name: orders-of-skewed-user-count
SELECT COUNT(*) FROM t_order WHERE user_id = 2;
-- name: order-key-reversed
SELECT status FROM t_order WHERE 77 = order_id;
-- name: order-qualified
SELECT o.order_id, o.amount FROM t_order o WHERE o.user_id = 150 ORDER BY o.order_id;
-- name: order-table-qualified
SELECT t_order.order_id FROM t_order WHERE t_order.order_id = 999;
-- name: order-for-update
SELECT order_id, amount FROM t_order WHERE order_id = 500 FOR UPDATE;
-- name: order-lock-in-share-mode
SELECT order_id, amount FROM t_order WHERE order_id = 501 LOCK IN SHARE MODE;
-- name: order-comment-hint
SELECT /* load order */ order_id, note FROM t_order WHERE order_id = 502;
-- name: order-mismatched-keys
SELECT * FROM t_order WHERE order_id = 10 AND user_id = 299;
-- name: item-by-id
SELECT * FROM t_order_item WHERE item_id = 4711;
-- name: items-of-order
-- params: 42
SELECT item_id, sku, qty, price FROM t_order_item WHERE order_id = ? ORDER BY item_id;
-- name: items-of-order-and-user
SELECT item_id, qty FROM t_order_item WHERE order_id = 1000 AND user_id = 3 ORDER BY item_id;
-- name: product-by-sku
SELECT * FROM t_product WHERE sku = 'SKU-0042';
-- name: product-by-sku-param
-- params: 'SKU-0101'
SELECT sku, title, price, stock FROM t_product WHERE sku = ?;
-- name: product-by-sku-lowercase
SELECT sku, price FROM t_product WHERE sku = 'sku-0042';
-- name: ledger-entry
SELECT * FROM t_ledger WHERE entry_id = 1500;
-- name: ledger-entry-boundary
SELECT entry_id, amount FROM t_ledger WHERE entry_id = 1000;
-- name: ledger-of-account
-- params: 7
SELECT entry_id, amount, currency FROM t_ledger WHERE account_id = ? ORDER BY booked_at, entry_id LIMIT 20;
-- name: event-by-id
SELECT * FROM t_event WHERE event_id = 321;
-- name: event-at-timestamp
SELECT event_id, kind FROM t_event WHERE created_at = '2024-03-15 10:20:00';
-- name: events-of-user
SELECT event_id, kind, created_at FROM t_event WHERE user_id = 1 ORDER BY created_at, event_id LIMIT 15;
-- name: audit-full-key
SELECT * FROM t_audit WHERE user_id = 12 AND audit_id = 100;
-- name: audit-by-user
SELECT audit_id, action FROM t_audit WHERE user_id = 12 ORDER BY audit_id;
-- name: audit-by-id
SELECT action, logged_at FROM t_audit WHERE audit_id = 333;
-- name: status-by-code
SELECT label FROM t_status WHERE code = 'PAID';
-- name: setting-by-name
-- params: 'currency'
SELECT value FROM t_setting WHERE name = ?;
-- name: category-by-id
SELECT name, parent_id FROM t_category WHERE category_id = 5;
-- name: user-exists-check
SELECT 1 FROM t_user WHERE user_id = 88 LIMIT 1;
-- name: user-count-by-id
SELECT COUNT(*) AS cnt FROM t_user WHERE user_id = 88;
