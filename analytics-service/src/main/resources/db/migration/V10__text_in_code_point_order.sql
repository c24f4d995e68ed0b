-- Ids, keys and dimension names are compared in code point order ("C"), whatever the database's own
-- collation. The import sorts what it stages in Java, whose order is the code point order, so that the
-- merges and index inserts find their input presorted; in a database created with a linguistic
-- collation (the postgres image's en_US.utf8, or ICU) that order was not the indexes' order, and every
-- comparison of a key went through the locale: a 1M-line import took 29.4 s in an ICU en-US database
-- against 24.5 s in a C.UTF-8 one on the same machine (BENCHMARKS.md, 2026-12-04). In a database that
-- already sorts by code point (C.UTF-8) nothing is reordered; elsewhere names listed in order are listed
-- by code point (capitals before small letters).
-- Only the indexes are rebuilt: a change of collation does not rewrite the tables.
ALTER TABLE orders
    ALTER COLUMN order_id TYPE text COLLATE "C",
    ALTER COLUMN customer_key TYPE text COLLATE "C",
    ALTER COLUMN customer_name TYPE text COLLATE "C",
    ALTER COLUMN state TYPE text COLLATE "C",
    ALTER COLUMN city TYPE text COLLATE "C";
ALTER TABLE order_lines
    ALTER COLUMN order_id TYPE text COLLATE "C",
    ALTER COLUMN product_id TYPE text COLLATE "C",
    ALTER COLUMN product_name TYPE text COLLATE "C",
    ALTER COLUMN category TYPE text COLLATE "C",
    ALTER COLUMN sub_category TYPE text COLLATE "C",
    ALTER COLUMN payment_mode TYPE text COLLATE "C";
ALTER TABLE sales_cube
    ALTER COLUMN category TYPE text COLLATE "C",
    ALTER COLUMN sub_category TYPE text COLLATE "C",
    ALTER COLUMN payment_mode TYPE text COLLATE "C",
    ALTER COLUMN state TYPE text COLLATE "C",
    ALTER COLUMN city TYPE text COLLATE "C";
ALTER TABLE product_sales
    ALTER COLUMN product_key TYPE text COLLATE "C",
    ALTER COLUMN product_name TYPE text COLLATE "C",
    ALTER COLUMN category TYPE text COLLATE "C",
    ALTER COLUMN sub_category TYPE text COLLATE "C";
ALTER TABLE customers
    ALTER COLUMN customer_key TYPE text COLLATE "C",
    ALTER COLUMN customer_name TYPE text COLLATE "C",
    ALTER COLUMN state TYPE text COLLATE "C",
    ALTER COLUMN city TYPE text COLLATE "C";
ALTER TABLE customer_months
    ALTER COLUMN customer_key TYPE text COLLATE "C";
