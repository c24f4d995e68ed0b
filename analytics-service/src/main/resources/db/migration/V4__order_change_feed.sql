-- The order-line change feed for the recommender: every import gives the orders it writes a new,
-- higher change_seq. Imports take the data_version row lock before assigning them, so numbers are
-- handed out in commit order and a reader that saw N has seen every order numbered below N.
CREATE SEQUENCE order_change_seq;
ALTER TABLE orders ADD COLUMN change_seq bigint;
UPDATE orders SET change_seq = nextval('order_change_seq');
ALTER TABLE orders ALTER COLUMN change_seq SET NOT NULL;
CREATE UNIQUE INDEX orders_change_seq ON orders (change_seq);
