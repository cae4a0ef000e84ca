-- Less common column types through merged (multi-shard) results: every value must read as the server sends it.
-- name: types-point
SELECT event_id, priority, tags, duration, yr, seen_at, counter, level, flags, raw FROM t_event WHERE event_id = 10;
-- name: types-scatter-all
SELECT event_id, priority, tags, duration, yr, seen_at, counter, level, HEX(flags), HEX(raw) FROM t_event;
-- name: types-raw-columns-scatter
SELECT event_id, flags, raw FROM t_event WHERE event_id < 100;
-- name: enum-order
SELECT event_id, priority FROM t_event ORDER BY priority, event_id LIMIT 50;
-- name: enum-order-desc-deep
SELECT event_id, priority FROM t_event ORDER BY priority DESC, event_id LIMIT 600, 30;
-- name: enum-group
SELECT priority, COUNT(*) FROM t_event GROUP BY priority ORDER BY priority;
-- name: enum-distinct
SELECT DISTINCT priority FROM t_event ORDER BY priority;
-- name: enum-min-max
SELECT MIN(priority), MAX(priority) FROM t_event;
-- name: enum-filter
SELECT COUNT(*) FROM t_event WHERE priority = 'urgent';
-- name: enum-range-filter
SELECT COUNT(*) FROM t_event WHERE priority > 'high';
-- name: set-filter
SELECT COUNT(*) FROM t_event WHERE FIND_IN_SET('vip', tags) > 0;
-- name: set-order
SELECT event_id, tags FROM t_event ORDER BY tags, event_id LIMIT 40;
-- name: set-group
SELECT tags, COUNT(*) FROM t_event GROUP BY tags ORDER BY tags;
-- name: time-order
SELECT event_id, duration FROM t_event ORDER BY duration, event_id LIMIT 40;
-- name: time-order-desc
SELECT event_id, duration FROM t_event WHERE duration IS NOT NULL ORDER BY duration DESC, event_id LIMIT 40;
-- name: time-min-max-sum
SELECT MIN(duration), MAX(duration), SUM(duration) FROM t_event;
-- name: time-group
SELECT duration, COUNT(*) FROM t_event GROUP BY duration ORDER BY duration;
-- name: year-order
SELECT event_id, yr FROM t_event ORDER BY yr DESC, event_id LIMIT 30;
-- name: year-group
SELECT yr, COUNT(*) FROM t_event WHERE yr > 2020 GROUP BY yr ORDER BY yr;
-- name: year-min-max
SELECT MIN(yr), MAX(yr) FROM t_event;
-- name: timestamp-order
SELECT event_id, seen_at FROM t_event ORDER BY seen_at DESC, event_id LIMIT 30;
-- name: timestamp-min-max
SELECT MIN(seen_at), MAX(seen_at) FROM t_event;
-- name: unsigned-order
SELECT event_id, counter FROM t_event ORDER BY counter DESC, event_id LIMIT 40;
-- name: unsigned-order-asc-deep
SELECT event_id, counter FROM t_event ORDER BY counter, event_id LIMIT 1000, 40;
-- name: unsigned-min-max
SELECT MIN(counter), MAX(counter) FROM t_event;
-- name: unsigned-sum
SELECT SUM(counter), COUNT(counter) FROM t_event WHERE counter < 100;
-- name: unsigned-sum-large
SELECT SUM(counter) FROM t_event;
-- name: unsigned-avg
SELECT AVG(counter) FROM t_event;
-- name: unsigned-group
SELECT counter, COUNT(*) FROM t_event GROUP BY counter ORDER BY counter;
-- name: unsigned-distinct
SELECT DISTINCT counter FROM t_event ORDER BY counter DESC;
-- name: tinyint-unsigned-stats
SELECT MIN(level), MAX(level), SUM(level), AVG(level) FROM t_event;
-- name: tinyint-unsigned-order
SELECT event_id, level FROM t_event ORDER BY level DESC, event_id LIMIT 20;
-- name: bit-order
SELECT event_id, HEX(flags) FROM t_event ORDER BY flags, event_id LIMIT 30;
-- name: bit-group
SELECT flags + 0 AS f, COUNT(*) FROM t_event GROUP BY flags ORDER BY f LIMIT 20;
-- name: bit-max
SELECT MAX(flags) + 0 FROM t_event;
-- name: varbinary-order
SELECT event_id, HEX(raw) FROM t_event ORDER BY raw, event_id LIMIT 30;
-- name: varbinary-distinct-count
SELECT COUNT(DISTINCT raw) FROM t_event;
-- name: varbinary-min-max
SELECT HEX(MIN(raw)), HEX(MAX(raw)) FROM t_event;
-- name: json-extract-order
SELECT event_id, JSON_EXTRACT(payload, '$.page') AS page FROM t_event WHERE payload IS NOT NULL ORDER BY event_id LIMIT 20;
-- name: double-values-scatter
SELECT event_id, metric FROM t_event WHERE metric > 99;
-- name: datetime-group-hour
SELECT HOUR(created_at) AS h, COUNT(*) FROM t_event GROUP BY HOUR(created_at) ORDER BY h;
-- name: decimal-scale-sum
SELECT SUM(amount), MIN(amount), MAX(amount) FROM t_ledger WHERE currency = 'CHF';
-- name: decimal-avg-scale
SELECT currency, AVG(amount) FROM t_ledger GROUP BY currency ORDER BY currency;
-- name: count-type
SELECT COUNT(*) AS n, COUNT(DISTINCT kind) AS kinds FROM t_event;
-- name: boolean-like
SELECT active, COUNT(*) FROM t_user GROUP BY active ORDER BY active;
-- name: boolean-sum
SELECT SUM(active), MAX(active) FROM t_user;
-- name: datetime3-order
SELECT event_id, precise_at FROM t_event ORDER BY precise_at DESC, event_id LIMIT 30;
-- name: datetime3-min-max
SELECT MIN(precise_at), MAX(precise_at) FROM t_event;
-- name: datetime3-group
SELECT DATE(precise_at) AS d, COUNT(*) FROM t_event GROUP BY DATE(precise_at) ORDER BY d;
-- name: datetime3-scatter
SELECT event_id, precise_at FROM t_event WHERE precise_at >= '2024-05-01 12:00:00.500' AND precise_at < '2024-05-01 12:30:00';
-- name: double-extremes-order
SELECT event_id, extreme FROM t_event WHERE extreme IS NOT NULL ORDER BY extreme, event_id LIMIT 40;
-- name: double-extremes-min-max
SELECT MIN(extreme), MAX(extreme) FROM t_event;
-- name: double-extremes-group
SELECT extreme, COUNT(*) FROM t_event GROUP BY extreme ORDER BY extreme;
-- name: double-extremes-distinct
SELECT DISTINCT extreme FROM t_event;
-- name: decimal-fine-order
SELECT event_id, fine FROM t_event ORDER BY fine DESC, event_id LIMIT 30;
-- name: decimal-fine-sum-avg
SELECT SUM(fine), AVG(fine), MIN(fine), MAX(fine) FROM t_event;
-- name: decimal-fine-grouped-sum
SELECT kind, SUM(fine), AVG(fine) FROM t_event GROUP BY kind ORDER BY kind;
-- name: text-order
SELECT event_id, note FROM t_event WHERE note IS NOT NULL ORDER BY note, event_id LIMIT 40;
-- name: text-group-count
SELECT COUNT(*) AS n FROM t_event GROUP BY note ORDER BY n, MIN(event_id);
-- name: text-min-max
SELECT MIN(note), MAX(note) FROM t_event WHERE note <> 'long text ✓';
-- name: text-distinct-count
SELECT COUNT(DISTINCT note) FROM t_event;
