-- Offline evaluations of the model on the store's own purchases run as jobs too.
ALTER TABLE jobs DROP CONSTRAINT jobs_kind_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_check CHECK (kind IN ('catalog-import', 'model-build', 'evaluation'));
