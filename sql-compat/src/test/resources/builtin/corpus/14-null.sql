-- NULL semantics: three-valued logic, NULLs in sorting, grouping and aggregates.
-- name: is-null
SELECT order_id FROM t_order WHERE discount IS NULL AND user_id = 1 ORDER BY order_id;
-- name: is-not-null-count
SELECT COUNT(*) FROM t_order WHERE paid_on IS NOT NULL;
-- name: equals-null-matches-nothing
SELECT COUNT(*) FROM t_order WHERE discount = NULL;
-- name: not-equals-excludes-null
SELECT COUNT(*) FROM t_order WHERE channel <> 'web';
-- name: null-safe-equals
SELECT COUNT(*) FROM t_order WHERE channel <=> NULL;
-- name: null-safe-equals-param
-- params: NULL
SELECT COUNT(*) FROM t_user WHERE city <=> ?;
-- name: equals-null-param
-- params: NULL
SELECT COUNT(*) FROM t_user WHERE city = ?;
-- name: not-in-with-null
SELECT COUNT(*) FROM t_user WHERE tier NOT IN (1, NULL);
-- name: in-null-key
SELECT * FROM t_order WHERE order_id IN (NULL);
-- name: sharding-key-is-null
SELECT COUNT(*) FROM t_order WHERE user_id IS NULL;
-- name: sharding-key-is-not-null
SELECT COUNT(*) FROM t_order WHERE user_id IS NOT NULL;
-- name: order-nulls-first
SELECT user_id, city FROM t_user ORDER BY city, user_id LIMIT 40;
-- name: order-nulls-last-desc
SELECT user_id, city FROM t_user ORDER BY city DESC, user_id LIMIT 40;
-- name: order-nulls-last-trick
SELECT user_id, birth_date FROM t_user ORDER BY birth_date IS NULL, birth_date, user_id LIMIT 30;
-- name: order-nulls-last-trick-deep
SELECT user_id, score FROM t_user ORDER BY score IS NULL DESC, score DESC, user_id LIMIT 30, 30;
-- name: group-null-key
SELECT city, COUNT(*) FROM t_user WHERE city IS NULL OR city = 'Berlin' GROUP BY city;
-- name: group-by-nullable-ordered
SELECT paid_on, COUNT(*) FROM t_order WHERE order_id < 200 GROUP BY paid_on ORDER BY paid_on;
-- name: distinct-nullable
SELECT DISTINCT discount FROM t_order WHERE user_id = 2 ORDER BY discount;
-- name: count-vs-count-column
SELECT COUNT(*), COUNT(email), COUNT(city), COUNT(birth_date), COUNT(score), COUNT(balance) FROM t_user;
-- name: sum-all-null
SELECT SUM(discount), AVG(discount), MIN(discount), MAX(discount) FROM t_order WHERE discount IS NULL;
-- name: avg-ignores-null
SELECT AVG(score), SUM(score) / COUNT(*) FROM t_user;
-- name: min-max-nullable-string
SELECT MIN(note), MAX(note) FROM t_order;
-- name: coalesce-sort
SELECT order_id, COALESCE(discount, 0) AS d FROM t_order ORDER BY d DESC, order_id LIMIT 15;
-- name: null-arithmetic
SELECT order_id, amount - discount FROM t_order WHERE order_id < 25;
-- name: null-concat
SELECT user_id, CONCAT(name, email) FROM t_user WHERE user_id < 30;
-- name: empty-string-vs-null
SELECT COUNT(*) FROM t_order WHERE note = '';
-- name: empty-city-vs-null
SELECT SUM(city = ''), SUM(city IS NULL) FROM t_user;
-- name: left-join-null-side
SELECT s.code, o.order_id FROM t_status s LEFT JOIN t_order o ON o.status = s.code AND o.order_id = 3 ORDER BY s.code;
-- name: having-null
SELECT channel, COUNT(*) FROM t_order GROUP BY channel HAVING channel IS NULL;
-- name: nullable-param-in-in
-- params: 1, NULL
SELECT user_id FROM t_user WHERE user_id IN (?, ?);
