-- Subqueries as applications write them: IN (SELECT ...), EXISTS, scalar subqueries, derived tables.
-- name: in-subquery-same-table
SELECT order_id FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE city = 'Berlin') ORDER BY order_id;
-- name: in-subquery-point
SELECT name FROM t_user WHERE user_id IN (SELECT user_id FROM t_order WHERE order_id = 15);
-- name: in-subquery-binding
SELECT order_id FROM t_order WHERE order_id IN (SELECT order_id FROM t_order_item WHERE sku = 'SKU-0001') ORDER BY order_id;
-- name: in-subquery-binding-point
SELECT order_id, amount FROM t_order WHERE user_id = 1 AND order_id IN (SELECT order_id FROM t_order_item WHERE user_id = 1 AND qty > 3) ORDER BY order_id;
-- name: not-in-subquery
SELECT COUNT(*) FROM t_user WHERE user_id NOT IN (SELECT user_id FROM t_order);
-- name: exists-correlated
SELECT u.user_id FROM t_user u WHERE EXISTS (SELECT 1 FROM t_order o WHERE o.user_id = u.user_id AND o.amount > 990) ORDER BY u.user_id;
-- name: exists-correlated-point
SELECT u.user_id, u.name FROM t_user u WHERE u.user_id = 1 AND EXISTS (SELECT 1 FROM t_order o WHERE o.user_id = u.user_id);
-- name: not-exists-items
SELECT o.order_id FROM t_order o WHERE o.user_id = 3 AND NOT EXISTS (SELECT 1 FROM t_order_item i WHERE i.order_id = o.order_id AND i.user_id = o.user_id) ORDER BY o.order_id;
-- name: scalar-subquery-select
SELECT u.user_id, (SELECT COUNT(*) FROM t_order o WHERE o.user_id = u.user_id) AS orders FROM t_user u WHERE u.user_id = 2;
-- name: scalar-subquery-max
SELECT order_id, amount FROM t_order WHERE amount = (SELECT MAX(amount) FROM t_order);
-- name: scalar-subquery-avg
SELECT COUNT(*) FROM t_order WHERE amount > (SELECT AVG(amount) FROM t_order);
-- name: scalar-subquery-point
SELECT order_id FROM t_order WHERE user_id = 1 AND amount > (SELECT AVG(amount) FROM t_order WHERE user_id = 1) ORDER BY order_id;
-- name: derived-table-count
SELECT COUNT(*) FROM (SELECT user_id FROM t_order GROUP BY user_id) t;
-- name: derived-table-count-point
SELECT COUNT(*) FROM (SELECT order_id FROM t_order WHERE user_id = 2) t;
-- name: derived-table-top
SELECT t.user_id, t.revenue FROM (SELECT user_id, SUM(amount) AS revenue FROM t_order GROUP BY user_id) t ORDER BY t.revenue DESC, t.user_id LIMIT 5;
-- name: derived-pagination-count
SELECT COUNT(*) AS total FROM (SELECT o.order_id FROM t_order o WHERE o.status = 'PAID') AS cnt;
-- name: in-subquery-broadcast
SELECT COUNT(*) FROM t_order WHERE status IN (SELECT code FROM t_status WHERE sort_order <= 2);
-- name: in-subquery-single
SELECT sku FROM t_product WHERE price > (SELECT CAST(value AS DECIMAL(10,2)) FROM t_setting WHERE name = 'max_items') AND sku = 'SKU-0005';
-- name: subquery-broadcast-only
SELECT code FROM t_status WHERE sort_order = (SELECT MAX(sort_order) FROM t_status);
-- name: subquery-single-only
SELECT name FROM t_setting WHERE updated_at = (SELECT MAX(updated_at) FROM t_setting);
-- name: in-subquery-ledger
SELECT account_id, SUM(amount) FROM t_ledger WHERE account_id IN (SELECT user_id FROM t_user WHERE tier = 4) GROUP BY account_id ORDER BY account_id;
-- name: any-subquery
SELECT COUNT(*) FROM t_product WHERE price > ANY (SELECT price FROM t_order_item WHERE item_id < 5);
-- name: in-subquery-events
SELECT COUNT(*) FROM t_event WHERE user_id IN (SELECT user_id FROM t_audit WHERE action = 'EXPORT');
-- name: subquery-in-from-with-join
SELECT x.status, x.n FROM (SELECT status, COUNT(*) AS n FROM t_order WHERE user_id = 1 GROUP BY status) x ORDER BY x.status;
-- name: row-subquery
SELECT order_id FROM t_order WHERE (user_id, order_id) = (SELECT user_id, order_id FROM t_order_item WHERE item_id = 10);
-- name: cte-simple
WITH big AS (SELECT order_id, amount FROM t_order WHERE amount > 980) SELECT COUNT(*) FROM big;
-- Uncorrelated subqueries over sharded tables run first; their rows replace them. What replaces them must keep
-- every operator's meaning: empty results, NULLs, collations, nesting, parameters, each column type.
-- name: in-subquery-empty
SELECT COUNT(*) FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE city = 'Nowhere');
-- name: not-in-subquery-empty
SELECT COUNT(*) FROM t_order WHERE user_id NOT IN (SELECT user_id FROM t_user WHERE city = 'Nowhere');
-- name: exists-subquery-empty
SELECT COUNT(*) FROM t_order WHERE EXISTS (SELECT 1 FROM t_user WHERE city = 'Nowhere');
-- name: not-exists-subquery-rows
SELECT COUNT(*) FROM t_order WHERE NOT EXISTS (SELECT 1 FROM t_user WHERE user_id = 3);
-- name: scalar-subquery-no-row-is-null
SELECT COUNT(*) FROM t_order WHERE amount > (SELECT amount FROM t_order WHERE order_id = -1);
-- name: not-in-subquery-with-nulls
SELECT COUNT(*) FROM t_user WHERE city NOT IN (SELECT channel FROM t_order WHERE user_id = 3);
-- name: subquery-datetime-max
SELECT order_id FROM t_order WHERE created_at = (SELECT MAX(created_at) FROM t_order) ORDER BY order_id;
-- name: subquery-nested
SELECT COUNT(*) FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE tier = (SELECT MAX(tier) FROM t_user));
-- name: subquery-params
-- params: 'Berlin', 500
SELECT order_id FROM t_order WHERE user_id IN (SELECT user_id FROM t_user WHERE city = ?) AND amount > ? ORDER BY order_id;
-- name: subquery-in-having
SELECT user_id, COUNT(*) FROM t_order GROUP BY user_id HAVING COUNT(*) > (SELECT AVG(qty) FROM t_order_item) ORDER BY user_id;
-- name: subquery-strings-by-collation
SELECT code FROM t_status WHERE code IN (SELECT status FROM t_order WHERE user_id = 3) ORDER BY code;
-- name: subquery-all
SELECT COUNT(*) FROM t_order WHERE amount >= ALL (SELECT amount FROM t_order WHERE user_id = 7);
-- name: subquery-type-year
SELECT COUNT(*) FROM t_event WHERE yr IN (SELECT yr FROM t_event WHERE user_id = 3);
-- name: subquery-type-time
SELECT COUNT(*) FROM t_event WHERE duration IN (SELECT duration FROM t_event WHERE user_id = 3);
-- name: subquery-type-datetime3
SELECT COUNT(*) FROM t_event WHERE precise_at IN (SELECT precise_at FROM t_event WHERE user_id = 3);
-- name: subquery-type-timestamp
SELECT COUNT(*) FROM t_event WHERE seen_at IN (SELECT seen_at FROM t_event WHERE user_id = 3);
-- name: subquery-type-double
SELECT COUNT(*) FROM t_event WHERE extreme IN (SELECT extreme FROM t_event WHERE user_id = 3);
-- name: subquery-type-unsigned
SELECT COUNT(*) FROM t_event WHERE counter IN (SELECT counter FROM t_event WHERE user_id = 3);
-- name: subquery-type-varbinary
SELECT COUNT(*) FROM t_event WHERE raw IN (SELECT raw FROM t_event WHERE user_id = 3);
-- name: subquery-type-enum
SELECT COUNT(*) FROM t_event WHERE priority IN (SELECT priority FROM t_event WHERE user_id = 3);
-- name: subquery-type-decimal
SELECT COUNT(*) FROM t_event WHERE fine IN (SELECT fine FROM t_event WHERE user_id = 3);
-- name: subquery-type-date
SELECT COUNT(*) FROM t_order WHERE paid_on IN (SELECT paid_on FROM t_order WHERE user_id = 3);
-- name: subquery-type-bit
SELECT COUNT(*) FROM t_event WHERE flags IN (SELECT flags FROM t_event WHERE user_id = 3);
-- name: subquery-type-float
SELECT COUNT(*) FROM t_product WHERE rating IN (SELECT rating FROM t_product WHERE stock < 50);
-- name: subquery-type-char
SELECT COUNT(*) FROM t_ledger WHERE currency IN (SELECT currency FROM t_ledger WHERE account_id = 7);
-- The pagination count ORM plug-ins wrap around a page's query: the query runs through Shardline, its rows counted.
-- name: pagination-count-pagehelper
SELECT count(0) FROM (SELECT order_id, amount FROM t_order WHERE status = 'PAID' ORDER BY amount DESC) table_count;
-- name: pagination-count-alias
SELECT COUNT(1) AS total FROM (SELECT DISTINCT user_id FROM t_order WHERE amount > 500) AS t;
-- name: pagination-count-params
-- params: 3, 100
SELECT COUNT(*) FROM (SELECT o.order_id FROM t_order o JOIN t_order_item i ON i.order_id = o.order_id AND i.user_id = o.user_id WHERE o.user_id = ? AND i.qty < ?) c;
-- name: pagination-count-empty
SELECT COUNT(*) c FROM (SELECT order_id FROM t_order WHERE user_id = -1) x;
-- name: pagination-count-grouped
SELECT COUNT(*) FROM (SELECT user_id, COUNT(*) FROM t_event GROUP BY user_id) g;
