-- Joins with broadcast (dictionary) tables and with the single table.
-- name: orders-with-status-label
SELECT o.order_id, s.label FROM t_order o JOIN t_status s ON s.code = o.status WHERE o.user_id = 3 ORDER BY o.order_id;
-- name: orders-with-status-label-scatter
SELECT o.order_id, s.label FROM t_order o JOIN t_status s ON s.code = o.status WHERE o.amount > 995 ORDER BY o.order_id;
-- name: orders-per-status-label
SELECT s.label, COUNT(*) AS n FROM t_order o JOIN t_status s ON s.code = o.status GROUP BY s.label ORDER BY s.label;
-- name: orders-per-status-sorted
SELECT s.code, s.sort_order, COUNT(o.order_id) FROM t_order o JOIN t_status s ON s.code = o.status GROUP BY s.code, s.sort_order ORDER BY s.sort_order;
-- name: status-left-join-orders
SELECT s.code, COUNT(o.order_id) AS n FROM t_status s LEFT JOIN t_order o ON o.status = s.code GROUP BY s.code ORDER BY s.code;
-- name: final-status-orders
SELECT COUNT(*) FROM t_order o JOIN t_status s ON s.code = o.status WHERE s.is_final = 1;
-- name: final-status-orders-page
SELECT o.order_id, o.status FROM t_order o JOIN t_status s ON s.code = o.status WHERE s.is_final = 1 ORDER BY o.order_id LIMIT 20, 20;
-- name: products-with-category
SELECT p.sku, p.price, c.name FROM t_product p JOIN t_category c ON c.category_id = p.category_id WHERE p.sku = 'SKU-0033';
-- name: products-with-category-scatter
SELECT p.sku, c.name FROM t_product p JOIN t_category c ON c.category_id = p.category_id WHERE c.name = 'Kitchen' ORDER BY p.sku;
-- name: products-left-category
SELECT p.sku, c.name FROM t_product p LEFT JOIN t_category c ON c.category_id = p.category_id WHERE p.category_id IS NULL ORDER BY p.sku;
-- name: products-per-category-name
SELECT c.name, COUNT(*), MIN(p.price), MAX(p.price) FROM t_product p JOIN t_category c ON c.category_id = p.category_id GROUP BY c.name ORDER BY c.name;
-- name: category-parent
SELECT c.name, parent.name AS parent_name FROM t_category c LEFT JOIN t_category parent ON parent.category_id = c.parent_id ORDER BY c.category_id;
-- name: items-with-status-through-order
SELECT i.item_id, s.label FROM t_order o JOIN t_order_item i ON i.order_id = o.order_id AND i.user_id = o.user_id JOIN t_status s ON s.code = o.status WHERE o.user_id = 2 ORDER BY i.item_id LIMIT 20;
-- name: broadcast-only-join
SELECT s.code, c.name FROM t_status s JOIN t_category c ON c.category_id = s.sort_order ORDER BY s.code;
-- name: broadcast-subquery-in
SELECT order_id FROM t_order WHERE status IN (SELECT code FROM t_status WHERE is_final = 1) AND user_id = 3 ORDER BY order_id;
-- name: broadcast-exists
SELECT o.order_id FROM t_order o WHERE o.user_id = 5 AND EXISTS (SELECT 1 FROM t_status s WHERE s.code = o.status AND s.is_final = 0) ORDER BY o.order_id;
-- name: users-with-setting
SELECT u.user_id, st.value FROM t_user u JOIN t_setting st ON st.name = 'currency' WHERE u.user_id = 3;
-- name: setting-join-status
SELECT st.name, s.code FROM t_setting st JOIN t_status s ON s.sort_order = LENGTH(st.name) ORDER BY st.name, s.code;
-- name: ledger-with-setting-currency
SELECT COUNT(*) FROM t_ledger l JOIN t_setting st ON st.value = l.currency AND st.name = 'currency';
-- name: events-with-status
SELECT e.kind, COUNT(*) FROM t_event e JOIN t_status s ON s.sort_order = e.user_id % 7 GROUP BY e.kind ORDER BY e.kind;
-- name: audit-with-category
SELECT a.audit_id, c.name FROM t_audit a JOIN t_category c ON c.category_id = a.user_id WHERE a.user_id = 4 ORDER BY a.audit_id;
-- name: status-label-lookup-in
SELECT o.order_id, s.label FROM t_order o JOIN t_status s ON s.code = o.status WHERE o.order_id IN (1, 2, 3, 4) ORDER BY o.order_id;
-- name: status-distinct-used
SELECT DISTINCT s.label FROM t_order o JOIN t_status s ON s.code = o.status WHERE o.user_id = 1 ORDER BY s.label;
-- name: broadcast-join-sum
SELECT s.is_final, SUM(o.amount) FROM t_order o JOIN t_status s ON s.code = o.status GROUP BY s.is_final ORDER BY s.is_final;
-- name: broadcast-join-avg
SELECT c.category_id, AVG(p.price) AS avg_price FROM t_category c JOIN t_product p ON p.category_id = c.category_id GROUP BY c.category_id ORDER BY c.category_id;
-- name: broadcast-right-join
SELECT s.code, o.order_id FROM t_order o RIGHT JOIN t_status s ON s.code = o.status AND o.order_id = 1 ORDER BY s.code;
-- name: status-only
SELECT code FROM t_status WHERE is_final = 0 ORDER BY sort_order DESC;
-- name: category-tree-count
SELECT parent_id, COUNT(*) FROM t_category GROUP BY parent_id ORDER BY parent_id;
