-- The built-in suite's logical schema: run as is on the plain database, and through Shardline, which
-- creates every actual table (broadcast tables on every data source, t_setting on ds_0).
CREATE TABLE t_user (user_id INT NOT NULL PRIMARY KEY, name VARCHAR(60) COLLATE utf8mb4_general_ci NOT NULL,
  email VARCHAR(100) COLLATE utf8mb4_general_ci NULL, city VARCHAR(40) COLLATE utf8mb4_general_ci NULL,
  tier TINYINT NOT NULL, score DOUBLE NULL, balance DECIMAL(12,2) NULL, birth_date DATE NULL,
  created_at DATETIME NOT NULL, active TINYINT(1) NOT NULL, KEY idx_city (city)) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_order (order_id BIGINT NOT NULL PRIMARY KEY, user_id INT NOT NULL,
  status VARCHAR(16) COLLATE utf8mb4_general_ci NOT NULL, amount DECIMAL(10,2) NOT NULL, discount DECIMAL(8,2) NULL,
  created_at DATETIME NOT NULL, paid_on DATE NULL, channel VARCHAR(10) COLLATE utf8mb4_general_ci NULL,
  note VARCHAR(200) COLLATE utf8mb4_bin NULL, KEY idx_user (user_id), KEY idx_created (created_at)) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_order_item (item_id BIGINT NOT NULL PRIMARY KEY, order_id BIGINT NOT NULL, user_id INT NOT NULL,
  sku VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL, qty INT NOT NULL, price DECIMAL(10,2) NOT NULL,
  weight DOUBLE NULL, KEY idx_order (order_id)) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_product (sku VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL PRIMARY KEY,
  title VARCHAR(100) COLLATE utf8mb4_unicode_ci NOT NULL, category_id INT NULL, price DECIMAL(10,2) NOT NULL,
  stock INT NOT NULL, rating FLOAT NULL, created_on DATE NOT NULL) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_ledger (entry_id BIGINT NOT NULL PRIMARY KEY, account_id INT NOT NULL, amount DECIMAL(14,4) NOT NULL,
  currency CHAR(3) COLLATE utf8mb4_general_ci NOT NULL, booked_at DATETIME NOT NULL,
  memo VARCHAR(100) COLLATE utf8mb4_general_ci NULL) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_event (event_id BIGINT NOT NULL PRIMARY KEY, user_id INT NOT NULL,
  kind VARCHAR(20) COLLATE utf8mb4_general_ci NOT NULL, created_at DATETIME NOT NULL,
  payload VARCHAR(200) COLLATE utf8mb4_general_ci NULL, metric DOUBLE NULL,
  priority ENUM('low', 'mid', 'high', 'urgent') NULL, tags SET('mobile', 'beta', 'vip') NULL, duration TIME NULL,
  yr YEAR NULL, seen_at TIMESTAMP NULL, counter BIGINT UNSIGNED NULL, level TINYINT UNSIGNED NULL, flags BIT(8) NULL,
  raw VARBINARY(8) NULL, precise_at DATETIME(3) NULL, extreme DOUBLE NULL, fine DECIMAL(20,10) NULL,
  note TEXT COLLATE utf8mb4_general_ci NULL) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_audit (audit_id BIGINT NOT NULL PRIMARY KEY, user_id INT NOT NULL,
  action VARCHAR(30) COLLATE utf8mb4_general_ci NOT NULL, logged_at DATETIME NOT NULL,
  detail VARCHAR(100) COLLATE utf8mb4_general_ci NULL) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_status (code VARCHAR(16) COLLATE utf8mb4_general_ci NOT NULL PRIMARY KEY,
  label VARCHAR(40) COLLATE utf8mb4_general_ci NOT NULL, sort_order INT NOT NULL, is_final TINYINT(1) NOT NULL)
  DEFAULT CHARSET utf8mb4;
CREATE TABLE t_category (category_id INT NOT NULL PRIMARY KEY, name VARCHAR(40) COLLATE utf8mb4_general_ci NOT NULL,
  parent_id INT NULL) DEFAULT CHARSET utf8mb4;
CREATE TABLE t_setting (name VARCHAR(40) COLLATE utf8mb4_general_ci NOT NULL PRIMARY KEY,
  value VARCHAR(100) COLLATE utf8mb4_general_ci NULL, updated_at DATETIME NOT NULL) DEFAULT CHARSET utf8mb4;
