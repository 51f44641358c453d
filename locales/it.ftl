# passerelle’s interface in Italian (Project Fluent, https://projectfluent.org).
# Every message exists in every language with the same variables; `cargo test --lib locale`
# checks it. Plural forms are chosen by the language’s CLDR rules ([one], [few], [many],
# *[other]). Invisible characters are typed as such: U+00A0 (no-break space) joins a number
# to its noun.

## Public pages

organisations = Organizzazioni
latest-projects = Progetti recenti
projects = Progetti
pinned = In evidenza
followers = Follower
profile = Profilo
partners = Partner
place = Luogo
dates = Periodo
themes = Temi
sdgs = Obiettivi di sviluppo sostenibile
published = Pubblicato
updated = Aggiornato
language-versions = Versioni linguistiche
follow-hint = Seguici nel fediverso (ad es. su Mastodon) all’indirizzo
no-posts = Ancora nessun progetto.
figures = In cifre
skip-to-content = Vai al contenuto
interface-language = Lingua
replies = Risposte dal fediverso
reactions = Reazioni
partnerships = Gemellaggi e partenariati
partner = Partner
network = Rete
kind = Tipo
since = Dal
status = Stato
main-navigation = Navigazione principale
home = Home
registry = Registro dei partenariati
statistics = Statistiche
search = Cerca
about-network = Informazioni su questa rete
upcoming-events = Prossimi appuntamenti
no-events = Nessun appuntamento in programma.
confirmed-partnerships = Partenariati confermati
featured-projects = Progetti in evidenza
follow-from-mastodon = Segui da Mastodon
follow-box-intro = Inserisci il tuo indirizzo nel fediverso. Ti rimandiamo al tuo server, dove confermi di voler seguire.
your-handle = Il tuo indirizzo o il tuo server
handle-example = ad es. @anna@mastodon.social o mastodon.social
follow-button = Continua per seguire
handle-empty = Inserisci il tuo indirizzo.
handle-invalid = Questo non è né un indirizzo come @nome@server.example né un nome di server come server.example.
handle-is-here = Questo indirizzo appartiene a questa rete. Segui dal tuo server Mastodon.
error = Errore
feeds = Feed
rss-feed = Feed RSS
atom-feed = Feed Atom
projects-of = Progetti di
projects-on = Progetti sul tema
no-partnerships = Nessun partenariato registrato.
filters = Filtri
country-pair = Coppia di paesi
region-pair = Coppia di regioni
first-country = Primo paese
second-country = Secondo paese
first-region = Prima regione
second-region = Seconda regione
choose-both = Scegli entrambi o nessuno dei due.
founded-from = Fondato dal
founded-to = Fondato fino al
year-invalid = Inserisci un anno, ad es. 1962.
theme = Tema
confirmed-only = Solo quelli confermati da entrambe le parti
any = tutti
show = Mostra
reset-filters = Azzera i filtri
organisation = Organizzazione
countries = Paesi
map = Mappa
map-description = I punti sono organizzazioni, le linee uniscono i partner. Gli stessi partenariati sono elencati nella tabella.
map-views = Vista della mappa
map-zoom-in = Ingrandisci
map-zoom-out = Riduci
map-fit = Inquadra i partenariati
map-overview = Panoramica
previous = Precedente
next = Successiva
status-proposed = proposto
status-active = attivo
status-dormant = sospeso
status-ended = concluso
status-confirmed = confermato
status-unconfirmed = non confermato
by-country-pair = Per coppia di paesi
by-kind = Per tipo
by-decade = Per decennio di fondazione
by-region = Per regione
share-confirmed = Confermati da entrambe le parti
total = Totale
count = Numero
as-table = In tabella
scope = Ambito
scope-local = Questa rete
scope-federation = Tutte le reti collegate (ogni partenariato contato una volta)
not-reachable = Non raggiungibili
unknown = sconosciuto
download-csv = Dati in CSV
open-data = Dati aperti
themes-list = Temi dei progetti
read-in = Leggi in
images = Immagini
none-yet = Ancora nessun dato.
colon = :
semicolon = ;

## Editors’ and operators’ interface

