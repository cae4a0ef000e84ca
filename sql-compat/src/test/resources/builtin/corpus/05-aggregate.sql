-- Aggregates without GROUP BY: dashboards, counters, totals.
-- name: count-star
SELECT COUNT(*) FROM t_order;
-- name: count-alias
SELECT COUNT(*) AS total FROM t_user;
-- name: count-1
SELECT COUNT(1) FROM t_order_item;
-- name: count-column-with-nulls
SELECT COUNT(discount) FROM t_order;
-- name: count-distinct
SELECT COUNT(DISTINCT user_id) FROM t_order;
-- name: count-distinct-string
SELECT COUNT(DISTINCT status) FROM t_order;
-- name: count-distinct-city
SELECT COUNT(DISTINCT city) FROM t_user;
-- name: sum-decimal
SELECT SUM(amount) FROM t_order;
-- name: sum-decimal-filter
SELECT SUM(amount) AS revenue FROM t_order WHERE status IN ('PAID', 'SHIPPED');
-- name: sum-with-nulls
SELECT SUM(discount) FROM t_order;
-- name: sum-double
SELECT SUM(score) FROM t_user;
-- name: sum-float
SELECT SUM(rating) FROM t_product;
-- name: sum-int
SELECT SUM(qty) FROM t_order_item;
-- name: sum-expression
SELECT SUM(qty * price) FROM t_order_item;
-- name: min-max-decimal
SELECT MIN(amount), MAX(amount) FROM t_order;
-- name: min-max-datetime
SELECT MIN(created_at), MAX(created_at) FROM t_order;
-- name: min-max-date-nulls
SELECT MIN(birth_date), MAX(birth_date) FROM t_user;
-- name: min-max-string
SELECT MIN(name), MAX(name) FROM t_category;
-- name: min-max-double
SELECT MIN(score), MAX(score) FROM t_user;
-- name: avg-decimal
SELECT AVG(amount) FROM t_order;
-- name: avg-int
SELECT AVG(qty) FROM t_order_item;
-- name: avg-double
SELECT AVG(score) FROM t_user;
-- name: avg-float
SELECT AVG(rating) FROM t_product;
-- name: avg-with-nulls
SELECT AVG(discount) FROM t_order;
-- name: avg-alias
SELECT AVG(price) AS avg_price FROM t_product;
-- name: all-aggregates
SELECT COUNT(*), COUNT(discount), SUM(amount), AVG(amount), MIN(amount), MAX(amount) FROM t_order;
-- name: aggregates-on-point
SELECT COUNT(*), SUM(amount), AVG(amount) FROM t_order WHERE user_id = 1;
-- name: aggregates-on-empty
SELECT COUNT(*), SUM(amount), AVG(amount), MIN(amount), MAX(amount) FROM t_order WHERE amount < 0;
-- name: aggregates-on-empty-point
SELECT COUNT(*), SUM(amount), MAX(created_at) FROM t_order WHERE user_id = 100000;
-- name: ledger-balance
SELECT SUM(amount) FROM t_ledger WHERE account_id = 7;
-- name: ledger-total
SELECT SUM(amount), COUNT(*) FROM t_ledger;
-- name: ledger-avg
SELECT AVG(amount) FROM t_ledger;
-- name: event-metric
SELECT SUM(metric), AVG(metric), MAX(metric) FROM t_event;
-- name: event-per-month
SELECT COUNT(*) FROM t_event WHERE created_at >= '2024-04-01' AND created_at < '2024-05-01';
-- name: audit-count
SELECT COUNT(*) FROM t_audit WHERE action = 'LOGIN';
-- name: aggregate-arithmetic
SELECT SUM(amount) - SUM(COALESCE(discount, 0)) AS net FROM t_order;
-- name: aggregate-ratio
SELECT SUM(amount) / COUNT(*) AS mean FROM t_order;
-- name: count-if
SELECT SUM(CASE WHEN status = 'NEW' THEN 1 ELSE 0 END) AS new_orders, SUM(CASE WHEN discount IS NULL THEN 1 ELSE 0 END) AS no_discount FROM t_order;
-- name: max-of-expression
SELECT MAX(qty * price) FROM t_order_item;
-- name: count-distinct-expression
SELECT COUNT(DISTINCT DATE(created_at)) FROM t_order;
-- name: group-concat
SELECT GROUP_CONCAT(code ORDER BY sort_order) FROM t_status;
-- name: group-concat-sharded
SELECT GROUP_CONCAT(order_id ORDER BY order_id) FROM t_order WHERE user_id = 250;
-- name: std-dev
SELECT STDDEV(amount) FROM t_order;
-- name: bit-or
SELECT BIT_OR(tier) FROM t_user;
