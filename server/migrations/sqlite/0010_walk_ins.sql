-- Walk-ins: an office may give queue numbers to people without an appointment. A walk-in is
-- a booking already checked in, booked by "walk-in:<staff>", with no person and no seat:
-- it takes no place in the agenda's capacity, and counters call it after the appointments.
ALTER TABLE offices ADD COLUMN walk_ins INTEGER NOT NULL DEFAULT 0 CHECK (walk_ins IN (0, 1));
