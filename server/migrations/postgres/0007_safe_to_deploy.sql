-- What deploying safely needs from the database: rate limits and hold caps that hold across
-- server processes, temporary passwords, revoked kiosk keys, and holds that end after a few
-- failed confirmations.

-- An account created or reset by an administrator has a temporary password: its owner must
-- choose their own before doing anything else.
ALTER TABLE users ADD COLUMN must_change_password BIGINT NOT NULL DEFAULT 0
    CHECK (must_change_password IN (0, 1));

-- Rate limiter cells (GCRA): an opaque key (an HMAC: no address or username is stored) and its
-- theoretical arrival time in milliseconds. A row whose time has passed means nothing.
CREATE TABLE rate_limits (
    key     TEXT PRIMARY KEY,
    tat     BIGINT NOT NULL,
    allowed BIGINT NOT NULL
);
CREATE INDEX rate_limits_tat ON rate_limits (tat);

-- Kiosk keys that were revoked, and when: a receipt a kiosk signed after that is refused,
-- here and by counters checking receipts offline (GET /keys publishes this list).
CREATE TABLE kiosk_revocations (
    public_key TEXT PRIMARY KEY,
    kiosk_id   TEXT NOT NULL,
    revoked_at BIGINT NOT NULL
);
-- Kiosks revoked before this list existed: when is not known, so the last time they were
-- seen stands for it (they could not authenticate after).
INSERT INTO kiosk_revocations (public_key, kiosk_id, revoked_at)
    SELECT public_key, id, COALESCE(last_seen, enrolled_at, created_at) FROM kiosks
    WHERE revoked = 1 AND public_key IS NOT NULL;

-- Who holds a live hold (an account, a kiosk, or the opaque key of an address), so the
-- number of live holds is capped per holder across server processes; and how many
-- confirmations of it failed.
ALTER TABLE bookings ADD COLUMN holder TEXT;
ALTER TABLE bookings ADD COLUMN confirm_failures BIGINT NOT NULL DEFAULT 0;
CREATE INDEX bookings_holder ON bookings (holder, status);
