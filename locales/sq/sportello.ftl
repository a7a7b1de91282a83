# Sportello – ndërfaqja e kioskës. Shqip.

app-title = Sportello
app-subtitle = Takime dhe informacione për shtetasit e huaj
choose-language = Zgjidhni gjuhën
home-question = Çfarë dëshironi të bëni?

tile-book = Rezervoni një takim
tile-book-hint = Policia (Questura), Prefektura, Sporteli Unik për Imigracionin
tile-faq = Pyetje dhe përgjigje
tile-faq-hint = Dokumente, leje qëndrimi, familje, punë
tile-map = Harta e shërbimeve
tile-map-hint = Shëndet, shtëpi, punë, shkollë, kurse të gjuhës italiane
back = Kthehu

status-connecting = Duke u lidhur…
status-online = Në linjë
status-offline = Jashtë linje
status-updated = Të dhënat u përditësuan: { $when }
status-never = Të dhënat nuk janë shkarkuar ende

staff-panel = Për personelin
kiosk-id = Kioska { $id }
kiosk-not-enrolled = Kioska nuk është regjistruar ende: futni kodin e aktivizimit.
kiosk-refused = Serveri nuk e pranon më këtë kioskë: kontaktoni administratorin.
outbox-pending = Veprime në pritje për t'u dërguar
outbox-failed = Veprime të dështuara (24 orët e fundit)
leases-free = Vende që mund të rezervohen pa rrjet
leases-used = Rezervime të bëra pa rrjet, për t'u dërguar
outbox-failures-title = Veprime të dështuara
write-kind-hold = Vend i ruajtur për një rezervim
write-kind-confirm = Konfirmim i një rezervimi
write-kind-release = Lirim i një vendi të ruajtur
write-kind-cancel = Anulim
write-kind-reschedule = Zhvendosje e një takimi
write-kind-check-in = Mbërritje në sportel
write-kind-offline-booking = Rezervim i bërë pa rrjet
write-kind-other = Veprim
failure-refused = U refuzua nga serveri ({ $code }).
failure-on-the-way = U bllokua para serverit (gabim { $status }): kontrolloni rrjetin ose proxy-n.
failure-not-answered = Nuk u dërgua në kohë: lidhja mungoi për shumë kohë.
failure-kiosk-refused = Serveri nuk e pranon më këtë kioskë.
close = Mbyll

book-title = Rezervoni një takim
wizard-what = Për çfarë keni nevojë?
wizard-search = Kërkoni një procedurë
category-stay-permit = Leje qëndrimi
category-family = Familja
category-work = Puna
category-citizenship = Shtetësia
category-protection = Mbrojtja
category-integration = Integrimi
wizard-bring = Çfarë duhet të sillni
wizard-bring-hint = Shënoni dokumentet që i keni tashmë. Mund të vazhdoni edhe pa to: dëftesa i tregon të gjitha.
wizard-next = Vazhdo
wizard-when = Kur dhe ku
wizard-no-slots = Tani nuk ka vende të lira për këtë procedurë. Provoni përsëri më vonë ose pyesni në sportelin e bashkisë suaj (Comune).
wizard-hold-left = Vendi ruhet për ju edhe { $time }
wizard-who = Kush vjen në takim
wizard-latin-hint = Shkruani emrin dhe mbiemrin siç janë në dokument, me shkronja latine.
person-given-names = Emri
person-surname = Mbiemri
person-date-of-birth = Data e lindjes
person-nationality = Shtetësia
person-nationality-search = Kërkoni shtetin (shkruani në gjuhën tuaj)
person-document = Dokumenti
person-document-number = Numri i dokumentit
person-phone = Telefoni (nuk është i detyrueshëm)
document-passport = Pasaporta
document-residence-permit = Leje qëndrimi (permesso di soggiorno)
document-codice-fiscale = Kodi fiskal (codice fiscale)
field-missing = Mungon kjo e dhënë.
field-too-long = Është shumë e gjatë.
field-not-latin = Përdorni shkronja latine, si në dokument.
field-bad-date = Kontrolloni datën.
field-unknown-country = Zgjidhni një shtet nga lista.
field-bad-format = Kontrolloni: nuk duket e shkruar saktë.
wizard-mediator = Ndërmjetës gjuhësor dhe kulturor
wizard-mediator-none = Nuk nevojitet
wizard-mediator-in = Po, në gjuhën { $language }
wizard-review = Kontrolloni dhe konfirmoni
wizard-confirm = Konfirmoni rezervimin
receipt-procedure = Procedura
receipt-when = Kur
receipt-where = Ku
receipt-person = Për
receipt-bring = Për të sjellë
receipt-done = Rezervimi u bë.
receipt-code = Kodi i rezervimit
receipt-offline = U rezervua pa rrjet: kioska ia dërgon zyrës sapo të kthehet lidhja. Dëftesa është e vlefshme.
receipt-photo = Fotografoni këtë ekran ose kodin QR: zyra ka nevojë për të.
receipt-finish = Përfundo
error-slot-taken = Dikush sapo e zuri atë vend. Ja vendet e lira në vazhdim.
error-already-booked = Ju keni tashmë një takim për këtë procedurë. Për ta parë, zhvendosur ose anuluar, prekni „Keni tashmë një rezervim?“ në faqen e parë dhe përdorni kodin e dëftesës.
error-already-booked-at = Ju keni tashmë një takim për këtë procedurë: { $when }, { $office }.
error-hold-expired = Koha për të konfirmuar mbaroi dhe vendi u lirua. Zgjidhni një tjetër.
error-lease-gone = Ai vend nuk është më i lirë. Ja vendet e tjera që kjo kioskë mund të rezervojë.
notice-offline-leases = Kioska nuk është e lidhur. Mund të rezervoni një nga këto vende të ruajtura për këtë kioskë.
notice-pending = Po e përfundoj rezervimin, prisni disa sekonda…
mediator-recommended = Rekomandohet ndërmjetës kulturor

