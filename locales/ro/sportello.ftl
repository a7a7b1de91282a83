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
outbox-failures-title = Operațiuni eșuate
write-kind-hold = Oră păstrată pentru o programare
write-kind-confirm = Confirmarea unei programări
write-kind-release = Eliberarea unei ore păstrate
write-kind-cancel = Anulare
write-kind-reschedule = Mutarea unei programări
write-kind-check-in = Sosire la ghișeu
write-kind-offline-booking = Programare făcută fără conexiune
write-kind-other = Operațiune
failure-refused = Respinsă de server ({ $code }).
failure-on-the-way = Blocată înainte de server (eroare { $status }): verificați rețeaua sau proxy-ul.
failure-not-answered = Netrimisă la timp: conexiunea a lipsit prea mult timp.
failure-kiosk-refused = Serverul nu mai acceptă acest terminal.
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
error-already-booked = Aveți deja o programare pentru această procedură. Ca s-o vedeți, s-o mutați sau s-o anulați, atingeți „Aveți deja o programare?” pe prima pagină și folosiți codul de pe confirmare.
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
manage-hint = Scrieți codul programării (este pe confirmare), data nașterii și ultimele 4 caractere ale documentului.
manage-document-end = Ultimele 4 caractere ale documentului
manage-document-end-hint = Ultimele 4 litere sau cifre din codul fiscal (codice fiscale), pașaportul sau permisul de ședere dat la programare.
manage-find = Căutați
manage-missing = Scrieți codul, data nașterii și ultimele 4 caractere ale documentului.
manage-not-found = Nu există nicio programare cu aceste date. Verificați și încercați din nou.
manage-too-many = Prea multe încercări. Încercați din nou mai târziu sau întrebați la un ghișeu.
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
operator-change-title = Alegeți-vă parola
operator-change-hint = Parola primită este provizorie. Înainte de a continua, alegeți una proprie, de cel puțin { $length } caractere.
operator-new-password = Parola nouă
operator-repeat-password = Repetați parola nouă
operator-change = Salvați parola
operator-passwords-differ = Cele două parole nu sunt identice.
operator-password-short = Parola trebuie să aibă cel puțin { $length } caractere.
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
phone-date-missing = Scrieți data nașterii și ultimele 4 caractere ale documentului.
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

## An office's change to a day: why, and what the person is told (receipt page, SMS).
change-reason-strike = o grevă
change-reason-training = instruirea personalului
change-reason-staff = absența personalului
change-reason-closure = închiderea biroului
change-reason-technical = o defecțiune tehnică
change-reason-other = motive organizatorice
phone-moved-by-office = Biroul v-a mutat programarea. Motiv: { $reason }. Iată noua oră.
phone-cancelled-by-office = Biroul v-a anulat programarea. Motiv: { $reason }. Puteți face o altă programare.
notice-moved = { $office }: programarea { $code } a fost mutată pe { $when }. Motiv: { $reason }.
notice-cancelled = { $office }: programarea { $code } a fost anulată. Motiv: { $reason }. Puteți face o altă programare.

