-- ORDER BY with LIMIT: paginated admin grids, infinite scroll, "latest N" widgets, deep pages.
-- name: latest-orders
SELECT order_id, user_id, amount, created_at FROM t_order ORDER BY created_at DESC, order_id DESC LIMIT 20;
-- name: page-1
SELECT * FROM t_order ORDER BY order_id LIMIT 25;
-- name: page-2-offset
SELECT * FROM t_order ORDER BY order_id LIMIT 25 OFFSET 25;
-- name: page-mysql-comma
SELECT order_id, status FROM t_order ORDER BY order_id LIMIT 50, 25;
-- name: page-deep-offset
SELECT order_id, amount FROM t_order ORDER BY order_id LIMIT 1500, 20;
-- name: page-deep-offset-desc
SELECT order_id, amount FROM t_order ORDER BY order_id DESC LIMIT 20 OFFSET 1900;
-- name: page-last-partial
SELECT order_id FROM t_order ORDER BY order_id LIMIT 1990, 50;
-- name: page-past-end
SELECT order_id FROM t_order ORDER BY order_id LIMIT 10 OFFSET 5000;
-- name: page-params
-- params: 100, 10
SELECT order_id, user_id FROM t_order ORDER BY order_id LIMIT ?, ?;
-- name: page-params-offset-keyword
-- params: 10, 300
SELECT order_id FROM t_order ORDER BY order_id DESC LIMIT ? OFFSET ?;
-- name: page-by-amount-ties
SELECT order_id, amount FROM t_order ORDER BY amount, order_id LIMIT 40, 20;
-- name: page-by-amount-desc-ties
SELECT order_id, amount FROM t_order ORDER BY amount DESC, order_id ASC LIMIT 30;
-- name: page-by-date-deep
SELECT order_id, created_at FROM t_order ORDER BY created_at, order_id LIMIT 1000, 15;
-- name: page-filtered
SELECT order_id, amount FROM t_order WHERE status = 'SHIPPED' ORDER BY amount DESC, order_id LIMIT 10 OFFSET 100;
-- name: page-nullable-sort
SELECT order_id, discount FROM t_order ORDER BY discount, order_id LIMIT 20;
-- name: page-nullable-sort-desc
SELECT order_id, discount FROM t_order ORDER BY discount DESC, order_id LIMIT 20;
-- name: page-nullable-deep
SELECT order_id, paid_on FROM t_order ORDER BY paid_on, order_id LIMIT 700, 20;
-- name: page-string-sort
SELECT user_id, name FROM t_user ORDER BY name, user_id LIMIT 30;
-- name: page-string-sort-deep
SELECT user_id, name FROM t_user ORDER BY name DESC, user_id DESC LIMIT 200, 30;
-- name: page-city-sort
SELECT user_id, city FROM t_user ORDER BY city, user_id LIMIT 60;
-- name: page-double-sort
SELECT user_id, score FROM t_user ORDER BY score DESC, user_id LIMIT 25;
-- name: page-by-expression
SELECT order_id, amount - COALESCE(discount, 0) AS net FROM t_order ORDER BY amount - COALESCE(discount, 0) DESC, order_id LIMIT 10;
-- name: page-by-alias
SELECT order_id, amount * 2 AS doubled FROM t_order ORDER BY doubled DESC, order_id LIMIT 10;
-- name: page-by-ordinal
SELECT order_id, amount FROM t_order ORDER BY 2 DESC, 1 LIMIT 10;
-- name: page-by-hidden-column
SELECT order_id FROM t_order ORDER BY amount DESC, order_id LIMIT 15;
-- name: page-by-hidden-expression
SELECT order_id FROM t_order ORDER BY YEAR(created_at) DESC, amount, order_id LIMIT 15;
-- name: page-by-qualified
SELECT o.order_id, o.amount FROM t_order o ORDER BY o.amount DESC, o.order_id LIMIT 10;
-- name: page-items-deep
SELECT item_id, price FROM t_order_item ORDER BY price DESC, item_id LIMIT 4000, 10;
-- name: page-products
SELECT sku, title, price FROM t_product ORDER BY price, sku LIMIT 20 OFFSET 40;
-- name: page-ledger-range
SELECT entry_id, amount FROM t_ledger WHERE entry_id >= 900 ORDER BY entry_id LIMIT 200, 10;
-- name: page-ledger-amount
SELECT entry_id, amount FROM t_ledger ORDER BY amount DESC, entry_id LIMIT 10;
-- name: page-events
SELECT event_id, created_at, kind FROM t_event ORDER BY created_at DESC, event_id DESC LIMIT 30;
-- name: page-events-deep
SELECT event_id FROM t_event ORDER BY created_at, event_id LIMIT 1200, 10;
-- name: page-audit
SELECT audit_id, user_id, action FROM t_audit ORDER BY logged_at DESC, audit_id DESC LIMIT 25;
-- name: page-user-orders
SELECT order_id, amount FROM t_order WHERE user_id = 2 ORDER BY amount DESC, order_id LIMIT 5, 5;
-- name: limit-only-count
SELECT COUNT(*) FROM t_order LIMIT 1;
-- name: limit-zero
SELECT order_id FROM t_order ORDER BY order_id LIMIT 0;
-- name: top-1
SELECT order_id, amount FROM t_order ORDER BY amount DESC, order_id LIMIT 1;
-- name: order-without-limit
SELECT user_id, name FROM t_user WHERE tier = 1 ORDER BY name, user_id;
-- name: order-mixed-directions
SELECT order_id, status, amount FROM t_order WHERE user_id IN (1, 2) ORDER BY status DESC, amount ASC, order_id DESC LIMIT 30;
-- name: order-by-case
SELECT order_id, status FROM t_order WHERE order_id <= 60 ORDER BY CASE WHEN status = 'NEW' THEN 0 ELSE 1 END, order_id;
-- name: order-by-function
SELECT user_id, name FROM t_user ORDER BY LENGTH(name) DESC, user_id LIMIT 10;