error-cache = Kioska nuk mund t'i lexojë të dhënat e saj. Kërkoni ndihmë nga personeli.
error-unexpected = Diçka nuk funksionoi. Kthehuni në fillim dhe provoni përsëri.

idle-title = A jeni ende këtu?
idle-body = Pas { $seconds } sekondash do të nis nga e para dhe do të fshij atë që keni shkruar.
idle-more = Po, më duhet më shumë kohë

manage-entry = Keni tashmë një rezervim? Shikojeni ose anulojeni
manage-title = Rezervimi juaj
manage-hint = Shkruani kodin e rezervimit (është në dëftesë), datën tuaj të lindjes dhe 4 karakteret e fundit të dokumentit tuaj.
manage-document-end = 4 karakteret e fundit të dokumentit
manage-document-end-hint = 4 shkronjat ose shifrat e fundit të kodit fiskal (codice fiscale), të pasaportës ose të lejes së qëndrimit që dhatë kur rezervuat.
manage-find = Kërko
manage-missing = Shkruani kodin, datën e lindjes dhe 4 karakteret e fundit të dokumentit.
manage-not-found = Nuk ka asnjë rezervim me këto të dhëna. Kontrolloni dhe provoni përsëri.
manage-too-many = Shumë përpjekje. Provoni përsëri më vonë ose pyesni në një sportel.
manage-offline = Kioska nuk është e lidhur: rezervimet kërkohen në server. Provoni përsëri pas pak.
manage-cancel = Anuloni rezervimin
manage-cancelled = Rezervimi u anulua. Vendi është sërish i lirë për të tjerët.
manage-cancel-pending = Anulimi u regjistrua dhe do të dërgohet sapo të kthehet lidhja.
manage-cancel-refused = Ky rezervim nuk mund të anulohet më (ka kaluar ose është anuluar tashmë).
date-placeholder = dd/mm/vvvv

keyboard = Tastiera
keyboard-space = hapësirë
keyboard-done = Gati

receipt-print = Printoni dëftesën
receipt-printed = Dëftesa u printua: merreni nga printeri.
receipt-print-failed = Printeri nuk përgjigjet. Fotografoni këtë ekran: dëftesa mbetet këtu derisa të prekni Përfundo.
receipt-print-no-paper = Printerit i ka mbaruar letra: njoftoni personelin. Ndërkohë fotografoni këtë ekran, me kodin QR: dëftesa mbetet këtu derisa të prekni Përfundo.
receipt-cancel-how = Për ta anuluar