too-many-logins = Troppi accessi non riusciti.
back-to-projects = Torna ai progetti
log-in = Accedi
log-out = Esci
logged-in-as = Accesso effettuato come
username = Nome utente
password = Password
login-failed = Nome utente o password errati.
login-form-expired = Il modulo di accesso è rimasto aperto troppo a lungo. Inserite di nuovo la password.
kept-login-note = La vostra sessione era scaduta prima dell’invio del modulo. Quello che avete scritto è conservato: accedete, poi inviatelo con un clic.
kept-title = Inviare il modulo conservato
kept-intro = La vostra sessione era scaduta prima dell’invio del modulo; non è stato ancora salvato nulla. Quello che avete scritto è conservato qui: inviatelo ora.
kept-send = Invia ora
kept-back = Torna al modulo, senza quanto conservato
kept-gone = Questo modulo conservato non c’è più: viene conservato per un giorno, e solo per l’account che lo ha scritto.
kept-files-left-out = { $n ->
    [one] L’immagine scelta non ha potuto essere conservata: aggiungetela di nuovo dopo.
   *[other] Le { $n } immagini scelte non hanno potuto essere conservate: aggiungetele di nuovo dopo.
}
csrf-failed = Questo modulo è scaduto o non proviene da questo sito. Ricarica la pagina e invialo di nuovo.
required = Campo obbligatorio.
too-long = Troppo lungo.
bad-value = Valore non valido.
bad-date = Una data come 2026-07-20.
bad-year = Un anno, ad es. 1962.
bad-domain = Un nome di server come esempio.org, non questa istanza.
editor-navigation = Redazione
editors-interface = Area redazione
my-organisations = Le mie organizzazioni
administration = Amministrazione
no-organisations = Non sei ancora redattore o redattrice di alcuna organizzazione. Chiedilo all’amministrazione di questa istanza.
sections = Sezioni
public-profile = Vedi il profilo pubblico
new-post = Nuovo contributo
edit-post = Modifica il contributo
edit = Modifica
delete = Elimina
delete-post = Elimina il contributo
delete-yes = Sì, elimina
delete-confirm = Volete davvero eliminare «{ $title }»? Chi vi segue ne sarà informato e il contributo non potrà essere ripristinato.
pin = Metti in evidenza
unpin = Togli dall’evidenza
post-published = Il contributo è pubblicato.
post-updated = Il contributo è aggiornato.
post-deleted = Il contributo è eliminato.
delivery-status = Consegna
instance = Istanza
no-recipients = Non ancora inviato ad altre istanze.
failing = In errore
waiting = in attesa
attempts = Tentativi
last-error = Ultimo errore
form-has-errors = Il modulo contiene errori, indicati accanto ai rispettivi campi.
preview = Anteprima
main-language = Lingua principale
main-language-unwritten = Nella lingua principale non è ancora scritto nulla.
languages-hint = Compila una o più versioni linguistiche; le lingue lasciate vuote non vengono pubblicate.
write-one-language = Scrivi almeno una versione linguistica.
title = Titolo
summary = Sintesi
summary-required = Campo obbligatorio: Mastodon mostra solo il titolo e la sintesi.
body = Testo
post-images = Immagini
add-image = Aggiungi un’immagine (JPEG, PNG, WebP o GIF)
alt-text = Descrizione dell’immagine (testo alternativo)
alt-hint = Descrivi che cosa mostra l’immagine, per chi non può vederla.
alt-required = Descrivi l’immagine (obbligatorio).
alt-required-upload = Descrivi l’immagine (obbligatorio) e scegli di nuovo il file.
choose-image = Scegli un file immagine per questa descrizione.
remove-image = Rimuovi l’immagine
upload-too-large = Il file è troppo grande.
not-an-image = Questo file non è un’immagine in un formato supportato (JPEG, PNG, WebP, GIF).
too-many-pixels = L’immagine è troppo grande (al massimo 12.000 pixel per lato).
sdg = Obiettivo
starts-on = Inizio
ends-on = Fine
ends-before-start = La fine precede l’inizio.
partners-hint = Un’organizzazione per riga: un identificativo di questa istanza (comune-cuneo) o l’indirizzo di un profilo.
publish = Pubblica
save-changes = Pubblica le modifiche
cancel = Annulla
followers-and-follows = Follower e account seguiti
follow-someone = Segui un account del fediverso
fediverse-address = Indirizzo nel fediverso
fediverse-address-hint = Ad esempio @ville-amiens@afccre.example o l’indirizzo del profilo.
partner-choices-hint = Digita un nome per scegliere tra le organizzazioni note qui, oppure indica l’indirizzo di un’altra, ad esempio @ville-amiens@afccre.example.
follow = Segui
unfollow = Non seguire più
follow-sent = Richiesta di seguire inviata a
unfollowed = Non segui più questo account.
cannot-follow-self = Un’organizzazione non può seguire se stessa.
follow-requests = Richieste di seguire
following = Account seguiti
awaiting-approval = in attesa di approvazione
accept = Accetta
reject = Rifiuta
decline = Declina
request-accepted = La richiesta è accettata.
request-rejected = La richiesta è rifiutata.
no-such-request = Questa richiesta di seguire non esiste (più).
none = Nessuno.
propose-partnership = Proponi un partenariato
propose = Proponi
founded-year = Anno di fondazione
description = Descrizione
awaiting-partner = in attesa della risposta del partner
mark-dormant = Segna come sospeso
mark-active = Di nuovo attivo
end-partnership = Concludi
partnership-proposed = La proposta è inviata; il partenariato sarà confermato quando l’altra parte l’avrà accettata.
partnership-accepted = Il partenariato è confermato.
partnership-declined = La proposta è declinata.
partnership-changed = Il partenariato è modificato.
no-such-partnership = Questo partenariato non esiste qui.
no-such-organisation = Nessuna organizzazione
not-your-organisation = Non sei redattore o redattrice di questa organizzazione.
error-forbidden = Accesso negato
error-not-found = Non trovato
error-request = La richiesta non è andata a buon fine
error-server = Un errore da parte nostra
error-server-detail = Qualcosa è andato storto. Riprova tra qualche minuto.
error-not-found-detail = Questa pagina non esiste o non esiste più. La ricerca potrà forse aiutarti a trovare ciò che cerchi.
error-forbidden-detail = Questa pagina non è accessibile qui.
error-request-detail = Controlla l’indirizzo o i dati inseriti nel modulo.
error-conflict = Già fatto o cambiato nel frattempo
error-conflict-detail = È già stato fatto, oppure qualcuno l’ha cambiato nel frattempo. Ricaricate la pagina per vedere la situazione attuale.
error-details = Dettaglio tecnico
back-home = Torna alla pagina iniziale
operators-only = Riservato all’amministrazione e alla moderazione di questa istanza.
admins-only = Riservato all’amministrazione di questa istanza.
federation-health = Federazione
queue-pending = Invii in coda
queue-failing = di cui non riusciti
queue-delivered = Consegnati
queue-gave-up = Abbandonati
instances-with-trouble = Istanze con invii in attesa o non riusciti
subscriptions-heading = Reti e relay
no-subscriptions = Questa istanza non è abbonata ad alcuna rete né ad alcun relay.
subscription-kind = Tipo
subscription-style = Protocollo
subscription-peer = Rete partner
subscription-relay = Server relay
subscription-pending = richiesto, ancora nessuna risposta
subscription-accepted = accettato
subscription-rejected = rifiutato
all-instances-fine = Tutte le istanze sono raggiungibili; nulla è in attesa.
failing-since = Errori dal
unreachable = irraggiungibile
accounts = Account
roles = Ruoli
create-account = Crea un account
account-created = L’account è creato.
no-such-account = Nessun account
grant-role = Assegna un ruolo
grant = Assegna
revoke = Revoca
roles-changed = I ruoli sono modificati.
api-tokens = Chiavi API
name = Nome
created = Creato
last-used = Ultimo utilizzo
revoked = revocata
token-name = Nome della nuova chiave
issue-token = Genera una chiave
token-shown-once = La nuova chiave viene mostrata solo questa volta:
token-revoked = La chiave è revocata.
end-sessions = Chiudi tutte le sessioni di questo account
sessions-ended = Tutte le sessioni di questo account sono chiuse.
handle = Identificativo
country = Paese (due lettere, ad es. IT)
working-languages = Lingue di lavoro
create-organisation = Crea un’organizzazione
organisation-created = L’organizzazione è creata:
moderation = Moderazione
reports = Segnalazioni
resolved = gestita
mark-resolved = Segna come gestita
report-resolved = La segnalazione è gestita.
remove-content = Rimuovi il contenuto
content-removed = Il contenuto è rimosso.
domain-blocks = Istanze bloccate
reason = Motivo
block-instance = Blocca l’istanza
unblock = Sblocca
block-added = L’istanza è bloccata.
block-removed = L’istanza non è più bloccata.
from-config = dalla configurazione
suspended-actors = Account sospesi di altre istanze
suspend = Sospendi
unsuspend = Revoca la sospensione
suspended = L’account è sospeso; i suoi contributi sono rimossi.
unsuspended = La sospensione è revocata.
cannot-suspend-local = Le organizzazioni di questa istanza si gestiscono in «Organizzazioni», non si sospendono.

## Search page

