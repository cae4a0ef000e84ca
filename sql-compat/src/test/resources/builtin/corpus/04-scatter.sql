-- Queries with no sharding condition: admin lists, exports, searches on non-key columns.
-- name: users-all
SELECT * FROM t_user;
-- name: users-active
SELECT user_id, name FROM t_user WHERE active = 1;
-- name: users-by-city
SELECT user_id, name FROM t_user WHERE city = 'Berlin' ORDER BY user_id;
-- name: users-by-email
-- params: 'user42@example.com'
SELECT user_id, name FROM t_user WHERE email = ?;
-- name: users-by-tier
SELECT user_id FROM t_user WHERE tier = 3 AND active = 0 ORDER BY user_id;
-- name: users-email-like
SELECT user_id, email FROM t_user WHERE email LIKE '%@Example.COM' ORDER BY user_id;
-- name: users-name-like
SELECT user_id, name FROM t_user WHERE name LIKE 'Al%' ORDER BY user_id;
-- name: orders-all
SELECT * FROM t_order;
-- name: orders-by-status
SELECT order_id, user_id FROM t_order WHERE status = 'CANCELLED';
-- name: orders-by-status-param
-- params: 'REFUNDED'
SELECT order_id, amount FROM t_order WHERE status = ? ORDER BY order_id;
-- name: orders-by-channel
SELECT order_id FROM t_order WHERE channel = 'phone' AND amount > 900;
-- name: orders-expensive
SELECT order_id, amount FROM t_order WHERE amount > 990;
-- name: orders-with-discount
SELECT order_id, discount FROM t_order WHERE discount > 49 ORDER BY discount DESC, order_id;
-- name: orders-note-search
SELECT order_id, note FROM t_order WHERE note LIKE '%door%' ORDER BY order_id;
-- name: orders-count
SELECT COUNT(*) FROM t_order;
-- name: items-all-columns
SELECT * FROM t_order_item WHERE qty > 10;
-- name: items-by-sku
SELECT item_id, order_id FROM t_order_item WHERE sku = 'SKU-0007' ORDER BY item_id;
-- name: products-all
SELECT * FROM t_product;
-- name: products-out-of-stock
SELECT sku, title FROM t_product WHERE stock = 0 ORDER BY sku;
-- name: products-by-category
SELECT sku, price FROM t_product WHERE category_id = 3 ORDER BY sku;
-- name: ledger-all-usd
SELECT entry_id, amount FROM t_ledger WHERE currency = 'USD' AND amount > 100 ORDER BY entry_id;
-- name: ledger-memo
SELECT entry_id FROM t_ledger WHERE memo = 'entry 5' ORDER BY entry_id;
-- name: events-by-kind
SELECT event_id, user_id FROM t_event WHERE kind = 'purchase' ORDER BY event_id;
-- name: events-all
SELECT event_id, user_id, kind, created_at, payload, metric FROM t_event;
-- name: audit-all
SELECT * FROM t_audit;
-- name: audit-by-action
SELECT audit_id, user_id FROM t_audit WHERE action = 'EXPORT' ORDER BY audit_id;
-- name: status-all
SELECT * FROM t_status ORDER BY sort_order;
-- name: categories-all
SELECT * FROM t_category ORDER BY category_id;
-- name: settings-all
SELECT name, value FROM t_setting ORDER BY name;
-- name: users-select-expression
SELECT user_id, tier * 10 AS tier_x10, CONCAT(name, ' <', COALESCE(email, '-'), '>') AS label FROM t_user WHERE tier = 4;
-- name: orders-exists-style
SELECT 1 FROM t_order WHERE status = 'NEW' LIMIT 1;
