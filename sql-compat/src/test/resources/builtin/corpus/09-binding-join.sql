-- Joins inside the binding group t_order / t_order_item: order detail pages, invoice lines, reports.
-- name: order-with-items
SELECT o.order_id, o.status, i.item_id, i.sku, i.qty FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id WHERE o.order_id = 42 ORDER BY i.item_id;
-- name: order-with-items-full-key
SELECT o.order_id, i.item_id, i.price FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.user_id = 1 AND o.order_id = 100 ORDER BY i.item_id;
-- name: user-order-lines
-- params: 1
SELECT o.order_id, i.item_id, i.qty * i.price AS line_total FROM t_order o INNER JOIN t_order_item i ON i.order_id = o.order_id AND i.user_id = o.user_id WHERE o.user_id = ? ORDER BY o.order_id, i.item_id;
-- name: join-scatter-count
SELECT COUNT(*) FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id;
-- name: join-scatter-count-order-id-only
SELECT COUNT(*) FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id;
-- name: join-order-totals
SELECT o.order_id, SUM(i.qty * i.price) AS total FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id GROUP BY o.order_id ORDER BY o.order_id LIMIT 20;
-- name: join-order-totals-deep
SELECT o.order_id, COUNT(i.item_id) AS line_count FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id GROUP BY o.order_id ORDER BY line_count DESC, o.order_id LIMIT 100, 10;
-- name: join-revenue-per-status
SELECT o.status, SUM(i.qty * i.price) FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id GROUP BY o.status;
-- name: join-left-orders-without-items
SELECT o.order_id FROM t_order o LEFT JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE i.item_id IS NULL ORDER BY o.order_id;
-- name: join-left-count
SELECT COUNT(*) FROM t_order o LEFT JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id;
-- name: join-left-point
SELECT o.order_id, i.item_id FROM t_order o LEFT JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.user_id = 299 ORDER BY o.order_id, i.item_id;
-- name: join-in-orders
SELECT o.order_id, i.sku FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.order_id IN (7, 8, 9, 10) ORDER BY o.order_id, i.item_id;
-- name: join-where-on-item
SELECT o.order_id, o.created_at FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE i.sku = 'SKU-0050' ORDER BY o.order_id, i.item_id;
-- name: join-filter-both
SELECT o.order_id, i.qty FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.status = 'PAID' AND i.qty > 15 ORDER BY o.order_id, i.item_id;
-- name: join-star
SELECT * FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id WHERE o.order_id = 77;
-- name: join-star-one-side
SELECT i.* FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id WHERE o.user_id = 5 ORDER BY i.item_id;
-- name: join-comma-style
SELECT o.order_id, i.item_id FROM t_order o, t_order_item i WHERE o.order_id = i.order_id AND o.user_id = i.user_id AND o.user_id = 6 ORDER BY i.item_id;
-- name: join-using
SELECT order_id, item_id FROM t_order JOIN t_order_item USING (order_id, user_id) WHERE user_id = 8 ORDER BY item_id;
-- name: join-no-alias
SELECT t_order.order_id, t_order_item.sku FROM t_order JOIN t_order_item ON t_order.order_id = t_order_item.order_id WHERE t_order.order_id = 1500 ORDER BY t_order_item.item_id;
-- name: join-reversed
SELECT i.item_id, o.status FROM t_order_item i JOIN t_order o ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE i.item_id BETWEEN 100 AND 120 ORDER BY i.item_id;
-- name: join-page
SELECT o.order_id, i.item_id, i.price FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id ORDER BY i.price DESC, i.item_id LIMIT 20;
-- name: join-page-deep
SELECT i.item_id FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id ORDER BY i.item_id LIMIT 3000, 10;
-- name: join-distinct-users
SELECT DISTINCT o.user_id FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE i.qty >= 19 ORDER BY o.user_id;
-- name: join-avg
SELECT AVG(i.price), MAX(o.amount) FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.channel = 'web';
-- name: join-group-user-having
SELECT o.user_id, SUM(i.qty) AS units FROM t_order o JOIN t_order_item i ON o.order_id = i.order_id AND o.user_id = i.user_id WHERE o.user_id IN (1, 2, 3) GROUP BY o.user_id HAVING SUM(i.qty) > 10 ORDER BY o.user_id;
-- name: join-self-binding
SELECT a.order_id, b.order_id FROM t_order a JOIN t_order b ON a.order_id = b.order_id WHERE a.order_id = 5;
-- name: join-three-way-with-user
SELECT u.name, o.order_id, i.sku FROM t_user u JOIN t_order o ON o.user_id = u.user_id JOIN t_order_item i ON i.order_id = o.order_id AND i.user_id = o.user_id WHERE u.user_id = 9 ORDER BY o.order_id, i.item_id;
-- name: join-user-orders
SELECT u.user_id, u.name, COUNT(o.order_id) FROM t_user u LEFT JOIN t_order o ON o.user_id = u.user_id GROUP BY u.user_id, u.name ORDER BY u.user_id LIMIT 10;
-- name: join-item-product
SELECT i.item_id, p.title FROM t_order_item i JOIN t_product p ON p.sku = i.sku WHERE i.order_id = 10 ORDER BY i.item_id;
-- name: join-events-users
SELECT e.event_id, u.name FROM t_event e JOIN t_user u ON u.user_id = e.user_id WHERE e.user_id = 4 ORDER BY e.event_id;
