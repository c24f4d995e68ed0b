-- Where a catalog row came from: a catalog import, or only seen in orders synced from analytics
-- (a catalog import of the same id later replaces it).
ALTER TABLE products ADD COLUMN source text NOT NULL DEFAULT 'catalog' CHECK (source IN ('catalog', 'orders'));

-- Purchases synced from the analytics change feed, one row per order line. An order that comes
-- again replaces all its lines, so syncing twice changes nothing.
CREATE TABLE purchases (
    order_id   text          NOT NULL,
    line_no    int           NOT NULL,
    user_id    text          NOT NULL,
    product_id text          NOT NULL,
    quantity   int           NOT NULL,
    amount     numeric(14, 2) NOT NULL,
    ordered_on date          NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE INDEX purchases_user ON purchases (user_id);

-- What the web shop reports: views, carts, purchases, ratings. The same event sent twice is stored once.
CREATE TABLE interactions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     text        NOT NULL,
    product_id  text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('view', 'cart', 'purchase', 'rating')),
    rating      smallint    CHECK (rating BETWEEN 1 AND 5),
    quantity    int         NOT NULL DEFAULT 1 CHECK (quantity > 0),
    occurred_at timestamptz NOT NULL,
    UNIQUE (user_id, product_id, kind, occurred_at)
);
CREATE INDEX interactions_user ON interactions (user_id);

-- Explicit wishes of a user: categories (or sub-categories) and a price range.
CREATE TABLE preferences (
    user_id    text PRIMARY KEY,
    categories text[]        NOT NULL DEFAULT '{}',
    min_price  numeric(14, 2),
    max_price  numeric(14, 2),
    updated_at timestamptz   NOT NULL DEFAULT now(),
    CHECK (min_price IS NULL OR max_price IS NULL OR min_price <= max_price)
);

-- Review sentiment per product, synced from the sentiment change feed.
CREATE TABLE product_sentiment (
    product_id     text PRIMARY KEY,
    reviews        int              NOT NULL,
    mean_polarity  double precision NOT NULL,
    positive_share double precision NOT NULL,
    negative_share double precision NOT NULL,
    synced_at      timestamptz      NOT NULL DEFAULT now()
);

-- Catalog imports and model builds as jobs: progress while they run, the outcome at the end.
CREATE TABLE jobs (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('catalog-import', 'model-build')),
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    phase         text        NOT NULL DEFAULT 'queued',
    percent       double precision NOT NULL DEFAULT 0,
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_stored   bigint      NOT NULL DEFAULT 0,
    rows_rejected bigint      NOT NULL DEFAULT 0,
    errors        jsonb       NOT NULL DEFAULT '[]',
    result        jsonb,
    failure       text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
