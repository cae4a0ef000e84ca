-- DISTINCT: filter drop-downs, "which X are used" admin queries.
-- name: distinct-channels
SELECT DISTINCT channel FROM t_order;
-- name: distinct-channels-ordered
SELECT DISTINCT channel FROM t_order ORDER BY channel;
-- name: distinct-users-with-orders
SELECT DISTINCT user_id FROM t_order ORDER BY user_id;
-- name: distinct-users-page
SELECT DISTINCT user_id FROM t_order ORDER BY user_id LIMIT 20, 10;
-- name: distinct-two-columns
SELECT DISTINCT user_id, channel FROM t_order WHERE user_id < 10;
-- name: distinct-tiers
SELECT DISTINCT tier FROM t_user ORDER BY tier DESC;
-- name: distinct-currencies
SELECT DISTINCT currency FROM t_ledger ORDER BY currency;
-- name: distinct-accounts-count
SELECT COUNT(DISTINCT account_id) FROM t_ledger;
-- name: distinct-kinds
SELECT DISTINCT kind FROM t_event;
-- name: distinct-event-users-in-month
SELECT DISTINCT user_id FROM t_event WHERE created_at >= '2024-02-01' AND created_at < '2024-03-01' ORDER BY user_id;
-- name: distinct-actions
SELECT DISTINCT action FROM t_audit ORDER BY action;
-- name: distinct-skus-sold
SELECT DISTINCT sku FROM t_order_item WHERE qty > 15 ORDER BY sku;
-- name: distinct-categories
SELECT DISTINCT category_id FROM t_product;
-- name: distinct-category-ordered
SELECT DISTINCT category_id FROM t_product ORDER BY category_id;
-- name: distinct-dates
SELECT DISTINCT DATE(created_at) AS d FROM t_order WHERE created_at < '2024-01-10' ORDER BY d;
-- name: distinct-years
SELECT DISTINCT YEAR(birth_date) AS y FROM t_user ORDER BY y LIMIT 10;
-- name: distinct-point
SELECT DISTINCT status FROM t_order WHERE user_id = 250;
-- name: distinct-amounts
SELECT DISTINCT amount FROM t_order WHERE amount < 20 ORDER BY amount;
-- name: distinct-with-nulls
SELECT DISTINCT paid_on FROM t_order WHERE order_id < 30 ORDER BY paid_on;
-- name: distinct-broadcast
SELECT DISTINCT is_final FROM t_status;
-- name: distinct-star-like
SELECT DISTINCT user_id, status, channel FROM t_order WHERE user_id = 1;
-- name: distinct-expression
SELECT DISTINCT tier * 100 AS t FROM t_user ORDER BY t;
-- name: distinct-limit-no-order
SELECT DISTINCT tier FROM t_user LIMIT 10;
-- name: distinct-count-per-group
SELECT tier, COUNT(DISTINCT city) FROM t_user GROUP BY tier ORDER BY tier;
-- name: distinct-double
SELECT DISTINCT rating FROM t_product ORDER BY rating;
