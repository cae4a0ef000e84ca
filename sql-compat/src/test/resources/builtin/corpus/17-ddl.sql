-- Schema changes an application's migration tool runs, each followed by a checking query.
-- name: add-column
ALTER TABLE t_order ADD COLUMN coupon VARCHAR(20) NULL;
-- name: check-add-column
SELECT COUNT(*), COUNT(coupon) FROM t_order;
-- name: use-new-column
UPDATE t_order SET coupon = 'WELCOME' WHERE user_id = 1;
-- name: check-new-column
SELECT coupon, COUNT(*) FROM t_order GROUP BY coupon ORDER BY coupon;
-- name: add-index
CREATE INDEX idx_order_status ON t_order (status);
-- name: check-index-used
SELECT COUNT(*) FROM t_order FORCE INDEX (idx_order_status) WHERE status = 'PAID';
-- name: drop-index
DROP INDEX idx_order_status ON t_order;
-- name: alter-modify-column
ALTER TABLE t_order MODIFY COLUMN coupon VARCHAR(40) NULL;
-- name: drop-column
ALTER TABLE t_order DROP COLUMN coupon;
-- name: check-drop-column
SELECT * FROM t_order WHERE order_id = 1;
-- name: alter-broadcast
ALTER TABLE t_status ADD COLUMN color CHAR(7) NULL DEFAULT '#000000';
-- name: check-alter-broadcast
SELECT code, color FROM t_status ORDER BY code;
-- name: create-new-unknown-table
CREATE TABLE t_note (id INT NOT NULL PRIMARY KEY, body VARCHAR(100) NOT NULL) DEFAULT CHARSET utf8mb4;
-- name: insert-new-unknown-table
INSERT INTO t_note (id, body) VALUES (1, 'hello'), (2, 'wörld');
-- name: check-new-unknown-table
SELECT * FROM t_note ORDER BY id;
-- name: drop-new-unknown-table
DROP TABLE t_note;
-- name: truncate-single
TRUNCATE TABLE t_setting;
-- name: check-truncate-single
SELECT COUNT(*) FROM t_setting;
-- name: alter-sharded-add-index-inline
ALTER TABLE t_event ADD INDEX idx_kind (kind);
-- name: check-alter-sharded
SELECT kind, COUNT(*) FROM t_event FORCE INDEX (idx_kind) GROUP BY kind ORDER BY kind;
-- name: truncate-sharded
TRUNCATE TABLE t_audit;
-- name: check-truncate-sharded
SELECT COUNT(*) FROM t_audit;
-- name: rename-column
ALTER TABLE t_ledger CHANGE memo remark VARCHAR(100) NULL;
-- name: check-rename-column
SELECT COUNT(remark) FROM t_ledger;