operator-entry = Operatorët
operator-title = Hyrja e operatorëve
operator-username = Emri i përdoruesit
operator-password = Fjalëkalimi
operator-login = Hyr
operator-refused = Emri i përdoruesit ose fjalëkalimi është i gabuar, ose llogaria nuk është e një operatori.
operator-offline = Kioska nuk është e lidhur: hyrja bëhet në server. Provoni përsëri pas pak.
operator-as = Operatori: { $name }
operator-logout = Dil
operator-bookings = Rezervimet
operator-no-bookings = Asnjë rezervim nga sot e tutje.
operator-not-active = Jo aktiv
operator-change-title = Zgjidhni fjalëkalimin tuaj
operator-change-hint = Fjalëkalimi që morët është i përkohshëm. Para se të vazhdoni, zgjidhni një fjalëkalim tuajin, me të paktën { $length } karaktere.
operator-new-password = Fjalëkalimi i ri
operator-repeat-password = Përsëritni fjalëkalimin e ri
operator-change = Ruani fjalëkalimin
operator-passwords-differ = Dy fjalëkalimet nuk janë të njëjta.
operator-password-short = Fjalëkalimi duhet të ketë të paktën { $length } karaktere.
manage-move = Zhvendosni takimin
manage-move-when = Zgjidhni orarin e ri
manage-moved = Takimi u zhvendos. Kjo është dëftesa e re: e mëparshmja nuk vlen më.
manage-move-pending = Ndryshimi u regjistrua dhe do të dërgohet sapo të kthehet lidhja. Deri atëherë vlen dëftesa e mëparshme.
manage-move-refused = Ky takim nuk mund të zhvendoset më.

## The receipt's page on a phone (opened from the receipt's QR code)
phone-title = Rezervimi juaj
phone-code = Kodi i rezervimit
phone-counter = Sporteli
phone-status-confirmed = I konfirmuar
phone-status-cancelled = I anuluar
phone-status-checked-in = Jeni pritur në sportel
phone-status-past = Takim i kaluar
phone-replaced = Kjo dëftesë është zëvendësuar: takimi u zhvendos. Përdorni dëftesën më të re.
phone-not-reported = U rezervua në një kioskë pa rrjet: do të regjistrohet kur kioska të jetë sërish në linjë. Sillni këtë dëftesë në takim.
phone-gone = Ky rezervim nuk ekziston më. Për një takim të ri përdorni një kioskë ose pyesni në bashkinë tuaj (Comune).
phone-invalid = Kjo nuk është një dëftesë e vlefshme e Sportello. Kontrolloni që keni skanuar kodin QR të dëftesës.
phone-calendar = Shtoni në kalendar
phone-cancel = Anuloni këtë takim
phone-cancel-sure = Jeni të sigurt që doni ta anuloni takimin? Vendi do t'i jepet një personi tjetër.
phone-cancel-yes = Po, anuloje
phone-cancel-no = Jo, mbaje
phone-cancelled-now = Takimi u anulua. Nuk keni nevojë të bëni asgjë tjetër.
phone-date-missing = Shkruani datën tuaj të lindjes dhe 4 karakteret e fundit të dokumentit tuaj.
phone-language = Gjuha

## Questions and answers
faq-search = Kërkoni një pyetje (edhe në italisht)
faq-all = Të gjitha
faq-none = Nuk u gjet asnjë përgjigje. Provoni me fjalë të tjera, ose pyesni në sportelin e bashkisë suaj (Comune).
faq-fallback = Kjo përgjigje nuk është ende në gjuhën tuaj: ja ku është në gjuhën { $language }.
faq-draft = Përkthim automatik: nëse diçka nuk është e qartë, pyesni në sportel.
faq-sources = Burimet
faq-reviewed = Kontrolluar më { $date }
category-health = Shëndeti
category-school = Shkolla
category-housing = Shtëpia
category-documents = Dokumentet

