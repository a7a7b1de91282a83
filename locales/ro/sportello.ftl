# Sportello – interfața terminalului (chioșcului). Română.

app-title = Sportello
app-subtitle = Programări și informații pentru cetățenii străini
choose-language = Alegeți limba
home-question = Ce doriți să faceți?

tile-book = Faceți o programare
tile-book-hint = Poliția (Questura), Prefectura, Ghișeul Unic pentru Imigrare
tile-faq = Întrebări și răspunsuri
tile-faq-hint = Documente, permis de ședere, familie, muncă
tile-map = Harta serviciilor
tile-map-hint = Sănătate, locuință, muncă, școală, cursuri de italiană
back = Înapoi

status-connecting = Se conectează…
status-online = Conectat
status-offline = Fără conexiune
status-updated = Date actualizate: { $when }
status-never = Datele nu au fost încă descărcate

staff-panel = Pentru personal
kiosk-id = Terminal { $id }
kiosk-not-enrolled = Terminalul nu este încă înregistrat: introduceți codul de activare.
kiosk-refused = Serverul nu mai acceptă acest terminal: contactați administratorul.
outbox-pending = Operațiuni care așteaptă să fie trimise
outbox-failed = Operațiuni eșuate (ultimele 24 de ore)
leases-free = Ore care se pot rezerva fără conexiune
leases-used = Programări făcute fără conexiune, de trimis
close = Închide

book-title = Faceți o programare
wizard-what = De ce aveți nevoie?
wizard-search = Căutați o procedură
category-stay-permit = Permis de ședere (permesso di soggiorno)
category-family = Familie
category-work = Muncă
category-citizenship = Cetățenie
category-protection = Protecție
category-integration = Integrare
wizard-bring = Ce trebuie să aduceți
wizard-bring-hint = Bifați documentele pe care le aveți deja. Puteți merge mai departe și fără ele: pe confirmare sunt scrise toate.
wizard-next = Continuați
wizard-when = Când și unde
wizard-no-slots = Acum nu sunt ore libere pentru această procedură. Încercați din nou mai târziu sau întrebați la ghișeul primăriei (Comune).
wizard-hold-left = Păstrăm această oră pentru dumneavoastră. Timp rămas: { $time }
wizard-who = Cine vine la programare
wizard-latin-hint = Scrieți numele și prenumele ca în document, cu litere latine.
person-given-names = Prenume
person-surname = Nume de familie
person-date-of-birth = Data nașterii
person-nationality = Cetățenie
person-nationality-search = Căutați țara (scrieți în limba dumneavoastră)
person-document = Document
person-document-number = Numărul documentului
person-phone = Telefon (opțional)
document-passport = Pașaport
document-residence-permit = Permis de ședere (permesso di soggiorno)
document-codice-fiscale = Cod fiscal (codice fiscale)
field-missing = Lipsește această informație.
field-too-long = Este prea lung.
field-not-latin = Folosiți litere latine, ca în document.
field-bad-date = Verificați data.
field-unknown-country = Alegeți o țară din listă.
field-bad-format = Verificați: nu pare scris corect.
wizard-mediator = Mediator lingvistic și cultural
wizard-mediator-none = Nu este nevoie
wizard-mediator-in = Da, în { $language }
wizard-review = Verificați și confirmați
wizard-confirm = Confirmați programarea
receipt-procedure = Procedura
receipt-when = Când
receipt-where = Unde
receipt-person = Pentru
receipt-bring = De adus
receipt-done = Programarea a fost făcută.
receipt-code = Codul programării
receipt-offline = Programare făcută fără conexiune: terminalul o trimite la birou imediat ce revine conexiunea. Confirmarea este valabilă.
receipt-photo = Fotografiați acest ecran sau codul QR: biroul are nevoie de el.
receipt-finish = Gata
error-slot-taken = Cineva tocmai a luat această oră. Iată următoarele ore libere.
error-already-booked = Aveți deja o programare pentru această procedură.
error-already-booked-at = Aveți deja o programare pentru această procedură: { $when }, { $office }.
error-hold-expired = Timpul pentru confirmare s-a terminat și ora este din nou liberă. Alegeți alta.
error-lease-gone = Această oră nu mai este disponibilă. Iată celelalte ore pe care acest terminal le poate rezerva.
notice-offline-leases = Terminalul nu este conectat. Puteți rezerva una dintre aceste ore păstrate pentru acest terminal.
notice-pending = Finalizez programarea, așteptați câteva secunde…
mediator-recommended = Mediator cultural recomandat

