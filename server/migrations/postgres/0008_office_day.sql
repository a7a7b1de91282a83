-- The office's day: calls at the counters, when people checked in, and a pulse of the
-- changes to each office's bookings that consoles and waiting-room displays follow.

-- When the person checked in: the wait until their call is counted from here.
ALTER TABLE bookings ADD COLUMN checked_in_at BIGINT;

-- Every call of a number to a counter, a call again included (the display announces each).
-- How it ended (served or absent) is written on the last call of the booking.
CREATE TABLE calls (
    id           BIGSERIAL PRIMARY KEY,
    office_id    TEXT NOT NULL,
    day          TEXT NOT NULL,
    counter_id   TEXT NOT NULL,
    booking_id   TEXT NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    queue_number BIGINT NOT NULL,
    called_at    BIGINT NOT NULL,
    ended_at     BIGINT,
    outcome      TEXT CHECK (outcome IN ('served', 'absent')),
    actor        TEXT NOT NULL
);
CREATE INDEX calls_office_day ON calls (office_id, day, id);
CREATE INDEX calls_booking ON calls (booking_id, id);

-- One row per change to a booking that an office's agenda shows (holds and leases are not
-- appointments yet). Written by a trigger, so every path that writes a booking, in any server
-- process, is seen; appended only, so writers never wait on each other for it. Consoles are
-- told that their office changed, never what: the agenda is read again with credentials.
CREATE TABLE booking_pulses (
    id        BIGSERIAL PRIMARY KEY,
    office_id TEXT NOT NULL
);
CREATE INDEX booking_pulses_office ON booking_pulses (office_id, id);

-- A lock on a booking is a no-op update: only a change pulses.
CREATE FUNCTION booking_pulse() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NOT (NEW.status IS DISTINCT FROM OLD.status
        OR NEW.slot_start IS DISTINCT FROM OLD.slot_start
        OR NEW.office_id IS DISTINCT FROM OLD.office_id
        OR NEW.counter_id IS DISTINCT FROM OLD.counter_id
        OR NEW.queue_number IS DISTINCT FROM OLD.queue_number
        OR NEW.issued_at IS DISTINCT FROM OLD.issued_at) THEN
        RETURN NULL;
    END IF;
    IF NEW.status NOT IN ('held', 'leased')
        OR (TG_OP = 'UPDATE' AND OLD.status NOT IN ('held', 'leased')) THEN
        INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
        IF TG_OP = 'UPDATE' AND OLD.office_id <> NEW.office_id THEN
            INSERT INTO booking_pulses (office_id) VALUES (OLD.office_id);
        END IF;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER bookings_pulse AFTER INSERT OR UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION booking_pulse();

-- A call, and how it ended, change the agenda and the display.
CREATE FUNCTION call_pulse() RETURNS trigger AS $$
BEGIN
    INSERT INTO booking_pulses (office_id) VALUES (NEW.office_id);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER calls_pulse AFTER INSERT OR UPDATE ON calls
    FOR EACH ROW EXECUTE FUNCTION call_pulse();
