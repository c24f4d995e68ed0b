-- A customer's reviews, found at once when they ask to be forgotten.
CREATE INDEX reviews_customer ON reviews (customer_id) WHERE customer_id IS NOT NULL;
