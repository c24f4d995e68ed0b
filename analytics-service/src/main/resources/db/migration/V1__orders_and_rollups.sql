-- Orders and their lines as imported; money in cents so sums are exact and fast.
CREATE TABLE imports (
    id            bigserial PRIMARY KEY,
    format        text        NOT NULL,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz,
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_stored   bigint      NOT NULL DEFAULT 0,
    rows_rejected bigint      NOT NULL DEFAULT 0
);

CREATE TABLE orders (
    order_id      text PRIMARY KEY,
    order_date    date   NOT NULL,
    customer_key  text   NOT NULL,
    customer_name text   NOT NULL,
    state         text   NOT NULL,
    city          text   NOT NULL,
    import_id     bigint NOT NULL REFERENCES imports (id)
);
CREATE INDEX orders_customer ON orders (customer_key);

CREATE TABLE order_lines (
    id           bigserial PRIMARY KEY,
    order_id     text   NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
    product_id   text,
    product_name text,
    category     text   NOT NULL,
    sub_category text   NOT NULL,
    quantity     int    NOT NULL,
    amount_cents bigint NOT NULL,
    profit_cents bigint NOT NULL,
    payment_mode text   NOT NULL,
    import_id    bigint NOT NULL REFERENCES imports (id)
);
CREATE INDEX order_lines_order ON order_lines (order_id);

-- Rollups, maintained in the import transaction, so that no view scans order lines.
-- Line measures at the finest grain the filters need.
CREATE TABLE sales_daily (
    day           date   NOT NULL,
    category      text   NOT NULL,
    sub_category  text   NOT NULL,
    state         text   NOT NULL,
    city          text   NOT NULL,
    payment_mode  text   NOT NULL,
    revenue_cents bigint NOT NULL,
    profit_cents  bigint NOT NULL,
    units         bigint NOT NULL,
    lines         bigint NOT NULL,
    PRIMARY KEY (day, category, sub_category, state, city, payment_mode)
);

-- Order counts are not additive over line dimensions, so orders get their own grain:
-- an order has one day, state and city, so these counts add up over any of them.
CREATE TABLE orders_daily (
    day           date   NOT NULL,
    state         text   NOT NULL,
    city          text   NOT NULL,
    orders        bigint NOT NULL,
    revenue_cents bigint NOT NULL,
    profit_cents  bigint NOT NULL,
    units         bigint NOT NULL,
    PRIMARY KEY (day, state, city)
);

-- Orders per payment mode (an order paid in two modes counts once in each).
CREATE TABLE payment_daily (
    day           date   NOT NULL,
    payment_mode  text   NOT NULL,
    state         text   NOT NULL,
    city          text   NOT NULL,
    orders        bigint NOT NULL,
    revenue_cents bigint NOT NULL,
    PRIMARY KEY (day, payment_mode, state, city)
);
