-- Imports run as jobs: a row is written when the upload is accepted, progress is written as the
-- job reads and applies (outside the import's transaction, so readers see it), and the final
-- status 'succeeded' is written inside the import's transaction: it is true exactly when the data is.
ALTER TABLE imports
    ADD COLUMN status      text        NOT NULL DEFAULT 'succeeded'
                                       CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    ADD COLUMN phase       text,
    ADD COLUMN files       text        NOT NULL DEFAULT '',
    ADD COLUMN bytes_total bigint      NOT NULL DEFAULT 0,
    ADD COLUMN bytes_read  bigint      NOT NULL DEFAULT 0,
    ADD COLUMN steps_done  int         NOT NULL DEFAULT 0,
    ADD COLUMN steps_total int         NOT NULL DEFAULT 0,
    ADD COLUMN errors      jsonb       NOT NULL DEFAULT '[]',
    ADD COLUMN failure     text,
    ADD COLUMN created_at  timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN updated_at  timestamptz NOT NULL DEFAULT now();
ALTER TABLE imports ALTER COLUMN started_at DROP NOT NULL, ALTER COLUMN started_at DROP DEFAULT;
CREATE INDEX imports_unfinished ON imports (updated_at) WHERE status IN ('queued', 'running');
