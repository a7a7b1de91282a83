# Sportello – interfaccia del chiosco. Italiano: la lingua di riferimento; ogni chiave esiste qui.

app-title = Sportello
app-subtitle = Appuntamenti e informazioni per i cittadini stranieri
choose-language = Scegli la lingua
home-question = Cosa vuoi fare?

tile-book = Prenota un appuntamento
tile-book-hint = Questura, Prefettura, Sportello Unico per l'Immigrazione
tile-faq = Domande e risposte
tile-faq-hint = Documenti, permesso di soggiorno, famiglia, lavoro
tile-map = Mappa dei servizi
tile-map-hint = Salute, casa, lavoro, scuola, corsi di italiano
coming-soon = In arrivo
coming-soon-body = Questa parte non è ancora disponibile. Per ora puoi chiedere aiuto allo sportello del tuo Comune.
back = Indietro

status-connecting = Collegamento in corso…
status-online = In linea
status-offline = Non in linea
status-updated = Dati aggiornati: { $when }
status-never = Dati non ancora scaricati

staff-panel = Per il personale
kiosk-id = Chiosco { $id }
kiosk-not-enrolled = Chiosco non ancora registrato: inserire il codice di attivazione.
kiosk-refused = Il server non accetta più questo chiosco: contattare l'amministratore.
outbox-pending = Operazioni in attesa di invio
outbox-failed = Operazioni non riuscite (ultime 24 ore)
leases-free = Posti prenotabili senza rete
leases-used = Prenotazioni fatte senza rete, da inviare
close = Chiudi

book-title = Prenota un appuntamento
book-coming-soon = La prenotazione dal chiosco arriva presto. Intanto puoi vedere gli uffici e le pratiche che trattano.
book-empty = Il chiosco non ha ancora scaricato gli uffici. Riprova tra qualche minuto.
office-kind-prefettura = Prefettura
office-kind-questura = Questura – Ufficio Immigrazione
office-kind-sui = Sportello Unico per l'Immigrazione
office-procedures = Pratiche
slot-minutes = { $minutes ->
    [one] { $minutes } minuto
   *[other] { $minutes } minuti
}
mediator-recommended = Mediatore culturale consigliato

error-cache = Non riesco a leggere i dati del chiosco. Chiedi aiuto al personale.
error-unexpected = Qualcosa non ha funzionato. Torna all'inizio e riprova.
