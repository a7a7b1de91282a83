-- Kiosk devices (enrolment with a key pair, short-lived tokens) and slot leases for booking
-- offline.

-- Kiosks authenticate with a key pair now; the old static tokens are dropped (each kiosk
-- enrols again with a code).
ALTER TABLE kiosks DROP COLUMN token_hash;
-- Ed25519 public key, base64url; NULL until a device enrols.
ALTER TABLE kiosks ADD COLUMN public_key TEXT UNIQUE;
ALTER TABLE kiosks ADD COLUMN enrolled_at BIGINT;
ALTER TABLE kiosks ADD COLUMN last_seen BIGINT;
-- The feed head the kiosk's leases were last checked against the agenda at.
ALTER TABLE kiosks ADD COLUMN leases_version BIGINT;

-- A lease is a booking row in status 'leased', held by `kiosk_id`, with its code assigned
-- and its seats claimed like any booking's; `hold_expires_at` is when the lease ends.
ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check CHECK (status IN
    ('held', 'leased', 'confirmed', 'cancelled', 'checked_in', 'no_show', 'lapsed'));
-- The kiosk holding the lease, or that booked it offline.
ALTER TABLE bookings ADD COLUMN kiosk_id TEXT REFERENCES kiosks (id);
CREATE INDEX bookings_kiosk ON bookings (kiosk_id, status);

-- One-time enrolment codes, by SHA-256; deleted when used.
CREATE TABLE kiosk_enrolments (
    code_hash  TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);

-- Challenges a kiosk signs to get a token; each is good once.
CREATE TABLE kiosk_challenges (
    challenge  TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX kiosk_challenges_expiry ON kiosk_challenges (expires_at);

-- Short-lived bearer tokens of kiosks, by SHA-256.
CREATE TABLE kiosk_tokens (
    token_hash TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL
);
CREATE INDEX kiosk_tokens_kiosk ON kiosk_tokens (kiosk_id);
CREATE INDEX kiosk_tokens_expiry ON kiosk_tokens (expires_at);

-- How many seats each office leases to each kiosk (no row: none).
CREATE TABLE lease_policies (
    office_id           TEXT PRIMARY KEY REFERENCES offices (id) ON DELETE CASCADE,
    seats               BIGINT NOT NULL CHECK (seats BETWEEN 0 AND 20),
    days                BIGINT NOT NULL CHECK (days BETWEEN 1 AND 14),
    refill_below        BIGINT NOT NULL CHECK (refill_below BETWEEN 0 AND seats),
    ends_before_minutes BIGINT NOT NULL CHECK (ends_before_minutes >= 0),
    -- Seats leased per office and day, all kiosks together.
    max_per_day         BIGINT NOT NULL CHECK (max_per_day BETWEEN 0 AND 2000)
);
