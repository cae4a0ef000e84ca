-- Ranges: date filters of reports, id windows of batch jobs, price filters of shop front-ends.
-- name: ledger-between
SELECT entry_id, amount FROM t_ledger WHERE entry_id BETWEEN 990 AND 1010 ORDER BY entry_id;
-- name: ledger-below-first-boundary
SELECT COUNT(*) FROM t_ledger WHERE entry_id < 1000;
-- name: ledger-at-or-above-last-boundary
SELECT COUNT(*), SUM(amount) FROM t_ledger WHERE entry_id >= 2000;
-- name: ledger-window-params
-- params: 1995, 2005
SELECT entry_id FROM t_ledger WHERE entry_id >= ? AND entry_id < ? ORDER BY entry_id;
-- name: ledger-open-range-desc
SELECT entry_id, currency FROM t_ledger WHERE entry_id > 2990 ORDER BY entry_id DESC;
-- name: ledger-empty-range
SELECT * FROM t_ledger WHERE entry_id > 100 AND entry_id < 50;
-- name: ledger-range-and-account
SELECT entry_id, amount FROM t_ledger WHERE account_id = 7 AND entry_id BETWEEN 1500 AND 2500 ORDER BY entry_id;
-- name: ledger-batch-job-keyset
-- params: 1200, 50
SELECT entry_id, account_id FROM t_ledger WHERE entry_id > ? ORDER BY entry_id LIMIT ?;
-- name: events-month
SELECT event_id, kind FROM t_event WHERE created_at >= '2024-02-01 00:00:00' AND created_at < '2024-03-01 00:00:00' ORDER BY created_at, event_id;
-- name: events-month-count
SELECT COUNT(*) FROM t_event WHERE created_at BETWEEN '2024-03-01 00:00:00' AND '2024-03-31 23:59:59';
-- name: events-across-months
SELECT event_id, created_at FROM t_event WHERE created_at BETWEEN '2024-01-31 12:00:00' AND '2024-02-01 12:00:00' ORDER BY created_at, event_id;
-- name: events-last-days-params
-- params: '2024-06-25 00:00:00'
SELECT kind, COUNT(*) FROM t_event WHERE created_at >= ? GROUP BY kind;
-- name: events-before
SELECT COUNT(*) FROM t_event WHERE created_at < '2024-01-15';
-- name: events-date-only-literal
SELECT event_id FROM t_event WHERE created_at >= '2024-05-01' AND created_at < '2024-05-02' ORDER BY event_id;
-- name: events-range-and-user
SELECT event_id, kind FROM t_event WHERE user_id = 1 AND created_at >= '2024-04-01' AND created_at < '2024-04-15' ORDER BY event_id;
-- name: events-out-of-configured-range
SELECT COUNT(*) FROM t_event WHERE created_at >= '2025-01-01';
-- name: orders-by-date
SELECT order_id, created_at, amount FROM t_order WHERE created_at >= '2024-06-01' AND created_at < '2024-06-03' ORDER BY created_at, order_id;
-- name: orders-by-amount
SELECT order_id, amount FROM t_order WHERE amount BETWEEN 500 AND 510 ORDER BY amount, order_id;
-- name: orders-by-id-window
SELECT order_id, user_id FROM t_order WHERE order_id > 1990 ORDER BY order_id;
-- name: orders-by-id-between-params
-- params: 100, 120
SELECT order_id FROM t_order WHERE order_id BETWEEN ? AND ? ORDER BY order_id;
-- name: orders-user-range
SELECT COUNT(*) FROM t_order WHERE user_id BETWEEN 10 AND 20;
-- name: orders-user-id-lt
SELECT user_id, COUNT(*) FROM t_order WHERE user_id < 5 GROUP BY user_id ORDER BY user_id;
-- name: users-by-birth
SELECT user_id, birth_date FROM t_user WHERE birth_date BETWEEN '1980-01-01' AND '1980-12-31' ORDER BY birth_date, user_id;
-- name: users-by-balance
SELECT user_id, balance FROM t_user WHERE balance < 0 ORDER BY balance, user_id;
-- name: users-id-range
SELECT user_id, name FROM t_user WHERE user_id BETWEEN 100 AND 110 ORDER BY user_id;
-- name: users-id-not-between
SELECT COUNT(*) FROM t_user WHERE user_id NOT BETWEEN 10 AND 290;
-- name: products-price-filter
-- params: 10, 50
SELECT sku, title, price FROM t_product WHERE price >= ? AND price <= ? ORDER BY price, sku;
-- name: products-sku-range
SELECT sku FROM t_product WHERE sku BETWEEN 'SKU-0010' AND 'SKU-0020' ORDER BY sku;
-- name: products-created-range
SELECT COUNT(*) FROM t_product WHERE created_on >= '2024-01-01';
-- name: audit-time-range
SELECT audit_id, logged_at FROM t_audit WHERE logged_at >= '2024-04-01' AND logged_at < '2024-04-02' ORDER BY logged_at, audit_id;
-- name: audit-id-range
SELECT audit_id, user_id FROM t_audit WHERE audit_id BETWEEN 400 AND 410 ORDER BY audit_id;
-- name: items-price-range
SELECT item_id, price FROM t_order_item WHERE price > 199.5 ORDER BY price DESC, item_id;
-- name: ledger-amount-range
SELECT entry_id, amount FROM t_ledger WHERE amount BETWEEN -0.5 AND 0.5 ORDER BY amount, entry_id;
-- name: ledger-date-range-sum
SELECT currency, SUM(amount) FROM t_ledger WHERE booked_at >= '2024-05-01' AND booked_at < '2024-06-01' GROUP BY currency ORDER BY currency;
-- name: ledger-range-or
SELECT COUNT(*) FROM t_ledger WHERE entry_id < 10 OR entry_id > 2990;
