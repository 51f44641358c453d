# passerelle’s interface in German (Project Fluent, https://projectfluent.org).
# Every message exists in every language with the same variables; `cargo test --lib locale`
# checks it. Plural forms are chosen by the language’s CLDR rules ([one], [few], [many],
# *[other]). Invisible characters are typed as such: U+00A0 (no-break space) joins a number
# to its noun.

## Public pages

organisations = Organisationen
latest-projects = Neueste Projekte
projects = Projekte
pinned = Hervorgehoben
followers = Follower:innen
profile = Profil
partners = Partner
place = Ort
dates = Zeitraum
themes = Themen
sdgs = Nachhaltigkeitsziele
published = Veröffentlicht
updated = Aktualisiert
language-versions = Sprachfassungen
follow-hint = Folgen Sie uns im Fediverse (z. B. Mastodon) unter
no-posts = Noch keine Projekte.
figures = Zahlen
skip-to-content = Zum Inhalt springen
interface-language = Sprache
replies = Antworten aus dem Fediverse
reactions = Reaktionen
partnerships = Partnerschaften
partner = Partner
network = Netzwerk
kind = Art
since = Seit
status = Status
main-navigation = Hauptnavigation
home = Start
registry = Partnerschaftsregister
statistics = Statistik
search = Suche
about-network = Über dieses Netzwerk
upcoming-events = Kommende Termine
no-events = Keine kommenden Termine.
confirmed-partnerships = Bestätigte Partnerschaften
featured-projects = Hervorgehobene Projekte
follow-from-mastodon = Aus Mastodon folgen
follow-box-intro = Geben Sie Ihre Adresse im Fediverse ein. Wir leiten Sie zu Ihrem Server weiter, wo Sie das Folgen bestätigen.
your-handle = Ihre Adresse oder Ihr Server
handle-example = z. B. @anna@mastodon.social oder mastodon.social
follow-button = Weiter zum Folgen
handle-empty = Bitte geben Sie Ihre Adresse ein.
handle-invalid = Das ist keine Adresse wie @name@server.example und kein Servername wie server.example.
handle-is-here = Diese Adresse gehört zu diesem Netzwerk. Folgen Sie von Ihrem eigenen Mastodon-Server aus.
error = Fehler
feeds = Feeds
rss-feed = RSS-Feed
atom-feed = Atom-Feed
projects-of = Projekte von
projects-on = Projekte zum Thema
no-partnerships = Keine Partnerschaften eingetragen.
filters = Filter
country-pair = Länderpaar
region-pair = Regionenpaar
first-country = Erstes Land
second-country = Zweites Land
first-region = Erste Region
second-region = Zweite Region
choose-both = Bitte beide wählen oder keines.
founded-from = Gegründet ab
founded-to = Gegründet bis
year-invalid = Bitte ein Jahr wie 1962 eingeben.
theme = Thema
confirmed-only = Nur von beiden Seiten bestätigte
any = alle
show = Anzeigen
reset-filters = Filter zurücksetzen
organisation = Organisation
countries = Länder
map = Karte
map-description = Punkte sind Organisationen, Linien verbinden Partner. Dieselben Partnerschaften stehen in der Tabelle.
map-views = Kartenausschnitt
map-zoom-in = Näher heran
map-zoom-out = Weiter weg
map-fit = Auf die Partnerschaften zoomen
map-overview = Übersicht
previous = Zurück
next = Weiter
status-proposed = vorgeschlagen
status-active = aktiv
status-dormant = ruhend
status-ended = beendet
status-confirmed = bestätigt
status-unconfirmed = unbestätigt
by-country-pair = Nach Länderpaar
by-kind = Nach Art
by-decade = Nach Gründungsjahrzehnt
by-region = Nach Region
share-confirmed = Von beiden Seiten bestätigt
total = Insgesamt
count = Anzahl
as-table = Als Tabelle
scope = Umfang
scope-local = Dieses Netzwerk
scope-federation = Alle verbundenen Netzwerke (jede Partnerschaft einmal gezählt)
not-reachable = Nicht erreichbar
unknown = unbekannt
download-csv = Daten als CSV
open-data = Offene Daten
themes-list = Themen der Projekte
read-in = Lesen auf
images = Bilder
none-yet = Noch keine Daten.
colon = :
semicolon = ;

## Editors’ and operators’ interface