## The office console (staff, in the browser at /ufficio/).
console-title = Sportello · Birou
console-username = Nume de utilizator
console-password = Parolă
console-login = Conectare
console-logout = Deconectare
console-login-wrong = Nume de utilizator sau parolă greșite.
console-too-many = Prea multe încercări: reîncercați peste câteva minute.
console-forbidden = Contul dumneavoastră nu permite această operație.
console-refused = Serverul a refuzat cererea.
console-broken = Răspuns neașteptat de la server: anunțați asistența tehnică.
console-offline = Nu există conexiune cu serverul: reîncercați. Nu s-a pierdut nimic.
console-session-ended = Sesiunea s-a încheiat: conectați-vă din nou.
console-password-change = Alegeți parola
console-password-rules = Parola nouă trebuie să aibă cel puțin 10 caractere.
console-password-old = Parola actuală
console-password-new = Parola nouă
console-password-save = Salvați parola
console-office = Birou
console-day = Ziua
console-day-previous = Ziua anterioară
console-day-next = Ziua următoare
console-today = Astăzi
console-online = Conectat
console-link-lost = Conexiune pierdută: se reconectează…
console-tab-agenda = Agenda
console-tab-desk = Recepție
console-tab-calling = Apelare
console-counter = Ghișeu
console-status = Stare
console-all = Toate
console-print = Tipăriți
console-csv = Exportați CSV
console-agenda-count = { $count ->
    [one] 1 programare
    [few] { $count } programări
   *[other] { $count } de programări
}
console-agenda-empty = Nicio programare.
console-time = Ora
console-code = Cod
console-procedure = Procedură
console-person = Persoană
console-born = Data nașterii
console-mediator = Mediator
console-channel = Canal
console-appointment = Programare
console-documents = { $count ->
    [one] 1 document de adus
    [few] { $count } documente de adus
   *[other] { $count } de documente de adus
}
console-person-purged = (date șterse)
console-channel-self = Pe cont propriu
console-channel-kiosk = Chioșc { $kiosk }
console-channel-operator = Operator { $organization }
console-channel-office = Birou
console-status-expected = Așteptat
console-status-waiting = În așteptare
console-status-called = Chemat
console-status-served = Servit
console-status-absent = Absent la apel
console-status-no-show = Neprezentat
console-status-cancelled = Anulat
console-scan-label = Confirmare sau cod
console-scan-placeholder = Scanați confirmarea sau tastați codul
console-scan-check = Verificați
console-scan-checked-in = Înregistrat: înmânați numărul.
console-scan-already = Deja înregistrat: același număr.
console-scan-unreadable = Nu este nici confirmare, nici cod: scanați din nou sau tastați codul.
console-scan-not-genuine = Confirmare neautentică: cereți un act de identitate și căutați persoana în agendă.
console-scan-unknown = Nicio rezervare cu acest cod: verificați codul.
console-scan-other-office = Rezervare pentru alt birou ({ $office }): îndrumați persoana acolo.
console-scan-other-day = Programarea este pe { $day }: rugați persoana să revină în acea zi.
console-scan-cancelled = Rezervare anulată: persoana poate face o nouă rezervare.
console-scan-moved = Confirmare depășită: programarea a fost mutată, folosiți confirmarea cea mai recentă.
console-scan-too-early = Prea devreme: programarea este la ora { $time }, persoana să revină cu puțin înainte de oră.
console-scan-too-late = Prea târziu: programarea era la ora { $time }, este necesară o nouă rezervare.
console-scan-no-show = Marcată ca neprezentată: este necesară o nouă rezervare.
console-scan-not-reported = Rezervată offline la un chioșc încă nereconectat: reîncercați mai târziu.
console-call-next = Chemați următorul
console-call-again = Chemați din nou
console-served = Servit
console-absent = Absent
console-called = A fost chemat numărul { $number }.
console-nobody-waiting = Nimeni nu așteaptă la acest ghișeu.
console-waiting-count = { $count ->
    [one] 1 persoană în așteptare
    [few] { $count } persoane în așteptare
   *[other] { $count } de persoane în așteptare
}
console-display-title = Numere chemate
console-display-no-office = Lipsește biroul: deschideți /ufficio/display?office=…
console-display-none-yet = Încă niciun apel astăzi.
console-display-previous = Apeluri anterioare
console-display-stale = Conexiune pierdută: este posibil ca numerele să nu fie actualizate.
console-display-sound-on = Activați sunetul
console-actions = Acțiuni
console-mark-no-show = Neprezentat
console-not-yet-over = Programarea nu s-a încheiat încă.
console-tab-closures = Închideri
console-closure-whole-office = Tot biroul
console-closure-hours = Noul program al zilei
console-closure-hours-help = Necompletat: închis. Altfel, intervalele orare, de exemplu 08:30-11:00, 14:00-16:00.
console-closure-reason = Motiv (pentru public)
console-closure-note = Notă pentru birou
console-closure-check = Verificați programările
console-closure-bad-day = Alegeți ziua.
console-closure-bad-hours = Interval orar nevalid: scrieți-l ca 08:30-11:00.
console-closure-note-missing = Scrieți o notă pentru birou (de exemplu „Grevă”).
console-closure-hit = { $count ->
    [0] Nicio programare confirmată nu este afectată: puteți salva.
    [one] 1 programare confirmată este afectată: decideți ce faceți cu ea.
    [few] { $count } programări confirmate sunt afectate: decideți ce faceți cu ele.
   *[other] { $count } de programări confirmate sunt afectate: decideți ce faceți cu ele.
}
console-closure-decision = Decizie
console-closure-move-to = Mutați pe { $when }
console-closure-cancel = Anulați
console-closure-no-phone = fără telefon
console-closure-save = Salvați modificarea
console-closure-saved = Modificare salvată. Mutate: { $moved }, anulate: { $cancelled }.
console-closure-not-saved = Modificare nesalvată. Programări de revizuit: { $count }. Verificați din nou.
console-to-call = De sunat
console-to-call-none = Nimeni de sunat.
console-to-call-done = Sunat
console-tab-numbers = Cifre
console-numbers-span = Perioadă
console-numbers-week = Săptămână
console-numbers-day = Zi
console-numbers-booked = Rezervate
console-numbers-checked-in = Înregistrate
console-numbers-waiting = Așteptare de la înregistrare la apel
console-numbers-service = Timp la ghișeu
console-numbers-spread = mediana { $median }, 9 din 10 în cel mult { $p90 } (măsurători: { $count })
console-numbers-none = fără date
console-minutes = { $minutes } min
console-numbers-by-procedure = Pe procedură
console-numbers-by-channel = Pe canal
console-numbers-what = Element
console-numbers-kiosks = Chioșcuri
console-numbers-operators = Operatori din primării și patronati
console-numbers-first-free = Primul loc liber (cât se așteaptă pentru o programare)
console-numbers-first-slot = Primul loc liber
console-numbers-in-days = { $day } (peste { $days ->
    [one] { $days } zi
    [few] { $days } zile
   *[other] { $days } de zile
})
console-numbers-none-free = niciun loc liber în agenda deschisă
console-numbers-chart = Pe zi: rezervate { $booked }, servite { $served }, neprezentate { $no_show }.
console-tab-audit = Jurnal
console-audit-search = Căutați
console-audit-when = Când
console-audit-who = Cine
console-audit-what = Ce
console-audit-detail = Detalii
console-audit-hold = Loc reținut
console-audit-confirm = Rezervat
console-audit-cancel = Anulat
console-audit-reschedule = Mutat
console-audit-check-in = Înregistrat
console-audit-call = Chemat
console-audit-override-saved = Zi modificată
console-audit-override-deleted = Modificarea zilei eliminată
console-channel-walk-in = Fără programare
console-walk-in-title = Persoană fără programare
console-walk-in-procedure = Pentru ce procedură
console-walk-in-give = Dați un număr
console-walk-in-given = Număr atribuit: persoana va fi chemată după programări.
console-camera-start = Folosiți camera
console-camera-stop = Închideți camera
console-camera-hint = Arătați camerei codul QR de pe chitanță.
console-camera-unavailable = Camera nu este disponibilă: folosiți scanerul sau tastați codul.
console-walk-in-arrived = Sosire
console-audit-walk-in = Număr fără programare
console-language = Limba
