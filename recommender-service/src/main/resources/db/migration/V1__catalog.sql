-- The product catalog the recommender owns (filled by catalog imports, see the recommender issue).
CREATE TABLE products (
    product_id   text PRIMARY KEY,
    name         text           NOT NULL,
    description  text           NOT NULL DEFAULT '',
    category     text           NOT NULL,
    sub_category text           NOT NULL,
    price        numeric(14, 2) NOT NULL CHECK (price >= 0),
    in_stock     boolean        NOT NULL DEFAULT true,
    attributes   jsonb          NOT NULL DEFAULT '{}'::jsonb,
    updated_at   timestamptz    NOT NULL DEFAULT now()
);
CREATE INDEX products_category ON products (category, sub_category);

-- Where each change feed of a peer service was read up to, so syncing is incremental and idempotent.
CREATE TABLE feed_cursors (
    feed       text PRIMARY KEY,
    cursor     text        NOT NULL,
    synced_at  timestamptz NOT NULL DEFAULT now()
);
