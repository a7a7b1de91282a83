-- The office's day: calls at the counters, when people checked in, and a pulse of the
-- changes to each office's bookings that consoles and waiting-room displays follow.

-- When the person checked in: the wait until their call is counted from here.
ALTER TABLE bookings ADD COLUMN checked_in_at INTEGER;

-- Every call of a number to a counter, a call again included (the display announces each).
-- How it ended (served or absent) is written on the last call of the booking.
CREATE TABLE calls (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id    TEXT NOT NULL,
    day          TEXT NOT NULL,
    counter_id   TEXT NOT NULL,
    booking_id   TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    queue_number INTEGER NOT NULL,
    called_at    INTEGER NOT NULL,
    ended_at     INTEGER,
    outcome      TEXT CHECK (outcome IN ('served', 'absent')),
    actor        TEXT NOT NULL
);
CREATE INDEX calls_office_day ON calls (office_id, day, id);
CREATE INDEX calls_booking ON calls (booking_id, id);

-- One row per change to a booking that an office's agenda shows (holds and leases are not
-- appointments yet). Written by triggers, so every path that writes a booking, in any server
-- process, is seen; appended only, so writers never wait on each other for it. Consoles are
-- told that their office changed, never what: the agenda is read again with credentials.
CREATE TABLE booking_pulses (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    office_id TEXT NOT NULL
);
CREATE INDEX booking_pulses_office ON booking_pulses (office_id, id);

CREATE TRIGGER bookings_pulse_insert AFTER INSERT ON bookings
    WHEN NEW.status NOT IN ('held', 'leased')
BEGIN
    INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
END;

-- A lock on a booking is a no-op update: only a change pulses.
CREATE TRIGGER bookings_pulse_update AFTER UPDATE ON bookings
    WHEN (NEW.status NOT IN ('held', 'leased') OR OLD.status NOT IN ('held', 'leased'))
        AND (NEW.status IS NOT OLD.status OR NEW.slot_start IS NOT OLD.slot_start
            OR NEW.office_id IS NOT OLD.office_id OR NEW.counter_id IS NOT OLD.counter_id
            OR NEW.queue_number IS NOT OLD.queue_number OR NEW.issued_at IS NOT OLD.issued_at)
BEGIN
    INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
    INSERT INTO booking_pulses (office_id)
        SELECT OLD.office_id WHERE OLD.office_id <> NEW.office_id;
END;

-- A call, and how it ended, change the agenda and the display.
CREATE TRIGGER calls_pulse_insert AFTER INSERT ON calls
BEGIN
    INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
END;

CREATE TRIGGER calls_pulse_update AFTER UPDATE ON calls
BEGIN
    INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
END;
