-- Agendas (counters, hours, overrides, rules), bookings, accounts and the audit log.

-- Reference data gains what booking needs; all of it replicated with the rows it belongs to.
ALTER TABLE offices ADD COLUMN release_schedule TEXT;
ALTER TABLE comuni ADD COLUMN patron_day TEXT;
ALTER TABLE procedures ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
ALTER TABLE procedures ADD COLUMN min_notice_minutes INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE procedures ADD COLUMN horizon_days INTEGER NOT NULL DEFAULT 60;

CREATE TABLE counters (
    id           TEXT PRIMARY KEY,
    office_id    TEXT NOT NULL REFERENCES offices (id),
    name         TEXT NOT NULL,
    grid_minutes INTEGER NOT NULL CHECK (grid_minutes BETWEEN 5 AND 240),
    seats        INTEGER NOT NULL CHECK (seats BETWEEN 1 AND 100),
    -- WeeklyHours as JSON: {"mon": ["08:30-12:30"], …}
    hours        TEXT NOT NULL,
    seq          INTEGER NOT NULL UNIQUE
);
CREATE INDEX counters_office ON counters (office_id);

CREATE TABLE procedure_counters (
    procedure_id TEXT NOT NULL REFERENCES procedures (id) ON DELETE CASCADE,
    counter_id   TEXT NOT NULL REFERENCES counters (id) ON DELETE CASCADE,
    PRIMARY KEY (procedure_id, counter_id)
);

-- A date whose hours differ from the weekly ones, for a whole office or one counter:
-- closures ('[]'), reduced days, extra openings.
CREATE TABLE day_overrides (
    id         TEXT PRIMARY KEY,
    office_id  TEXT NOT NULL REFERENCES offices (id),
    counter_id TEXT REFERENCES counters (id) ON DELETE CASCADE,
    day        TEXT NOT NULL,
    hours      TEXT NOT NULL,
    reason     TEXT NOT NULL
);
CREATE UNIQUE INDEX day_overrides_scope ON day_overrides (office_id, COALESCE(counter_id, ''), day);

CREATE TABLE organizations (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('comune', 'patronato', 'association')),
    comune_istat TEXT NOT NULL
);

CREATE TABLE users (
    username        TEXT PRIMARY KEY,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('admin', 'staff', 'operator')),
    office_id       TEXT REFERENCES offices (id),
    organization_id TEXT REFERENCES organizations (id),
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      INTEGER NOT NULL,
    CHECK ((role = 'staff') = (office_id IS NOT NULL)),
    CHECK ((role = 'operator') = (organization_id IS NOT NULL))
);

-- Bearer tokens are stored as SHA-256 hashes: a copy of the database logs no one in.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE kiosks (
    id           TEXT PRIMARY KEY,
    place        TEXT NOT NULL,
    comune_istat TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    created_at   INTEGER NOT NULL
);

-- One row per hold or booking. The id is the hold's secret; the code is what people see.
CREATE TABLE bookings (
    id                TEXT PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    procedure_id      TEXT NOT NULL REFERENCES procedures (id),
    office_id         TEXT NOT NULL REFERENCES offices (id),
    counter_id        TEXT NOT NULL REFERENCES counters (id),
    slot_start        INTEGER NOT NULL,
    slot_end          INTEGER NOT NULL,
    -- Local date of the slot (Europe/Rome), YYYY-MM-DD: queues and lists are per day.
    day               TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN
                          ('held', 'confirmed', 'cancelled', 'checked_in', 'no_show', 'lapsed')),
    hold_expires_at   INTEGER,
    -- HMAC of the person's normalised identity; NULL for holds and once purged.
    person_key        TEXT,
    organization_id   TEXT REFERENCES organizations (id),
    booked_by         TEXT NOT NULL,
    mediator_language TEXT,
    queue_number      INTEGER,
    issued_at         INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX bookings_holds ON bookings (status, hold_expires_at);
CREATE INDEX bookings_office_day ON bookings (office_id, day);
CREATE INDEX bookings_organization ON bookings (organization_id, slot_start);
CREATE INDEX bookings_slot_end ON bookings (slot_end);
-- One active booking per person per procedure, enforced by the database.
CREATE UNIQUE INDEX bookings_one_active ON bookings (procedure_id, person_key)
    WHERE status = 'confirmed';

-- The capacity invariant: a counter's grid cell has `seats` places, each claimed at most once.
-- An appointment claims every cell it spans; a taken place makes the claim fail.
CREATE TABLE seat_claims (
    counter_id TEXT NOT NULL,
    cell_start INTEGER NOT NULL,
    seat       INTEGER NOT NULL,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    PRIMARY KEY (counter_id, cell_start, seat)
);
CREATE INDEX seat_claims_booking ON seat_claims (booking_id);

-- The person's details, apart so they can be purged whole.
CREATE TABLE booking_people (
    booking_id TEXT PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    person     TEXT NOT NULL
);

-- Results of writes by idempotency key: a retried request gets the first answer.
CREATE TABLE idempotency (
    actor        TEXT NOT NULL,
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    response     TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (actor, key)
);
CREATE INDEX idempotency_age ON idempotency (created_at);

CREATE TABLE daily_queues (
    office_id TEXT NOT NULL,
    day       TEXT NOT NULL,
    last      INTEGER NOT NULL,
    PRIMARY KEY (office_id, day)
);

-- Who did what, when. No personal data: bookings are named by code.
CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    action          TEXT NOT NULL,
    booking_code    TEXT,
    office_id       TEXT,
    organization_id TEXT,
    detail          TEXT NOT NULL
);
CREATE INDEX audit_booking ON audit_log (booking_code);
CREATE INDEX audit_office ON audit_log (office_id, at);

-- Secrets the server generates for itself: the receipt signing key, the identity HMAC key.
CREATE TABLE server_keys (
    id         TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
