# Sportello – interface du kiosque. Français.

app-title = Sportello
app-subtitle = Rendez-vous et informations pour les citoyens étrangers
choose-language = Choisissez votre langue
home-question = Que voulez-vous faire ?

tile-book = Prendre rendez-vous
tile-book-hint = Questura, Préfecture, Guichet unique de l'immigration
tile-faq = Questions et réponses
tile-faq-hint = Documents, titre de séjour, famille, travail
tile-map = Carte des services
tile-map-hint = Santé, logement, travail, école, cours d'italien
coming-soon = Bientôt disponible
coming-soon-body = Cette partie n'est pas encore disponible. En attendant, vous pouvez demander de l'aide au guichet de votre commune.
back = Retour

status-connecting = Connexion en cours…
status-online = En ligne
status-offline = Hors ligne
status-updated = Données mises à jour : { $when }
status-never = Données pas encore téléchargées

staff-panel = Pour le personnel
kiosk-id = Borne { $id }
kiosk-not-enrolled = Borne pas encore enregistrée : saisir le code d'activation.
kiosk-refused = Le serveur n'accepte plus cette borne : contacter l'administrateur.
outbox-pending = Opérations en attente d'envoi
outbox-failed = Opérations échouées (dernières 24 heures)
leases-free = Places réservables sans réseau
leases-used = Réservations faites sans réseau, à envoyer
close = Fermer

book-title = Prendre rendez-vous
book-coming-soon = La prise de rendez-vous au kiosque arrive bientôt. En attendant, vous pouvez voir les bureaux et les démarches qu'ils traitent.
book-empty = Le kiosque n'a pas encore téléchargé les bureaux. Réessayez dans quelques minutes.
office-kind-prefettura = Préfecture
office-kind-questura = Questura – Bureau de l'immigration
office-kind-sui = Guichet unique de l'immigration (SUI)
office-procedures = Démarches
slot-minutes = { $minutes ->
    [one] { $minutes } minute
   *[other] { $minutes } minutes
}
mediator-recommended = Médiateur culturel conseillé

error-cache = Le kiosque n'arrive pas à lire ses données. Demandez de l'aide au personnel.
error-unexpected = Quelque chose n'a pas fonctionné. Revenez au début et réessayez.
