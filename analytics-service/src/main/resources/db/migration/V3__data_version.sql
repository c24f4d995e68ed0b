-- A counter bumped by every import in its own transaction: cached views and ETags are keyed by it,
-- so a committed import makes them fresh without any invalidation message.
CREATE TABLE data_version (
    id      int PRIMARY KEY CHECK (id = 1),
    version bigint NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);
