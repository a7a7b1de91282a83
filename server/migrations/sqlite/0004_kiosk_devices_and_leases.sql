-- no-transaction
-- Kiosk devices (enrolment with a key pair, short-lived tokens) and slot leases for booking
-- offline.
--
-- SQLite cannot change a CHECK constraint or drop a NOT NULL column in place, so `kiosks` and
-- `bookings` are rebuilt the documented way (https://www.sqlite.org/lang_altertable.html,
-- "Making Other Kinds Of Table Schema Changes"): foreign keys off, so that dropping the old
-- `bookings` does not cascade to its seat claims, and the whole rebuild in one transaction.
PRAGMA foreign_keys = OFF;
BEGIN;

-- Kiosks authenticate with a key pair now; the old static tokens are dropped (each kiosk
-- enrols again with a code).
CREATE TABLE kiosks_new (
    id           TEXT PRIMARY KEY,
    place        TEXT NOT NULL,
    comune_istat TEXT NOT NULL,
    -- Ed25519 public key, base64url; NULL until a device enrols.
    public_key   TEXT UNIQUE,
    enrolled_at  INTEGER,
    last_seen    INTEGER,
    -- The feed head the kiosk's leases were last checked against the agenda at.
    leases_version INTEGER,
    revoked      INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1)),
    created_at   INTEGER NOT NULL
);
INSERT INTO kiosks_new (id, place, comune_istat, revoked, created_at)
    SELECT id, place, comune_istat, revoked, created_at FROM kiosks;
DROP TABLE kiosks;
ALTER TABLE kiosks_new RENAME TO kiosks;

-- A lease is a booking row in status 'leased', held by `kiosk_id`, with its code assigned
-- and its seats claimed like any booking's; `hold_expires_at` is when the lease ends.
CREATE TABLE bookings_new (
    id                TEXT PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    procedure_id      TEXT NOT NULL REFERENCES procedures (id),
    office_id         TEXT NOT NULL REFERENCES offices (id),
    counter_id        TEXT NOT NULL REFERENCES counters (id),
    slot_start        INTEGER NOT NULL,
    slot_end          INTEGER NOT NULL,
    day               TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN
                          ('held', 'leased', 'confirmed', 'cancelled', 'checked_in', 'no_show',
                           'lapsed')),
    hold_expires_at   INTEGER,
    person_key        TEXT,
    organization_id   TEXT REFERENCES organizations (id),
    booked_by         TEXT NOT NULL,
    mediator_language TEXT,
    queue_number      INTEGER,
    issued_at         INTEGER,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    -- The kiosk holding the lease, or that booked it offline.
    kiosk_id          TEXT REFERENCES kiosks (id)
);
INSERT INTO bookings_new (id, code, procedure_id, office_id, counter_id, slot_start, slot_end,
        day, status, hold_expires_at, person_key, organization_id, booked_by,
        mediator_language, queue_number, issued_at, created_at, updated_at)
    SELECT id, code, procedure_id, office_id, counter_id, slot_start, slot_end, day, status,
        hold_expires_at, person_key, organization_id, booked_by, mediator_language,
        queue_number, issued_at, created_at, updated_at
    FROM bookings;
DROP TABLE bookings;
ALTER TABLE bookings_new RENAME TO bookings;
CREATE INDEX bookings_holds ON bookings (status, hold_expires_at);
CREATE INDEX bookings_office_day ON bookings (office_id, day);
CREATE INDEX bookings_organization ON bookings (organization_id, slot_start);
CREATE INDEX bookings_slot_end ON bookings (slot_end);
CREATE INDEX bookings_kiosk ON bookings (kiosk_id, status);
CREATE UNIQUE INDEX bookings_one_active ON bookings (procedure_id, person_key)
    WHERE status = 'confirmed';

-- One-time enrolment codes, by SHA-256; deleted when used.
CREATE TABLE kiosk_enrolments (
    code_hash  TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);

-- Challenges a kiosk signs to get a token; each is good once.
CREATE TABLE kiosk_challenges (
    challenge  TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
CREATE INDEX kiosk_challenges_expiry ON kiosk_challenges (expires_at);

-- Short-lived bearer tokens of kiosks, by SHA-256.
CREATE TABLE kiosk_tokens (
    token_hash TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at INTEGER NOT NULL
);
CREATE INDEX kiosk_tokens_kiosk ON kiosk_tokens (kiosk_id);
CREATE INDEX kiosk_tokens_expiry ON kiosk_tokens (expires_at);

-- How many seats each office leases to each kiosk (no row: none).
CREATE TABLE lease_policies (
    office_id           TEXT PRIMARY KEY REFERENCES offices (id) ON DELETE CASCADE,
    seats               INTEGER NOT NULL CHECK (seats BETWEEN 0 AND 20),
    days                INTEGER NOT NULL CHECK (days BETWEEN 1 AND 14),
    refill_below        INTEGER NOT NULL CHECK (refill_below BETWEEN 0 AND seats),
    ends_before_minutes INTEGER NOT NULL CHECK (ends_before_minutes >= 0),
    -- Seats leased per office and day, all kiosks together.
    max_per_day         INTEGER NOT NULL CHECK (max_per_day BETWEEN 0 AND 2000)
);

COMMIT;
PRAGMA foreign_keys = ON;
