-- Domain models trained on the store's own ratings. A row is also the training job: status and progress
-- while it runs, cross-validated metrics (the model's and the lexicon's on the same folds) when done.
-- At most one model is active; none active means the lexicon scores.
CREATE TABLE models (
    version      integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind         text        NOT NULL DEFAULT 'nbsvm',
    status       text        NOT NULL CHECK (status IN ('queued', 'training', 'trained', 'failed')),
    phase        text,
    percent      real        NOT NULL DEFAULT 0,
    active       boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    activated_at timestamptz,
    examples     integer,
    positives    integer,
    metrics      jsonb,
    detail       text,
    weights      bytea
);
CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active;
