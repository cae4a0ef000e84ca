INSERT IGNORE INTO product (sku, name, price) VALUES ('A-1', 'anchor', 19.90), ('B-2', 'buoy', 7.50), ('C-3', 'chain', 42.00);
