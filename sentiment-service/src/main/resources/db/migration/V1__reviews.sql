-- Reviews the sentiment service owns, with the scores of the model version that produced them.
CREATE TABLE reviews (
    review_id     text PRIMARY KEY,
    product_id    text        NOT NULL,
    customer_id   text,
    rating        smallint CHECK (rating BETWEEN 1 AND 5),
    title         text        NOT NULL DEFAULT '',
    text          text        NOT NULL,
    created_at    timestamptz NOT NULL,
    polarity      real        CHECK (polarity BETWEEN -1 AND 1),
    subjectivity  real        CHECK (subjectivity BETWEEN 0 AND 1),
    model_version text
);
CREATE INDEX reviews_product ON reviews (product_id, created_at);
