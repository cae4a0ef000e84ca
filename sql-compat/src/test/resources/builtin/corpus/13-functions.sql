-- Functions in projections, predicates and aggregates: formatting, date math, string handling.
-- name: fn-concat-upper
SELECT user_id, UPPER(name), LOWER(email), CONCAT_WS(', ', name, city) FROM t_user WHERE user_id = 10;
-- name: fn-substring-length
SELECT user_id, SUBSTRING(name, 1, 3), LENGTH(name), CHAR_LENGTH(name) FROM t_user WHERE user_id IN (1, 2, 3, 4, 5, 6) ORDER BY user_id;
-- name: fn-char-length-emoji
SELECT order_id, CHAR_LENGTH(note), LENGTH(note) FROM t_order WHERE note LIKE '%🎁%' ORDER BY order_id LIMIT 10;
-- name: fn-date-format
SELECT order_id, DATE_FORMAT(created_at, '%d/%m/%Y %H:%i') AS created FROM t_order WHERE user_id = 4 ORDER BY order_id;
-- name: fn-date-parts
SELECT order_id, YEAR(created_at), MONTH(created_at), DAY(created_at), HOUR(created_at), DAYOFWEEK(created_at) FROM t_order WHERE order_id < 20;
-- name: fn-datediff
SELECT order_id, DATEDIFF(paid_on, created_at) AS days FROM t_order WHERE paid_on IS NOT NULL AND user_id = 3 ORDER BY order_id;
-- name: fn-date-add
SELECT order_id, DATE_ADD(created_at, INTERVAL 30 DAY) AS due FROM t_order WHERE order_id = 64;
-- name: fn-interval-predicate
SELECT COUNT(*) FROM t_order WHERE created_at >= DATE_SUB('2024-07-01', INTERVAL 7 DAY) AND created_at < '2024-07-01';
-- name: fn-timestampdiff
SELECT user_id, TIMESTAMPDIFF(YEAR, birth_date, '2024-01-01') AS age FROM t_user WHERE user_id BETWEEN 50 AND 60;
-- name: fn-last-day
SELECT DISTINCT LAST_DAY(created_at) AS eom FROM t_order ORDER BY eom;
-- name: fn-round
SELECT order_id, ROUND(amount), ROUND(amount, 1), TRUNCATE(amount, 0), CEIL(amount), FLOOR(amount) FROM t_order WHERE order_id BETWEEN 1 AND 10;
-- name: fn-round-aggregate
SELECT ROUND(AVG(amount), 2) FROM t_order;
-- name: fn-round-sum-grouped
SELECT user_id, ROUND(SUM(amount) * 1.2, 2) AS gross FROM t_order WHERE user_id IN (1, 2, 3) GROUP BY user_id ORDER BY user_id;
-- name: fn-abs-sign
SELECT entry_id, ABS(amount), SIGN(amount) FROM t_ledger WHERE entry_id < 15;
-- name: fn-mod
SELECT order_id FROM t_order WHERE MOD(order_id, 97) = 0 ORDER BY order_id;
-- name: fn-coalesce
SELECT order_id, COALESCE(discount, 0), IFNULL(channel, 'unknown'), NULLIF(status, 'NEW') FROM t_order WHERE user_id = 7;
-- name: fn-if-case
SELECT order_id, IF(amount > 500, 'big', 'small') AS size, CASE status WHEN 'NEW' THEN 'open' ELSE 'done' END AS state FROM t_order WHERE user_id = 8;
-- name: fn-greatest-least
SELECT order_id, GREATEST(amount, 100), LEAST(amount, 100) FROM t_order WHERE order_id IN (11, 12, 13);
-- name: fn-cast
SELECT CAST(amount AS SIGNED), CAST(order_id AS CHAR), CAST(created_at AS DATE) FROM t_order WHERE order_id = 33;
-- name: fn-convert
SELECT CONVERT(amount, DECIMAL(12,1)) FROM t_order WHERE order_id = 34;
-- name: fn-replace-trim
SELECT REPLACE(email, '@example.com', ''), TRIM(name), LTRIM(CONCAT('  ', name)) FROM t_user WHERE user_id = 11;
-- name: fn-left-right
SELECT LEFT(sku, 3), RIGHT(sku, 4), LPAD(stock, 5, '0') FROM t_product WHERE sku = 'SKU-0077';
-- name: fn-locate-instr
SELECT user_id FROM t_user WHERE LOCATE('@', email) > 0 AND INSTR(email, 'Example') > 0 ORDER BY user_id;
-- name: fn-in-where-scatter
SELECT user_id FROM t_user WHERE UPPER(city) = 'PARIS' ORDER BY user_id;
-- name: fn-year-where
SELECT COUNT(*) FROM t_user WHERE YEAR(birth_date) < 1960;
-- name: fn-date-where
SELECT order_id FROM t_order WHERE DATE(created_at) = '2024-03-03' ORDER BY order_id;
-- name: fn-json-extract
SELECT event_id, JSON_EXTRACT(payload, '$.page') FROM t_event WHERE event_id < 20;
-- name: fn-json-value-filter
SELECT COUNT(*) FROM t_event WHERE JSON_VALUE(payload, '$.page') = '7';
-- name: fn-hex-md5
SELECT HEX(sku), MD5(sku) FROM t_product WHERE sku = 'SKU-0003';
-- name: fn-now-comparison
SELECT COUNT(*) FROM t_order WHERE created_at < NOW();
-- name: fn-unix-timestamp
SELECT UNIX_TIMESTAMP(created_at) FROM t_order WHERE order_id = 99;
-- name: fn-str-to-date
SELECT order_id FROM t_order WHERE created_at >= STR_TO_DATE('01/12/2024', '%d/%m/%Y') ORDER BY order_id LIMIT 5;
-- name: fn-group-by-function-order
SELECT WEEK(created_at) AS w, COUNT(*) FROM t_order WHERE created_at < '2024-03-01' GROUP BY WEEK(created_at) ORDER BY w;
-- name: fn-format-number
SELECT FORMAT(amount, 2) FROM t_order WHERE order_id = 100;
-- name: fn-arithmetic-projection
SELECT item_id, qty * price AS line, qty * price * 0.2 AS vat, price / qty AS unit FROM t_order_item WHERE order_id = 5 ORDER BY item_id;
-- name: fn-integer-division
SELECT order_id DIV 100 AS bucket, COUNT(*) FROM t_order GROUP BY order_id DIV 100 ORDER BY bucket;
-- name: fn-sum-of-if
SELECT SUM(IF(channel = 'app', amount, 0)) AS app_revenue FROM t_order;
-- name: fn-max-of-length
SELECT MAX(CHAR_LENGTH(title)) FROM t_product;
-- name: fn-double-arith
SELECT user_id, score * 2, score / 4 FROM t_user WHERE user_id < 6;
-- name: fn-concat-group
SELECT user_id, GROUP_CONCAT(DISTINCT status ORDER BY status SEPARATOR '|') FROM t_order WHERE user_id = 3 GROUP BY user_id;
