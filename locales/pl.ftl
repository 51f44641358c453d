# passerelle’s interface in Polish (Project Fluent, https://projectfluent.org).
# Every message exists in every language with the same variables; `cargo test --lib locale`
# checks it. Plural forms are chosen by the language’s CLDR rules ([one], [few], [many],
# *[other]). Invisible characters are typed as such: U+00A0 (no-break space) joins a number
# to its noun.

## Public pages

organisations = Organizacje
latest-projects = Najnowsze projekty
projects = Projekty
pinned = Wyróżnione
followers = Obserwujący
profile = Profil
partners = Partnerzy
place = Miejsce
dates = Termin
themes = Tematy
sdgs = Cele zrównoważonego rozwoju
published = Opublikowano
updated = Zaktualizowano
language-versions = Wersje językowe
follow-hint = Obserwuj nas w fediwersum (np. na Mastodonie) pod adresem
no-posts = Nie ma jeszcze projektów.
figures = W liczbach
skip-to-content = Przejdź do treści
interface-language = Język
replies = Odpowiedzi z fediwersum
reactions = Reakcje
partnerships = Partnerstwa
partner = Partner
network = Sieć
kind = Rodzaj
since = Od
status = Status
main-navigation = Nawigacja główna
home = Strona główna
registry = Rejestr partnerstw
statistics = Statystyki
search = Szukaj
about-network = O tej sieci
upcoming-events = Nadchodzące wydarzenia
no-events = Brak nadchodzących wydarzeń.
confirmed-partnerships = Potwierdzone partnerstwa
featured-projects = Wyróżnione projekty
follow-from-mastodon = Obserwuj z Mastodona
follow-box-intro = Wpisz swój adres w fediwersum. Przekierujemy cię na twój serwer, gdzie potwierdzisz obserwowanie.
your-handle = Twój adres lub twój serwer
handle-example = np. @anna@mastodon.social lub mastodon.social
follow-button = Przejdź do obserwowania
handle-empty = Wpisz swój adres.
handle-invalid = To nie jest ani adres w rodzaju @nazwa@serwer.example, ani nazwa serwera w rodzaju serwer.example.
handle-is-here = Ten adres należy do tej sieci. Obserwuj ze swojego serwera Mastodona.
error = Błąd
feeds = Kanały
rss-feed = Kanał RSS
atom-feed = Kanał Atom
projects-of = Projekty organizacji
projects-on = Projekty – temat:
no-partnerships = Nie zarejestrowano żadnych partnerstw.
filters = Filtry
country-pair = Para krajów
region-pair = Para regionów
first-country = Pierwszy kraj
second-country = Drugi kraj
first-region = Pierwszy region
second-region = Drugi region
choose-both = Wybierz oba albo żadnego.
founded-from = Założone od roku
founded-to = Założone do roku
year-invalid = Wpisz rok, np. 1962.
theme = Temat
confirmed-only = Tylko potwierdzone przez obie strony
any = wszystkie
show = Pokaż
reset-filters = Wyczyść filtry
organisation = Organizacja
countries = Kraje
map = Mapa
map-description = Punkty to organizacje, linie łączą partnerów. Te same partnerstwa są wymienione w tabeli.
map-views = Widok mapy
map-zoom-in = Przybliż
map-zoom-out = Oddal
map-fit = Pokaż wszystkie partnerstwa
map-overview = Przegląd
previous = Poprzednia
next = Następna
status-proposed = zaproponowane
status-active = aktywne
status-dormant = zawieszone
status-ended = zakończone
status-confirmed = potwierdzone
status-unconfirmed = niepotwierdzone
by-country-pair = Według pary krajów
by-kind = Według rodzaju
by-decade = Według dekady założenia
by-region = Według regionu
share-confirmed = Potwierdzone przez obie strony
total = Razem
count = Liczba
as-table = W formie tabeli
scope = Zakres
scope-local = Ta sieć
scope-federation = Wszystkie połączone sieci (każde partnerstwo liczone raz)
not-reachable = Nieosiągalne
unknown = nieznana
download-csv = Dane w formacie CSV
open-data = Otwarte dane
themes-list = Tematy projektów
read-in = Czytaj w języku
images = Zdjęcia
none-yet = Nie ma jeszcze danych.
colon = :
semicolon = ;

## Editors’ and operators’ interface