too-many-logins = Zu viele fehlgeschlagene Anmeldungen.
back-to-projects = Zurück zu den Projekten
log-in = Anmelden
log-out = Abmelden
logged-in-as = Angemeldet als
username = Benutzername
password = Passwort
login-failed = Benutzername oder Passwort ist falsch.
login-form-expired = Das Anmeldeformular war zu lange offen. Bitte geben Sie Ihr Passwort noch einmal ein.
kept-login-note = Ihre Sitzung war abgelaufen, bevor das Formular abgeschickt wurde. Was Sie geschrieben haben, ist aufbewahrt: Melden Sie sich an, dann schicken Sie es mit einem Klick ab.
kept-title = Aufbewahrtes Formular abschicken
kept-intro = Ihre Sitzung war abgelaufen, bevor das Formular abgeschickt wurde; gespeichert ist noch nichts. Was Sie geschrieben haben, ist hier aufbewahrt: Schicken Sie es jetzt ab.
kept-send = Jetzt abschicken
kept-back = Zurück zum Formular, ohne das Aufbewahrte
kept-gone = Dieses aufbewahrte Formular gibt es nicht mehr: Es wird einen Tag lang aufbewahrt, und nur für das Konto, das es geschrieben hat.
kept-files-left-out = { $n ->
    [one] Das gewählte Bild konnte nicht aufbewahrt werden: Fügen Sie es danach erneut hinzu.
   *[other] Die { $n } gewählten Bilder konnten nicht aufbewahrt werden: Fügen Sie sie danach erneut hinzu.
}
csrf-failed = Dieses Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es erneut.
required = Bitte ausfüllen.
too-long = Zu lang.
bad-value = Ungültiger Wert.
bad-date = Ein Datum wie 2026-07-20.
bad-year = Eine Jahreszahl, z. B. 1962.
bad-domain = Ein Servername wie beispiel.org, nicht diese Instanz.
editor-navigation = Redaktion
editors-interface = Redaktion
my-organisations = Meine Organisationen
administration = Verwaltung
no-organisations = Sie sind noch für keine Organisation als Redakteur:in eingetragen. Bitten Sie die Verwaltung dieser Instanz darum.
sections = Bereiche
public-profile = Öffentliches Profil ansehen
new-post = Neuer Beitrag
edit-post = Beitrag bearbeiten
edit = Bearbeiten
delete = Löschen
delete-post = Beitrag löschen
delete-yes = Ja, löschen
delete-confirm = Wollen Sie „{ $title }“ wirklich löschen? Wer Ihnen folgt, erfährt es, und der Beitrag lässt sich nicht wiederherstellen.
pin = Hervorheben
unpin = Nicht mehr hervorheben
post-published = Der Beitrag ist veröffentlicht.
post-updated = Der Beitrag ist aktualisiert.
post-deleted = Der Beitrag ist gelöscht.
delivery-status = Zustellung
instance = Instanz
no-recipients = Noch an keine andere Instanz verschickt.
failing = Fehlgeschlagen
waiting = wartend
attempts = Versuche
last-error = Letzter Fehler
form-has-errors = Das Formular enthält Fehler; sie stehen bei den jeweiligen Feldern.
preview = Vorschau
main-language = Hauptsprache
main-language-unwritten = In der Hauptsprache ist noch nichts geschrieben.
languages-hint = Füllen Sie eine oder mehrere Sprachfassungen aus; leere Sprachen werden nicht veröffentlicht.
write-one-language = Schreiben Sie mindestens eine Sprachfassung.
title = Titel
summary = Zusammenfassung
summary-required = Bitte ausfüllen: Mastodon zeigt nur Titel und Zusammenfassung.
body = Text
post-images = Bilder
add-image = Bild hinzufügen (JPEG, PNG, WebP oder GIF)
alt-text = Bildbeschreibung (Alternativtext)
alt-hint = Beschreiben Sie, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können.
alt-required = Bitte beschreiben Sie das Bild (Pflichtfeld).
alt-required-upload = Bitte beschreiben Sie das Bild (Pflichtfeld) und wählen Sie die Datei erneut aus.
choose-image = Wählen Sie eine Bilddatei zu dieser Beschreibung.
remove-image = Bild entfernen
upload-too-large = Die Datei ist zu groß.
not-an-image = Diese Datei ist kein Bild in einem unterstützten Format (JPEG, PNG, WebP, GIF).
too-many-pixels = Das Bild ist zu groß (höchstens 12.000 Pixel je Seite).
sdg = Ziel
starts-on = Beginn
ends-on = Ende
ends-before-start = Das Ende liegt vor dem Beginn.
partners-hint = Eine Organisation je Zeile: ein Name dieser Instanz (stadt-dortmund) oder die Adresse eines Profils.
publish = Veröffentlichen
save-changes = Änderungen veröffentlichen
cancel = Abbrechen
followers-and-follows = Follower:innen und Gefolgte
follow-someone = Einem Konto im Fediverse folgen
fediverse-address = Adresse im Fediverse
fediverse-address-hint = Zum Beispiel @ville-amiens@afccre.example oder die Adresse des Profils.
partner-choices-hint = Tippen Sie einen Namen, um unter den hier bekannten Organisationen zu wählen, oder geben Sie die Adresse einer anderen an, zum Beispiel @ville-amiens@afccre.example.
follow = Folgen
unfollow = Nicht mehr folgen
follow-sent = Folgeanfrage gesendet an
unfollowed = Sie folgen diesem Konto nicht mehr.
cannot-follow-self = Eine Organisation kann sich nicht selbst folgen.
follow-requests = Folgeanfragen
following = Gefolgt
awaiting-approval = wartet auf Bestätigung
accept = Annehmen
reject = Ablehnen
decline = Ablehnen
request-accepted = Die Anfrage ist angenommen.
request-rejected = Die Anfrage ist abgelehnt.
no-such-request = Diese Folgeanfrage gibt es nicht (mehr).
none = Keine.
propose-partnership = Partnerschaft vorschlagen
propose = Vorschlagen
founded-year = Gründungsjahr
description = Beschreibung
awaiting-partner = wartet auf die Antwort des Partners
mark-dormant = Als ruhend markieren
mark-active = Wieder aktiv
end-partnership = Beenden
partnership-proposed = Der Vorschlag ist verschickt; die Partnerschaft gilt als bestätigt, sobald die andere Seite annimmt.
partnership-accepted = Die Partnerschaft ist bestätigt.
partnership-declined = Der Vorschlag ist abgelehnt.
partnership-changed = Die Partnerschaft ist geändert.
no-such-partnership = Diese Partnerschaft gibt es hier nicht.
no-such-organisation = Keine Organisation
not-your-organisation = Sie sind nicht als Redakteur:in dieser Organisation eingetragen.
error-forbidden = Kein Zugriff
error-not-found = Nicht gefunden
error-request = Die Anfrage ging nicht
error-server = Ein Fehler auf unserer Seite
error-server-detail = Etwas ist schiefgegangen. Bitte versuchen Sie es in einigen Minuten erneut.
error-not-found-detail = Diese Seite gibt es nicht oder nicht mehr. Vielleicht finden Sie über die Suche, was Sie suchen.
error-forbidden-detail = Diese Seite ist hier nicht zugänglich.
error-request-detail = Bitte prüfen Sie die Adresse oder die Angaben im Formular.
error-conflict = Schon erledigt oder inzwischen geändert
error-conflict-detail = Das wurde schon getan, oder jemand hat es inzwischen geändert. Laden Sie die Seite neu, um den aktuellen Stand zu sehen.
error-details = Technische Angabe
back-home = Zur Startseite
operators-only = Nur für die Verwaltung und Moderation dieser Instanz.
admins-only = Nur für die Verwaltung dieser Instanz.
federation-health = Föderation
queue-pending = Zustellungen in der Warteschlange
queue-failing = davon mit Fehlversuchen
queue-delivered = Zugestellt
queue-gave-up = Aufgegeben
instances-with-trouble = Instanzen mit Wartenden oder Fehlern
subscriptions-heading = Netzwerke und Relays
no-subscriptions = Diese Instanz hat kein Netzwerk und kein Relay abonniert.
subscription-kind = Art
subscription-style = Protokoll
subscription-peer = Partnernetzwerk
subscription-relay = Relay-Server
subscription-pending = angefragt, noch keine Antwort
subscription-accepted = angenommen
subscription-rejected = abgelehnt
all-instances-fine = Alle Instanzen sind erreichbar; nichts wartet.
failing-since = Fehler seit
unreachable = unerreichbar
accounts = Konten
roles = Rollen
create-account = Konto anlegen
account-created = Das Konto ist angelegt.
no-such-account = Kein Konto
grant-role = Rolle vergeben
grant = Vergeben
revoke = Entziehen
roles-changed = Die Rollen sind geändert.
api-tokens = API-Schlüssel
name = Name
created = Angelegt
last-used = Zuletzt benutzt
revoked = widerrufen
token-name = Bezeichnung des neuen Schlüssels
issue-token = Schlüssel ausstellen
token-shown-once = Der neue Schlüssel wird nur dieses eine Mal angezeigt:
token-revoked = Der Schlüssel ist widerrufen.
end-sessions = Alle Anmeldungen dieses Kontos beenden
sessions-ended = Alle Anmeldungen dieses Kontos sind beendet.
handle = Kennung
country = Land (zwei Buchstaben, z. B. DE)
working-languages = Arbeitssprachen
create-organisation = Organisation anlegen
organisation-created = Die Organisation ist angelegt:
moderation = Moderation
reports = Meldungen
resolved = erledigt
mark-resolved = Als erledigt markieren
report-resolved = Die Meldung ist erledigt.
remove-content = Inhalt entfernen
content-removed = Der Inhalt ist entfernt.
domain-blocks = Gesperrte Instanzen
reason = Grund
block-instance = Instanz sperren
unblock = Entsperren
block-added = Die Instanz ist gesperrt.
block-removed = Die Instanz ist nicht mehr gesperrt.
from-config = aus der Konfiguration
suspended-actors = Gesperrte Konten anderer Instanzen
suspend = Sperren
unsuspend = Sperre aufheben
suspended = Das Konto ist gesperrt; seine Beiträge sind entfernt.
unsuspended = Die Sperre ist aufgehoben.
cannot-suspend-local = Organisationen dieser Instanz werden unter „Organisationen“ verwaltet, nicht gesperrt.

## Search page