# Harta e shërbimeve
map-title = Shërbime pranë jush
map-search = Kërkoni një vend ose një shërbim
map-filter-category = Çfarë kërkoni
map-filter-comune = Bashkia
map-filter-language = Gjuha që flitet
map-filter-open-now = Hapur tani
map-any-category = Të gjitha
map-any-comune = Të gjitha bashkitë
map-any-language = Të gjitha gjuhët
map-results = { $count ->
    [one] { $count } vend
   *[other] { $count } vende
}
map-none = Asnjë vend me këta filtra.
map-clear-filters = Hiqni filtrat
map-zoom-in = Zmadhoni hartën
map-zoom-out = Zvogëloni hartën
map-recenter = Kthehuni në pikën e nisjes
map-you-are-here = Ju jeni këtu
map-cluster = { $count } vende: prekni për t'i parë nga afër
map-distance-m = { $metres } m larg
map-distance-km = { $km } km larg
map-attribution = Të dhënat: ISTAT; Openpolis (CC BY 4.0); GeoNames (CC BY 4.0)
map-empty = Lista e shërbimeve nuk është shkarkuar ende në këtë kioskë.
svc-italian_courses = Kurse të gjuhës italiane
svc-work_training = Punë dhe formim profesional
svc-housing = Shtëpi
svc-health = Shëndet
svc-school_minors = Shkollë dhe fëmijë
svc-legal_immigration = Ndihmë ligjore dhe imigracion
svc-mediation = Ndërmjetës gjuhësorë dhe kulturorë
svc-social_services = Shërbime sociale dhe pritja e parë
svc-associations = Shoqata dhe komunitete
place-open-until = Hapur tani, deri në orën { $time }
place-opens-at = Hapet { $day } në orën { $time }
place-opens-today = Hapet sot në orën { $time }
place-opens-tomorrow = Hapet nesër në orën { $time }
place-no-hours = Orari nuk është dhënë
place-hours = Orari
place-services = Çfarë ofron
place-languages = Gjuhët që fliten
place-documents = Dokumentet që duhet të sillni
place-fees = Kostoja
place-phone = Telefoni
place-address = Adresa
place-accessibility = Aksesueshmëria
place-website = Faqja e internetit
place-qr-page = Skanojeni me telefon: hapni këtë vend
place-qr-geo = Skanojeni me telefon: më çoni këtu
place-demo = Të dhëna prove: detajet nuk janë verifikuar.
place-temporarily-closed = Mbyllur për momentin
place-not-found = Ky vend nuk është më në listë.
place-unavailable = Nuk mund t'i lexojmë të dhënat tani. Provoni përsëri pas pak.
place-open-in-maps = Hapeni në hartat e telefonit
place-title = Një vend që mund t'ju ndihmojë
day-mo = të hënën
day-tu = të martën
day-we = të mërkurën
day-th = të enjten
day-fr = të premten
day-sa = të shtunën
day-su = të dielën

## An office's change to a day: why, and what the person is told (receipt page, SMS).
change-reason-strike = një grevë
change-reason-training = trajnim i stafit
change-reason-staff = mungesë e stafit
change-reason-closure = mbyllje e zyrës
change-reason-technical = një defekt teknik
change-reason-other = arsye organizative
phone-moved-by-office = Zyra e ka zhvendosur takimin tuaj. Arsyeja: { $reason }. Ja orari i ri.
phone-cancelled-by-office = Zyra e ka anuluar takimin tuaj. Arsyeja: { $reason }. Mund të rezervoni një tjetër.
notice-moved = { $office }: takimi juaj { $code } u zhvendos më { $when }. Arsyeja: { $reason }.
notice-cancelled = { $office }: takimi juaj { $code } u anulua. Arsyeja: { $reason }. Mund të rezervoni një tjetër.