too-many-logins = Zbyt wiele nieudanych prób logowania.
back-to-projects = Wróć do projektów
log-in = Zaloguj się
log-out = Wyloguj się
logged-in-as = Zalogowano jako
username = Nazwa użytkownika
password = Hasło
login-failed = Nieprawidłowa nazwa użytkownika lub hasło.
login-form-expired = Formularz logowania był otwarty zbyt długo. Wpisz ponownie hasło.
kept-login-note = Twoja sesja wygasła, zanim formularz został wysłany. To, co napisałeś, jest zachowane: zaloguj się, a potem wyślij to jednym kliknięciem.
kept-title = Wyślij zachowany formularz
kept-intro = Twoja sesja wygasła, zanim formularz został wysłany; nic nie zostało jeszcze zapisane. To, co napisałeś, jest tu zachowane: wyślij to teraz.
kept-send = Wyślij teraz
kept-back = Wróć do formularza, bez tego, co zachowano
kept-gone = Tego zachowanego formularza już nie ma: jest przechowywany przez jeden dzień i tylko dla konta, które go napisało.
kept-files-left-out = { $n ->
    [one] Wybranego obrazu nie udało się zachować: dodaj go ponownie później.
    [few] { $n } wybranych obrazów nie udało się zachować: dodaj je ponownie później.
   *[other] { $n } wybranych obrazów nie udało się zachować: dodaj je ponownie później.
}
csrf-failed = Ten formularz wygasł albo nie pochodzi z tej strony. Odśwież stronę i wyślij go ponownie.
required = Pole obowiązkowe.
too-long = Za długie.
bad-value = Nieprawidłowa wartość.
bad-date = Data w formacie 2026-07-20.
bad-year = Rok, np. 1962.
bad-domain = Nazwa serwera, np. przyklad.org, inna niż ta instancja.
editor-navigation = Redakcja
editors-interface = Panel redakcji
my-organisations = Moje organizacje
administration = Administracja
no-organisations = Nie jesteś jeszcze redaktorem żadnej organizacji. Poproś o to administrację tej instancji.
sections = Działy
public-profile = Zobacz profil publiczny
new-post = Nowy wpis
edit-post = Edytuj wpis
edit = Edytuj
delete = Usuń
delete-post = Usuń wpis
delete-yes = Tak, usuń
delete-confirm = Czy na pewno chcesz usunąć „{ $title }”? Obserwujący zostaną o tym powiadomieni, a wpisu nie da się przywrócić.
pin = Wyróżnij
unpin = Cofnij wyróżnienie
post-published = Wpis został opublikowany.
post-updated = Wpis został zaktualizowany.
post-deleted = Wpis został usunięty.
delivery-status = Doręczenie
instance = Instancja
no-recipients = Jeszcze nie wysłano do żadnej innej instancji.
failing = Błędy
waiting = oczekuje
attempts = Próby
last-error = Ostatni błąd
form-has-errors = Formularz zawiera błędy; każdy jest podany przy swoim polu.
preview = Podgląd
main-language = Język główny
main-language-unwritten = W języku głównym nic jeszcze nie napisano.
languages-hint = Wypełnij jedną lub więcej wersji językowych; puste języki nie zostaną opublikowane.
write-one-language = Napisz co najmniej jedną wersję językową.
title = Tytuł
summary = Streszczenie
summary-required = Pole obowiązkowe: Mastodon pokazuje tylko tytuł i streszczenie.
body = Treść
post-images = Zdjęcia
add-image = Dodaj zdjęcie (JPEG, PNG, WebP lub GIF)
alt-text = Opis zdjęcia (tekst alternatywny)
alt-hint = Opisz, co widać na zdjęciu, dla osób, które go nie widzą.
alt-required = Opisz zdjęcie (pole obowiązkowe).
alt-required-upload = Opisz zdjęcie (pole obowiązkowe) i ponownie wybierz plik.
choose-image = Wybierz plik ze zdjęciem do tego opisu.
remove-image = Usuń zdjęcie
upload-too-large = Plik jest za duży.
not-an-image = Ten plik nie jest zdjęciem w obsługiwanym formacie (JPEG, PNG, WebP, GIF).
too-many-pixels = Zdjęcie jest za duże (najwyżej 12 000 pikseli na bok).
sdg = Cel
starts-on = Początek
ends-on = Koniec
ends-before-start = Koniec przypada przed początkiem.
partners-hint = Jedna organizacja w wierszu: identyfikator w tej instancji (miasto-opole) albo adres profilu.
publish = Opublikuj
save-changes = Opublikuj zmiany
cancel = Anuluj
followers-and-follows = Obserwujący i obserwowani
follow-someone = Obserwuj konto w fediwersum
fediverse-address = Adres w fediwersum
fediverse-address-hint = Na przykład @stadt-dortmund@nrw.example albo adres profilu.
partner-choices-hint = Wpisz nazwę, aby wybrać spośród organizacji znanych tutaj, albo podaj adres innej, na przykład @stadt-dortmund@nrw.example.
follow = Obserwuj
unfollow = Przestań obserwować
follow-sent = Wysłano prośbę o obserwowanie do
unfollowed = Nie obserwujesz już tego konta.
cannot-follow-self = Organizacja nie może obserwować samej siebie.
follow-requests = Prośby o obserwowanie
following = Obserwowani
awaiting-approval = czeka na zatwierdzenie
accept = Zaakceptuj
reject = Odrzuć
decline = Odmów
request-accepted = Prośba została zaakceptowana.
request-rejected = Prośba została odrzucona.
no-such-request = Nie ma (już) takiej prośby o obserwowanie.
none = Brak.
propose-partnership = Zaproponuj partnerstwo
propose = Zaproponuj
founded-year = Rok założenia
description = Opis
awaiting-partner = czeka na odpowiedź partnera
mark-dormant = Oznacz jako zawieszone
mark-active = Ponownie aktywne
end-partnership = Zakończ
partnership-proposed = Propozycja została wysłana; partnerstwo zostanie potwierdzone, gdy druga strona ją przyjmie.
partnership-accepted = Partnerstwo zostało potwierdzone.
partnership-declined = Propozycja została odrzucona.
partnership-changed = Partnerstwo zostało zmienione.
no-such-partnership = Nie ma tutaj takiego partnerstwa.
no-such-organisation = Brak organizacji
not-your-organisation = Nie jesteś redaktorem tej organizacji.
error-forbidden = Brak dostępu
error-not-found = Nie znaleziono
error-request = Żądanie nie powiodło się
error-server = Błąd po naszej stronie
error-server-detail = Coś poszło nie tak. Spróbuj ponownie za kilka minut.
error-not-found-detail = Ta strona nie istnieje albo została usunięta. Być może wyszukiwarka pomoże ci znaleźć to, czego szukasz.
error-forbidden-detail = Ta strona nie jest tutaj dostępna.
error-request-detail = Sprawdź adres lub dane wpisane w formularzu.
error-conflict = Już zrobione lub zmienione w międzyczasie
error-conflict-detail = To już zostało zrobione albo ktoś to w międzyczasie zmienił. Odśwież stronę, aby zobaczyć aktualny stan.
error-details = Szczegóły techniczne
back-home = Wróć na stronę główną
operators-only = Tylko dla administracji i moderacji tej instancji.
admins-only = Tylko dla administracji tej instancji.
federation-health = Federacja
queue-pending = Doręczenia w kolejce
queue-failing = w tym nieudane
queue-delivered = Doręczone
queue-gave-up = Porzucone
instances-with-trouble = Instancje z oczekującymi lub nieudanymi doręczeniami
subscriptions-heading = Sieci i przekaźniki
no-subscriptions = Ta instancja nie subskrybuje żadnej sieci ani przekaźnika.
subscription-kind = Rodzaj
subscription-style = Protokół
subscription-peer = Sieć partnerska
subscription-relay = Przekaźnik
subscription-pending = wysłano prośbę, brak odpowiedzi
subscription-accepted = przyjęta
subscription-rejected = odrzucona
all-instances-fine = Wszystkie instancje są osiągalne; nic nie czeka.
failing-since = Błędy od
unreachable = nieosiągalna
accounts = Konta
roles = Role
create-account = Utwórz konto
account-created = Konto zostało utworzone.
no-such-account = Brak konta
grant-role = Nadaj rolę
grant = Nadaj
revoke = Odbierz
roles-changed = Role zostały zmienione.
api-tokens = Klucze API
name = Nazwa
created = Utworzono
last-used = Ostatnie użycie
revoked = unieważniony
token-name = Nazwa nowego klucza
issue-token = Wygeneruj klucz
token-shown-once = Nowy klucz jest wyświetlany tylko ten jeden raz:
token-revoked = Klucz został unieważniony.
end-sessions = Zakończ wszystkie sesje tego konta
sessions-ended = Wszystkie sesje tego konta zostały zakończone.
handle = Identyfikator
country = Kraj (dwie litery, np. PL)
working-languages = Języki robocze
create-organisation = Utwórz organizację
organisation-created = Organizacja została utworzona:
moderation = Moderacja
reports = Zgłoszenia
resolved = rozpatrzone
mark-resolved = Oznacz jako rozpatrzone
report-resolved = Zgłoszenie zostało rozpatrzone.
remove-content = Usuń treść
content-removed = Treść została usunięta.
domain-blocks = Zablokowane instancje
reason = Powód
block-instance = Zablokuj instancję
unblock = Odblokuj
block-added = Instancja została zablokowana.
block-removed = Instancja nie jest już zablokowana.
from-config = z konfiguracji
suspended-actors = Zawieszone konta innych instancji
suspend = Zawieś
unsuspend = Cofnij zawieszenie
suspended = Konto zostało zawieszone; jego wpisy zostały usunięte.
unsuspended = Zawieszenie zostało cofnięte.
cannot-suspend-local = Organizacjami tej instancji zarządza się w dziale „Organizacje”; nie zawiesza się ich.

## Search page