search-title = Suche
search-label = Suchbegriffe
search-hint = Organisationen, Partnerschaften und Projekte in allen Netzwerken. „Mehrere Wörter“ als Wortgruppe, klima* für Wortanfänge, -wort oder -„mehrere Wörter“ zum Ausschließen.
search-bad-parameter = Die Adresse dieser Suche enthält einen Wert, der nicht gelesen werden kann. Bitte über das Formular neu suchen.
search-submit = Suchen
search-what = Was
search-everything = Alles
search-organisations = Organisationen
search-partnerships = Partnerschaften
search-posts = Projekte
search-order = Reihenfolge
search-relevance = Relevanz
search-newest = Neueste zuerst
search-only-here = Nur dieses Netzwerk
search-result-pages = Trefferseiten
search-no-matches = Nichts gefunden. Versuchen Sie andere oder weniger Wörter.
search-narrow = Eingrenzen
search-remove-filters = Alle Filter entfernen
search-networks = Netzwerke
search-answered = hat geantwortet
search-local = dieses Netzwerk
search-timeout = keine Antwort rechtzeitig
search-failed = nicht erreichbar
search-next = Weitere Treffer
search-previous = Vorherige Treffer
search-f-kind = Art
search-f-theme = Thema
search-f-sdg = Nachhaltigkeitsziel
search-f-country = Land
search-f-region = Region
search-f-org-kind = Art der Organisation
search-f-language = Sprache
search-f-year = Jahr
search-f-network = Netzwerk
search-capped = Nur die neuesten Treffer wurden sortiert und gezählt. Weitere Wörter oder ein Filter ergeben genaue Zahlen.

## Messages with variables

