-- Order totals, so that per-customer figures come from orders without reading their lines.
ALTER TABLE orders ADD COLUMN revenue_cents bigint NOT NULL DEFAULT 0,
                   ADD COLUMN profit_cents  bigint NOT NULL DEFAULT 0,
                   ADD COLUMN units         bigint NOT NULL DEFAULT 0,
                   ADD COLUMN lines         int    NOT NULL DEFAULT 0;
UPDATE orders o
   SET revenue_cents = t.revenue, profit_cents = t.profit, units = t.units, lines = t.lines
  FROM (SELECT order_id, sum(amount_cents) AS revenue, sum(profit_cents) AS profit, sum(quantity) AS units,
               count(*) AS lines
          FROM order_lines GROUP BY order_id) t
 WHERE t.order_id = o.order_id;

-- One row per customer: what segments, RFM, clusters and purchase frequency are computed from.
-- Name, state and city are those of the customer's latest order. Rebuilt per customer by every
-- import that writes one of the customer's orders.
CREATE TABLE customers (
    customer_key  text   PRIMARY KEY,
    customer_name text   NOT NULL,
    state         text   NOT NULL,
    city          text   NOT NULL,
    first_day     date   NOT NULL,
    last_day      date   NOT NULL,
    orders        bigint NOT NULL,
    revenue_cents bigint NOT NULL,
    profit_cents  bigint NOT NULL,
    units         bigint NOT NULL
);

-- The months each customer ordered in: the cohort retention matrix and a customer's history.
CREATE TABLE customer_months (
    customer_key  text   NOT NULL,
    month         date   NOT NULL,
    orders        bigint NOT NULL,
    revenue_cents bigint NOT NULL,
    PRIMARY KEY (customer_key, month)
);

INSERT INTO customers
SELECT customer_key, (array_agg(customer_name ORDER BY order_date DESC, order_id DESC))[1],
       (array_agg(state ORDER BY order_date DESC, order_id DESC))[1],
       (array_agg(city ORDER BY order_date DESC, order_id DESC))[1],
       min(order_date), max(order_date), count(*), sum(revenue_cents), sum(profit_cents), sum(units)
  FROM orders GROUP BY customer_key;
INSERT INTO customer_months
SELECT customer_key, date_trunc('month', order_date)::date, count(*), sum(revenue_cents)
  FROM orders GROUP BY 1, 2;