search-title = Szukaj
search-label = Szukane słowa
search-hint = Organizacje, partnerstwa i projekty ze wszystkich sieci. „kilka słów” jako wyrażenie, klima* dla początku słowa, -słowo lub -„kilka słów”, aby wykluczyć.
search-bad-parameter = Adres tego wyszukiwania zawiera wartość, której nie da się odczytać. Wyszukaj ponownie z formularza.
search-submit = Szukaj
search-what = Co
search-everything = Wszystko
search-organisations = Organizacje
search-partnerships = Partnerstwa
search-posts = Projekty
search-order = Kolejność
search-relevance = Trafność
search-newest = Najpierw najnowsze
search-only-here = Tylko ta sieć
search-result-pages = Strony wyników
search-no-matches = Nic nie znaleziono. Spróbuj innych słów albo użyj ich mniej.
search-narrow = Zawęź
search-remove-filters = Usuń wszystkie filtry
search-networks = Sieci
search-answered = odpowiedziała
search-local = ta sieć
search-timeout = brak odpowiedzi na czas
search-failed = nieosiągalna
search-next = Następne wyniki
search-previous = Poprzednie wyniki
search-f-kind = Rodzaj
search-f-theme = Temat
search-f-sdg = Cel zrównoważonego rozwoju
search-f-country = Kraj
search-f-region = Region
search-f-org-kind = Rodzaj organizacji
search-f-language = Język
search-f-year = Rok
search-f-network = Sieć
search-capped = Posortowano i policzono tylko najnowsze wyniki. Więcej słów lub filtr dają dokładne liczby.

## Messages with variables

