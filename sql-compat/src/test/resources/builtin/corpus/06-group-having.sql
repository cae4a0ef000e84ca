-- GROUP BY and HAVING: reports and admin statistics.
-- name: orders-per-status
SELECT UPPER(status) AS status, COUNT(*) FROM t_order GROUP BY UPPER(status);
-- name: orders-per-status-ordered
SELECT UPPER(status) AS s, COUNT(*) AS n FROM t_order GROUP BY UPPER(status) ORDER BY s;
-- name: revenue-per-user
SELECT user_id, SUM(amount) AS revenue FROM t_order GROUP BY user_id ORDER BY user_id;
-- name: top-customers
SELECT user_id, SUM(amount) AS revenue FROM t_order GROUP BY user_id ORDER BY revenue DESC, user_id LIMIT 10;
-- name: orders-per-user-count-desc
SELECT user_id, COUNT(*) AS orders FROM t_order GROUP BY user_id ORDER BY orders DESC, user_id LIMIT 5;
-- name: avg-per-channel
SELECT channel, AVG(amount), COUNT(*) FROM t_order GROUP BY channel;
-- name: avg-per-channel-ordered
SELECT channel, AVG(amount) AS avg_amount FROM t_order GROUP BY channel ORDER BY channel;
-- name: per-day
SELECT DATE(created_at) AS day, COUNT(*) AS n, SUM(amount) AS total FROM t_order WHERE created_at < '2024-01-15' GROUP BY DATE(created_at) ORDER BY day;
-- name: per-month
SELECT DATE_FORMAT(created_at, '%Y-%m') AS month, COUNT(*) FROM t_order GROUP BY DATE_FORMAT(created_at, '%Y-%m') ORDER BY month;
-- name: per-month-alias-group
SELECT DATE_FORMAT(created_at, '%Y-%m') AS month, SUM(amount) AS total FROM t_order GROUP BY month ORDER BY month;
-- name: per-year-month
SELECT YEAR(created_at) AS y, MONTH(created_at) AS m, COUNT(*) FROM t_order GROUP BY YEAR(created_at), MONTH(created_at) ORDER BY y, m;
-- name: group-two-columns
SELECT UPPER(status) AS status, channel, COUNT(*) FROM t_order GROUP BY UPPER(status), channel;
-- name: group-by-ordinal
SELECT tier, COUNT(*) FROM t_user GROUP BY 1 ORDER BY 1;
-- name: group-by-tier-stats
SELECT tier, COUNT(*), MIN(balance), MAX(balance), SUM(balance), AVG(score) FROM t_user GROUP BY tier ORDER BY tier;
-- name: group-by-sharding-key-point
SELECT user_id, COUNT(*) FROM t_order WHERE user_id = 3 GROUP BY user_id;
-- name: group-by-order-items
SELECT order_id, COUNT(*) AS line_count, SUM(qty) AS units FROM t_order_item GROUP BY order_id ORDER BY order_id LIMIT 20;
-- name: group-by-sku
SELECT sku, SUM(qty) AS units FROM t_order_item GROUP BY sku ORDER BY units DESC, sku LIMIT 10;
-- name: group-by-sku-all
SELECT sku, COUNT(*), SUM(qty * price) FROM t_order_item GROUP BY sku;
-- name: group-by-currency
SELECT currency, COUNT(*), SUM(amount), MIN(amount), MAX(amount) FROM t_ledger GROUP BY currency ORDER BY currency;
-- name: group-by-account
SELECT account_id, SUM(amount) AS balance FROM t_ledger GROUP BY account_id ORDER BY account_id;
-- name: group-by-kind
SELECT kind, COUNT(*), AVG(metric) FROM t_event GROUP BY kind ORDER BY kind;
-- name: group-by-action-user
SELECT action, COUNT(DISTINCT user_id) FROM t_audit GROUP BY action ORDER BY action;
-- name: group-by-category
SELECT category_id, COUNT(*), AVG(price) FROM t_product GROUP BY category_id ORDER BY category_id;
-- name: group-by-null-group
SELECT discount IS NULL AS no_discount, COUNT(*) FROM t_order GROUP BY discount IS NULL ORDER BY no_discount;
-- name: group-by-case
SELECT CASE WHEN amount < 100 THEN 'small' WHEN amount < 500 THEN 'medium' ELSE 'large' END AS bucket, COUNT(*) FROM t_order GROUP BY bucket ORDER BY bucket;
-- name: group-by-with-where
SELECT user_id, COUNT(*) FROM t_order WHERE status = 'SHIPPED' GROUP BY user_id ORDER BY user_id;
-- name: group-by-count-distinct
SELECT user_id, COUNT(DISTINCT status) FROM t_order GROUP BY user_id ORDER BY user_id;
-- name: having-count
SELECT user_id, COUNT(*) AS n FROM t_order GROUP BY user_id HAVING COUNT(*) > 10 ORDER BY user_id;
-- name: having-alias
SELECT user_id, SUM(amount) AS revenue FROM t_order GROUP BY user_id HAVING revenue > 5000 ORDER BY user_id;
-- name: having-on-status
SELECT status, COUNT(*) FROM t_order GROUP BY status HAVING COUNT(*) > 100;
-- name: having-on-point
SELECT user_id, COUNT(*) FROM t_order WHERE user_id = 1 GROUP BY user_id HAVING COUNT(*) > 5;
-- name: having-sum-currency
SELECT currency, SUM(amount) FROM t_ledger GROUP BY currency HAVING SUM(amount) > 0 ORDER BY currency;
-- name: having-sku
SELECT sku, SUM(qty) FROM t_order_item GROUP BY sku HAVING SUM(qty) >= 100 ORDER BY sku;
-- name: having-without-aggregate
SELECT tier, COUNT(*) FROM t_user GROUP BY tier HAVING tier > 2 ORDER BY tier;
-- name: group-broadcast
SELECT is_final, COUNT(*) FROM t_status GROUP BY is_final ORDER BY is_final;
-- name: group-single
SELECT YEAR(updated_at), COUNT(*) FROM t_setting GROUP BY YEAR(updated_at);
-- name: group-by-rollup
SELECT status, COUNT(*) FROM t_order GROUP BY status WITH ROLLUP;
-- name: group-by-order-desc
SELECT tier, COUNT(*) AS n FROM t_user GROUP BY tier ORDER BY tier DESC;
-- name: group-by-ordered-by-aggregate
SELECT tier, SUM(balance) AS total FROM t_user GROUP BY tier ORDER BY total DESC;
-- name: group-by-event-month
SELECT MONTH(created_at) AS m, kind, COUNT(*) FROM t_event GROUP BY MONTH(created_at), kind ORDER BY m, kind;