error-cache = Nu pot citi datele terminalului. Cereți ajutor personalului.
error-unexpected = Ceva nu a funcționat. Întoarceți-vă la început și încercați din nou.

idle-title = Mai sunteți aici?
# $seconds arrives as text (20 down to 1), so plural forms cannot be selected: the phrase avoids them.
idle-body = Secunde rămase: { $seconds }. Apoi o iau de la capăt și șterg ce ați scris.
idle-more = Da, am nevoie de mai mult timp

manage-entry = Aveți deja o programare? Vedeți-o sau anulați-o
manage-title = Programarea dumneavoastră
manage-hint = Scrieți codul programării (este pe confirmare) și data nașterii.
manage-find = Căutați
manage-missing = Scrieți codul și data nașterii.
manage-not-found = Nu există nicio programare cu acest cod și această dată de naștere. Verificați și încercați din nou.
manage-too-many = Prea multe încercări. Așteptați un minut și încercați din nou.
manage-offline = Terminalul nu este conectat: programările se caută pe server. Încercați din nou puțin mai târziu.
manage-cancel = Anulați programarea
manage-cancelled = Programarea a fost anulată. Ora este din nou liberă pentru alte persoane.
manage-cancel-pending = Anularea este înregistrată și va fi trimisă imediat ce revine conexiunea.
manage-cancel-refused = Această programare nu mai poate fi anulată (a trecut deja sau este deja anulată).
date-placeholder = zz/ll/aaaa

keyboard = Tastatură
keyboard-space = spațiu
keyboard-done = OK

receipt-print = Tipăriți confirmarea
receipt-printed = Confirmarea a fost tipărită: luați-o de la imprimantă.
receipt-print-failed = Imprimanta nu răspunde. Fotografiați acest ecran: confirmarea rămâne aici până când atingeți Gata.
receipt-print-no-paper = Imprimanta nu mai are hârtie: anunțați personalul. Între timp, fotografiați acest ecran, cu codul QR: confirmarea rămâne aici până când atingeți Gata.
receipt-cancel-how = Pentru anulare

operator-entry = Operatori
operator-title = Autentificare operatori
operator-username = Nume de utilizator
operator-password = Parolă
operator-login = Conectare
operator-refused = Nume de utilizator sau parolă greșite, sau contul nu este al unui operator.
operator-offline = Terminalul nu este conectat: autentificarea se face pe server. Încercați din nou puțin mai târziu.
operator-as = Operator: { $name }
operator-logout = Ieșire
operator-bookings = Programări
operator-no-bookings = Nicio programare de azi înainte.
operator-not-active = Inactivă
manage-move = Mutați programarea
manage-move-when = Alegeți noua oră
manage-moved = Programarea a fost mutată. Aceasta este noua confirmare: cea veche nu mai este valabilă.
manage-move-pending = Mutarea este înregistrată și va fi trimisă imediat ce revine conexiunea. Până atunci este valabilă confirmarea veche.
manage-move-refused = Această programare nu mai poate fi mutată.

