-- Collation and case: case-insensitive search boxes, accent folding, binary columns, UCA columns.
-- name: ci-equals
SELECT COUNT(*) FROM t_user WHERE city = 'paris';
-- name: ci-equals-upper
SELECT user_id FROM t_user WHERE city = 'PARIS' ORDER BY user_id;
-- name: ci-accent
SELECT user_id, city FROM t_user WHERE city = 'zurich' ORDER BY user_id;
-- name: ci-like
SELECT user_id, name FROM t_user WHERE name LIKE 'alice%' ORDER BY user_id;
-- name: ci-like-accent
SELECT user_id, name FROM t_user WHERE name LIKE 'emile%' ORDER BY user_id;
-- name: ci-in
SELECT COUNT(*) FROM t_order WHERE status IN ('paid', 'shipped');
-- name: ci-status-count
SELECT COUNT(*) FROM t_order WHERE status = 'Paid';
-- name: ci-order-by-name
SELECT user_id, name FROM t_user ORDER BY name, user_id;
-- name: ci-order-by-name-desc-page
SELECT user_id, name FROM t_user ORDER BY name DESC, user_id LIMIT 50, 25;
-- name: ci-order-by-city
SELECT user_id, city FROM t_user WHERE city IS NOT NULL ORDER BY city, user_id;
-- name: ci-group-count-by-city
SELECT LOWER(city) AS c, COUNT(*) FROM t_user GROUP BY LOWER(city) ORDER BY c;
-- name: ci-group-by-city-counts
SELECT COUNT(*) AS n FROM t_user GROUP BY city ORDER BY n, MIN(user_id);
-- name: ci-distinct-count
SELECT COUNT(DISTINCT name) FROM t_user;
-- name: ci-distinct-upper
SELECT DISTINCT UPPER(status) AS s FROM t_order ORDER BY s;
-- name: ci-min-max-name
SELECT MIN(user_id), MAX(user_id) FROM t_user WHERE name = 'ALICE';
-- name: bin-equals
SELECT COUNT(*) FROM t_order WHERE note = 'leave at the door';
-- name: bin-order
SELECT order_id, note FROM t_order WHERE note IS NOT NULL ORDER BY note, order_id LIMIT 40;
-- name: bin-distinct
SELECT DISTINCT note FROM t_order ORDER BY note;
-- name: bin-group
SELECT note, COUNT(*) FROM t_order GROUP BY note ORDER BY note;
-- name: bin-min-max
SELECT MIN(note), MAX(note) FROM t_order WHERE note <> '';
-- name: collate-clause-binary
SELECT COUNT(*) FROM t_user WHERE name COLLATE utf8mb4_bin = 'alice';
-- name: binary-operator
SELECT COUNT(*) FROM t_order WHERE BINARY status = 'paid';
-- name: unicode-title-equals
SELECT sku FROM t_product WHERE title = 'teapot' ORDER BY sku;
-- name: unicode-order-by-title
SELECT sku, title FROM t_product ORDER BY title, sku LIMIT 20;
-- name: unicode-order-by-title-point
SELECT sku, title FROM t_product WHERE sku IN ('SKU-0003', 'SKU-0006') ORDER BY title, sku;
-- name: unicode-group-title
SELECT title, COUNT(*) FROM t_product WHERE sku IN ('SKU-0003', 'SKU-0006', 'SKU-0009') GROUP BY title;
-- name: unicode-distinct-title
SELECT DISTINCT title FROM t_product ORDER BY title LIMIT 10;
-- name: emoji-equals
SELECT COUNT(*) FROM t_order WHERE note = 'gift 🎁';
-- name: emoji-like
SELECT user_id, name FROM t_user WHERE name LIKE '🚀%' ORDER BY user_id;
-- name: emoji-order
SELECT user_id, name FROM t_user WHERE name LIKE '%o%' ORDER BY name, user_id;
-- name: cjk-equals
SELECT user_id FROM t_user WHERE city = '東京' ORDER BY user_id;
-- name: quote-name
SELECT user_id FROM t_user WHERE name LIKE 'O''Brien%' ORDER BY user_id;
-- name: quote-name-backslash
SELECT user_id FROM t_user WHERE name LIKE 'O\'Brien%' ORDER BY user_id;
-- name: quote-param
-- params: 'O''Brien%'
SELECT COUNT(*) FROM t_user WHERE name LIKE ?;
-- name: trailing-space
SELECT COUNT(*) FROM t_user WHERE city = 'Berlin ';
-- name: case-sharding-string-key
SELECT sku, stock FROM t_product WHERE sku IN ('sku-0010', 'Sku-0011') ORDER BY sku;
