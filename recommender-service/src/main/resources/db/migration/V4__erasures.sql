-- One row per erasure that deleted something, without the customer's id (the point is to forget it). The
-- data fingerprint counts them, so that every instance rebuilds its model without the customer.
CREATE TABLE erasures (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    erased_at timestamptz NOT NULL DEFAULT now()
);
