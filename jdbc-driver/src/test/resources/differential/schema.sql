-- Logical schema of the differential test. Run on the plain database as is, and through Shardline,
-- which applies each statement to every actual table.
CREATE TABLE t_order (order_id BIGINT NOT NULL PRIMARY KEY, user_id INT NOT NULL, status VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL, amount DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL, note VARCHAR(50) COLLATE utf8mb4_bin NULL, KEY idx_user (user_id)) DEFAULT CHARSET utf8mb4
CREATE TABLE t_order_item (item_id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, user_id INT NOT NULL, sku VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL, qty INT NOT NULL, price DECIMAL(10,2) NOT NULL) DEFAULT CHARSET utf8mb4
CREATE TABLE t_user (user_id INT NOT NULL PRIMARY KEY, name VARCHAR(30) COLLATE utf8mb4_general_ci NOT NULL, city VARCHAR(20) COLLATE utf8mb4_general_ci NULL) DEFAULT CHARSET utf8mb4
CREATE TABLE t_account (account_id INT NOT NULL PRIMARY KEY, owner VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL, balance DECIMAL(12,2) NOT NULL) DEFAULT CHARSET utf8mb4
CREATE TABLE t_dict (code VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL PRIMARY KEY, label VARCHAR(40) NOT NULL) DEFAULT CHARSET utf8mb4
CREATE TABLE t_config (k VARCHAR(20) NOT NULL PRIMARY KEY, v VARCHAR(40) NOT NULL) DEFAULT CHARSET utf8mb4
CREATE INDEX idx_sku ON t_order_item (sku)