lookup-malformed = „{ $target }” to ani @nazwa@serwer, ani adres (https://…).
lookup-unknown-here = Nie ma tutaj organizacji „{ $target }”.
lookup-blocked = Serwer { $target } jest tutaj zablokowany.
lookup-webfinger-status = Wyszukiwanie { $target } (WebFinger) nie powiodło się: serwer odpowiedział HTTP { $status }.
lookup-webfinger-failed = Wyszukiwanie { $target } (WebFinger) nie powiodło się: { $reason }
lookup-no-actor = Znaleziono { $target }, ale nie ma profilu ActivityPub.
lookup-actor-status = Nie udało się pobrać profilu { $target }: serwer odpowiedział HTTP { $status }.
lookup-actor-failed = Nie udało się pobrać profilu { $target }: { $reason }
lookup-invalid = { $target } nie jest profilem, którego można użyć: { $reason }

count-likes = { $n ->
    [one] { $n } polubienie
    [few] { $n } polubienia
    [many] { $n } polubień
   *[other] { $n } polubienia
}
count-shares = { $n ->
    [one] { $n } udostępnienie
    [few] { $n } udostępnienia
    [many] { $n } udostępnień
   *[other] { $n } udostępnienia
}
count-replies = { $n ->
    [one] { $n } odpowiedź
   *[other] { $n } odpowiedzi
}
results-count = { $n ->
    [one] { $n } wynik
    [few] { $n } wyniki
    [many] { $n } wyników
   *[other] { $n } wyniku
}
search-matches-more = Ponad { $n } wyników
search-matches-count = { $n ->
    [one] { $n } wynik
    [few] { $n } wyniki
    [many] { $n } wyników
   *[other] { $n } wyniku
}
map-missing-count = { $n ->
    [one] { $n } organizacja bez współrzędnych, poza mapą
    [few] { $n } organizacje bez współrzędnych, poza mapą
    [many] { $n } organizacji bez współrzędnych, poza mapą
   *[other] { $n } organizacji bez współrzędnych, poza mapą
}
delivered-count = Doręczono do { $delivered } z { $instances } { $instances ->
   *[other] instancji
}
waiting-count = { $n ->
    [one] { $n } oczekujące
    [few] { $n } oczekujące
   *[many] { $n } oczekujących
}
proposals-awaiting-answer = { $n ->
    [one] Jedna propozycja partnerstwa czeka na twoją odpowiedź
    [few] { $n } propozycje partnerstwa czekają na twoją odpowiedź
   *[many] { $n } propozycji partnerstwa czeka na twoją odpowiedź
}
records-not-kept = Opublikowano ponad { $days } { $days ->
    [one] dzień
    [few] dni
   *[many] dni
} temu: tak długo nie przechowujemy zapisów doręczeń.
try-again-in-minutes = Spróbuj ponownie za { $n } { $n ->
    [one] minutę
    [few] minuty
    [many] minut
   *[other] minuty
}.

## Vocabulary: organisation kinds, partnership kinds, themes (their hashtags are made
## from these labels), the UN Sustainable Development Goals, profile fields

org-kind-municipality = Gmina/miasto
org-kind-district = Powiat
org-kind-region = Województwo/region
org-kind-association = Stowarzyszenie partnerskie
org-kind-network = Sieć
org-kind-school = Szkoła
org-kind-other = Społeczeństwo obywatelskie

partnership-kind-twinning = Partnerstwo miast
partnership-kind-friendship = Przyjaźń
partnership-kind-contact = Kontakt
partnership-kind-project = Partnerstwo projektowe
partnership-kind-regional = Partnerstwo regionalne
partnership-kind-school = Partnerstwo szkół

theme-reconciliation = Pojednanie
theme-european-integration = Integracja europejska
theme-youth = Młodzież
theme-education = Edukacja
theme-culture = Kultura
theme-sport = Sport
theme-social = Zaangażowanie społeczne
theme-inclusion = Włączenie społeczne
theme-climate = Ochrona klimatu
theme-environment = Środowisko
theme-mobility = Mobilność
theme-demography = Zmiany demograficzne
theme-structural-change = Transformacja gospodarcza
theme-migration = Migracja i integracja
theme-digitalisation = Cyfryzacja
theme-economy = Gospodarka
theme-remembrance = Pamięć historyczna
theme-humanitarian-aid = Pomoc humanitarna
theme-administration = Wymiana administracyjna

sdg-1 = Koniec z ubóstwem
sdg-2 = Zero głodu
sdg-3 = Dobre zdrowie i jakość życia
sdg-4 = Dobra jakość edukacji
sdg-5 = Równość płci
sdg-6 = Czysta woda i warunki sanitarne
sdg-7 = Czysta i dostępna energia
sdg-8 = Wzrost gospodarczy i godna praca
sdg-9 = Innowacyjność, przemysł, infrastruktura
sdg-10 = Mniej nierówności
sdg-11 = Zrównoważone miasta i społeczności
sdg-12 = Odpowiedzialna konsumpcja i produkcja
sdg-13 = Działania w dziedzinie klimatu
sdg-14 = Życie pod wodą
sdg-15 = Życie na lądzie
sdg-16 = Pokój, sprawiedliwość i silne instytucje
sdg-17 = Partnerstwa na rzecz celów

profile-kind = Rodzaj
profile-region = Region
profile-code-ags = Niemiecki kod gminy (AGS)
profile-code-insee = Kod INSEE
profile-code-lau = Kod LAU
profile-nuts = Region NUTS
profile-population = Liczba mieszkańców
profile-website = Strona internetowa
profile-languages = Języki
profile-themes = Tematy

## Formats

# Digits of whole numbers: 1500, 15 000 (no-break space; four digits stay ungrouped).
number-group-separator = {"\u00A0"}
number-group-minimum = 2
# 5 marca 2026 (months in the genitive).
date = { $day } { $month ->
        [1] stycznia
        [2] lutego
        [3] marca
        [4] kwietnia
        [5] maja
        [6] czerwca
        [7] lipca
        [8] sierpnia
        [9] września
        [10] października
        [11] listopada
       *[12] grudnia
    } { $year }
decade = lata { $decade }.
percent = { $n }%

# events-public: the calendar page, event pages and iCalendar feeds
ev-nav = Wydarzenia
ev-calendar = Kalendarz wydarzeń
ev-calendar-intro = Wydarzenia trwające i nadchodzące, według miesięcy. Godziny w strefie czasowej każdego wydarzenia.
ev-running-now = Trwa teraz
ev-no-match = Brak wydarzeń dla tego wyboru.
ev-bad-filter = Ta wartość filtra jest nieznana; proszę wybrać z listy.
ev-kind-training = Szkolenie
ev-kind-partnership-meeting = Spotkanie partnerskie
ev-kind-exchange = Wymiana
ev-kind-citizens-trip = Podróż mieszkańców
ev-kind-festival = Święto
ev-kind-conference = Konferencja
ev-kind-online-meeting = Spotkanie online
ev-kind-other = Inne
ev-status-scheduled = Potwierdzone
ev-status-tentative = Wstępne
ev-status-cancelled = Odwołane
ev-status-postponed = Przełożone
ev-notice-cancelled = To wydarzenie zostało odwołane.
ev-notice-postponed = To wydarzenie zostało przełożone; nowy termin nie jest jeszcze ustalony.
ev-notice-tentative = Termin jest jeszcze wstępny.
ev-when = Kiedy
ev-time-zone = Strefa czasowa
ev-address = Adres
ev-coordinates = Współrzędne
ev-open-in-map-app = Otwórz w aplikacji map
ev-online-address = Dostęp online
ev-online-filter = Online lub na miejscu
ev-online-only = tylko online
ev-online = online
ev-on-site-only = tylko na miejscu
ev-region = Region lub województwo
ev-language = Język wydarzenia
ev-local-only = Tylko wydarzenia tej sieci
ev-organisers = Organizatorzy
ev-coorganisers = Współorganizatorzy
ev-languages-spoken = Używane języki
ev-capacity = Liczba miejsc
ev-participants = Zapisani
ev-places-left = Wolne miejsca
ev-fully-booked = Brak miejsc
ev-registration-deadline = Termin zgłoszeń
ev-how-to-join = Udział
ev-join-free = Zapisy otwarte: udział jest potwierdzany od razu, dopóki są wolne miejsca.
ev-join-approval = Zapisy z akceptacją: organizatorzy przyjmują lub odrzucają zgłoszenie.
ev-join-external = Zapisy na innej stronie:
ev-registration-closed = Zapisy są zamknięte.
ev-add-to-calendar = Dodaj do kalendarza (iCalendar)
ev-join-from-fediverse = Weź udział z konta w fediwersum
ev-join-box-intro = Wpisz swój adres w fediwersum (Mastodon, Mobilizon…). Przekierujemy Cię na Twój serwer, gdzie potwierdzisz udział.
ev-join-button = Przejdź dalej, aby wziąć udział
ev-origin = To wydarzenie pochodzi z innego serwera. Oryginał:
ev-subscribe = Subskrybuj kalendarz
ev-feed-network = Wszystkie wydarzenia tej sieci
ev-feed-of = Wydarzenia:
ev-feed-on = Wydarzenia na temat
ev-feed-hint = Zasubskrybuj adres kanału w swojej aplikacji kalendarza: zmiany i odwołania pojawią się tam same.
ev-all-events = Wszystkie wydarzenia
# A clock time as chrono writes it (strftime): 14:00.
ev-time-format = %H:%M
# A month as a heading of the calendar page (the nominative where the language has cases).
ev-month-year = { $month ->
        [1] styczeń
        [2] luty
        [3] marzec
        [4] kwiecień
        [5] maj
        [6] czerwiec
        [7] lipiec
        [8] sierpień
        [9] wrzesień
        [10] październik
        [11] listopad
       *[12] grudzień
    } { $year }
## events-editor
ed-events = Wydarzenia
ed-back-to-events = Powrót do wydarzeń
ed-new-event = Nowe wydarzenie
ed-edit-event = Edytuj wydarzenie
ed-duplicate-event = Powiel wydarzenie
ed-duplicate = Powiel
ed-choose-dates = Kopia wydarzenia „{ $title }”: wybierz początek i koniec nowego wydarzenia.
ed-upcoming = Wydarzenia trwające i nadchodzące
ed-past = Minione wydarzenia
ed-no-events = Nie ma jeszcze wydarzeń.
ed-co-organised = współorganizowane
ed-participants = Uczestnicy
ed-places = miejsc
ed-cancel-event = Odwołaj wydarzenie
ed-cancel-confirm = Czy na pewno odwołać „{ $title }”? Obserwujący i uczestnicy zostaną powiadomieni; wydarzenie pozostanie widoczne jako odwołane.
ed-cancel-yes = Tak, odwołaj
ed-keep = Nie, wróć
ed-event-created = Wydarzenie zostało opublikowane.
ed-event-updated = Wydarzenie zostało zaktualizowane.
ed-event-cancelled = Wydarzenie zostało odwołane.
ed-when = Kiedy
ed-where = Gdzie
ed-taking-part = Udział
ed-links = Powiązania
ed-starts-at = Początek (czas lokalny)
ed-ends-at = Koniec (czas lokalny)
ed-timezone = Strefa czasowa
ed-kind-training = Szkolenie
ed-kind-partnership-meeting = Spotkanie partnerskie
ed-kind-exchange = Wymiana
ed-kind-citizens-trip = Wyjazd mieszkańców
ed-kind-festival = Festyn
ed-kind-conference = Konferencja
ed-kind-online-meeting = Spotkanie online
ed-kind-other = Inne
ed-status-scheduled = zaplanowane
ed-status-tentative = wstępne
ed-status-cancelled = odwołane
ed-status-postponed = przełożone
ed-join-mode = Zapisy
ed-join-free = Wolne: każde zgłoszenie jest przyjmowane, dopóki są miejsca
ed-join-approval = Z zatwierdzeniem: przyjmujesz lub odrzucasz każde zgłoszenie
ed-join-external = Zewnętrzne: zapisy na innej stronie
ed-external-url = Adres zewnętrznych zapisów
ed-capacity = Miejsca (puste: bez limitu)
ed-registration-deadline = Termin zapisów (czas lokalny, opcjonalnie)
ed-languages-spoken = Języki wydarzenia
ed-languages-spoken-hint = Kody języków oddzielone przecinkami, np. pl, de
ed-place-name = Nazwa miejsca
ed-street = Ulica i numer
ed-postal-code = Kod pocztowy
ed-locality = Miejscowość
ed-region = Województwo lub region
ed-latitude = Szerokość geograficzna (od −90 do 90)
ed-longitude = Długość geograficzna (od −180 do 180)
ed-online-url = Adres spotkania online
ed-online-url-hint = Publiczny: każdy, kto widzi wydarzenie, widzi ten adres, także gdy udział wymaga twojej zgody. Na zamknięte spotkanie zostaw to pole puste i wyślij adres przyjętym osobom.
ed-place-hint = Podaj miejsce, adres online albo oba.
ed-organisers = Współorganizatorzy
ed-partnership = Partnerstwo
ed-no-partnership = brak
ed-related-posts = Powiązane wpisy projektu
ed-related-posts-hint = Jeden adres (https://…) w wierszu.
ed-participants-of = Uczestnicy wydarzenia
ed-no-participants = Nikt jeszcze się nie zgłosił.
ed-state-pending = zgłoszone
ed-state-accepted = przyjęte
ed-state-waiting = na liście rezerwowej
ed-state-rejected = odrzucone
ed-message = Wiadomość
ed-decision = Decyzja
ed-export-csv = Pobierz listę jako CSV
ed-participation-accepted = Zgłoszenie zostało przyjęte.
ed-participation-rejected = Zgłoszenie zostało odrzucone.
ed-err-full = Brak wolnych miejsc: najpierw zwiększ liczbę miejsc.
ed-take-part = Weź udział w wydarzeniu
ed-event-address = Adres wydarzenia
ed-event-address-hint = Adres (https://…) wydarzenia na dowolnej instancji, także w Mobilizon.
ed-join-message = Wiadomość do organizatorów (opcjonalnie)
ed-join = Zgłoś udział
ed-join-result = Zgłoszenie wysłane; stan:
ed-our-participations = Nasze zgłoszenia
ed-leave = Wycofaj udział
ed-join-sent = Prośba o udział została wysłana; jej stan widać poniżej.
ed-left = Udział w tym wydarzeniu został wycofany.
ed-not-an-event = Ten adres nie jest wydarzeniem.
ed-not-taking-part = Nie bierzesz udziału w tym wydarzeniu.
ed-refused-cancelled = To wydarzenie zostało odwołane.
ed-refused-over = To wydarzenie już się zakończyło.
ed-refused-deadline = Termin zapisów minął.
ed-refused-external = Zapisy na to wydarzenie prowadzone są na innej stronie.
ed-refused-deleted = To wydarzenie zostało usunięte.
ed-err-timezone = Nieznana strefa czasowa „{ $value }”: wybierz jedną z listy.
ed-err-datetime = Data z godziną, np. 12.06.2026 14:00.
ed-err-time-skipped = Ta godzina nie istnieje w tej strefie: zegary ją przeskakują przy zmianie na czas letni.
ed-err-deadline-after-start = Termin zapisów przypada po rozpoczęciu.
ed-err-capacity-range = Liczba całkowita od 0 do 1 000 000.
ed-err-capacity-below = Przyjętych uczestników jest już { $n }: miejsc musi być co najmniej tyle.
ed-err-whole-number = Liczba całkowita.
ed-err-decimal = Liczba dziesiętna, np. 52.229.
ed-err-url = Adres zaczynający się od http:// lub https://.
ed-err-external-required = Podaj adres zewnętrznych zapisów.
ed-err-latitude = Szerokość geograficzna od −90 do 90.
ed-err-longitude = Długość geograficzna od −180 do 180.
ed-err-both-coordinates = Podaj obie współrzędne albo żadnej.
ed-err-country = Dwuliterowy kod kraju, np. PL lub DE.
ed-err-language = Kody języków, np. pl lub de, oddzielone przecinkami.
ed-err-no-post = Nie ma tu takiego wpisu.

# security
nul-refused = Zawiera znak NUL (U+0000), którego nie można zapisać (pokazany tu jako �).
image-too-many-pixels = Obraz ma zbyt wiele pikseli (najwyżej 40 megapikseli, np. 8000 × 5000, i 12 000 na bok).
partners-hint-remote = Jedna organizacja w wierszu: nazwa w tej instancji (stadt-dortmund), @nazwa@serwer z innej instancji albo adres profilu. Każdy partner jest sprawdzany już przy podglądzie.
partners-typed = Adresy partnerów
partners-other = Inni partnerzy (adresy)
too-many-partners = Najwyżej { $max } partnerów na wpis.

## forum
forum-nav = Forum
forum-title = Forum
forum-intro = Pytania i doświadczenia komitetów partnerskich, gmin i stowarzyszeń. Każdą grupę można też obserwować z Fediwersum (Mastodon, Lemmy, Friendica).
forum-groups = Grupy
forum-no-groups = Nie ma jeszcze grup.
forum-latest-threads = Najnowsze dyskusje
forum-no-threads = Nie ma jeszcze dyskusji.
forum-threads = Dyskusje
forum-comments = Komentarze
forum-new-thread = Rozpocznij dyskusję
forum-thread-title = Tytuł
forum-thread-body = Tekst (Markdown)
forum-start-thread = Rozpocznij dyskusję
forum-write-as = Pisz jako
forum-language = Język
forum-reply = Odpowiedz
forum-your-reply = Twoja odpowiedź
forum-send-reply = Wyślij odpowiedź
forum-reply-to = Odpowiedź na
forum-reply-from-fediverse = Odpowiedz z Fediwersum
forum-reply-from-fediverse-hint = Wyszukaj ten adres w aplikacji Mastodon, Lemmy lub Friendica i odpowiedz tam:
forum-follow-group = Obserwuj tę grupę
forum-follow-group-hint = Wyszukaj ten adres w aplikacji Fediwersum i obserwuj go:
forum-rules = Zasady
forum-moderators = Moderacja
forum-locked = Zablokowana
forum-locked-notice = Ta dyskusja jest zablokowana: nie można już odpowiadać.
forum-pinned = Przypięta
forum-removed = Usunięto
forum-removed-comment = Ten komentarz został usunięty.
forum-last-activity = Ostatnia aktywność
forum-started-by = Rozpoczęta przez
forum-mods-only = W tej grupie dyskusje rozpoczyna tylko moderacja; odpowiadać mogą wszyscy.
forum-login-to-write = Zaloguj się, aby wziąć udział.
forum-moderate = Moderuj
forum-remove = Usuń
forum-lock = Zablokuj
forum-unlock = Odblokuj
forum-pin = Przypnij
forum-unpin = Odepnij
forum-reason = Powód
forum-thread-started = Dyskusja została otwarta.
forum-comment-posted = Twoja odpowiedź została opublikowana.
forum-moderation-done = Gotowe: grupa przekazuje to obserwującym.
forum-back-to-group = Wróć do grupy
forum-group-feed = Dyskusje w
forum-no-organisation = Piszesz w imieniu organizacji: twoje konto nie jest jeszcze z żadną powiązane.

## europe
upload-over-limit = Plik jest za duży: najwyżej { $megabytes } MB na obraz. Reszta formularza została zachowana; wybierz mniejszy plik.

## funding
fund-title = Programy dofinansowania
fund-intro = Programy finansujące partnerstwa miast, wymiany szkolne i młodzieżowe oraz projekty partnerów, prowadzone przez tę sieć i sieci partnerskie. Otwarte nabory są pierwsze, najbliższy termin na górze.
fund-filters = Filtruj programy
fund-theme = Temat
fund-country = Kraj organizacji (kod)
fund-kind = Rodzaj wnioskodawcy
fund-amount = Dotacja co najmniej (€)
fund-open-only = Tylko programy z otwartym naborem
fund-any = wszystkie
fund-show = Pokaż
fund-reset = Wyczyść
fund-bad-filter = Ta wartość jest nieznana: wybierz jedną z listy.
fund-count = { $n ->
    [one] { $n } program
    [few] { $n } programy
    [many] { $n } programów
   *[other] { $n } programu
}
fund-no-match = Żaden program nie pasuje do tych filtrów.
fund-open-calls = Otwarte nabory
fund-other-programmes = Inne programy
fund-deadline = Termin
fund-rolling = nabór ciągły: wniosek w każdej chwili
fund-opens = otwarcie
fund-funder = Grantodawca
fund-who = Kto może składać wnioski
fund-any-kind = organizacje każdego rodzaju
fund-countries = Kraje kwalifikujące się
fund-any-country = każdy kraj
fund-required = Musi obejmować
fund-partnership = Partnerstwo
fund-min-partners = co najmniej { $n } organizacji
fund-min-countries = z co najmniej { $n } krajów
fund-min-eu = w tym co najmniej { $n } państw członkowskich UE
fund-participants = Uczestnicy
fund-min-participants = co najmniej { $n } uczestników bezpośrednich
fund-min-invited = w tym co najmniej { $n } zaproszonych z zagranicy
fund-grant = Dotacja
fund-grant-range = od { $min } € do { $max } €
fund-grant-up-to = do { $max } €
fund-grant-from = od { $min } €
fund-lump-sums = ryczałty { $sums } €
fund-cofunding = do { $rate } % kosztów
fund-duration = Czas trwania
fund-duration-range = od { $min } do { $max }
fund-duration-up-to = do { $max }
fund-duration-from = co najmniej { $min }
fund-themes = Tematy
fund-calls = Nabory
fund-no-calls = Nie ogłoszono naboru.
fund-closed = zamknięty
fund-source = Zasady i wniosek u grantodawcy
fund-kept-by = Prowadzi { $network }
fund-back = Wszystkie programy dofinansowania
fund-days = { $n ->
    [one] { $n } dzień
   *[other] { $n } dni
}
fund-months = { $n ->
    [one] { $n } miesiąc
    [few] { $n } miesiące
    [many] { $n } miesięcy
   *[other] { $n } miesiąca
}
fund-unit-days = dni
fund-unit-months = miesiące
fund-check-title = Które programy pasują do naszego projektu?
fund-check-intro = Opisz planowany projekt lub partnerstwo: najpierw wnioskodawcę, potem partnerów. Puste wiersze są pomijane.
fund-applicant = Wnioskodawca
fund-partner = Partner { $n }
fund-org-kind = Rodzaj organizacji
fund-org-country = Kraj (dwie litery, np. PL)
fund-expected-participants = Przewidywani uczestnicy bezpośredni
fund-invited = W tym zaproszeni z zagranicy
fund-planned-duration = Planowany czas trwania
fund-unit = Jednostka
fund-check-button = Sprawdź
fund-fits = pasuje
fund-does-not-fit = nie pasuje
fund-fit-count = Pasujące programy: { $fits } z { $total }.
fund-check-error = Nie udało się sprawdzić projektu:
fund-fail-applicant-kind = wnioskodawca musi być jednym z: { $allowed } (nie { $kind })
fund-fail-country = organizacje z { $country } nie kwalifikują się
fund-fail-country-missing = potrzebny partner z { $country }
fund-fail-partners = potrzeba co najmniej { $min } organizacji (teraz { $have })
fund-fail-countries = potrzeba organizacji z co najmniej { $min } różnych krajów (teraz { $have })
fund-fail-eu-countries = { $min ->
    [1] potrzebny partner z państwa członkowskiego UE
    [2] { $have ->
        [1] potrzebny partner z drugiego państwa członkowskiego UE
       *[other] potrzeba partnerów z co najmniej 2 państw członkowskich UE
    }
   *[other] potrzeba partnerów z co najmniej { $min } państw członkowskich UE (teraz { $have })
}
fund-fail-participants = potrzeba co najmniej { $min } uczestników bezpośrednich (teraz { $have })
fund-fail-participants-unknown = potrzeba co najmniej { $min } uczestników bezpośrednich: podaj, ilu się spodziewasz
fund-fail-invited = potrzeba co najmniej { $min } uczestników zaproszonych z zagranicy (teraz { $have })
fund-fail-invited-unknown = potrzeba co najmniej { $min } uczestników zaproszonych z zagranicy: podaj, ilu się spodziewasz
fund-fail-too-short = musi trwać co najmniej { $duration }
fund-fail-too-long = może trwać najwyżej { $duration }
fund-nav = Dofinansowanie
fund-deadlines = Terminy naborów

## review
review-showcase = Witryna
review-showcase-intro = Projekty partnerstw wybrane przez redakcję sieci.
review-no-showcase-posts = W witrynie nie ma jeszcze projektów.
review-showcase-feed = Witryna jako kanał
review-from-showcase = Z witryny
review-all-showcase = Wszystkie projekty w witrynie
review-submit-title = Zgłoś wpis do witryny
review-submit-intro = Redakcja sieci sprawdza wpis, zanim pojawi się w witrynie.
review-showcase-field = Witryna
review-showcase-hint = Pozostaw puste dla witryny tej sieci albo podaj adres witryny innej sieci, np. @witryna@jumelage.example
review-submit = Zgłoś
review-submissions = Zgłoszenia
review-submissions-of = Zgłoszenia: „{ $title }”
review-no-submissions = Ten wpis nie został jeszcze zgłoszony.
review-state-pending = czeka na sprawdzenie
review-state-changes-requested = poproszono o zmiany
review-state-approved = przyjęty
review-state-declined = odrzucony
review-history = Historia
review-act-submitted = zgłoszony
review-act-resubmitted = zgłoszony ponownie
review-act-approved = przyjęty
review-act-changes-requested = poproszono o zmiany
review-act-declined = odrzucony
review-act-edited = edytowany po przyjęciu
review-comment = Komentarz
review-comment-hint = Jakich zmian wymaga wpis? Zgłaszający zobaczą ten tekst.
review-reason = Uzasadnienie
review-reason-hint = Dlaczego wpis jest odrzucony? Zgłaszający zobaczą ten tekst.
review-queue = Przegląd redakcyjny
review-queue-intro = Wpisy zgłoszone do witryn tej sieci, najstarsze najpierw.
review-queue-empty = Brak zgłoszeń w tym stanie.
review-waiting = Czeka na sprawdzenie
review-approve = Przyjmij
review-request-changes = Poproś o zmiany
review-decline = Odrzuć
review-submitted-by = Zgłoszone przez
review-to-showcase = do
review-notice-submitted = Wpis został zgłoszony.
review-notice-decided = Decyzja została zapisana.
review-submit-link = Zgłoś …
review-review-link = Przegląd redakcyjny
review-post = Wpis
review-state = Stan
review-updated = Ostatnia zmiana
review-changes-hint = Popraw wpis, a potem zgłoś go ponownie.
review-no-showcase = Ta sieć nie ma jeszcze witryny.
review-not-a-showcase = „{ $name }” nie jest witryną tej sieci.
review-not-a-group = { $name } nie jest grupą innej sieci.
review-only-projects = Do witryny trafiają tylko wpisy o projektach, nie odpowiedzi ani wątki forum.
review-already-waiting = Ten wpis już czeka tam na ocenę.
review-already-approved = Ten wpis jest już w tej witrynie.
review-was-declined = Ten wpis został tam odrzucony. { $comment }
## europe
stats-by-region-pair = Według par regionów (NUTS)
## forumx
forum-report = Zgłoś
forum-report-reason = Dlaczego zgłaszasz ten wpis?
forum-send-report = Wyślij zgłoszenie
forum-report-sent = Dziękujemy: moderacja grupy otrzymała Twoje zgłoszenie.
forum-moderation-view = Zgłoszenia i dziennik moderacji
forum-reports = Zgłoszenia
forum-no-reports = Brak zgłoszeń.
forum-resolve = Oznacz jako załatwione
forum-resolved-report = Załatwione
forum-open-report = Otwarte
forum-moderation-log = Dziennik moderacji
forum-no-log-entries = Na razie nic nie odnotowano.
forum-log-action = Działanie
forum-log-object = Dotyczy
forum-log-by = Przez
forum-log-date = Kiedy
forum-image = Obraz (opcjonalnie)
forum-image-alt = Opis obrazu (wymagany przy obrazie)
forum-image-alt-required = Opisz obraz dla osób, które go nie widzą.
forum-banned = Ta grupa cię zablokowała: nie możesz już tu pisać.
forum-answer-unknown = Wpis, na który odpowiadasz, nie jest tu znany.
forum-answer-removed = Wpis, na który odpowiadasz, został w międzyczasie usunięty.
forum-answer-elsewhere = Wpis, na który odpowiadasz, nie należy do żadnej dyskusji tej grupy.
forum-thread-gone = Ta dyskusja została usunięta.
forum-act-remove = usunięto
forum-act-lock = zablokowano
forum-act-unlock = odblokowano
forum-act-pin = przypięto
forum-act-unpin = odpięto
forum-act-ban = wykluczono
forum-act-unban = cofnięto wykluczenie
forum-act-report = zgłoszono
forum-act-resolve_report = zgłoszenie rozpatrzone
## partners
partners-tab = Szukanie partnerów
partners-and = i
partners-any = wszystkie
partners-lang-de = niemiecki
partners-lang-fr = francuski
partners-lang-en = angielski
partners-lang-it = włoski
partners-lang-pl = polski
partners-lang-es = hiszpański
partners-lang-nl = niderlandzki
partners-lang-pt = portugalski
partners-lang-cs = czeski
partners-lang-da = duński
partners-purpose-twinning = nowe partnerstwo miast
partners-purpose-project = projekt
partners-purpose-school-exchange = wymiana szkolna
partners-purpose-learning = wspólna nauka w danym temacie
partners-reason-themes = także zajmuje się tematem: { $themes }
partners-reason-sdgs = także realizuje cel { $goals }
partners-reason-similar-size = podobna wielkość
partners-reason-wished-size = w poszukiwanym przedziale wielkości
partners-reason-languages = mówi: { $languages }
partners-reason-wished-region = w regionie { $region }, gdzie szukacie partnerów
partners-reason-wished-country = w kraju { $country }, gdzie szukacie partnerów
partners-reason-near = w odległości { $km } km
partners-reason-wished-kind = { $kind }, tak jak szukacie
partners-reason-same-kind = również { $kind }
partners-reason-looking = także szuka partnerów
partners-reason-looking-for = także szuka: { $purposes }
partners-reason-projects = podobne projekty ({ $words })
partners-reason-partner-of-partner = { $count ->
    [one] partner waszego partnera { $partners }
    [few] partner waszych partnerów { $partners }
   *[other] partner waszych partnerów { $partners }
}
partners-note-not-looking = Wasza organizacja nie podała, że szuka partnerów: te propozycje porównują tylko jej profil. Podajcie, czego szukacie, aby otrzymać lepsze.
partners-looking-title = Szukanie partnerów
partners-looking-intro = Organizacje tej sieci i sieci partnerskich, które szukają partnerów: do partnerstwa miast, projektu, wymiany szkolnej lub wspólnej nauki.
partners-filters = Filtry
partners-purpose = Cel
partners-theme = Temat
partners-kind = Rodzaj organizacji
partners-language = Język
partners-country = Kraj (kod ISO)
partners-show = Pokaż
partners-reset = Wyczyść
partners-networks = Zapytane sieci
partners-network-count = { $n ->
    [one] { $n } organizacja
    [few] { $n } organizacje
   *[other] { $n } organizacji
}
partners-network-timeout = brak odpowiedzi na czas
partners-network-failed = nie udało się zapytać
partners-looking-count = { $n ->
    [one] { $n } organizacja szuka partnerów.
    [few] { $n } organizacje szukają partnerów.
   *[other] { $n } organizacji szuka partnerów.
}
partners-none-looking = Żadna organizacja spełniająca te filtry nie szuka partnerów.
partners-bad-filter = Nie udało się odczytać filtra; zob. wyżej.
partners-looking-for = Szuka:
partners-wish-places = Gdzie
partners-wish-themes = Tematy
partners-wish-languages = Języki
partners-wish-kinds = Rodzaje partnerów
partners-wish-size = Wielkość
partners-size-range = od { $min } do { $max } mieszkańców
partners-size-from = od { $min } mieszkańców
partners-size-up-to = do { $max } mieszkańców
partners-inhabitants = { $n } mieszkańców
partners-looking-form-title = Szukanie partnerów
partners-looking-form-intro = Podajcie, czego szuka wasza organizacja: będzie to widoczne tam, gdzie pozwolicie, i poprawi propozycje.
partners-see-suggestions = Zobacz proponowanych partnerów
partners-active = Szukamy partnerów
partners-countries = Kraje
partners-countries-hint = Dwuliterowe kody oddzielone przecinkami, np. FR, PL. Puste: wszędzie.
partners-regions = Regiony
partners-regions-hint = Jeden region w wierszu, tak jak nazywają go profile.
partners-themes = Tematy
partners-languages = Języki
partners-size = Wielkość partnera
partners-population-min = Mieszkańców, co najmniej
partners-population-max = Mieszkańców, najwyżej
partners-partner-kinds = Rodzaje partnerów
partners-description = Czego szukacie, własnymi słowami
partners-visibility = Gdzie jest widoczne
partners-listed = Na stronach „Szukanie partnerów”, tutaj i w sieciach partnerskich
partners-suggested = Jako propozycja dla innych organizacji
partners-save = Zapisz
partners-saved = Zapisano.
partners-suggestions-title = Proponowani partnerzy
partners-suggestions-intro = Organizacje tej sieci i sieci partnerskich, które by pasowały, najlepsze najpierw, z uzasadnieniem.
partners-edit-looking = Zmień, czego szukacie
partners-say-looking = Podajcie, czego szukacie
partners-no-suggestions = Na razie brak propozycji.
partners-why = Dlaczego:
partners-propose = Zaproponuj partnerstwo
partners-follow = Obserwuj

## lead
partners-nav = Szukanie partnerów
fund-funded-by = Sfinansowano z
fund-funded-none = (brak programu finansowania)
fund-funded-hint = Program finansowania z katalogu, który sfinansował ten projekt; jego strona wymienia sfinansowane projekty.
fund-funded-projects = Projekty sfinansowane z tego programu
fund-no-funded-projects = Żaden projekt nie wskazał jeszcze tego programu.
fund-form-list-title = Nasze programy finansowania
fund-form-list-intro = Programy prowadzone przez tę sieć; są udostępniane sieciom partnerskim i widoczne w katalogu:
fund-form-new-title = Nowy program finansowania
fund-form-edit-title = Edytuj program finansowania
fund-form-edit = Edytuj
fund-form-none = Ta sieć nie prowadzi jeszcze żadnego programu.
fund-form-intro = Wpiszcie zasady programu tak, jak publikuje je grantodawca: sprawdzenie kwalifikowalności porównuje z nimi planowane projekty. Zostawcie zasadę pustą, jeśli program jej nie ma.
fund-form-fix = Niektóre pola wymagają uwagi: zobaczcie komunikaty obok nich.
fund-form-name = Nazwa
fund-form-description = Opis
fund-form-name-required = Podajcie nazwę programu w co najmniej jednym języku.
fund-form-link = Link do zasad i wniosku (https://…)
fund-form-kinds-hint = Nic nie zaznaczono: wniosek może złożyć każdy rodzaj organizacji.
fund-form-countries-hint = Dwuliterowe kody oddzielone przecinkami, np. DE, FR, PL. Puste: każdy kraj.
fund-form-min-partners = Co najmniej tyle organizacji
fund-form-min-countries = Z co najmniej tylu krajów
fund-form-min-eu-countries = W tym co najmniej tyle państw członkowskich UE
fund-form-min-participants = Co najmniej tylu bezpośrednich uczestników
fund-form-min-invited = W tym co najmniej tylu zaproszonych z zagranicy
fund-form-grant-min = Najmniejsza dotacja (€)
fund-form-grant-max = Największa dotacja (€)
fund-form-lump-sums = Kwoty ryczałtowe (€)
fund-form-lump-sums-hint = Kwoty oddzielone przecinkami, np. 8455, 50745.
fund-form-cofunding-rate = Maksymalny finansowany udział kosztów (%)
fund-form-duration-min = Najkrótszy czas trwania
fund-form-duration-max = Najdłuższy czas trwania
fund-form-calls-hint = Jeden wiersz na nabór. Nabór bez terminu jest ciągły. Termin upływa z końcem dnia, czasu brukselskiego.
fund-form-call-label = Nabór
fund-form-save = Zapisz i udostępnij sieciom partnerskim
fund-form-delete = Usuń ten program
fund-form-delete-hint = Program zostanie usunięty tutaj i w sieciach partnerskich. Projekty, które go wskazują, zachowają link.
fund-form-saved = Program został zapisany i wysłany do sieci partnerskich.
fund-form-deleted = Program został usunięty tutaj i w sieciach partnerskich.
fund-form-not-a-number = Liczba całkowita, np. 25000.
fund-check-negative = Nie może być ujemna.
fund-check-at-most = Najwyżej { $max }.
fund-check-too-large = Ta liczba jest za duża.
fund-plan-applicant = Podaj co najmniej wnioskodawcę: jego rodzaj i kraj.
fund-plan-unit = Dni lub miesiące.
fund-check-number = Liczba całkowita, np. 12.
check-country = Nieznany kraj „{ $code }”: podaj kod dwuliterowy, np. DE lub FR.
fund-check-link = Adres zaczynający się od http:// lub https://.
fund-check-required-country = { $code } jest wymagany, ale nie ma go wśród krajów kwalifikujących się.
fund-check-eu-countries = Więcej państw członkowskich UE niż krajów łącznie.
fund-check-invited = Więcej uczestników zaproszonych z zagranicy niż uczestników łącznie.
fund-check-grant-max = Mniej niż najmniejsza dotacja.
fund-check-lump-sum = Każda kwota ryczałtowa musi być większa od zera.
fund-check-rate = Procent od 1 do 100.
fund-check-duration-max = Krócej niż najkrótszy czas trwania.
fund-check-name-beside = Opis wymaga nazwy obok.
fund-check-deadline-before = Termin upływa przed otwarciem naboru.
fund-check-calls = Najwyżej { $max } naborów.
check-too-long = Najwyżej { $max } znaków.
check-required-max = Wymagane, najwyżej { $max } znaków.
check-theme = Nieznany temat „{ $theme }”.
check-list-max = Najwyżej { $max } pozycji.
check-language = Nieznany język „{ $code }”: podaj kod dwuliterowy, np. de lub fr.
check-kind = Nieznany rodzaj organizacji „{ $kind }”.
check-purpose = Nieznany cel „{ $purpose }”.
check-region-empty = Podaj region.
check-not-below = Nie może być mniejsza niż { $min }.
post-check-images = Najwyżej { $max } obrazów.
post-check-alt = Opisz obraz dla osób, które go nie widzą (wymagane, najwyżej { $max } znaków).
post-check-funded-by = Brak programu finansowania „{ $given }” w katalogu tej sieci (zob. /funding).
partnership-check-self = Organizacja nie może być partnerem samej siebie.
partnership-check-not-org = Partnerstwa łączą organizacje; to nie jest organizacja.
partnership-check-year = Rok od 1800 do { $year }.
partnership-check-exists = Te organizacje mają już to partnerstwo lub jego propozycję.
partnership-answer-not-yours = Tylko organizacja, do której skierowano propozycję, może ją przyjąć lub odrzucić; to twoja własna propozycja.
partnership-answered-already = Na tę propozycję już odpowiedziano.
account-check-username = Od 3 do 64 liter, cyfr, „.”, „_” lub „-”.
account-check-password = Co najmniej { $min } znaków.
account-check-taken = Nazwa użytkownika „{ $name }” jest zajęta.
org-check-handle = Od 1 do 64 małych liter, cyfr, „-”, „_” lub „.”, zaczynając od litery lub cyfry.
org-check-handle-taken = Identyfikator „{ $handle }” jest zajęty.
code-check-country = Zaczyna się od { $start }, ale krajem organizacji jest { $country }.
code-check-lau-form = Kod LAU to kod kraju wielkimi literami, „_” i krajowy kod gminy, np. DE_05913000.
code-check-lau-digits = { $prefix }_ i { $n } cyfr, np. { $example }.
code-check-lau-fr = FR_ i pięcioznakowy kod INSEE, np. FR_80021 lub FR_2A004.
code-check-lau-other = Kod kraju, „_” i od 1 do 12 liter lub cyfr.
code-check-nuts-form = Kod NUTS to kod kraju i od 1 do 3 liter lub cyfr, np. DEA52.
search-q-empty = Wyszukiwanie jest puste.
search-q-too-long = Wyszukiwanie jest dłuższe niż { $max } znaków.
search-q-control = Wyszukiwanie zawiera znaki sterujące.
search-q-unclosed = Cudzysłów nie jest zamknięty: napisz „dwa słowa”, aby szukać wyrażenia.
search-q-no-words = Wyszukiwanie nie zawiera słów.
search-q-only-excluded = Napisz, czego szukać, a nie tylko, co wykluczyć.
search-q-too-many = Wyszukiwanie ma więcej niż { $max } słów i wyrażeń.
## person
person-profile-intro = Pisze na forum tej sieci we własnym imieniu.
person-address = Adres w fediwersum
person-writings = Wątki i komentarze
person-nothing-yet = Jeszcze nic nie napisano.
person-comment = Komentarz
person-settings-title = Pisanie we własnym imieniu
person-settings-intro = Obok swoich organizacji możesz pisać na forum we własnym imieniu: jako własna osoba w fediwersum, pod wybraną nazwą. Jest to wyłączone, dopóki tego nie włączysz.
person-is-on = Włączone. Twój adres:
person-is-off = Wyłączone: piszesz tylko w imieniu swoich organizacji.
person-handle = Identyfikator
person-handle-hint = Wybierany raz: jest częścią twojego adresu i później się nie zmienia.
person-name = Wyświetlana nazwa
person-save = Zapisz
person-turn-on = Pisz w moim imieniu
person-turn-off = Wyłącz i usuń
person-turn-off-warning = Wyłączenie usuwa tę osobę, tutaj i na innych serwerach, które ją znają, wraz ze wszystkim, co napisano w jej imieniu. Identyfikator pozostaje twój.
person-saved = Zapisano.
person-turned-off = Wyłączono: osoba i to, co napisała, zostały usunięte.
person-handle-taken = Ten identyfikator jest zajęty.
person-handle-fixed = Identyfikator wybrano raz i się nie zmienia.
person-handle-malformed = Od 1 do 64 małych liter, cyfr, „-”, „_” lub „.”, zaczynając od litery lub cyfry.
person-name-too-long = Najwyżej 100 znaków, w jednej linii.
person-myself = ja
person-set-up = Pisz we własnym imieniu