## The office console (staff, in the browser at /ufficio/).
console-title = Sportello · Zyra
console-username = Emri i përdoruesit
console-password = Fjalëkalimi
console-login = Hyr
console-logout = Dil
console-login-wrong = Emri i përdoruesit ose fjalëkalimi është i gabuar.
console-too-many = Shumë përpjekje: provoni përsëri pas disa minutash.
console-forbidden = Llogaria juaj nuk e ka këtë të drejtë.
console-refused = Serveri e refuzoi kërkesën.
console-broken = Përgjigje e papritur nga serveri: njoftoni ndihmën teknike.
console-offline = Nuk ka lidhje me serverin: provoni përsëri. Asgjë nuk humbi.
console-session-ended = Seanca përfundoi: hyni përsëri.
console-password-change = Zgjidhni fjalëkalimin tuaj
console-password-rules = Fjalëkalimi i ri duhet të ketë të paktën 10 karaktere.
console-password-old = Fjalëkalimi aktual
console-password-new = Fjalëkalimi i ri
console-password-save = Ruani fjalëkalimin
console-office = Zyra
console-day = Dita
console-day-previous = Dita e mëparshme
console-day-next = Dita tjetër
console-today = Sot
console-online = I lidhur
console-link-lost = Lidhja humbi: po rilidhet…
console-tab-agenda = Axhenda
console-tab-desk = Pranimi
console-tab-calling = Thirrja
console-counter = Sporteli
console-status = Gjendja
console-all = Të gjitha
console-print = Printo
console-csv = Eksporto CSV
console-agenda-count = { $count ->
    [one] { $count } takim
   *[other] { $count } takime
}
console-agenda-empty = Asnjë takim.
console-time = Ora
console-code = Kodi
console-procedure = Procedura
console-person = Personi
console-born = Datëlindja
console-mediator = Ndërmjetësi
console-channel = Kanali
console-appointment = Takimi
console-documents = { $count ->
    [one] { $count } dokument për të sjellë
   *[other] { $count } dokumente për të sjellë
}
console-person-purged = (të dhënat u fshinë)
console-channel-self = Vetë personi
console-channel-kiosk = Kioska { $kiosk }
console-channel-operator = Operatori { $organization }
console-channel-office = Zyra
console-status-expected = Pritet
console-status-waiting = Në pritje
console-status-called = I thirrur
console-status-served = I shërbyer
console-status-absent = Mungoi kur u thirr
console-status-no-show = Nuk u paraqit
console-status-cancelled = I anuluar
console-scan-label = Dëftesa ose kodi
console-scan-placeholder = Skanoni dëftesën ose shkruani kodin
console-scan-check = Verifiko
console-scan-checked-in = U pranua: jepini numrin.
console-scan-already = Është pranuar tashmë: i njëjti numër.
console-scan-unreadable = Nuk është as dëftesë as kod: skanoni përsëri ose shkruani kodin.
console-scan-not-genuine = Dëftesa nuk është origjinale: kërkoni një dokument dhe gjeni personin në axhendë.
console-scan-unknown = Nuk ka rezervim me këtë kod: kontrolloni kodin.
console-scan-other-office = Rezervim për një zyrë tjetër ({ $office }): drejtojeni personin atje.
console-scan-other-day = Takimi është më { $day }: ftojeni personin të kthehet atë ditë.
console-scan-cancelled = Rezervimi është anuluar: personi mund të rezervojë përsëri.
console-scan-moved = Dëftesë e vjetër: takimi u zhvendos, përdorni dëftesën më të re.
console-scan-too-early = Shumë herët: takimi është në orën { $time }, le të kthehet më afër orës.
console-scan-too-late = Shumë vonë: takimi ishte në orën { $time }, duhet një rezervim i ri.
console-scan-no-show = Shënuar si i paparaqitur: duhet një rezervim i ri.
console-scan-not-reported = Rezervuar pa rrjet në një kioskë që ende nuk është rilidhur: provoni më vonë.
console-call-next = Thirr tjetrin
console-call-again = Thirr përsëri
console-served = I shërbyer
console-absent = Mungon
console-called = U thirr numri { $number }.
console-nobody-waiting = Askush nuk pret për këtë sportel.
console-waiting-count = { $count ->
    [one] { $count } person në pritje
   *[other] { $count } persona në pritje
}
console-display-title = Numrat e thirrur
console-display-no-office = Mungon zyra: hapni /ufficio/display?office=…
console-display-none-yet = Ende asnjë thirrje sot.
console-display-previous = Thirrjet e mëparshme
console-display-stale = Lidhja humbi: numrat mund të mos jenë të përditësuar.
console-display-sound-on = Aktivizo zërin
console-actions = Veprimet
console-mark-no-show = Nuk u paraqit
console-not-yet-over = Takimi nuk ka mbaruar ende.
console-tab-closures = Mbylljet
console-closure-whole-office = E gjithë zyra
console-closure-hours = Orari i ri i ditës
console-closure-hours-help = Bosh: mbyllur. Përndryshe oraret, për shembull 08:30-11:00, 14:00-16:00.
console-closure-reason = Arsyeja (për personat)
console-closure-note = Shënim për zyrën
console-closure-check = Verifiko takimet
console-closure-bad-day = Zgjidhni ditën.
console-closure-bad-hours = Orare të pavlefshme: shkruajini si 08:30-11:00.
console-closure-note-missing = Shkruani një shënim për zyrën (për shembull «Grevë»).
console-closure-hit = { $count ->
    [0] Nuk preket asnjë takim i konfirmuar: mund të ruani.
    [one] Preket { $count } takim i konfirmuar: vendosni çfarë të bëni me të.
   *[other] Preken { $count } takime të konfirmuara: vendosni çfarë të bëni me to.
}
console-closure-decision = Vendimi
console-closure-move-to = Zhvendos më { $when }
console-closure-cancel = Anulo
console-closure-no-phone = pa telefon
console-closure-save = Ruaj ndryshimin
console-closure-saved = Ndryshimi u ruajt: { $moved } të zhvendosur, { $cancelled } të anuluar.
console-closure-not-saved = { $count ->
    [one] Ndryshimi nuk u ruajt: { $count } takim për t'u rishikuar. Verifikoni përsëri.
   *[other] Ndryshimi nuk u ruajt: { $count } takime për t'u rishikuar. Verifikoni përsëri.
}
console-to-call = Për t'u telefonuar
console-to-call-none = Askush për t'u telefonuar.
console-to-call-done = U telefonua
console-tab-numbers = Shifrat
console-numbers-span = Periudha
console-numbers-week = Java
console-numbers-day = Dita
console-numbers-booked = Të rezervuar
console-numbers-checked-in = Të pranuar
console-numbers-waiting = Pritja nga pranimi deri te thirrja
console-numbers-service = Koha në sportel
console-numbers-spread = mediana { $median }, 9 nga 10 brenda { $p90 } ({ $count } matje)
console-numbers-none = nuk ka të dhëna
console-minutes = { $minutes } min
console-numbers-by-procedure = Sipas procedurës
console-numbers-by-channel = Sipas kanalit
console-numbers-what = Zëri
console-numbers-kiosks = Kioskat
console-numbers-operators = Operatorë të bashkive dhe patronateve
console-numbers-first-free = Vendi i parë i lirë (sa pritet për një takim)
console-numbers-first-slot = Vendi i parë i lirë
console-numbers-in-days = { $days ->
    [one] { $day } (pas { $days } dite)
   *[other] { $day } (pas { $days } ditësh)
}
console-numbers-none-free = asnjë vend i lirë në axhendën e hapur
console-numbers-chart = Sipas ditës: { $booked } të rezervuar, { $served } të shërbyer, { $no_show } të paparaqitur.
console-tab-audit = Regjistri
console-audit-search = Kërko
console-audit-when = Kur
console-audit-who = Kush
console-audit-what = Çfarë
console-audit-detail = Hollësi
console-audit-hold = Vend i mbajtur
console-audit-confirm = Rezervuar
console-audit-cancel = Anuluar
console-audit-reschedule = Zhvendosur
console-audit-check-in = Pranuar
console-audit-call = Thirrur
console-audit-override-saved = Dita u ndryshua
console-audit-override-deleted = Ndryshimi i ditës u hoq
console-channel-walk-in = Pa takim
console-walk-in-title = Person pa takim
console-walk-in-procedure = Për cilën procedurë
console-walk-in-give = Jep një numër
console-walk-in-given = Numri u dha: personi do të thirret pas takimeve.
console-camera-start = Përdor kamerën
console-camera-stop = Mbyll kamerën
console-camera-hint = Tregoji kamerës kodin QR të dëftesës.
console-camera-unavailable = Kamera nuk është e disponueshme: përdor skanerin ose shkruaj kodin.
console-walk-in-arrived = Mbërritja
console-audit-walk-in = Numër pa takim
console-language = Gjuha