## The receipt's page on a phone (opened from the receipt's QR code)
phone-title = Programarea dumneavoastră
phone-code = Codul programării
phone-counter = Ghișeu
phone-status-confirmed = Confirmată
phone-status-cancelled = Anulată
phone-status-checked-in = Ați fost deja la ghișeu
phone-status-past = Programare trecută
phone-replaced = Această confirmare a fost înlocuită: programarea a fost mutată. Folosiți confirmarea cea mai nouă.
phone-not-reported = Programare făcută la un terminal fără conexiune: va fi înregistrată când terminalul se conectează din nou. Aduceți această confirmare la programare.
phone-gone = Această programare nu mai există. Pentru o programare nouă, folosiți un terminal sau întrebați la primărie (Comune).
phone-invalid = Aceasta nu este o confirmare Sportello validă. Verificați că ați scanat codul QR de pe confirmare.
phone-calendar = Adăugați în calendar
phone-cancel = Anulați această programare
phone-cancel-sure = Sigur doriți să anulați programarea? Ora va fi dată altei persoane.
phone-cancel-yes = Da, anulez
phone-cancel-no = Nu, o păstrez
phone-cancelled-now = Programarea este anulată. Nu mai trebuie să faceți nimic.
phone-date-missing = Scrieți data nașterii, ca în document.
phone-language = Limba

## Questions and answers
faq-search = Căutați o întrebare (merge și în italiană)
faq-all = Toate
faq-none = Nu s-a găsit niciun răspuns. Încercați alte cuvinte sau întrebați la ghișeul primăriei (Comune).
faq-fallback = Acest răspuns nu există încă în limba dumneavoastră: iată-l în { $language }.
faq-draft = Traducere automată: dacă ceva nu este clar, întrebați la ghișeu.
faq-sources = Surse
faq-reviewed = Verificat la { $date }
category-health = Sănătate
category-school = Școală
category-housing = Locuință
category-documents = Documente

# Harta serviciilor
map-title = Servicii în apropiere
map-search = Căutați un loc sau un serviciu
map-filter-category = Ce căutați
map-filter-comune = Localitate
map-filter-language = Limba vorbită
map-filter-open-now = Deschis acum
map-any-category = Tot
map-any-comune = Toate localitățile
map-any-language = Toate limbile
map-results = { $count ->
    [one] { $count } loc
    [few] { $count } locuri
   *[other] { $count } de locuri
}
map-none = Niciun loc cu aceste filtre.
map-clear-filters = Scoateți filtrele
map-zoom-in = Măriți harta
map-zoom-out = Micșorați harta
map-recenter = Înapoi la punctul de plecare
map-you-are-here = Sunteți aici
map-cluster = Locuri: { $count }. Atingeți pentru a le vedea de aproape
map-distance-m = la { $metres } m
map-distance-km = la { $km } km
map-attribution = Date: ISTAT; Openpolis (CC BY 4.0); GeoNames (CC BY 4.0)
map-empty = Lista serviciilor nu a fost încă descărcată pe acest terminal.
svc-italian_courses = Cursuri de italiană
svc-work_training = Muncă și formare profesională
svc-housing = Locuință
svc-health = Sănătate
svc-school_minors = Școală și copii
svc-legal_immigration = Ajutor juridic și imigrare
svc-mediation = Mediatori lingvistici și culturali
svc-social_services = Servicii sociale și ajutor la sosire
svc-associations = Asociații și comunități
place-open-until = Deschis acum, până la ora { $time }
place-opens-at = Se deschide { $day } la ora { $time }
place-opens-today = Se deschide azi la ora { $time }
place-opens-tomorrow = Se deschide mâine la ora { $time }
place-no-hours = Program neindicat
place-hours = Program
place-services = Ce oferă
place-languages = Limbi vorbite
place-documents = Documente de adus
place-fees = Cost
place-phone = Telefon
place-address = Adresă
place-accessibility = Accesibilitate
place-website = Site web
place-qr-page = Scanați cu telefonul: deschideți acest loc
place-qr-geo = Scanați cu telefonul: cum ajungeți aici
place-demo = Date de probă: detaliile nu sunt verificate.
place-temporarily-closed = Închis deocamdată
place-not-found = Acest loc nu mai este în listă.
place-unavailable = Nu putem citi datele acum. Încercați din nou peste puțin timp.
place-open-in-maps = Deschideți în hărțile telefonului
place-title = Un loc care vă poate ajuta
day-mo = luni
day-tu = marți
day-we = miercuri
day-th = joi
day-fr = vineri
day-sa = sâmbătă
day-su = duminică
