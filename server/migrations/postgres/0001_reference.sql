-- Reference data replicated to kiosks (see core/src/sync.rs).
-- Every replicated row carries `seq`, drawn from `sync_counter`; deletions leave a tombstone.
-- Flags are integers 0/1 in both databases: sqlx's Any driver cannot decode SQLite booleans.

CREATE TABLE sync_counter (
    id    BIGINT PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO sync_counter (id, value) VALUES (1, 0);

CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    id     TEXT NOT NULL,
    seq    BIGINT NOT NULL UNIQUE,
    PRIMARY KEY (entity, id)
);

CREATE TABLE server_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE comuni (
    istat     TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    province  TEXT NOT NULL,
    capoluogo BIGINT NOT NULL CHECK (capoluogo IN (0, 1)),
    lat       DOUBLE PRECISION NOT NULL,
    lon       DOUBLE PRECISION NOT NULL,
    seq       BIGINT NOT NULL UNIQUE
);
CREATE INDEX comuni_province ON comuni (province, name);

CREATE TABLE offices (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('prefettura', 'questura', 'sui')),
    name         TEXT NOT NULL,
    street       TEXT NOT NULL,
    postcode     TEXT NOT NULL,
    locality     TEXT NOT NULL,
    province     TEXT NOT NULL,
    comune_istat TEXT NOT NULL REFERENCES comuni (istat),
    lat          DOUBLE PRECISION NOT NULL,
    lon          DOUBLE PRECISION NOT NULL,
    phone        TEXT,
    email        TEXT,
    website      TEXT,
    seq          BIGINT NOT NULL UNIQUE
);

CREATE TABLE procedures (
    id                   TEXT PRIMARY KEY,
    office_id            TEXT NOT NULL REFERENCES offices (id),
    category             TEXT NOT NULL,
    -- Localised texts as JSON objects {"it": "…", "en": "…"}; Italian always present.
    name                 TEXT NOT NULL,
    summary              TEXT NOT NULL,
    slot_minutes         BIGINT NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    mediator_recommended BIGINT NOT NULL CHECK (mediator_recommended IN (0, 1)),
    seq                  BIGINT NOT NULL UNIQUE
);
CREATE INDEX procedures_office ON procedures (office_id);
