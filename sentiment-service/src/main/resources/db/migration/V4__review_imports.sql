-- CSV imports of reviews as jobs: progress while they run, the rejected rows (the first 1,000) at the end.
CREATE TABLE review_imports (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name     text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
    bytes_total   bigint      NOT NULL,
    bytes_read    bigint      NOT NULL DEFAULT 0,
    rows_read     bigint      NOT NULL DEFAULT 0,
    rows_stored   bigint      NOT NULL DEFAULT 0,
    rows_rejected bigint      NOT NULL DEFAULT 0,
    errors        jsonb       NOT NULL DEFAULT '[]',
    failure       text,
    model_version text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    started_at    timestamptz,
    finished_at   timestamptz,
    updated_at    timestamptz NOT NULL DEFAULT now()
);
