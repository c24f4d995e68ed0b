-- Scores of a review as the scorer gave them at ingest, the aspects it found, and one summary row per
-- product that the recommender follows through a change feed (change_seq grows with every change).
ALTER TABLE reviews
    ADD COLUMN label       text,
    ADD COLUMN confidence  real CHECK (confidence BETWEEN 0 AND 1),
    ADD COLUMN english     boolean NOT NULL DEFAULT true,
    ADD COLUMN scored_at   timestamptz,
    ADD COLUMN ingested_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN ingest_seq  bigint;

CREATE SEQUENCE review_ingest_seq;
CREATE UNIQUE INDEX reviews_ingest_seq ON reviews (ingest_seq);

CREATE TABLE review_aspects (
    review_id  text    NOT NULL REFERENCES reviews (review_id) ON DELETE CASCADE,
    product_id text    NOT NULL,
    aspect     text    NOT NULL,
    polarity   real    NOT NULL CHECK (polarity BETWEEN -1 AND 1),
    mentions   integer NOT NULL CHECK (mentions > 0),
    PRIMARY KEY (review_id, aspect)
);
CREATE INDEX review_aspects_product ON review_aspects (product_id, aspect);

CREATE SEQUENCE product_sentiment_change_seq;

CREATE TABLE product_sentiment (
    product_id     text PRIMARY KEY,
    reviews        integer NOT NULL,
    scored         integer NOT NULL,   -- reviews in English, the ones the figures below cover
    mean_polarity  real,
    positive       integer NOT NULL,
    neutral        integer NOT NULL,
    negative       integer NOT NULL,
    rated          integer NOT NULL,
    mean_rating    real,
    mismatches     integer NOT NULL,   -- 4-5 stars with a negative text, or 1-2 stars with a positive one
    first_review   timestamptz,
    last_review    timestamptz,
    model_version  text NOT NULL,
    updated_at     timestamptz NOT NULL,
    change_seq     bigint NOT NULL
);
CREATE UNIQUE INDEX product_sentiment_change ON product_sentiment (change_seq);