search-title = Cerca
search-label = Parole da cercare
search-hint = Organizzazioni, partenariati e progetti di tutte le reti. «più parole» per un’espressione, clim* per l’inizio di una parola, -parola o -«più parole» per escludere.
search-bad-parameter = L’indirizzo di questa ricerca contiene un valore che non si può leggere. Cercate di nuovo dal modulo.
search-submit = Cerca
search-what = Che cosa
search-everything = Tutto
search-organisations = Organizzazioni
search-partnerships = Partenariati
search-posts = Progetti
search-order = Ordine
search-relevance = Pertinenza
search-newest = Prima i più recenti
search-only-here = Solo questa rete
search-result-pages = Pagine dei risultati
search-no-matches = Nessun risultato. Prova con altre parole o con meno parole.
search-narrow = Restringi
search-remove-filters = Rimuovi tutti i filtri
search-networks = Reti
search-answered = ha risposto
search-local = questa rete
search-timeout = nessuna risposta in tempo
search-failed = irraggiungibile
search-next = Risultati successivi
search-previous = Risultati precedenti
search-f-kind = Tipo
search-f-theme = Tema
search-f-sdg = Obiettivo di sviluppo sostenibile
search-f-country = Paese
search-f-region = Regione
search-f-org-kind = Tipo di organizzazione
search-f-language = Lingua
search-f-year = Anno
search-f-network = Rete
search-capped = Sono stati ordinati e contati solo i risultati più recenti. Altre parole o un filtro danno cifre esatte.

## Messages with variables

