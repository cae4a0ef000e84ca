-- name: open-tickets
SELECT ticket_id, title FROM t_ticket WHERE state = 'open' ORDER BY opened DESC, ticket_id;
-- name: ticket-by-id
-- params: 4
SELECT * FROM t_ticket WHERE ticket_id = ?;
-- name: per-state
SELECT state, COUNT(*) FROM t_ticket GROUP BY state;
-- name: close-one
UPDATE t_ticket SET state = 'closed' WHERE ticket_id = 3;
-- name: check-close-one
SELECT state, COUNT(*) AS n FROM t_ticket GROUP BY state ORDER BY state;
