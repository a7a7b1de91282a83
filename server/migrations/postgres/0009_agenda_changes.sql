-- Closures and extra openings the office decides, and telling the people they move or cancel.

-- What the office did to a booking, and why: the receipt's page says it to the person in
-- their language (the reason is a code with a sentence in every language).
CREATE TABLE office_changes (
    id         BIGSERIAL PRIMARY KEY,
    booking_id TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('moved', 'cancelled')),
    reason     TEXT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX office_changes_booking ON office_changes (booking_id, id);

-- Messages to people about such changes. The phone number is personal data: deleted with
-- the person's other data (retention), never logged.
CREATE TABLE notices (
    id              BIGSERIAL PRIMARY KEY,
    booking_id      TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    office_id       TEXT NOT NULL,
    code            TEXT NOT NULL,
    phone           TEXT NOT NULL,
    text            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'to_call', 'called')),
    attempts        BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX notices_pending ON notices (status, next_attempt_at);
CREATE INDEX notices_office ON notices (office_id, status);
