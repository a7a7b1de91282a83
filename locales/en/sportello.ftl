# Sportello – kiosk interface. English.

app-title = Sportello
app-subtitle = Appointments and information for foreign citizens
choose-language = Choose your language
home-question = What would you like to do?

tile-book = Book an appointment
tile-book-hint = Questura, Prefettura, Immigration One-Stop Desk
tile-faq = Questions and answers
tile-faq-hint = Documents, residence permit, family, work
tile-map = Services map
tile-map-hint = Health, housing, work, school, Italian courses
coming-soon = Coming soon
coming-soon-body = This part is not available yet. For now, you can ask for help at your comune's front desk.
back = Back

status-connecting = Connecting…
status-online = Online
status-offline = Offline
status-updated = Data updated: { $when }
status-never = Data not downloaded yet

staff-panel = For staff
kiosk-id = Kiosk { $id }
kiosk-not-enrolled = Kiosk not enrolled yet: enter the activation code.
kiosk-refused = The server no longer accepts this kiosk: contact the administrator.
outbox-pending = Operations waiting to be sent
outbox-failed = Operations that failed (last 24 hours)
leases-free = Seats bookable without network
leases-used = Bookings made without network, to be sent
close = Close

book-title = Book an appointment
book-coming-soon = Booking from the kiosk is coming soon. Meanwhile you can see the offices and what they handle.
book-empty = The kiosk has not downloaded the offices yet. Please try again in a few minutes.
office-kind-prefettura = Prefettura (Prefecture)
office-kind-questura = Questura – Immigration Office
office-kind-sui = Immigration One-Stop Desk (SUI)
office-procedures = Procedures
slot-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
mediator-recommended = Cultural mediator recommended

error-cache = The kiosk cannot read its data. Please ask the staff for help.
error-unexpected = Something went wrong. Go back to the start and try again.
