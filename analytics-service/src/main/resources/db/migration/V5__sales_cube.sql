-- One rollup for every sales view, replacing sales_daily / orders_daily / payment_daily.
--
-- A row holds the sales of one cell: a period (grain 'd' = a day, 'm' = a month starting that day),
-- the line dimensions named by `dims` (bit 1 category, bit 2 sub-category, bit 4 payment mode; an
-- unnamed dimension is '') and a place (state and city, or '' for all places). `orders` counts the
-- distinct orders with a line in the cell, so it is exact for any filter that names the cell's
-- dimensions and adds up over days and places (an order has one day and one place).
--
-- Month rows exist for every combination of dimensions, per city. Day rows exist for every
-- combination without a place, and for whole orders per city (dims = 0): a row per day, city and
-- sub-category and payment mode would be as many rows as there are order lines, and so would cost
-- as much to keep as the lines themselves.
CREATE TABLE sales_cube (
    dims          smallint NOT NULL,
    grain         "char"   NOT NULL CHECK (grain IN ('d', 'm')),
    category      text     NOT NULL,
    sub_category  text     NOT NULL,
    payment_mode  text     NOT NULL,
    period        date     NOT NULL,
    state         text     NOT NULL,
    city          text     NOT NULL,
    orders        bigint   NOT NULL,
    revenue_cents bigint   NOT NULL,
    profit_cents  bigint   NOT NULL,
    units         bigint   NOT NULL,
    lines         bigint   NOT NULL,
    PRIMARY KEY (dims, grain, category, sub_category, payment_mode, period, state, city)
);
-- queries that group by a line dimension and filter on another scan a dims/grain/period slice
CREATE INDEX sales_cube_period ON sales_cube (dims, grain, period);
-- cells emptied by a re-import are found without scanning the cube
CREATE INDEX sales_cube_empty ON sales_cube (dims) WHERE lines = 0;

-- Sales per product and month: the product rankings read this. A row per product and day would be
-- nearly a row per order line, so rankings are answered for whole months.
-- Lines without a product id are ranked by product name, and without either by sub-category.
CREATE TABLE product_sales (
    grain         "char"   NOT NULL CHECK (grain = 'm'),
    period        date     NOT NULL,
    product_key   text     NOT NULL,
    product_name  text     NOT NULL,
    category      text     NOT NULL,
    sub_category  text     NOT NULL,
    orders        bigint   NOT NULL,
    revenue_cents bigint   NOT NULL,
    profit_cents  bigint   NOT NULL,
    units         bigint   NOT NULL,
    lines         bigint   NOT NULL,
    PRIMARY KEY (grain, period, product_key)
);
CREATE INDEX product_sales_empty ON product_sales (grain) WHERE lines = 0;

-- Rebuild from the stored lines so that an existing store keeps its views.
CREATE TEMP TABLE migrate_oc AS
SELECT o.order_id, o.order_date AS day, o.state, o.city, l.category, l.sub_category, l.payment_mode,
       sum(l.amount_cents) AS revenue, sum(l.profit_cents) AS profit, sum(l.quantity) AS units, count(*) AS lines
  FROM order_lines l JOIN orders o ON o.order_id = l.order_id
 GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE TEMP TABLE migrate_cells AS
SELECT 7 AS dims, day, state, city, category, sub_category, payment_mode, revenue, profit, units, lines
  FROM migrate_oc
UNION ALL
SELECT 3, day, state, city, category, sub_category, '', sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_oc GROUP BY order_id, day, state, city, category, sub_category
UNION ALL
SELECT 5, day, state, city, category, '', payment_mode, sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_oc GROUP BY order_id, day, state, city, category, payment_mode
UNION ALL
SELECT 1, day, state, city, category, '', '', sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_oc GROUP BY order_id, day, state, city, category
UNION ALL
SELECT 4, day, state, city, '', '', payment_mode, sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_oc GROUP BY order_id, day, state, city, payment_mode
UNION ALL
SELECT 0, day, state, city, '', '', '', sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_oc GROUP BY order_id, day, state, city;

INSERT INTO sales_cube
SELECT dims, 'd', category, sub_category, payment_mode, day,
       CASE WHEN dims = 0 THEN state ELSE '' END, CASE WHEN dims = 0 THEN city ELSE '' END,
       count(*), sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_cells GROUP BY 1, 3, 4, 5, 6, 7, 8;
INSERT INTO sales_cube
SELECT dims, 'm', category, sub_category, payment_mode, date_trunc('month', day)::date, state, city,
       count(*), sum(revenue), sum(profit), sum(units), sum(lines)
  FROM migrate_cells GROUP BY 1, 3, 4, 5, 6, 7, 8;

INSERT INTO product_sales
SELECT grain, period, product_key, max(product_name), max(category), max(sub_category),
       count(DISTINCT order_id), sum(amount_cents), sum(profit_cents), sum(quantity), count(*)
  FROM (SELECT 'm'::"char" AS grain, date_trunc('month', o.order_date)::date AS period,
               coalesce(l.product_id, l.product_name, l.category || ' / ' || l.sub_category) AS product_key,
               coalesce(l.product_name, l.product_id, l.sub_category) AS product_name,
               l.category, l.sub_category, l.order_id, l.amount_cents, l.profit_cents, l.quantity
          FROM order_lines l JOIN orders o ON o.order_id = l.order_id) x
 GROUP BY 1, 2, 3;

DROP TABLE migrate_cells;
DROP TABLE migrate_oc;
DROP TABLE sales_daily;
DROP TABLE orders_daily;
DROP TABLE payment_daily;
