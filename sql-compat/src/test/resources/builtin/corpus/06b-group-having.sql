-- More grouping shapes from report screens: keys of every type, hidden keys, aggregate orders, NULL groups.
-- name: group-by-double-key
SELECT score, COUNT(*) FROM t_user WHERE score < 50 GROUP BY score ORDER BY score;
-- name: group-by-float-key
SELECT rating, COUNT(*), MIN(sku) FROM t_product GROUP BY rating ORDER BY rating;
-- name: group-by-decimal-key
SELECT amount, COUNT(*) FROM t_order WHERE amount IN (9.99, 19.99, 49.50, 100.00) GROUP BY amount ORDER BY amount;
-- name: group-by-date-key
SELECT paid_on, COUNT(*), SUM(amount) FROM t_order WHERE paid_on < '2024-02-01' GROUP BY paid_on ORDER BY paid_on;
-- name: group-by-datetime-key
SELECT created_at, COUNT(*) FROM t_order WHERE created_at < '2024-01-08' GROUP BY created_at ORDER BY created_at;
-- name: group-by-bin-text
SELECT note, COUNT(*) AS n FROM t_order GROUP BY note ORDER BY n DESC, note LIMIT 5;
-- name: group-by-hidden-expression-order-by-sum
SELECT DATE(created_at) AS d, SUM(amount) AS total FROM t_order GROUP BY DATE(created_at) ORDER BY SUM(amount) DESC, d LIMIT 5;
-- name: group-by-order-by-count-hidden
SELECT user_id FROM t_order GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 5;
-- name: group-by-min-max-per-group
SELECT user_id, MIN(created_at), MAX(created_at), MIN(note), MAX(note) FROM t_order WHERE user_id < 20 GROUP BY user_id ORDER BY user_id;
-- name: group-by-avg-decimal-scale
SELECT channel, AVG(discount), COUNT(discount) FROM t_order GROUP BY channel ORDER BY channel;
-- name: group-by-count-distinct-nullable
SELECT tier, COUNT(DISTINCT birth_date), COUNT(DISTINCT email) FROM t_user GROUP BY tier ORDER BY tier;
-- name: group-by-sum-null-group
SELECT channel, SUM(discount) FROM t_order WHERE discount IS NULL GROUP BY channel ORDER BY channel;
-- name: group-by-two-keys-ordered-desc
SELECT channel, YEAR(created_at) AS y, COUNT(*) FROM t_order GROUP BY channel, YEAR(created_at) ORDER BY channel DESC, y DESC;
-- name: group-by-binding-join-deep-page
SELECT i.sku, SUM(i.qty) AS units, COUNT(DISTINCT o.user_id) AS buyers FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id GROUP BY i.sku ORDER BY i.sku LIMIT 100, 20;
-- name: group-by-broadcast-key-through-join
SELECT s.sort_order, COUNT(*), AVG(o.amount) FROM t_order o JOIN t_status s ON s.code = o.status GROUP BY s.sort_order ORDER BY s.sort_order;
-- name: group-by-interval-table
SELECT user_id, COUNT(*) FROM t_event WHERE created_at >= '2024-03-01' AND created_at < '2024-05-01' GROUP BY user_id ORDER BY COUNT(*) DESC, user_id LIMIT 10;
-- name: group-by-range-table
SELECT currency, COUNT(*), SUM(amount) FROM t_ledger WHERE entry_id BETWEEN 900 AND 2100 GROUP BY currency ORDER BY currency;
-- name: group-by-complex-table
SELECT action, COUNT(*) FROM t_audit WHERE user_id IN (1, 2, 3, 4) GROUP BY action ORDER BY action;
-- name: group-by-hash-table
SELECT category_id, COUNT(*), SUM(stock) FROM t_product GROUP BY category_id ORDER BY category_id;
-- name: distinct-aggregate-mix
SELECT COUNT(DISTINCT sku), COUNT(*), SUM(qty), MAX(price) FROM t_order_item WHERE order_id BETWEEN 100 AND 300;