lookup-malformed = «{ $target }» non è né un @nome@server né un indirizzo (https://…).
lookup-unknown-here = Qui non c’è nessuna organizzazione «{ $target }».
lookup-blocked = Il server { $target } è bloccato qui.
lookup-webfinger-status = La ricerca di { $target } (WebFinger) non è riuscita: il server ha risposto HTTP { $status }.
lookup-webfinger-failed = La ricerca di { $target } (WebFinger) non è riuscita: { $reason }
lookup-no-actor = { $target } è stato trovato, ma non ha un profilo ActivityPub.
lookup-actor-status = Non è stato possibile recuperare il profilo { $target }: il server ha risposto HTTP { $status }.
lookup-actor-failed = Non è stato possibile recuperare il profilo { $target }: { $reason }
lookup-invalid = { $target } non è un profilo utilizzabile: { $reason }

count-likes = { $n ->
    [one] { $n } preferito
   *[other] { $n } preferiti
}
count-shares = { $n ->
    [one] { $n } condivisione
   *[other] { $n } condivisioni
}
count-replies = { $n ->
    [one] { $n } risposta
   *[other] { $n } risposte
}
results-count = { $n ->
    [one] { $n } risultato
   *[other] { $n } risultati
}
search-matches-more = Più di { $n } risultati
search-matches-count = { $n ->
    [one] { $n } risultato
   *[other] { $n } risultati
}
map-missing-count = { $n ->
    [one] { $n } organizzazione senza coordinate, assente dalla mappa
   *[other] { $n } organizzazioni senza coordinate, assenti dalla mappa
}
delivered-count = Consegnato a { $delivered } su { $instances } { $instances ->
    [one] istanza
   *[other] istanze
}
waiting-count = { $n } in attesa
proposals-awaiting-answer = { $n ->
    [one] Una proposta di partenariato attende la tua risposta
   *[other] { $n } proposte di partenariato attendono la tua risposta
}
records-not-kept = Pubblicato più di { $days } { $days ->
    [one] giorno
   *[other] giorni
} fa: le consegne non vengono conservate così a lungo.
try-again-in-minutes = Riprova tra { $n } { $n ->
    [one] minuto
   *[other] minuti
}.

## Vocabulary: organisation kinds, partnership kinds, themes (their hashtags are made
## from these labels), the UN Sustainable Development Goals, profile fields

org-kind-municipality = Comune
org-kind-district = Provincia
org-kind-region = Regione
org-kind-association = Comitato di gemellaggio
org-kind-network = Rete
org-kind-school = Scuola
org-kind-other = Società civile

partnership-kind-twinning = Gemellaggio
partnership-kind-friendship = Amicizia
partnership-kind-contact = Contatto
partnership-kind-project = Partenariato di progetto
partnership-kind-regional = Partenariato regionale
partnership-kind-school = Partenariato scolastico

theme-reconciliation = Riconciliazione
theme-european-integration = Integrazione europea
theme-youth = Giovani
theme-education = Istruzione
theme-culture = Cultura
theme-sport = Sport
theme-social = Impegno sociale
theme-inclusion = Inclusione
theme-climate = Tutela del clima
theme-environment = Ambiente
theme-mobility = Mobilità
theme-demography = Cambiamento demografico
theme-structural-change = Trasformazione economica
theme-migration = Migrazione e integrazione
theme-digitalisation = Digitalizzazione
theme-economy = Economia
theme-remembrance = Memoria
theme-humanitarian-aid = Aiuto umanitario
theme-administration = Scambi amministrativi

sdg-1 = Sconfiggere la povertà
sdg-2 = Sconfiggere la fame
sdg-3 = Salute e benessere
sdg-4 = Istruzione di qualità
sdg-5 = Parità di genere
sdg-6 = Acqua pulita e servizi igienico-sanitari
sdg-7 = Energia pulita e accessibile
sdg-8 = Lavoro dignitoso e crescita economica
sdg-9 = Imprese, innovazione e infrastrutture
sdg-10 = Ridurre le disuguaglianze
sdg-11 = Città e comunità sostenibili
sdg-12 = Consumo e produzione responsabili
sdg-13 = Lotta contro il cambiamento climatico
sdg-14 = Vita sott’acqua
sdg-15 = Vita sulla terra
sdg-16 = Pace, giustizia e istituzioni solide
sdg-17 = Partnership per gli obiettivi

profile-kind = Tipo
profile-region = Regione
profile-code-ags = Codice comunale tedesco (AGS)
profile-code-insee = Codice INSEE
profile-code-lau = Codice LAU
profile-nuts = Regione NUTS
profile-population = Abitanti
profile-website = Sito web
profile-languages = Lingue
profile-themes = Temi

## Formats

# Digits of whole numbers: 601.150.
number-group-separator = {"."}
number-group-minimum = 1
# 5 marzo 2026.
date = { $day } { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    } { $year }
decade = anni { $decade }
percent = { $n }%

# events-public: the calendar page, event pages and iCalendar feeds
ev-nav = Agenda
ev-calendar = Calendario degli eventi
ev-calendar-intro = Gli eventi in corso o in arrivo, per mese. Orari nel fuso orario di ciascun evento.
ev-running-now = In corso
ev-no-match = Nessun evento per questa selezione.
ev-bad-filter = Questo valore di filtro è sconosciuto; sceglietelo dall’elenco.
ev-kind-training = Formazione
ev-kind-partnership-meeting = Incontro di gemellaggio
ev-kind-exchange = Scambio
ev-kind-citizens-trip = Viaggio di cittadini
ev-kind-festival = Festa
ev-kind-conference = Conferenza
ev-kind-online-meeting = Incontro online
ev-kind-other = Altro
ev-status-scheduled = Confermato
ev-status-tentative = Provvisorio
ev-status-cancelled = Annullato
ev-status-postponed = Rinviato
ev-notice-cancelled = Questo evento è annullato.
ev-notice-postponed = Questo evento è rinviato; la nuova data non è ancora fissata.
ev-notice-tentative = La data è ancora provvisoria.
ev-when = Quando
ev-time-zone = Fuso orario
ev-address = Indirizzo
ev-coordinates = Coordinate
ev-open-in-map-app = Apri in un’app di mappe
ev-online-address = Accesso online
ev-online-filter = Online o in presenza
ev-online-only = solo online
ev-online = online
ev-on-site-only = solo in presenza
ev-region = Regione
ev-language = Lingua dell’evento
ev-local-only = Solo gli eventi di questa rete
ev-organisers = Organizzatori
ev-coorganisers = Co-organizzatori
ev-languages-spoken = Lingue parlate
ev-capacity = Posti totali
ev-participants = Iscritti
ev-places-left = Posti liberi
ev-fully-booked = Esaurito
ev-registration-deadline = Termine d’iscrizione
ev-how-to-join = Partecipazione
ev-join-free = Iscrizione libera: la partecipazione è confermata subito, finché ci sono posti.
ev-join-approval = Iscrizione con approvazione: gli organizzatori accettano o rifiutano la richiesta.
ev-join-external = Iscrizione su un altro sito:
ev-registration-closed = Le iscrizioni sono chiuse.
ev-add-to-calendar = Aggiungi al calendario (iCalendar)
ev-join-from-fediverse = Partecipa dal fediverso
ev-join-box-intro = Inserite il vostro indirizzo nel fediverso (Mastodon, Mobilizon…). Vi rimandiamo al vostro server, dove confermate la partecipazione.
ev-join-button = Continua per partecipare
ev-origin = Questo evento proviene da un altro server. Originale:
ev-subscribe = Abbonati al calendario
ev-feed-network = Tutti gli eventi di questa rete
ev-feed-of = Eventi di
ev-feed-on = Eventi sul tema
ev-feed-hint = Abbonatevi all’indirizzo di un feed nella vostra app di calendario: modifiche e annullamenti vi compaiono da soli.
ev-all-events = Tutti gli eventi
# A clock time as chrono writes it (strftime): 14:00.
ev-time-format = %H:%M
# A month as a heading of the calendar page (the nominative where the language has cases).
ev-month-year = { $month ->
        [1] gennaio
        [2] febbraio
        [3] marzo
        [4] aprile
        [5] maggio
        [6] giugno
        [7] luglio
        [8] agosto
        [9] settembre
        [10] ottobre
        [11] novembre
       *[12] dicembre
    } { $year }
## events-editor
ed-events = Eventi
ed-back-to-events = Torna agli eventi
ed-new-event = Nuovo evento
ed-edit-event = Modifica l’evento
ed-duplicate-event = Duplica l’evento
ed-duplicate = Duplica
ed-choose-dates = Una copia di «{ $title }»: scegliete l’inizio e la fine del nuovo evento.
ed-upcoming = Eventi in corso e futuri
ed-past = Eventi passati
ed-no-events = Ancora nessun evento.
ed-co-organised = co-organizzato
ed-participants = Partecipanti
ed-places = posti
ed-cancel-event = Annulla l’evento
ed-cancel-confirm = Volete davvero annullare «{ $title }»? Chi vi segue e i partecipanti ne saranno informati; l’evento resta visibile come annullato.
ed-cancel-yes = Sì, annulla
ed-keep = No, torna indietro
ed-event-created = L’evento è pubblicato.
ed-event-updated = L’evento è aggiornato.
ed-event-cancelled = L’evento è annullato.
ed-when = Quando
ed-where = Dove
ed-taking-part = Partecipazione
ed-links = Collegamenti
ed-starts-at = Inizio (ora locale)
ed-ends-at = Fine (ora locale)
ed-timezone = Fuso orario
ed-kind-training = Formazione
ed-kind-partnership-meeting = Incontro di gemellaggio
ed-kind-exchange = Scambio
ed-kind-citizens-trip = Viaggio di cittadini
ed-kind-festival = Festa
ed-kind-conference = Conferenza
ed-kind-online-meeting = Riunione online
ed-kind-other = Altro
ed-status-scheduled = in programma
ed-status-tentative = provvisorio
ed-status-cancelled = annullato
ed-status-postponed = rinviato
ed-join-mode = Iscrizione
ed-join-free = Libera: ogni richiesta è accettata finché ci sono posti
ed-join-approval = Con approvazione: accettate o rifiutate ogni richiesta
ed-join-external = Esterna: l’iscrizione avviene su un altro sito
ed-external-url = Indirizzo dell’iscrizione esterna
ed-capacity = Posti (vuoto: illimitati)
ed-registration-deadline = Termine d’iscrizione (ora locale, facoltativo)
ed-languages-spoken = Lingue parlate
ed-languages-spoken-hint = Codici di lingua separati da virgole, p. es. it, de
ed-place-name = Nome del luogo
ed-street = Via e numero civico
ed-postal-code = Codice postale
ed-locality = Comune
ed-region = Regione
ed-latitude = Latitudine (da −90 a 90)
ed-longitude = Longitudine (da −180 a 180)
ed-online-url = Indirizzo della riunione online
ed-online-url-hint = Pubblico: chiunque veda l’evento vede questo indirizzo, anche quando la partecipazione richiede la vostra approvazione. Per una riunione chiusa, lasciate vuoto il campo e inviate l’indirizzo a chi accettate.
ed-place-hint = Indicate un luogo, un indirizzo online o entrambi.
ed-organisers = Co-organizzatori
ed-partnership = Gemellaggio
ed-no-partnership = nessuno
ed-related-posts = Pubblicazioni di progetto collegate
ed-related-posts-hint = Un indirizzo (https://…) per riga.
ed-participants-of = Partecipanti a
ed-no-participants = Nessuno ha ancora chiesto di partecipare.
ed-state-pending = richiesta
ed-state-accepted = accettata
ed-state-waiting = in lista d’attesa
ed-state-rejected = rifiutata
ed-message = Messaggio
ed-decision = Decisione
ed-export-csv = Scarica l’elenco in CSV
ed-participation-accepted = La richiesta di partecipazione è accettata.
ed-participation-rejected = La richiesta di partecipazione è rifiutata.
ed-err-full = L’evento è al completo: aumentate prima il numero di posti.
ed-take-part = Partecipare a un evento
ed-event-address = Indirizzo dell’evento
ed-event-address-hint = L’indirizzo (https://…) di un evento su qualsiasi istanza, anche Mobilizon.
ed-join-message = Messaggio agli organizzatori (facoltativo)
ed-join = Partecipa
ed-join-result = Richiesta inviata; stato:
ed-our-participations = Le nostre partecipazioni
ed-leave = Ritira la partecipazione
ed-join-sent = La richiesta di partecipazione è stata inviata; il suo stato è indicato qui sotto.
ed-left = Non partecipate più a questo evento.
ed-not-an-event = Questo indirizzo non è un evento.
ed-not-taking-part = Non partecipate a questo evento.
ed-refused-cancelled = Questo evento è annullato.
ed-refused-over = Questo evento è terminato.
ed-refused-deadline = Il termine d’iscrizione è scaduto.
ed-refused-external = L’iscrizione a questo evento avviene su un altro sito.
ed-refused-deleted = Questo evento è stato eliminato.
ed-err-timezone = Fuso orario sconosciuto «{ $value }»: sceglietene uno dall’elenco.
ed-err-datetime = Una data con l’ora, p. es. 12/06/2026 14:00.
ed-err-time-skipped = Quest’ora non esiste in questo fuso: gli orologi la saltano al passaggio all’ora legale.
ed-err-deadline-after-start = Il termine d’iscrizione è dopo l’inizio.
ed-err-capacity-range = Un numero intero da 0 a 1.000.000.
ed-err-capacity-below = { $n } partecipanti sono già accettati: servono almeno altrettanti posti.
ed-err-whole-number = Un numero intero.
ed-err-decimal = Un numero decimale come 45.438.
ed-err-url = Un indirizzo che inizia con http:// o https://.
ed-err-external-required = Indicate l’indirizzo dell’iscrizione esterna.
ed-err-latitude = Una latitudine da −90 a 90.
ed-err-longitude = Una longitudine da −180 a 180.
ed-err-both-coordinates = Indicate entrambe le coordinate o nessuna.
ed-err-country = Un codice di paese di due lettere, p. es. IT o DE.
ed-err-language = Codici di lingua come it o de, separati da virgole.
ed-err-no-post = Questa pubblicazione non esiste qui.

# security
nul-refused = Contiene un carattere NUL (U+0000), che non può essere salvato (mostrato qui come �).
image-too-many-pixels = L’immagine ha troppi pixel (al massimo 40 megapixel, p. es. 8000 × 5000, e 12.000 per lato).
partners-hint-remote = Un’organizzazione per riga: un nome di questa istanza (comune-esempio), @nome@server di un’altra istanza o l’indirizzo di un profilo. Ogni partner viene cercato già nell’anteprima.
partners-typed = Indirizzi dei partner
partners-other = Altri partner (indirizzi)
too-many-partners = Al massimo { $max } partner per pubblicazione.

## forum
forum-nav = Forum
forum-title = Forum
forum-intro = Domande ed esperienze dei comitati di gemellaggio, dei comuni e delle associazioni. Ogni gruppo si può seguire anche dal Fediverso (Mastodon, Lemmy, Friendica).
forum-groups = Gruppi
forum-no-groups = Ancora nessun gruppo.
forum-latest-threads = Ultime discussioni
forum-no-threads = Ancora nessuna discussione.
forum-threads = Discussioni
forum-comments = Commenti
forum-new-thread = Avvia una discussione
forum-thread-title = Titolo
forum-thread-body = Testo (Markdown)
forum-start-thread = Avvia la discussione
forum-write-as = Scrivi a nome di
forum-language = Lingua
forum-reply = Rispondi
forum-your-reply = La tua risposta
forum-send-reply = Invia la risposta
forum-reply-to = Risposta a
forum-reply-from-fediverse = Rispondi dal Fediverso
forum-reply-from-fediverse-hint = Cerca questo indirizzo nella tua app Mastodon, Lemmy o Friendica e rispondi lì:
forum-follow-group = Segui questo gruppo
forum-follow-group-hint = Cerca questo indirizzo nella tua app del Fediverso e seguilo:
forum-rules = Regole
forum-moderators = Moderazione
forum-locked = Bloccata
forum-locked-notice = Questa discussione è bloccata: non si può più rispondere.
forum-pinned = In evidenza
forum-removed = Rimosso
forum-removed-comment = Questo commento è stato rimosso.
forum-last-activity = Ultima attività
forum-started-by = Avviata da
forum-mods-only = In questo gruppo solo la moderazione avvia discussioni; tutti possono rispondere.
forum-login-to-write = Accedi per partecipare.
forum-moderate = Modera
forum-remove = Rimuovi
forum-lock = Blocca
forum-unlock = Sblocca
forum-pin = Metti in evidenza
forum-unpin = Togli dall’evidenza
forum-reason = Motivo
forum-thread-started = La discussione è aperta.
forum-comment-posted = La tua risposta è pubblicata.
forum-moderation-done = Fatto: il gruppo lo inoltra a chi lo segue.
forum-back-to-group = Torna al gruppo
forum-group-feed = Discussioni in
forum-no-organisation = Scrivi a nome di un’organizzazione: il tuo account non è ancora collegato a nessuna.

## europe
upload-over-limit = Il file è troppo grande: al massimo { $megabytes } MB per immagine. Tutto il resto è conservato; scegliete un file più piccolo.

## funding
fund-title = Programmi di finanziamento
fund-intro = Programmi che finanziano gemellaggi, scambi scolastici e giovanili e progetti tra partner, curati da questa rete e dalle reti partner. I bandi aperti vengono per primi, la scadenza più vicina in cima.
fund-filters = Filtra i programmi
fund-theme = Tema
fund-country = Paese di un’organizzazione (codice)
fund-kind = Tipo di richiedente
fund-amount = Contributo di almeno (€)
fund-open-only = Solo programmi con un bando aperto
fund-any = tutti
fund-show = Mostra
fund-reset = Azzera
fund-bad-filter = Questo valore è sconosciuto: sceglierne uno dalla lista.
fund-count = { $n ->
    [one] { $n } programma
   *[other] { $n } programmi
}
fund-no-match = Nessun programma corrisponde a questi filtri.
fund-open-calls = Bandi aperti
fund-other-programmes = Altri programmi
fund-deadline = Scadenza
fund-rolling = a sportello: domanda possibile in qualsiasi momento
fund-opens = apre il
fund-funder = Ente finanziatore
fund-who = Chi può presentare domanda
fund-any-kind = qualsiasi tipo di organizzazione
fund-countries = Paesi ammissibili
fund-any-country = qualsiasi paese
fund-required = Deve includere
fund-partnership = Partenariato
fund-min-partners = almeno { $n } organizzazioni
fund-min-countries = di almeno { $n } paesi
fund-min-eu = di cui almeno { $n } Stati membri dell’UE
fund-participants = Partecipanti
fund-min-participants = almeno { $n } partecipanti diretti
fund-min-invited = di cui almeno { $n } invitati dall’estero
fund-grant = Contributo
fund-grant-range = da { $min } € a { $max } €
fund-grant-up-to = fino a { $max } €
fund-grant-from = da { $min } €
fund-lump-sums = somme forfettarie di { $sums } €
fund-cofunding = fino al { $rate } % dei costi
fund-duration = Durata
fund-duration-range = da { $min } a { $max }
fund-duration-up-to = fino a { $max }
fund-duration-from = almeno { $min }
fund-themes = Temi
fund-calls = Bandi
fund-no-calls = Nessun bando è annunciato.
fund-closed = chiuso
fund-source = Regole e domanda presso l’ente finanziatore
fund-kept-by = Curato da { $network }
fund-back = Tutti i programmi di finanziamento
fund-days = { $n ->
    [one] { $n } giorno
   *[other] { $n } giorni
}
fund-months = { $n ->
    [one] { $n } mese
   *[other] { $n } mesi
}
fund-unit-days = giorni
fund-unit-months = mesi
fund-check-title = Quali programmi sono adatti al nostro progetto?
fund-check-intro = Descrivete il progetto o il partenariato previsto: prima il richiedente, poi i partner. Le righe vuote vengono ignorate.
fund-applicant = Richiedente
fund-partner = Partner { $n }
fund-org-kind = Tipo di organizzazione
fund-org-country = Paese (due lettere, ad es. IT)
fund-expected-participants = Partecipanti diretti previsti
fund-invited = Di cui invitati dall’estero
fund-planned-duration = Durata prevista
fund-unit = Unità
fund-check-button = Verifica
fund-fits = adatto
fund-does-not-fit = non adatto
fund-fit-count = { $fits ->
    [one] { $fits } programma su { $total } è adatto.
   *[other] { $fits } programmi su { $total } sono adatti.
}
fund-check-error = Il progetto non ha potuto essere verificato:
fund-fail-applicant-kind = il richiedente deve essere uno di questi: { $allowed } (non { $kind })
fund-fail-country = le organizzazioni di { $country } non sono ammissibili
fund-fail-country-missing = serve un partner di { $country }
fund-fail-partners = servono almeno { $min } organizzazioni (ora { $have })
fund-fail-countries = servono organizzazioni di almeno { $min } paesi diversi (ora { $have })
fund-fail-eu-countries = { $min ->
    [1] serve un partner di uno Stato membro dell’UE
    [2] { $have ->
        [1] serve un partner di un secondo Stato membro dell’UE
       *[other] servono partner di almeno 2 Stati membri dell’UE
    }
   *[other] servono partner di almeno { $min } Stati membri dell’UE (ora { $have })
}
fund-fail-participants = servono almeno { $min } partecipanti diretti (ora { $have })
fund-fail-participants-unknown = servono almeno { $min } partecipanti diretti: indicate quanti ne prevedete
fund-fail-invited = servono almeno { $min } partecipanti invitati dall’estero (ora { $have })
fund-fail-invited-unknown = servono almeno { $min } partecipanti invitati dall’estero: indicate quanti ne prevedete
fund-fail-too-short = deve durare almeno { $duration }
fund-fail-too-long = può durare al massimo { $duration }
fund-nav = Finanziamenti
fund-deadlines = Scadenze dei bandi

## review
review-showcase = Vetrina
review-showcase-intro = Progetti dei gemellaggi, scelti dalla redazione della rete.
review-no-showcase-posts = Ancora nessun progetto in vetrina.
review-showcase-feed = La vetrina come feed
review-from-showcase = Dalla vetrina
review-all-showcase = Tutti i progetti in vetrina
review-submit-title = Proporre un contributo a una vetrina
review-submit-intro = La redazione della rete esamina il contributo prima che appaia nella vetrina.
review-showcase-field = Vetrina
review-showcase-hint = Lasciare vuoto per la vetrina di questa rete, oppure l’indirizzo di quella di un’altra rete, ad es. @vetrina@jumelage.example
review-submit = Proponi
review-submissions = Proposte
review-submissions-of = Proposte: «{ $title }»
review-no-submissions = Questo contributo non è ancora stato proposto.
review-state-pending = in attesa di revisione
review-state-changes-requested = modifiche richieste
review-state-approved = approvato
review-state-declined = respinto
review-history = Cronologia
review-act-submitted = proposto
review-act-resubmitted = proposto di nuovo
review-act-approved = approvato
review-act-changes-requested = modifiche richieste
review-act-declined = respinto
review-act-edited = modificato dopo l’approvazione
review-comment = Commento
review-comment-hint = Quali modifiche servono? Chi ha proposto il contributo vede questo testo.
review-reason = Motivo
review-reason-hint = Perché il contributo è respinto? Chi lo ha proposto vede questo testo.
review-queue = Revisione redazionale
review-queue-intro = Contributi proposti alle vetrine di questa rete, i più vecchi per primi.
review-queue-empty = Nessuna proposta in questo stato.
review-waiting = In attesa di revisione
review-approve = Approva
review-request-changes = Chiedi modifiche
review-decline = Respingi
review-submitted-by = Proposto da
review-to-showcase = a
review-notice-submitted = Il contributo è stato proposto.
review-notice-decided = La decisione è stata salvata.
review-submit-link = Proponi …
review-review-link = Revisione redazionale
review-post = Contributo
review-state = Stato
review-updated = Ultima modifica
review-changes-hint = Modificate il contributo, poi proponetelo di nuovo.
review-no-showcase = Questa rete non ha ancora una vetrina.
review-not-a-showcase = «{ $name }» non è una vetrina di questa rete.
review-not-a-group = { $name } non è un gruppo di un’altra rete.
review-only-projects = In una vetrina vanno solo i contributi di progetto, non le risposte né le discussioni del forum.
review-already-waiting = Questo contributo è già in attesa di revisione lì.
review-already-approved = Questo contributo è già in quella vetrina.
review-was-declined = Questo contributo è stato rifiutato lì. { $comment }
## europe
stats-by-region-pair = Per coppia di regioni (NUTS)
## forumx
forum-report = Segnala
forum-report-reason = Perché segnali questo messaggio?
forum-send-report = Invia la segnalazione
forum-report-sent = Grazie: la moderazione del gruppo ha ricevuto la tua segnalazione.
forum-moderation-view = Segnalazioni e registro di moderazione
forum-reports = Segnalazioni
forum-no-reports = Nessuna segnalazione.
forum-resolve = Segna come risolta
forum-resolved-report = Risolta
forum-open-report = Aperta
forum-moderation-log = Registro di moderazione
forum-no-log-entries = Ancora nulla di registrato.
forum-log-action = Azione
forum-log-object = Riguarda
forum-log-by = Da
forum-log-date = Quando
forum-image = Immagine (facoltativa)
forum-image-alt = Descrizione dell'immagine (obbligatoria con un'immagine)
forum-image-alt-required = Descrivi l'immagine per chi non può vederla.
forum-banned = Questo gruppo vi ha escluso: non potete più scrivere qui.
forum-answer-unknown = Il messaggio a cui rispondete non è conosciuto qui.
forum-answer-removed = Il messaggio a cui rispondete è stato rimosso nel frattempo.
forum-answer-elsewhere = Il messaggio a cui rispondete non fa parte di nessuna discussione di questo gruppo.
forum-thread-gone = Questa discussione è stata rimossa.
forum-act-remove = rimosso
forum-act-lock = bloccato
forum-act-unlock = sbloccato
forum-act-pin = fissato
forum-act-unpin = non più fissato
forum-act-ban = escluso
forum-act-unban = esclusione revocata
forum-act-report = segnalato
forum-act-resolve_report = segnalazione risolta
## partners
partners-tab = Ricerca di partner
partners-and = e
partners-any = tutti
partners-lang-de = tedesco
partners-lang-fr = francese
partners-lang-en = inglese
partners-lang-it = italiano
partners-lang-pl = polacco
partners-lang-es = spagnolo
partners-lang-nl = olandese
partners-lang-pt = portoghese
partners-lang-cs = ceco
partners-lang-da = danese
partners-purpose-twinning = un nuovo gemellaggio
partners-purpose-project = un progetto
partners-purpose-school-exchange = uno scambio scolastico
partners-purpose-learning = imparare insieme su un tema
partners-reason-themes = lavora anche su { $themes }
partners-reason-sdgs = persegue anche l’obiettivo { $goals }
partners-reason-similar-size = dimensioni simili
partners-reason-wished-size = nelle dimensioni cercate
partners-reason-languages = parla { $languages }
partners-reason-wished-region = in { $region }, dove cercate partner
partners-reason-wished-country = in { $country }, dove cercate partner
partners-reason-near = a { $km } km
partners-reason-wished-kind = { $kind }, come cercate
partners-reason-same-kind = anch’esso { $kind }
partners-reason-looking = cerca anch’esso partner
partners-reason-looking-for = cerca anch’esso { $purposes }
partners-reason-projects = progetti simili ({ $words })
partners-reason-partner-of-partner = { $count ->
    [one] partner del vostro partner { $partners }
   *[other] partner dei vostri partner { $partners }
}
partners-note-not-looking = La vostra organizzazione non ha indicato di cercare partner: questi suggerimenti confrontano solo il suo profilo. Indicate cosa cercate per ottenerne di migliori.
partners-looking-title = Ricerca di partner
partners-looking-intro = Le organizzazioni di questa rete e delle reti partner che cercano partner: per un gemellaggio, un progetto, uno scambio scolastico o per imparare le une dalle altre.
partners-filters = Filtri
partners-purpose = Cerca
partners-theme = Tema
partners-kind = Tipo di organizzazione
partners-language = Lingua
partners-country = Paese (codice ISO)
partners-show = Mostra
partners-reset = Azzera
partners-networks = Reti interpellate
partners-network-count = { $n ->
    [one] { $n } organizzazione
   *[other] { $n } organizzazioni
}
partners-network-timeout = nessuna risposta in tempo
partners-network-failed = non è stato possibile interpellarla
partners-looking-count = { $n ->
    [one] { $n } organizzazione cerca partner.
   *[other] { $n } organizzazioni cercano partner.
}
partners-none-looking = Nessuna organizzazione con questi filtri cerca partner.
partners-bad-filter = Un filtro non è stato letto; vedi sopra.
partners-looking-for = Cerca:
partners-wish-places = Dove
partners-wish-themes = Temi
partners-wish-languages = Lingue
partners-wish-kinds = Tipi di partner
partners-wish-size = Dimensioni
partners-size-range = da { $min } a { $max } abitanti
partners-size-from = da { $min } abitanti
partners-size-up-to = fino a { $max } abitanti
partners-inhabitants = { $n } abitanti
partners-looking-form-title = Ricerca di partner
partners-looking-form-intro = Indicate cosa cerca la vostra organizzazione: viene mostrato dove lo consentite e migliora i suggerimenti.
partners-see-suggestions = Vedi i partner suggeriti
partners-active = Cerchiamo partner
partners-countries = Paesi
partners-countries-hint = Codici di due lettere separati da virgole, ad esempio FR, PL. Vuoto: ovunque.
partners-regions = Regioni
partners-regions-hint = Una regione per riga, come la nominano i profili.
partners-themes = Temi
partners-languages = Lingue
partners-size = Dimensioni del partner
partners-population-min = Abitanti, almeno
partners-population-max = Abitanti, al massimo
partners-partner-kinds = Tipi di partner
partners-description = Cosa cercate, con parole vostre
partners-visibility = Dove viene mostrato
partners-listed = Nelle pagine «Ricerca di partner», qui e nelle reti partner
partners-suggested = Come suggerimento ad altre organizzazioni
partners-save = Salva
partners-saved = Salvato.
partners-suggestions-title = Partner suggeriti
partners-suggestions-intro = Le organizzazioni di questa rete e delle reti partner che sarebbero adatte, le migliori prima, con i motivi.
partners-edit-looking = Modifica la ricerca
partners-say-looking = Indicate cosa cercate
partners-no-suggestions = Nessun suggerimento per ora.
partners-why = Perché:
partners-propose = Proponi un partenariato
partners-follow = Segui

## lead
partners-nav = Cerca partner
fund-funded-by = Finanziato da
fund-funded-none = (nessun programma di finanziamento)
fund-funded-hint = Il programma di finanziamento dell’elenco che ha finanziato questo progetto; la sua pagina elenca i progetti finanziati.
fund-funded-projects = Progetti finanziati da questo programma
fund-no-funded-projects = Nessun progetto ha ancora indicato questo programma.
fund-form-list-title = I nostri programmi di finanziamento
fund-form-list-intro = I programmi che questa rete cura; sono condivisi con le reti partner e compaiono nell’elenco:
fund-form-new-title = Nuovo programma di finanziamento
fund-form-edit-title = Modifica programma di finanziamento
fund-form-edit = Modifica
fund-form-none = Questa rete non cura ancora alcun programma.
fund-form-intro = Inserite le regole del programma come le pubblica l’ente finanziatore: la verifica di ammissibilità vi confronta i progetti previsti. Lasciate vuota una regola se il programma non ne ha.
fund-form-fix = Alcuni campi richiedono attenzione: vedete i messaggi accanto.
fund-form-name = Nome
fund-form-description = Descrizione
fund-form-name-required = Date al programma un nome in almeno una lingua.
fund-form-link = Link alle regole e alla domanda (https://…)
fund-form-kinds-hint = Nessuna casella: può candidarsi ogni tipo di organizzazione.
fund-form-countries-hint = Codici di due lettere separati da virgole, p. es. DE, FR, PL. Vuoto: ogni paese.
fund-form-min-partners = Almeno questo numero di organizzazioni
fund-form-min-countries = Da almeno questo numero di paesi
fund-form-min-eu-countries = Di cui almeno questo numero di Stati membri dell’UE
fund-form-min-participants = Almeno questo numero di partecipanti diretti
fund-form-min-invited = Di cui almeno questo numero invitati dall’estero
fund-form-grant-min = Contributo minimo (€)
fund-form-grant-max = Contributo massimo (€)
fund-form-lump-sums = Somme forfettarie (€)
fund-form-lump-sums-hint = Importi separati da virgole, p. es. 8455, 50745.
fund-form-cofunding-rate = Quota massima dei costi finanziata (%)
fund-form-duration-min = Durata minima
fund-form-duration-max = Durata massima
fund-form-calls-hint = Una riga per bando. Un bando senza scadenza è aperto in permanenza. Una scadenza vale fino alla fine del giorno, ora di Bruxelles.
fund-form-call-label = Bando
fund-form-save = Salva e condividi con le reti partner
fund-form-delete = Elimina questo programma
fund-form-delete-hint = Il programma viene rimosso qui e presso le reti partner. I progetti che lo citano mantengono il link.
fund-form-saved = Il programma è salvato e inviato alle reti partner.
fund-form-deleted = Il programma è eliminato qui e presso le reti partner.
fund-form-not-a-number = Un numero intero, p. es. 25000.
fund-check-negative = Non può essere negativo.
fund-check-at-most = Al massimo { $max }.
fund-check-too-large = Questo numero è troppo grande.
fund-plan-applicant = Indicate almeno il richiedente: il suo tipo e il suo paese.
fund-plan-unit = Giorni o mesi.
fund-check-number = Un numero intero, p. es. 12.
check-country = Paese sconosciuto «{ $code }»: usa un codice di due lettere, p. es. DE o FR.
fund-check-link = Un indirizzo che inizia con http:// o https://.
fund-check-required-country = { $code } è obbligatorio ma non è tra i paesi ammissibili.
fund-check-eu-countries = Più Stati membri dell’UE che paesi in totale.
fund-check-invited = Più partecipanti invitati dall’estero che partecipanti in totale.
fund-check-grant-max = Inferiore al contributo più piccolo.
fund-check-lump-sum = Ogni importo forfettario deve essere superiore a zero.
fund-check-rate = Una percentuale da 1 a 100.
fund-check-duration-max = Più breve della durata minima.
fund-check-name-beside = Una descrizione ha bisogno di un nome accanto.
fund-check-deadline-before = La scadenza precede l’apertura del bando.
fund-check-calls = Al massimo { $max } bandi.
check-too-long = Al massimo { $max } caratteri.
check-required-max = Obbligatorio, al massimo { $max } caratteri.
check-theme = Tema sconosciuto «{ $theme }».
check-list-max = Al massimo { $max } voci.
check-language = Lingua sconosciuta «{ $code }»: indicate un codice di due lettere, p. es. de o fr.
check-kind = Tipo di organizzazione sconosciuto «{ $kind }».
check-purpose = Scopo sconosciuto «{ $purpose }».
check-region-empty = Indicate una regione.
check-not-below = Non può essere inferiore a { $min }.
post-check-images = Al massimo { $max } immagini.
post-check-alt = Descrivete l’immagine per chi non può vederla (obbligatorio, al massimo { $max } caratteri).
post-check-funded-by = Nessun programma di finanziamento «{ $given }» nell’elenco di questa rete (vedi /funding).
partnership-check-self = Un’organizzazione non può essere partner di sé stessa.
partnership-check-not-org = I partenariati uniscono organizzazioni; questa non lo è.
partnership-check-year = Un anno dal 1800 al { $year }.
partnership-check-exists = Queste organizzazioni hanno già questo partenariato, o una proposta in corso.
partnership-answer-not-yours = Solo l’organizzazione interpellata può accettare o rifiutare; questa proposta è vostra.
partnership-answered-already = Questa proposta ha già avuto risposta.
account-check-username = Da 3 a 64 lettere, cifre, «.», «_» o «-».
account-check-password = Almeno { $min } caratteri.
account-check-taken = Il nome utente «{ $name }» è già in uso.
org-check-handle = Da 1 a 64 lettere minuscole, cifre, «-», «_» o «.», che inizino con una lettera o una cifra.
org-check-handle-taken = L’identificativo «{ $handle }» è già in uso.
code-check-country = Inizia con { $start }, ma il paese dell’organizzazione è { $country }.
code-check-lau-form = Un codice LAU è il codice del paese in maiuscolo, «_» e il codice nazionale del comune, p. es. DE_05913000.
code-check-lau-digits = { $prefix }_ e { $n } cifre, p. es. { $example }.
code-check-lau-fr = FR_ e il codice INSEE di 5 caratteri, p. es. FR_80021 o FR_2A004.
code-check-lau-other = Il codice del paese, «_» e da 1 a 12 lettere o cifre.
code-check-nuts-form = Un codice NUTS è il codice del paese e da 1 a 3 lettere o cifre, p. es. DEA52.
search-q-empty = La ricerca è vuota.
search-q-too-long = La ricerca supera { $max } caratteri.
search-q-control = La ricerca contiene caratteri di controllo.
search-q-unclosed = Una virgoletta non è chiusa: scrivete «due parole» per un’espressione.
search-q-no-words = La ricerca non contiene parole.
search-q-only-excluded = Dite cosa cercare, non solo cosa escludere.
search-q-too-many = La ricerca ha più di { $max } parole ed espressioni.
## person
person-profile-intro = Scrive a nome proprio nel forum di questa rete.
person-address = Indirizzo nel fediverso
person-writings = Discussioni e commenti
person-nothing-yet = Ancora niente di scritto.
person-comment = Commento
person-settings-title = Scrivere a nome proprio
person-settings-intro = Oltre alle tue organizzazioni, puoi scrivere nel forum a nome tuo: una persona tua nel fediverso, con il nome che scegli. È disattivato finché non lo attivi.
person-is-on = Attivo. Il tuo indirizzo:
person-is-off = Disattivato: scrivi solo a nome delle tue organizzazioni.
person-handle = Identificativo
person-handle-hint = Si sceglie una volta: fa parte del tuo indirizzo e non cambia più.
person-name = Nome mostrato
person-save = Salva
person-turn-on = Scrivere a nome mio
person-turn-off = Disattiva ed elimina
person-turn-off-warning = Disattivare elimina questa persona, qui e sugli altri server che la conoscono, con tutto ciò che è stato scritto a suo nome. L’identificativo resta tuo.
person-saved = Salvato.
person-turned-off = Disattivato: la persona e ciò che ha scritto sono eliminati.
person-handle-taken = Questo identificativo è già in uso.
person-handle-fixed = L’identificativo è stato scelto una volta e non cambia.
person-handle-malformed = Da 1 a 64 lettere minuscole, cifre, «-», «_» o «.», che iniziano con una lettera o una cifra.
person-name-too-long = Al massimo 100 caratteri, su una riga.
person-myself = me stesso
person-set-up = Scrivere a nome proprio