lookup-malformed = „{ $target }“ ist weder @name@server noch eine Adresse (https://…).
lookup-unknown-here = Hier gibt es keine Organisation „{ $target }“.
lookup-blocked = Der Server { $target } ist hier gesperrt.
lookup-webfinger-status = Die Suche nach { $target } (WebFinger) ist gescheitert: der Server antwortete HTTP { $status }.
lookup-webfinger-failed = Die Suche nach { $target } (WebFinger) ist gescheitert: { $reason }
lookup-no-actor = { $target } wurde gefunden, hat aber kein ActivityPub-Profil.
lookup-actor-status = Das Profil { $target } konnte nicht abgerufen werden: der Server antwortete HTTP { $status }.
lookup-actor-failed = Das Profil { $target } konnte nicht abgerufen werden: { $reason }
lookup-invalid = { $target } ist kein verwendbares Profil: { $reason }

count-likes = { $n ->
    [one] { $n } Favorit
   *[other] { $n } Favoriten
}
count-shares = { $n } Mal geteilt
count-replies = { $n ->
    [one] { $n } Antwort
   *[other] { $n } Antworten
}
results-count = { $n } Treffer
search-matches-more = Mehr als { $n } Treffer
search-matches-count = { $n } Treffer
map-missing-count = { $n ->
    [one] { $n } Organisation ohne Koordinaten, nicht auf der Karte
   *[other] { $n } Organisationen ohne Koordinaten, nicht auf der Karte
}
delivered-count = Zugestellt an { $delivered } von { $instances } { $instances ->
    [one] Instanz
   *[other] Instanzen
}
waiting-count = { $n } wartend
proposals-awaiting-answer = { $n ->
    [one] Ein Partnerschaftsvorschlag wartet auf Ihre Antwort
   *[other] { $n } Partnerschaftsvorschläge warten auf Ihre Antwort
}
records-not-kept = Vor mehr als { $days } { $days ->
    [one] Tag
   *[other] Tagen
} veröffentlicht: So lange werden die Zustellungen nicht aufbewahrt.
try-again-in-minutes = Bitte versuchen Sie es in { $n } { $n ->
    [one] Minute
   *[other] Minuten
} erneut.

## Vocabulary: organisation kinds, partnership kinds, themes (their hashtags are made
## from these labels), the UN Sustainable Development Goals, profile fields

org-kind-municipality = Gemeinde/Stadt
org-kind-district = Kreis
org-kind-region = Land/Region
org-kind-association = Partnerschaftsverein
org-kind-network = Netzwerk
org-kind-school = Schule
org-kind-other = Zivilgesellschaft

partnership-kind-twinning = Städtepartnerschaft
partnership-kind-friendship = Freundschaft
partnership-kind-contact = Kontakt
partnership-kind-project = Projektpartnerschaft
partnership-kind-regional = Regionalpartnerschaft
partnership-kind-school = Schulpartnerschaft

theme-reconciliation = Völkerverständigung
theme-european-integration = Europäische Integration
theme-youth = Jugend
theme-education = Bildung und Schule
theme-culture = Kultur
theme-sport = Sport
theme-social = Soziales Engagement
theme-inclusion = Inklusion
theme-climate = Klimaschutz
theme-environment = Umwelt
theme-mobility = Mobilität
theme-demography = Demografischer Wandel
theme-structural-change = Strukturwandel
theme-migration = Migration und Integration
theme-digitalisation = Digitalisierung
theme-economy = Wirtschaft
theme-remembrance = Erinnerungskultur
theme-humanitarian-aid = Humanitäre Hilfe
theme-administration = Verwaltungsaustausch

sdg-1 = Keine Armut
sdg-2 = Kein Hunger
sdg-3 = Gesundheit und Wohlergehen
sdg-4 = Hochwertige Bildung
sdg-5 = Geschlechtergleichheit
sdg-6 = Sauberes Wasser und Sanitäreinrichtungen
sdg-7 = Bezahlbare und saubere Energie
sdg-8 = Menschenwürdige Arbeit und Wirtschaftswachstum
sdg-9 = Industrie, Innovation und Infrastruktur
sdg-10 = Weniger Ungleichheiten
sdg-11 = Nachhaltige Städte und Gemeinden
sdg-12 = Nachhaltiger Konsum und nachhaltige Produktion
sdg-13 = Maßnahmen zum Klimaschutz
sdg-14 = Leben unter Wasser
sdg-15 = Leben an Land
sdg-16 = Frieden, Gerechtigkeit und starke Institutionen
sdg-17 = Partnerschaften zur Erreichung der Ziele

profile-kind = Art
profile-region = Region
profile-code-ags = Gemeindeschlüssel (AGS)
profile-code-insee = INSEE-Code
profile-code-lau = LAU-Code
profile-nuts = NUTS-Region
profile-population = Einwohner
profile-website = Webseite
profile-languages = Sprachen
profile-themes = Themen

## Formats

# Digits of whole numbers: 601.150.
number-group-separator = {"."}
number-group-minimum = 1
# 5. März 2026 ($day and $month are numbers, $year text).
date = { $day }. { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }
# A founding decade, $decade being its first year: 1960er.
decade = { $decade }er
percent = { $n } %

# events-public: the calendar page, event pages and iCalendar feeds
ev-nav = Termine
ev-calendar = Veranstaltungskalender
ev-calendar-intro = Veranstaltungen, die laufen oder noch kommen, nach Monat. Zeiten in der Zeitzone der jeweiligen Veranstaltung.
ev-running-now = Läuft gerade
ev-no-match = Keine Termine für diese Auswahl.
ev-bad-filter = Dieser Filterwert ist unbekannt; bitte wählen Sie aus der Liste.
ev-kind-training = Fortbildung
ev-kind-partnership-meeting = Partnerschaftstreffen
ev-kind-exchange = Austausch
ev-kind-citizens-trip = Bürgerreise
ev-kind-festival = Fest
ev-kind-conference = Konferenz
ev-kind-online-meeting = Online-Treffen
ev-kind-other = Sonstiges
ev-status-scheduled = Findet statt
ev-status-tentative = Vorläufig
ev-status-cancelled = Abgesagt
ev-status-postponed = Verschoben
ev-notice-cancelled = Diese Veranstaltung ist abgesagt.
ev-notice-postponed = Diese Veranstaltung ist verschoben; der neue Termin steht noch nicht fest.
ev-notice-tentative = Der Termin ist noch vorläufig.
ev-when = Wann
ev-time-zone = Zeitzone
ev-address = Adresse
ev-coordinates = Koordinaten
ev-open-in-map-app = In einer Karten-App öffnen
ev-online-address = Online-Zugang
ev-online-filter = Online oder vor Ort
ev-online-only = nur online
ev-online = online
ev-on-site-only = nur vor Ort
ev-region = Region oder Bundesland
ev-language = Sprache der Veranstaltung
ev-local-only = Nur Termine dieses Netzwerks
ev-organisers = Veranstalter
ev-coorganisers = Mitveranstalter
ev-languages-spoken = Gesprochene Sprachen
ev-capacity = Plätze insgesamt
ev-participants = Angemeldet
ev-places-left = Freie Plätze
ev-fully-booked = Ausgebucht
ev-registration-deadline = Anmeldeschluss
ev-how-to-join = Teilnahme
ev-join-free = Freie Anmeldung: Ihre Teilnahme wird sofort bestätigt, solange Plätze frei sind.
ev-join-approval = Anmeldung mit Bestätigung: die Veranstalter nehmen Ihre Anfrage an oder lehnen sie ab.
ev-join-external = Anmeldung auf einer anderen Website:
ev-registration-closed = Eine Anmeldung ist nicht mehr möglich.
ev-add-to-calendar = Zum Kalender hinzufügen (iCalendar)
ev-join-from-fediverse = Aus dem Fediverse teilnehmen
ev-join-box-intro = Geben Sie Ihre Adresse im Fediverse ein (Mastodon, Mobilizon …). Wir leiten Sie zu Ihrem Server weiter, wo Sie die Teilnahme bestätigen.
ev-join-button = Weiter zur Teilnahme
ev-origin = Diese Veranstaltung kommt von einem anderen Server. Original:
ev-subscribe = Kalender abonnieren
ev-feed-network = Alle Termine dieses Netzwerks
ev-feed-of = Termine von
ev-feed-on = Termine zum Thema
ev-feed-hint = Die Adresse eines Feeds in Ihrer Kalender-App abonnieren: Änderungen und Absagen erscheinen dort von selbst.
ev-all-events = Alle Termine
# A clock time as chrono writes it (strftime): 14:00.
ev-time-format = %H:%M Uhr
# A month as a heading of the calendar page (the nominative where the language has cases).
ev-month-year = { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    } { $year }
## events-editor
ed-events = Termine
ed-back-to-events = Zurück zu den Terminen
ed-new-event = Neuer Termin
ed-edit-event = Termin bearbeiten
ed-duplicate-event = Termin duplizieren
ed-duplicate = Duplizieren
ed-choose-dates = Eine Kopie von „{ $title }“: wählen Sie Beginn und Ende des neuen Termins.
ed-upcoming = Kommende und laufende Termine
ed-past = Vergangene Termine
ed-no-events = Noch keine Termine.
ed-co-organised = mitveranstaltet
ed-participants = Teilnehmende
ed-places = Plätze
ed-cancel-event = Absagen
ed-cancel-confirm = Wollen Sie „{ $title }“ wirklich absagen? Follower:innen und Teilnehmende erfahren es; der Termin bleibt als abgesagt sichtbar.
ed-cancel-yes = Ja, absagen
ed-keep = Nein, zurück
ed-event-created = Der Termin ist veröffentlicht.
ed-event-updated = Der Termin ist aktualisiert.
ed-event-cancelled = Der Termin ist abgesagt.
ed-when = Wann
ed-where = Wo
ed-taking-part = Teilnahme
ed-links = Zuordnung
ed-starts-at = Beginn (Ortszeit)
ed-ends-at = Ende (Ortszeit)
ed-timezone = Zeitzone
ed-kind-training = Fortbildung
ed-kind-partnership-meeting = Partnerschaftstreffen
ed-kind-exchange = Austausch
ed-kind-citizens-trip = Bürgerreise
ed-kind-festival = Fest
ed-kind-conference = Konferenz
ed-kind-online-meeting = Online-Treffen
ed-kind-other = Sonstiges
ed-status-scheduled = geplant
ed-status-tentative = vorläufig
ed-status-cancelled = abgesagt
ed-status-postponed = verschoben
ed-join-mode = Anmeldung
ed-join-free = Frei: jede Anmeldung gilt, solange Plätze frei sind
ed-join-approval = Mit Bestätigung: Sie nehmen Anmeldungen an oder lehnen sie ab
ed-join-external = Extern: die Anmeldung läuft über eine andere Website
ed-external-url = Adresse der externen Anmeldung
ed-capacity = Plätze (leer: unbegrenzt)
ed-registration-deadline = Anmeldeschluss (Ortszeit, freiwillig)
ed-languages-spoken = Gesprochene Sprachen
ed-languages-spoken-hint = Sprachcodes durch Kommas getrennt, z. B. de, fr
ed-place-name = Name des Ortes
ed-street = Straße und Hausnummer
ed-postal-code = Postleitzahl
ed-locality = Gemeinde
ed-region = Bundesland oder Region
ed-latitude = Breitengrad (−90 bis 90)
ed-longitude = Längengrad (−180 bis 180)
ed-online-url = Adresse des Online-Treffens
ed-online-url-hint = Öffentlich: Alle, die die Veranstaltung sehen, sehen diese Adresse, auch wenn die Teilnahme Ihre Zustimmung braucht. Für ein geschlossenes Treffen lassen Sie das Feld leer und schicken die Adresse denen, die Sie annehmen.
ed-place-hint = Geben Sie einen Ort, eine Online-Adresse oder beides an.
ed-organisers = Mitveranstalter
ed-partnership = Partnerschaft
ed-no-partnership = keine
ed-related-posts = Zugehörige Projektbeiträge
ed-related-posts-hint = Eine Adresse (https://…) je Zeile.
ed-participants-of = Teilnehmende an
ed-no-participants = Noch hat sich niemand angemeldet.
ed-state-pending = angefragt
ed-state-accepted = angenommen
ed-state-waiting = auf der Warteliste
ed-state-rejected = abgelehnt
ed-message = Nachricht
ed-decision = Entscheidung
ed-export-csv = Liste als CSV herunterladen
ed-participation-accepted = Die Anmeldung ist angenommen.
ed-participation-rejected = Die Anmeldung ist abgelehnt.
ed-err-full = Der Termin ist voll: erhöhen Sie zuerst die Zahl der Plätze.
ed-take-part = An einem Termin teilnehmen
ed-event-address = Adresse des Termins
ed-event-address-hint = Die Adresse (https://…) eines Termins auf einer beliebigen Instanz, auch bei Mobilizon.
ed-join-message = Nachricht an die Veranstalter (freiwillig)
ed-join = Teilnehmen
ed-join-result = Anmeldung verschickt; Stand:
ed-our-participations = Unsere Teilnahmen
ed-leave = Abmelden
ed-join-sent = Die Anfrage zur Teilnahme ist gesendet; ihren Stand sehen Sie unten.
ed-left = Sie sind von diesem Termin abgemeldet.
ed-not-an-event = Diese Adresse ist kein Termin.
ed-not-taking-part = Sie nehmen an diesem Termin nicht teil.
ed-refused-cancelled = Dieser Termin ist abgesagt.
ed-refused-over = Dieser Termin ist vorbei.
ed-refused-deadline = Die Anmeldefrist ist abgelaufen.
ed-refused-external = Die Anmeldung zu diesem Termin läuft über eine andere Website.
ed-refused-deleted = Dieser Termin wurde gelöscht.
ed-err-timezone = Unbekannte Zeitzone „{ $value }“: wählen Sie eine aus der Liste.
ed-err-datetime = Ein Datum mit Uhrzeit, z. B. 12.06.2026 14:00.
ed-err-time-skipped = Diese Uhrzeit gibt es in dieser Zeitzone nicht: die Uhren springen bei der Umstellung auf Sommerzeit darüber.
ed-err-deadline-after-start = Der Anmeldeschluss liegt nach dem Beginn.
ed-err-capacity-range = Eine ganze Zahl von 0 bis 1.000.000.
ed-err-capacity-below = Schon { $n } Teilnehmende sind angenommen: es braucht mindestens so viele Plätze.
ed-err-whole-number = Eine ganze Zahl.
ed-err-decimal = Eine Dezimalzahl wie 51.514.
ed-err-url = Eine Adresse, die mit http:// oder https:// beginnt.
ed-err-external-required = Bitte die Adresse der externen Anmeldung angeben.
ed-err-latitude = Ein Breitengrad von −90 bis 90.
ed-err-longitude = Ein Längengrad von −180 bis 180.
ed-err-both-coordinates = Bitte beide Koordinaten angeben oder keine.
ed-err-country = Ein Ländercode aus zwei Buchstaben, z. B. DE oder FR.
ed-err-language = Sprachcodes wie de oder fr, durch Kommas getrennt.
ed-err-no-post = Diesen Beitrag gibt es hier nicht.

# security
nul-refused = Enthält ein NUL-Zeichen (U+0000), das nicht gespeichert werden kann (hier als � gezeigt).
image-too-many-pixels = Das Bild hat zu viele Pixel (höchstens 40 Megapixel, z. B. 8000 × 5000, und 12.000 je Seite).
partners-hint-remote = Eine Organisation je Zeile: ein Name dieser Instanz (stadt-dortmund), @name@server einer anderen Instanz oder die Adresse eines Profils. Jeder Partner wird bei der Vorschau nachgeschlagen.
partners-typed = Adressen der Partner
partners-other = Weitere Partner (Adressen)
too-many-partners = Höchstens { $max } Partner je Beitrag.

## forum
forum-nav = Forum
forum-title = Forum
forum-intro = Fragen und Erfahrungen der Partnerschaftskomitees, Kommunen und Vereine. Jede Gruppe lässt sich auch aus dem Fediverse folgen (Mastodon, Lemmy, Friendica).
forum-groups = Gruppen
forum-no-groups = Noch keine Gruppen.
forum-latest-threads = Neueste Diskussionen
forum-no-threads = Noch keine Diskussionen.
forum-threads = Diskussionen
forum-comments = Kommentare
forum-new-thread = Neue Diskussion beginnen
forum-thread-title = Titel
forum-thread-body = Text (Markdown)
forum-start-thread = Diskussion beginnen
forum-write-as = Schreiben als
forum-language = Sprache
forum-reply = Antworten
forum-your-reply = Ihre Antwort
forum-send-reply = Antwort senden
forum-reply-to = Antwort auf
forum-reply-from-fediverse = Aus dem Fediverse antworten
forum-reply-from-fediverse-hint = Suchen Sie in Ihrer Mastodon-, Lemmy- oder Friendica-App nach dieser Adresse und antworten Sie dort:
forum-follow-group = Dieser Gruppe folgen
forum-follow-group-hint = Suchen Sie in Ihrer Fediverse-App nach dieser Adresse und folgen Sie ihr:
forum-rules = Regeln
forum-moderators = Moderation
forum-locked = Gesperrt
forum-locked-notice = Diese Diskussion ist gesperrt: neue Antworten sind nicht möglich.
forum-pinned = Angeheftet
forum-removed = Entfernt
forum-removed-comment = Dieser Kommentar wurde entfernt.
forum-last-activity = Letzte Aktivität
forum-started-by = Begonnen von
forum-mods-only = In dieser Gruppe beginnt nur die Moderation neue Diskussionen; antworten können alle.
forum-login-to-write = Melden Sie sich an, um mitzuschreiben.
forum-moderate = Moderieren
forum-remove = Entfernen
forum-lock = Sperren
forum-unlock = Entsperren
forum-pin = Anheften
forum-unpin = Lösen
forum-reason = Begründung
forum-thread-started = Die Diskussion ist eröffnet.
forum-comment-posted = Ihre Antwort ist veröffentlicht.
forum-moderation-done = Erledigt: die Gruppe gibt es an ihre Folgenden weiter.
forum-back-to-group = Zurück zur Gruppe
forum-group-feed = Diskussionen in
forum-no-organisation = Sie schreiben im Namen einer Organisation: Ihr Konto ist noch keiner zugeordnet.

## europe
upload-over-limit = Die Datei ist zu groß: höchstens { $megabytes } MB je Bild. Alles andere ist erhalten; bitte wählen Sie eine kleinere Datei.

## funding
fund-title = Förderprogramme
fund-intro = Programme, die Städtepartnerschaften, Schul- und Jugendaustausche und Projekte zwischen Partnern fördern, gepflegt von diesem Netzwerk und seinen Partnernetzwerken. Offene Ausschreibungen stehen vorn, die nächste Frist zuerst.
fund-filters = Programme filtern
fund-theme = Thema
fund-country = Land einer Organisation (Kürzel)
fund-kind = Art des Antragstellers
fund-amount = Förderung von mindestens (€)
fund-open-only = Nur Programme mit offener Ausschreibung
fund-any = alle
fund-show = Anzeigen
fund-reset = Zurücksetzen
fund-bad-filter = Dieser Wert ist unbekannt: bitte einen aus der Liste wählen.
fund-count = { $n ->
    [one] { $n } Programm
   *[other] { $n } Programme
}
fund-no-match = Kein Programm passt zu diesen Filtern.
fund-open-calls = Offene Ausschreibungen
fund-other-programmes = Weitere Programme
fund-deadline = Frist
fund-rolling = laufend: Antrag jederzeit möglich
fund-opens = öffnet am
fund-funder = Fördergeber
fund-who = Antragsberechtigt
fund-any-kind = Organisationen jeder Art
fund-countries = Förderfähige Länder
fund-any-country = alle Länder
fund-required = Muss umfassen
fund-partnership = Partnerschaft
fund-min-partners = mindestens { $n } Organisationen
fund-min-countries = aus mindestens { $n } Ländern
fund-min-eu = davon mindestens { $n } EU-Mitgliedstaaten
fund-participants = Teilnehmende
fund-min-participants = mindestens { $n } direkt Teilnehmende
fund-min-invited = davon mindestens { $n } aus dem Ausland eingeladen
fund-grant = Förderung
fund-grant-range = { $min } € bis { $max } €
fund-grant-up-to = bis zu { $max } €
fund-grant-from = ab { $min } €
fund-lump-sums = Pauschalen von { $sums } €
fund-cofunding = bis zu { $rate } % der Kosten
fund-duration = Dauer
fund-duration-range = { $min } bis { $max }
fund-duration-up-to = bis zu { $max }
fund-duration-from = mindestens { $min }
fund-themes = Themen
fund-calls = Ausschreibungen
fund-no-calls = Es ist keine Ausschreibung angekündigt.
fund-closed = abgelaufen
fund-source = Regeln und Antrag beim Fördergeber
fund-kept-by = Gepflegt von { $network }
fund-back = Alle Förderprogramme
fund-days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tage
}
fund-months = { $n ->
    [one] { $n } Monat
   *[other] { $n } Monate
}
fund-unit-days = Tage
fund-unit-months = Monate
fund-check-title = Welche Programme passen zu unserem Vorhaben?
fund-check-intro = Beschreiben Sie das geplante Projekt oder die Partnerschaft: zuerst den Antragsteller, dann die Partner. Leere Zeilen werden übergangen.
fund-applicant = Antragsteller
fund-partner = Partner { $n }
fund-org-kind = Art der Organisation
fund-org-country = Land (zwei Buchstaben, z. B. FR)
fund-expected-participants = Erwartete direkt Teilnehmende
fund-invited = Davon aus dem Ausland eingeladen
fund-planned-duration = Geplante Dauer
fund-unit = Einheit
fund-check-button = Prüfen
fund-fits = passt
fund-does-not-fit = passt nicht
fund-fit-count = { $fits ->
    [one] { $fits } von { $total } Programmen passt.
   *[other] { $fits } von { $total } Programmen passen.
}
fund-check-error = Das Vorhaben konnte nicht geprüft werden:
fund-fail-applicant-kind = der Antragsteller muss eines davon sein: { $allowed } (nicht { $kind })
fund-fail-country = Organisationen aus { $country } sind nicht förderfähig
fund-fail-country-missing = braucht einen Partner aus { $country }
fund-fail-partners = braucht mindestens { $min } Organisationen (bisher { $have })
fund-fail-countries = braucht Organisationen aus mindestens { $min } verschiedenen Ländern (bisher { $have })
fund-fail-eu-countries = { $min ->
    [1] braucht einen Partner aus einem EU-Mitgliedstaat
    [2] { $have ->
        [1] braucht einen Partner aus einem zweiten EU-Mitgliedstaat
       *[other] braucht Partner aus mindestens 2 EU-Mitgliedstaaten
    }
   *[other] braucht Partner aus mindestens { $min } EU-Mitgliedstaaten (bisher { $have })
}
fund-fail-participants = braucht mindestens { $min } direkt Teilnehmende (bisher { $have })
fund-fail-participants-unknown = braucht mindestens { $min } direkt Teilnehmende: geben Sie an, wie viele Sie erwarten
fund-fail-invited = braucht mindestens { $min } aus dem Ausland eingeladene Teilnehmende (bisher { $have })
fund-fail-invited-unknown = braucht mindestens { $min } aus dem Ausland eingeladene Teilnehmende: geben Sie an, wie viele Sie erwarten
fund-fail-too-short = muss mindestens { $duration } dauern
fund-fail-too-long = darf höchstens { $duration } dauern
fund-nav = Förderung
fund-deadlines = Fristen für Förderanträge

## review
review-showcase = Schaufenster
review-showcase-intro = Projekte aus den Partnerschaften, von der Redaktion des Netzwerks ausgewählt.
review-no-showcase-posts = Noch keine Projekte im Schaufenster.
review-showcase-feed = Schaufenster als Feed
review-from-showcase = Aus dem Schaufenster
review-all-showcase = Alle Projekte im Schaufenster
review-submit-title = Beitrag für ein Schaufenster einreichen
review-submit-intro = Die Redaktion des Netzwerks prüft den Beitrag, bevor er im Schaufenster erscheint.
review-showcase-field = Schaufenster
review-showcase-hint = Leer lassen für das Schaufenster dieses Netzwerks, oder die Adresse eines anderen Netzwerks, z. B. @schaufenster@jumelage.example
review-submit = Einreichen
review-submissions = Einreichungen
review-submissions-of = Einreichungen: „{ $title }“
review-no-submissions = Dieser Beitrag wurde noch nicht eingereicht.
review-state-pending = wartet auf Prüfung
review-state-changes-requested = Änderungen erbeten
review-state-approved = angenommen
review-state-declined = abgelehnt
review-history = Verlauf
review-act-submitted = eingereicht
review-act-resubmitted = erneut eingereicht
review-act-approved = angenommen
review-act-changes-requested = Änderungen erbeten
review-act-declined = abgelehnt
review-act-edited = nach der Annahme bearbeitet
review-comment = Kommentar
review-comment-hint = Welche Änderungen braucht der Beitrag? Die Einreichenden sehen diesen Text.
review-reason = Begründung
review-reason-hint = Warum wird der Beitrag abgelehnt? Die Einreichenden sehen diesen Text.
review-queue = Redaktionelle Prüfung
review-queue-intro = Eingereichte Beiträge für die Schaufenster dieses Netzwerks, die ältesten zuerst.
review-queue-empty = Keine Einreichungen in diesem Zustand.
review-waiting = Warten auf Prüfung
review-approve = Annehmen
review-request-changes = Änderungen erbitten
review-decline = Ablehnen
review-submitted-by = Eingereicht von
review-to-showcase = an
review-notice-submitted = Der Beitrag wurde eingereicht.
review-notice-decided = Die Entscheidung wurde gespeichert.
review-submit-link = Einreichen …
review-review-link = Redaktionelle Prüfung
review-post = Beitrag
review-state = Stand
review-updated = Zuletzt geändert
review-changes-hint = Bearbeiten Sie den Beitrag und reichen Sie ihn dann erneut ein.
review-no-showcase = Dieses Netzwerk hat noch kein Schaufenster.
review-not-a-showcase = „{ $name }“ ist kein Schaufenster dieses Netzwerks.
review-not-a-group = { $name } ist keine Gruppe eines anderen Netzwerks.
review-only-projects = In ein Schaufenster kommen nur Projektbeiträge, keine Antworten oder Forenthemen.
review-already-waiting = Dieser Beitrag wartet dort bereits auf die Prüfung.
review-already-approved = Dieser Beitrag ist bereits in diesem Schaufenster.
review-was-declined = Dieser Beitrag wurde dort abgelehnt. { $comment }
## europe
stats-by-region-pair = Nach Regionenpaar (NUTS)
## forumx
forum-report = Melden
forum-report-reason = Warum melden Sie diesen Beitrag?
forum-send-report = Meldung senden
forum-report-sent = Danke: Die Moderation der Gruppe hat Ihre Meldung erhalten.
forum-moderation-view = Meldungen und Moderationsprotokoll
forum-reports = Meldungen
forum-no-reports = Keine Meldungen.
forum-resolve = Als erledigt markieren
forum-resolved-report = Erledigt
forum-open-report = Offen
forum-moderation-log = Moderationsprotokoll
forum-no-log-entries = Noch nichts verzeichnet.
forum-log-action = Aktion
forum-log-object = Betrifft
forum-log-by = Von
forum-log-date = Wann
forum-image = Bild (freiwillig)
forum-image-alt = Bildbeschreibung (mit Bild erforderlich)
forum-image-alt-required = Beschreiben Sie das Bild für Menschen, die es nicht sehen können.
forum-banned = Diese Gruppe hat Sie gesperrt: Sie können hier nicht mehr schreiben.
forum-answer-unknown = Der Beitrag, auf den Sie antworten, ist hier nicht bekannt.
forum-answer-removed = Der Beitrag, auf den Sie antworten, wurde inzwischen entfernt.
forum-answer-elsewhere = Der Beitrag, auf den Sie antworten, gehört zu keiner Diskussion dieser Gruppe.
forum-thread-gone = Diese Diskussion wurde entfernt.
forum-act-remove = entfernt
forum-act-lock = gesperrt
forum-act-unlock = entsperrt
forum-act-pin = angeheftet
forum-act-unpin = losgelöst
forum-act-ban = ausgeschlossen
forum-act-unban = Ausschluss aufgehoben
forum-act-report = gemeldet
forum-act-resolve_report = Meldung erledigt
## partners
partners-tab = Partnersuche
partners-and = und
partners-any = alle
partners-lang-de = Deutsch
partners-lang-fr = Französisch
partners-lang-en = Englisch
partners-lang-it = Italienisch
partners-lang-pl = Polnisch
partners-lang-es = Spanisch
partners-lang-nl = Niederländisch
partners-lang-pt = Portugiesisch
partners-lang-cs = Tschechisch
partners-lang-da = Dänisch
partners-purpose-twinning = eine neue Städtepartnerschaft
partners-purpose-project = ein Projekt
partners-purpose-school-exchange = einen Schulaustausch
partners-purpose-learning = voneinander lernen zu einem Thema
partners-reason-themes = arbeitet auch zu { $themes }
partners-reason-sdgs = verfolgt auch Ziel { $goals }
partners-reason-similar-size = ähnliche Größe
partners-reason-wished-size = in der gesuchten Größe
partners-reason-languages = spricht { $languages }
partners-reason-wished-region = in { $region }, wo Sie Partner suchen
partners-reason-wished-country = in { $country }, wo Sie Partner suchen
partners-reason-near = { $km } km entfernt
partners-reason-wished-kind = { $kind }, wie gesucht
partners-reason-same-kind = ebenfalls { $kind }
partners-reason-looking = sucht ebenfalls Partner
partners-reason-looking-for = sucht ebenfalls { $purposes }
partners-reason-projects = ähnliche Projekte ({ $words })
partners-reason-partner-of-partner = { $count ->
    [one] Partner Ihres Partners { $partners }
   *[other] Partner Ihrer Partner { $partners }
}
partners-note-not-looking = Ihre Organisation hat nicht angegeben, dass sie Partner sucht: Diese Vorschläge vergleichen nur ihr Profil. Geben Sie an, was Sie suchen, um bessere zu erhalten.
partners-looking-title = Partnersuche
partners-looking-intro = Organisationen dieses Netzwerks und der Partnernetzwerke, die Partner suchen: für eine Städtepartnerschaft, ein Projekt, einen Schulaustausch oder um voneinander zu lernen.
partners-filters = Filter
partners-purpose = Gesucht für
partners-theme = Thema
partners-kind = Art der Organisation
partners-language = Sprache
partners-country = Land (ISO-Code)
partners-show = Anzeigen
partners-reset = Zurücksetzen
partners-networks = Gefragte Netzwerke
partners-network-count = { $n ->
    [one] { $n } Organisation
   *[other] { $n } Organisationen
}
partners-network-timeout = keine Antwort in der Zeit
partners-network-failed = konnte nicht gefragt werden
partners-looking-count = { $n ->
    [one] { $n } Organisation sucht Partner.
   *[other] { $n } Organisationen suchen Partner.
}
partners-none-looking = Keine Organisation mit diesen Filtern sucht Partner.
partners-bad-filter = Ein Filter konnte nicht gelesen werden, siehe oben.
partners-looking-for = Sucht:
partners-wish-places = Wo
partners-wish-themes = Themen
partners-wish-languages = Sprachen
partners-wish-kinds = Art des Partners
partners-wish-size = Größe
partners-size-range = { $min } bis { $max } Einwohner
partners-size-from = ab { $min } Einwohnern
partners-size-up-to = bis { $max } Einwohner
partners-inhabitants = { $n } Einwohner
partners-looking-form-title = Partnersuche
partners-looking-form-intro = Geben Sie an, was Ihre Organisation sucht: Es wird dort gezeigt, wo Sie es erlauben, und verbessert die Vorschläge.
partners-see-suggestions = Vorgeschlagene Partner ansehen
partners-active = Wir suchen Partner
partners-countries = Länder
partners-countries-hint = Zweibuchstabige Codes, durch Kommas getrennt, zum Beispiel FR, PL. Leer: überall.
partners-regions = Regionen
partners-regions-hint = Eine Region pro Zeile, wie die Profile sie nennen.
partners-themes = Themen
partners-languages = Sprachen
partners-size = Größe des Partners
partners-population-min = Einwohner, mindestens
partners-population-max = Einwohner, höchstens
partners-partner-kinds = Art des Partners
partners-description = Was Sie suchen, in eigenen Worten
partners-visibility = Wo es gezeigt wird
partners-listed = Auf den Seiten „Partnersuche“, hier und bei den Partnernetzwerken
partners-suggested = Als Vorschlag für andere Organisationen
partners-save = Speichern
partners-saved = Gespeichert.
partners-suggestions-title = Vorgeschlagene Partner
partners-suggestions-intro = Organisationen dieses Netzwerks und der Partnernetzwerke, die passen würden, die besten zuerst, mit den Gründen.
partners-edit-looking = Suche ändern
partners-say-looking = Angeben, was Sie suchen
partners-no-suggestions = Derzeit kein Vorschlag.
partners-why = Warum:
partners-propose = Partnerschaft vorschlagen
partners-follow = Folgen

## lead
partners-nav = Partnersuche
fund-funded-by = Gefördert durch
fund-funded-none = (kein Förderprogramm)
fund-funded-hint = Das Förderprogramm aus dem Verzeichnis, das dieses Projekt gefördert hat; seine Seite listet die geförderten Projekte.
fund-funded-projects = Mit diesem Programm geförderte Projekte
fund-no-funded-projects = Noch kein Projekt hat dieses Programm genannt.
fund-form-list-title = Unsere Förderprogramme
fund-form-list-intro = Die Programme, die dieses Netzwerk pflegt; sie werden mit den Partnernetzwerken geteilt und stehen im Verzeichnis:
fund-form-new-title = Neues Förderprogramm
fund-form-edit-title = Förderprogramm bearbeiten
fund-form-edit = Bearbeiten
fund-form-none = Dieses Netzwerk pflegt noch kein Programm.
fund-form-intro = Tragen Sie die Regeln des Programms so ein, wie der Fördergeber sie veröffentlicht: Die Förderprüfung vergleicht geplante Projekte damit. Lassen Sie eine Regel leer, wenn das Programm keine hat.
fund-form-fix = Einige Felder brauchen Ihre Aufmerksamkeit: Siehe die Hinweise daneben.
fund-form-name = Name
fund-form-description = Beschreibung
fund-form-name-required = Geben Sie dem Programm in mindestens einer Sprache einen Namen.
fund-form-link = Link zu Regeln und Antrag (https://…)
fund-form-kinds-hint = Nichts angekreuzt: Jede Art von Organisation darf beantragen.
fund-form-countries-hint = Zweibuchstabige Codes, durch Kommas getrennt, z. B. DE, FR, PL. Leer: jedes Land.
fund-form-min-partners = Mindestens so viele Organisationen
fund-form-min-countries = Aus mindestens so vielen Ländern
fund-form-min-eu-countries = Davon mindestens so viele EU-Mitgliedstaaten
fund-form-min-participants = Mindestens so viele direkt Teilnehmende
fund-form-min-invited = Davon mindestens so viele aus dem Ausland eingeladen
fund-form-grant-min = Kleinste Förderung (€)
fund-form-grant-max = Größte Förderung (€)
fund-form-lump-sums = Pauschalen (€)
fund-form-lump-sums-hint = Beträge, durch Kommas getrennt, z. B. 8455, 50745.
fund-form-cofunding-rate = Höchstens geförderter Anteil der Kosten (%)
fund-form-duration-min = Kürzeste Dauer
fund-form-duration-max = Längste Dauer
fund-form-calls-hint = Eine Zeile je Aufruf. Ein Aufruf ohne Frist ist laufend. Eine Frist endet am Ende des Tages, Brüsseler Zeit.
fund-form-call-label = Aufruf
fund-form-save = Speichern und mit den Partnernetzwerken teilen
fund-form-delete = Dieses Programm löschen
fund-form-delete-hint = Das Programm wird hier und bei den Partnernetzwerken entfernt. Projekte, die es nennen, behalten den Link.
fund-form-saved = Das Programm ist gespeichert und an die Partnernetzwerke gesendet.
fund-form-deleted = Das Programm ist hier und bei den Partnernetzwerken gelöscht.
fund-form-not-a-number = Eine ganze Zahl, z. B. 25000.
fund-check-negative = Darf nicht negativ sein.
fund-check-at-most = Höchstens { $max }.
fund-check-too-large = Diese Zahl ist zu groß.
fund-plan-applicant = Nennen Sie mindestens den Antragsteller: seine Art und sein Land.
fund-plan-unit = Tage oder Monate.
fund-check-number = Eine ganze Zahl, z. B. 12.
check-country = Unbekanntes Land „{ $code }“: Bitte einen Code aus zwei Buchstaben angeben, z. B. DE oder FR.
fund-check-link = Eine Adresse, die mit http:// oder https:// beginnt.
fund-check-required-country = { $code } ist vorgeschrieben, steht aber nicht unter den förderfähigen Ländern.
fund-check-eu-countries = Mehr EU-Mitgliedstaaten als Länder insgesamt.
fund-check-invited = Mehr aus dem Ausland Eingeladene als Teilnehmende insgesamt.
fund-check-grant-max = Kleiner als die kleinste Förderung.
fund-check-lump-sum = Jede Pauschale muss größer als null sein.
fund-check-rate = Ein Prozentsatz von 1 bis 100.
fund-check-duration-max = Kürzer als die kürzeste Dauer.
fund-check-name-beside = Zu einer Beschreibung gehört ein Name.
fund-check-deadline-before = Die Frist endet, bevor die Ausschreibung beginnt.
fund-check-calls = Höchstens { $max } Ausschreibungen.
check-too-long = Höchstens { $max } Zeichen.
check-required-max = Pflichtfeld, höchstens { $max } Zeichen.
check-theme = Unbekanntes Thema „{ $theme }“.
check-list-max = Höchstens { $max } Einträge.
check-language = Unbekannte Sprache „{ $code }“: Bitte einen Code aus zwei Buchstaben angeben, z. B. de oder fr.
check-kind = Unbekannte Art von Organisation „{ $kind }“.
check-purpose = Unbekannter Zweck „{ $purpose }“.
check-region-empty = Bitte eine Region nennen.
check-not-below = Darf nicht unter { $min } liegen.
post-check-images = Höchstens { $max } Bilder.
post-check-alt = Beschreiben Sie das Bild für Menschen, die es nicht sehen können (Pflichtfeld, höchstens { $max } Zeichen).
post-check-funded-by = Kein Förderprogramm „{ $given }“ im Verzeichnis dieses Netzwerks (siehe /funding).
partnership-check-self = Eine Organisation kann keine Partnerschaft mit sich selbst eingehen.
partnership-check-not-org = Partnerschaften bestehen zwischen Organisationen; dies ist keine.
partnership-check-year = Ein Jahr von 1800 bis { $year }.
partnership-check-exists = Diese Organisationen haben diese Partnerschaft schon, oder sie ist bereits vorgeschlagen.
partnership-answer-not-yours = Nur die angefragte Organisation kann annehmen oder ablehnen; dieser Vorschlag ist Ihr eigener.
partnership-answered-already = Dieser Vorschlag wurde bereits beantwortet.
account-check-username = 3 bis 64 Buchstaben, Ziffern, „.“, „_“ oder „-“.
account-check-password = Mindestens { $min } Zeichen.
account-check-taken = Der Benutzername „{ $name }“ ist vergeben.
org-check-handle = 1 bis 64 Kleinbuchstaben, Ziffern, „-“, „_“ oder „.“, am Anfang ein Buchstabe oder eine Ziffer.
org-check-handle-taken = Die Kennung „{ $handle }“ ist vergeben.
code-check-country = Beginnt mit { $start }, aber das Land der Organisation ist { $country }.
code-check-lau-form = Ein LAU-Code besteht aus dem Ländercode in Großbuchstaben, „_“ und dem nationalen Gemeindecode, z. B. DE_05913000.
code-check-lau-digits = { $prefix }_ und { $n } Ziffern, z. B. { $example }.
code-check-lau-fr = FR_ und der fünfstellige INSEE-Code, z. B. FR_80021 oder FR_2A004.
code-check-lau-other = Der Ländercode, „_“ und 1 bis 12 Buchstaben oder Ziffern.
code-check-nuts-form = Ein NUTS-Code besteht aus dem Ländercode und 1 bis 3 Buchstaben oder Ziffern, z. B. DEA52.
search-q-empty = Die Suche ist leer.
search-q-too-long = Die Suche ist länger als { $max } Zeichen.
search-q-control = Die Suche enthält Steuerzeichen.
search-q-unclosed = Ein Anführungszeichen ist nicht geschlossen: Schreiben Sie „zwei Wörter“ für eine Wortgruppe.
search-q-no-words = Die Suche enthält keine Wörter.
search-q-only-excluded = Bitte geben Sie an, was gefunden werden soll, nicht nur, was wegfallen soll.
search-q-too-many = Die Suche hat mehr als { $max } Wörter und Wortgruppen.
## person
person-profile-intro = Schreibt im Forum dieses Netzwerks als Person.
person-address = Adresse im Fediverse
person-writings = Themen und Kommentare
person-nothing-yet = Noch nichts geschrieben.
person-comment = Kommentar
person-settings-title = Als Sie selbst schreiben
person-settings-intro = Neben Ihren Organisationen können Sie im Forum als Sie selbst schreiben: als eigene Person im Fediverse, mit dem Namen, den Sie wählen. Das ist aus, bis Sie es einschalten.
person-is-on = Eingeschaltet. Ihre Adresse:
person-is-off = Aus: Sie schreiben nur als eine Ihrer Organisationen.
person-handle = Kennung
person-handle-hint = Wird einmal gewählt: Sie ist Teil Ihrer Adresse und ändert sich später nicht.
person-name = Angezeigter Name
person-save = Speichern
person-turn-on = Als ich selbst schreiben
person-turn-off = Ausschalten und löschen
person-turn-off-warning = Ausschalten löscht diese Person, hier und auf den anderen Servern, die sie kennen, mit allem, was als sie geschrieben wurde. Die Kennung bleibt Ihre.
person-saved = Gespeichert.
person-turned-off = Ausgeschaltet: Die Person und was sie geschrieben hat, sind gelöscht.
person-handle-taken = Diese Kennung ist vergeben.
person-handle-fixed = Die Kennung wurde einmal gewählt und ändert sich nicht.
person-handle-malformed = 1–64 Kleinbuchstaben, Ziffern, „-“, „_“ oder „.“, beginnend mit einem Buchstaben oder einer Ziffer.
person-name-too-long = Höchstens 100 Zeichen, in einer Zeile.
person-myself = ich selbst
person-set-up = Als Sie selbst schreiben
