# passerelle’s interface in French (Project Fluent, https://projectfluent.org).
# Every message exists in every language with the same variables; `cargo test --lib locale`
# checks it. Plural forms are chosen by the language’s CLDR rules ([one], [few], [many],
# *[other]). Invisible characters are typed as such: U+00A0 (no-break space) joins a number
# to its noun, U+202F (narrow no-break space) stands before : ; ! ? » % and after «.

## Public pages

organisations = Organisations
latest-projects = Derniers projets
projects = Projets
pinned = À la une
followers = Abonnés
profile = Profil
partners = Partenaires
place = Lieu
dates = Dates
themes = Thèmes
sdgs = Objectifs de développement durable
published = Publié
updated = Mis à jour
language-versions = Versions linguistiques
follow-hint = Suivez-nous dans le fédivers (p. ex. Mastodon) :
no-posts = Pas encore de projets.
figures = Chiffres
skip-to-content = Aller au contenu
interface-language = Langue
replies = Réponses du fédivers
reactions = Réactions
partnerships = Jumelages et partenariats
partner = Partenaire
network = Réseau
kind = Type
since = Depuis
status = Statut
main-navigation = Navigation principale
home = Accueil
registry = Registre des partenariats
statistics = Statistiques
search = Recherche
about-network = À propos de ce réseau
upcoming-events = Prochains rendez-vous
no-events = Aucun rendez-vous à venir.
confirmed-partnerships = Partenariats confirmés
featured-projects = Projets à la une
follow-from-mastodon = Suivre depuis Mastodon
follow-box-intro = Saisissez votre adresse dans le fédivers. Nous vous renvoyons vers votre serveur, où vous confirmez l’abonnement.
your-handle = Votre adresse ou votre serveur
handle-example = p. ex. @anna@mastodon.social ou mastodon.social
follow-button = Continuer pour suivre
handle-empty = Veuillez saisir votre adresse.
handle-invalid = Ce n’est ni une adresse comme @nom@serveur.example ni un nom de serveur comme serveur.example.
handle-is-here = Cette adresse appartient à ce réseau. Suivez depuis votre propre serveur Mastodon.
error = Erreur
feeds = Flux
rss-feed = Flux RSS
atom-feed = Flux Atom
projects-of = Projets de
projects-on = Projets sur le thème
no-partnerships = Aucun partenariat enregistré.
filters = Filtres
country-pair = Paire de pays
region-pair = Paire de régions
first-country = Premier pays
second-country = Second pays
first-region = Première région
second-region = Seconde région
choose-both = Choisissez les deux ou aucun.
founded-from = Fondé à partir de
founded-to = Fondé jusqu’en
year-invalid = Veuillez saisir une année comme 1962.
theme = Thème
confirmed-only = Seulement ceux confirmés par les deux côtés
any = tous
show = Afficher
reset-filters = Réinitialiser les filtres
organisation = Organisme
countries = Pays
map = Carte
map-description = Les points sont des organismes, les lignes relient les partenaires. Les mêmes partenariats figurent dans le tableau.
map-views = Vue de la carte
map-zoom-in = Zoomer
map-zoom-out = Dézoomer
map-fit = Cadrer sur les partenariats
map-overview = Vue d’ensemble
previous = Précédent
next = Suivant
status-proposed = proposé
status-active = actif
status-dormant = en sommeil
status-ended = terminé
status-confirmed = confirmé
status-unconfirmed = non confirmé
by-country-pair = Par paire de pays
by-kind = Par type
by-decade = Par décennie de fondation
by-region = Par région
share-confirmed = Confirmés par les deux côtés
total = Total
count = Nombre
as-table = Sous forme de tableau
scope = Périmètre
scope-local = Ce réseau
scope-federation = Tous les réseaux reliés (chaque partenariat compté une fois)
not-reachable = Injoignables
unknown = inconnue
download-csv = Données en CSV
open-data = Données ouvertes
themes-list = Thèmes des projets
read-in = Lire en
images = Images
none-yet = Pas encore de données.
colon = {"\u202F"}:
semicolon = {"\u202F"};

## Editors’ and operators’ interface

too-many-logins = Trop de tentatives de connexion échouées.
back-to-projects = Retour aux projets
log-in = Se connecter
log-out = Se déconnecter
logged-in-as = Connecté·e en tant que
username = Nom d’utilisateur
password = Mot de passe
login-failed = Nom d’utilisateur ou mot de passe incorrect.
login-form-expired = Le formulaire de connexion est resté ouvert trop longtemps. Veuillez saisir à nouveau votre mot de passe.
kept-login-note = Votre session avait expiré avant l’envoi du formulaire. Ce que vous avez écrit est conservé : connectez-vous, puis envoyez-le d’un clic.
kept-title = Envoyer le formulaire conservé
kept-intro = Votre session avait expiré avant l’envoi du formulaire ; rien n’est encore enregistré. Ce que vous avez écrit est conservé ici : envoyez-le maintenant.
kept-send = Envoyer maintenant
kept-back = Retour au formulaire, sans ce qui a été conservé
kept-gone = Ce formulaire conservé n’existe plus : il est conservé un jour, et seulement pour le compte qui l’a écrit.
kept-files-left-out = { $n ->
    [one] L’image choisie n’a pas pu être conservée : ajoutez-la de nouveau ensuite.
   *[other] Les { $n } images choisies n’ont pas pu être conservées : ajoutez-les de nouveau ensuite.
}
csrf-failed = Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et renvoyez-le.
required = Champ obligatoire.
too-long = Trop long.
bad-value = Valeur non valide.
bad-date = Une date comme 2026-07-20.
bad-year = Une année, p. ex. 1962.
bad-domain = Un nom de serveur comme exemple.org, pas cette instance.
editor-navigation = Rédaction
editors-interface = Espace de rédaction
my-organisations = Mes organisations
administration = Administration
no-organisations = Vous n’êtes encore rédacteur·rice d’aucune organisation. Demandez-le à l’administration de cette instance.
sections = Rubriques
public-profile = Voir le profil public
new-post = Nouvelle publication
edit-post = Modifier la publication
edit = Modifier
delete = Supprimer
delete-post = Supprimer la publication
delete-yes = Oui, supprimer
delete-confirm = Voulez-vous vraiment supprimer « { $title } » ? Vos abonnés en seront informés, et la publication ne pourra pas être restaurée.
pin = Mettre à la une
unpin = Retirer de la une
post-published = La publication est en ligne.
post-updated = La publication est mise à jour.
post-deleted = La publication est supprimée.
delivery-status = Distribution
instance = Instance
no-recipients = Envoyé à aucune autre instance pour l’instant.
failing = En échec
waiting = en attente
attempts = Tentatives
last-error = Dernière erreur
form-has-errors = Le formulaire contient des erreurs, indiquées à côté des champs concernés.
preview = Aperçu
main-language = Langue principale
main-language-unwritten = Rien n’est encore écrit dans la langue principale.
languages-hint = Remplissez une ou plusieurs versions linguistiques ; les langues vides ne sont pas publiées.
write-one-language = Rédigez au moins une version linguistique.
title = Titre
summary = Résumé
summary-required = Champ obligatoire : Mastodon n’affiche que le titre et le résumé.
body = Texte
post-images = Images
add-image = Ajouter une image (JPEG, PNG, WebP ou GIF)
alt-text = Description de l’image (texte alternatif)
alt-hint = Décrivez ce que montre l’image, pour les personnes qui ne peuvent pas la voir.
alt-required = Décrivez l’image (obligatoire).
alt-required-upload = Décrivez l’image (obligatoire) et choisissez à nouveau le fichier.
choose-image = Choisissez un fichier image pour cette description.
remove-image = Retirer l’image
upload-too-large = Le fichier est trop volumineux.
not-an-image = Ce fichier n’est pas une image dans un format pris en charge (JPEG, PNG, WebP, GIF).
too-many-pixels = L’image est trop grande (12 000 pixels par côté au plus).
sdg = Objectif
starts-on = Début
ends-on = Fin
ends-before-start = La fin précède le début.
partners-hint = Une organisation par ligne : un identifiant de cette instance (ville-amiens) ou l’adresse d’un profil.
publish = Publier
save-changes = Publier les modifications
cancel = Annuler
followers-and-follows = Abonnés et abonnements
follow-someone = Suivre un compte du fédivers
fediverse-address = Adresse dans le fédivers
fediverse-address-hint = Par exemple @stadt-dortmund@nrw.example ou l’adresse du profil.
partner-choices-hint = Tapez un nom pour choisir parmi les organisations connues ici, ou indiquez l’adresse d’une autre, par exemple @stadt-dortmund@nrw.example.
follow = Suivre
unfollow = Ne plus suivre
follow-sent = Demande d’abonnement envoyée à
unfollowed = Vous ne suivez plus ce compte.
cannot-follow-self = Une organisation ne peut pas se suivre elle-même.
follow-requests = Demandes d’abonnement
following = Abonnements
awaiting-approval = en attente d’approbation
accept = Accepter
reject = Refuser
decline = Décliner
request-accepted = La demande est acceptée.
request-rejected = La demande est refusée.
no-such-request = Cette demande d’abonnement n’existe pas (ou plus).
none = Aucun.
propose-partnership = Proposer un partenariat
propose = Proposer
founded-year = Année de création
description = Description
awaiting-partner = en attente de la réponse du partenaire
mark-dormant = Marquer en sommeil
mark-active = De nouveau actif
end-partnership = Mettre fin
partnership-proposed = La proposition est envoyée ; le partenariat sera confirmé quand l’autre partie l’acceptera.
partnership-accepted = Le partenariat est confirmé.
partnership-declined = La proposition est déclinée.
partnership-changed = Le partenariat est modifié.
no-such-partnership = Ce partenariat n’existe pas ici.
no-such-organisation = Aucune organisation
not-your-organisation = Vous n’êtes pas rédacteur·rice de cette organisation.
error-forbidden = Accès refusé
error-not-found = Introuvable
error-request = La demande n’a pas abouti
error-server = Une erreur de notre côté
error-server-detail = Quelque chose s’est mal passé. Réessayez dans quelques minutes.
error-not-found-detail = Cette page n’existe pas ou plus. La recherche vous aidera peut-être à trouver ce que vous cherchez.
error-forbidden-detail = Cette page n’est pas accessible ici.
error-request-detail = Vérifiez l’adresse ou les informations du formulaire.
error-conflict = Déjà fait ou modifié entre-temps
error-conflict-detail = Cela a déjà été fait, ou quelqu’un l’a modifié entre-temps. Rechargez la page pour voir où en sont les choses.
error-details = Détail technique
back-home = Retour à l’accueil
operators-only = Réservé à l’administration et à la modération de cette instance.
admins-only = Réservé à l’administration de cette instance.
federation-health = Fédération
queue-pending = Envois en file d’attente
queue-failing = dont en échec
queue-delivered = Distribués
queue-gave-up = Abandonnés
instances-with-trouble = Instances avec envois en attente ou en échec
subscriptions-heading = Réseaux et relais
no-subscriptions = Cette instance n’est abonnée à aucun réseau ni relais.
subscription-kind = Type
subscription-style = Protocole
subscription-peer = Réseau partenaire
subscription-relay = Relais
subscription-pending = demandé, sans réponse
subscription-accepted = accepté
subscription-rejected = refusé
all-instances-fine = Toutes les instances sont joignables ; rien n’attend.
failing-since = En échec depuis
unreachable = injoignable
accounts = Comptes
roles = Rôles
create-account = Créer un compte
account-created = Le compte est créé.
no-such-account = Aucun compte
grant-role = Attribuer un rôle
grant = Attribuer
revoke = Retirer
roles-changed = Les rôles sont modifiés.
api-tokens = Jetons d’API
name = Nom
created = Créé
last-used = Dernière utilisation
revoked = révoqué
token-name = Nom du nouveau jeton
issue-token = Émettre un jeton
token-shown-once = Le nouveau jeton n’est affiché qu’une seule fois :
token-revoked = Le jeton est révoqué.
end-sessions = Fermer toutes les sessions de ce compte
sessions-ended = Toutes les sessions de ce compte sont fermées.
handle = Identifiant
country = Pays (deux lettres, p. ex. FR)
working-languages = Langues de travail
create-organisation = Créer une organisation
organisation-created = L’organisation est créée :
moderation = Modération
reports = Signalements
resolved = traité
mark-resolved = Marquer comme traité
report-resolved = Le signalement est traité.
remove-content = Retirer le contenu
content-removed = Le contenu est retiré.
domain-blocks = Instances bloquées
reason = Motif
block-instance = Bloquer l’instance
unblock = Débloquer
block-added = L’instance est bloquée.
block-removed = L’instance n’est plus bloquée.
from-config = depuis la configuration
suspended-actors = Comptes suspendus d’autres instances
suspend = Suspendre
unsuspend = Lever la suspension
suspended = Le compte est suspendu ; ses publications sont retirées.
unsuspended = La suspension est levée.
cannot-suspend-local = Les organisations de cette instance se gèrent sous « Organisations », elles ne se suspendent pas.

## Search page

search-title = Recherche
search-label = Mots recherchés
search-hint = Organisations, partenariats et projets de tous les réseaux. « plusieurs mots » pour une expression, clim* pour un début de mot, -mot ou -« plusieurs mots » pour exclure.
search-bad-parameter = L’adresse de cette recherche contient une valeur illisible. Relancez la recherche depuis le formulaire.
search-submit = Rechercher
search-what = Quoi
search-everything = Tout
search-organisations = Organisations
search-partnerships = Partenariats
search-posts = Projets
search-order = Ordre
search-relevance = Pertinence
search-newest = Plus récents d’abord
search-only-here = Ce réseau seulement
search-result-pages = Pages de résultats
search-no-matches = Aucun résultat. Essayez d’autres mots, ou moins de mots.
search-narrow = Affiner
search-remove-filters = Retirer tous les filtres
search-networks = Réseaux
search-answered = a répondu
search-local = ce réseau
search-timeout = pas de réponse à temps
search-failed = injoignable
search-next = Résultats suivants
search-previous = Résultats précédents
search-f-kind = Type
search-f-theme = Thème
search-f-sdg = Objectif de développement durable
search-f-country = Pays
search-f-region = Région
search-f-org-kind = Type d’organisation
search-f-language = Langue
search-f-year = Année
search-f-network = Réseau
search-capped = Seuls les résultats les plus récents ont été triés et comptés. D’autres mots ou un filtre donnent des chiffres exacts.

## Messages with variables

lookup-malformed = « { $target } » n’est ni un @nom@serveur ni une adresse (https://…).
lookup-unknown-here = Il n’y a pas d’organisation « { $target } » ici.
lookup-blocked = Le serveur { $target } est bloqué ici.
lookup-webfinger-status = La recherche de { $target } (WebFinger) a échoué : le serveur a répondu HTTP { $status }.
lookup-webfinger-failed = La recherche de { $target } (WebFinger) a échoué : { $reason }
lookup-no-actor = { $target } a été trouvé, mais n’a pas de profil ActivityPub.
lookup-actor-status = Le profil { $target } n’a pas pu être récupéré : le serveur a répondu HTTP { $status }.
lookup-actor-failed = Le profil { $target } n’a pas pu être récupéré : { $reason }
lookup-invalid = { $target } n’est pas un profil utilisable : { $reason }

count-likes = { $n ->
    [one] { $n } favori
   *[other] { $n } favoris
}
count-shares = { $n ->
    [one] { $n } partage
   *[other] { $n } partages
}
count-replies = { $n ->
    [one] { $n } réponse
   *[other] { $n } réponses
}
results-count = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
search-matches-more = Plus de { $n } résultats
search-matches-count = { $n ->
    [one] { $n } résultat
   *[other] { $n } résultats
}
map-missing-count = { $n ->
    [one] { $n } organisme sans coordonnées, absent de la carte
   *[other] { $n } organismes sans coordonnées, absents de la carte
}
delivered-count = Distribué à { $delivered } sur { $instances } { $instances ->
    [one] instance
   *[other] instances
}
waiting-count = { $n } en attente
proposals-awaiting-answer = { $n ->
    [one] Une proposition de partenariat attend votre réponse
   *[other] { $n } propositions de partenariat attendent votre réponse
}
records-not-kept = Publié il y a plus de { $days } { $days ->
    [one] jour
   *[other] jours
} : les envois ne sont pas conservés aussi longtemps.
try-again-in-minutes = Réessayez dans { $n } { $n ->
    [one] minute
   *[other] minutes
}.

## Vocabulary: organisation kinds, partnership kinds, themes (their hashtags are made
## from these labels), the UN Sustainable Development Goals, profile fields

org-kind-municipality = Commune
org-kind-district = Département
org-kind-region = Région
org-kind-association = Comité de jumelage
org-kind-network = Réseau
org-kind-school = École
org-kind-other = Société civile

partnership-kind-twinning = Jumelage
partnership-kind-friendship = Amitié
partnership-kind-contact = Contact
partnership-kind-project = Partenariat de projet
partnership-kind-regional = Partenariat régional
partnership-kind-school = Partenariat scolaire

theme-reconciliation = Réconciliation
theme-european-integration = Intégration européenne
theme-youth = Jeunesse
theme-education = Éducation
theme-culture = Culture
theme-sport = Sport
theme-social = Engagement social
theme-inclusion = Inclusion
theme-climate = Climat
theme-environment = Environnement
theme-mobility = Mobilité
theme-demography = Démographie
theme-structural-change = Mutations économiques
theme-migration = Migration et intégration
theme-digitalisation = Numérique
theme-economy = Économie
theme-remembrance = Mémoire
theme-humanitarian-aid = Aide humanitaire
theme-administration = Échanges administratifs

sdg-1 = Pas de pauvreté
sdg-2 = Faim « zéro »
sdg-3 = Bonne santé et bien-être
sdg-4 = Éducation de qualité
sdg-5 = Égalité entre les sexes
sdg-6 = Eau propre et assainissement
sdg-7 = Énergie propre et d’un coût abordable
sdg-8 = Travail décent et croissance économique
sdg-9 = Industrie, innovation et infrastructure
sdg-10 = Inégalités réduites
sdg-11 = Villes et communautés durables
sdg-12 = Consommation et production responsables
sdg-13 = Mesures relatives à la lutte contre les changements climatiques
sdg-14 = Vie aquatique
sdg-15 = Vie terrestre
sdg-16 = Paix, justice et institutions efficaces
sdg-17 = Partenariats pour la réalisation des objectifs

profile-kind = Type
profile-region = Région
profile-code-ags = Code communal allemand (AGS)
profile-code-insee = Code INSEE
profile-code-lau = Code LAU
profile-nuts = Région NUTS
profile-population = Population
profile-website = Site web
profile-languages = Langues
profile-themes = Thèmes

## Formats

# Digits of whole numbers: 601 150 (narrow no-break space).
number-group-separator = {"\u202F"}
number-group-minimum = 1
# 1er mars 2026, 5 mars 2026.
date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
decade = années { $decade }
percent = { $n } %

# events-public: the calendar page, event pages and iCalendar feeds
ev-nav = Agenda
ev-calendar = Agenda des rendez-vous
ev-calendar-intro = Les rendez-vous en cours ou à venir, par mois. Heures dans le fuseau horaire de chaque rendez-vous.
ev-running-now = En cours
ev-no-match = Aucun rendez-vous pour cette sélection.
ev-bad-filter = Cette valeur de filtre est inconnue ; veuillez choisir dans la liste.
ev-kind-training = Formation
ev-kind-partnership-meeting = Rencontre de jumelage
ev-kind-exchange = Échange
ev-kind-citizens-trip = Voyage citoyen
ev-kind-festival = Fête
ev-kind-conference = Conférence
ev-kind-online-meeting = Rencontre en ligne
ev-kind-other = Autre
ev-status-scheduled = Confirmé
ev-status-tentative = Provisoire
ev-status-cancelled = Annulé
ev-status-postponed = Reporté
ev-notice-cancelled = Ce rendez-vous est annulé.
ev-notice-postponed = Ce rendez-vous est reporté ; la nouvelle date n’est pas encore fixée.
ev-notice-tentative = La date est encore provisoire.
ev-when = Quand
ev-time-zone = Fuseau horaire
ev-address = Adresse postale
ev-coordinates = Coordonnées
ev-open-in-map-app = Ouvrir dans une application de cartes
ev-online-address = Accès en ligne
ev-online-filter = En ligne ou sur place
ev-online-only = seulement en ligne
ev-online = en ligne
ev-on-site-only = seulement sur place
ev-region = Région
ev-language = Langue du rendez-vous
ev-local-only = Seulement les rendez-vous de ce réseau
ev-organisers = Organisateurs
ev-coorganisers = Coorganisateurs
ev-languages-spoken = Langues parlées
ev-capacity = Nombre de places
ev-participants = Inscrits
ev-places-left = Places restantes
ev-fully-booked = Complet
ev-registration-deadline = Date limite d’inscription
ev-how-to-join = Participation
ev-join-free = Inscription libre : votre participation est confirmée aussitôt, tant qu’il reste des places.
ev-join-approval = Inscription sur validation : les organisateurs acceptent ou refusent votre demande.
ev-join-external = Inscription sur un autre site :
ev-registration-closed = Il n’est plus possible de s’inscrire.
ev-add-to-calendar = Ajouter à mon agenda (iCalendar)
ev-join-from-fediverse = Participer depuis le fédivers
ev-join-box-intro = Saisissez votre adresse dans le fédivers (Mastodon, Mobilizon…). Nous vous renvoyons vers votre serveur, où vous confirmez votre participation.
ev-join-button = Continuer pour participer
ev-origin = Ce rendez-vous vient d’un autre serveur. Original :
ev-subscribe = S’abonner à l’agenda
ev-feed-network = Tous les rendez-vous de ce réseau
ev-feed-of = Rendez-vous de
ev-feed-on = Rendez-vous sur le thème
ev-feed-hint = Abonnez-vous à l’adresse d’un flux dans votre application d’agenda : les changements et annulations y apparaissent d’eux-mêmes.
ev-all-events = Tous les rendez-vous
# A clock time as chrono writes it (strftime): 14:00.
ev-time-format = %H h %M
# A month as a heading of the calendar page (the nominative where the language has cases).
ev-month-year = { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
## events-editor
ed-events = Événements
ed-back-to-events = Retour aux événements
ed-new-event = Nouvel événement
ed-edit-event = Modifier l’événement
ed-duplicate-event = Dupliquer l’événement
ed-duplicate = Dupliquer
ed-choose-dates = Une copie de « { $title } » : choisissez le début et la fin du nouvel événement.
ed-upcoming = Événements à venir et en cours
ed-past = Événements passés
ed-no-events = Pas encore d’événements.
ed-co-organised = co-organisé
ed-participants = Participant·es
ed-places = places
ed-cancel-event = Annuler l’événement
ed-cancel-confirm = Voulez-vous vraiment annuler « { $title } » ? Les abonnés et les participant·es en sont informés ; l’événement reste visible comme annulé.
ed-cancel-yes = Oui, annuler
ed-keep = Non, retour
ed-event-created = L’événement est publié.
ed-event-updated = L’événement est mis à jour.
ed-event-cancelled = L’événement est annulé.
ed-when = Quand
ed-where = Où
ed-taking-part = Participation
ed-links = Rattachement
ed-starts-at = Début (heure locale)
ed-ends-at = Fin (heure locale)
ed-timezone = Fuseau horaire
ed-kind-training = Formation
ed-kind-partnership-meeting = Rencontre de jumelage
ed-kind-exchange = Échange
ed-kind-citizens-trip = Voyage citoyen
ed-kind-festival = Fête
ed-kind-conference = Conférence
ed-kind-online-meeting = Réunion en ligne
ed-kind-other = Autre
ed-status-scheduled = programmé
ed-status-tentative = provisoire
ed-status-cancelled = annulé
ed-status-postponed = reporté
ed-join-mode = Inscription
ed-join-free = Libre : toute inscription est acceptée tant qu’il reste des places
ed-join-approval = Sur validation : vous acceptez ou refusez chaque inscription
ed-join-external = Externe : l’inscription se fait sur un autre site
ed-external-url = Adresse de l’inscription externe
ed-capacity = Places (vide : illimité)
ed-registration-deadline = Date limite d’inscription (heure locale, facultative)
ed-languages-spoken = Langues parlées
ed-languages-spoken-hint = Codes de langue séparés par des virgules, p. ex. fr, de
ed-place-name = Nom du lieu
ed-street = Rue et numéro
ed-postal-code = Code postal
ed-locality = Commune
ed-region = Région
ed-latitude = Latitude (−90 à 90)
ed-longitude = Longitude (−180 à 180)
ed-online-url = Adresse de la réunion en ligne
ed-online-url-hint = Publique : toute personne qui voit l’événement voit cette adresse, même si la participation demande votre accord. Pour une réunion fermée, laissez ce champ vide et envoyez l’adresse aux personnes acceptées.
ed-place-hint = Indiquez un lieu, une adresse en ligne, ou les deux.
ed-organisers = Co-organisateurs
ed-partnership = Partenariat
ed-no-partnership = aucun
ed-related-posts = Publications de projet liées
ed-related-posts-hint = Une adresse (https://…) par ligne.
ed-participants-of = Participant·es à
ed-no-participants = Personne ne s’est encore inscrit.
ed-state-pending = demandée
ed-state-accepted = acceptée
ed-state-waiting = sur liste d’attente
ed-state-rejected = refusée
ed-message = Mot joint
ed-decision = Décision
ed-export-csv = Télécharger la liste en CSV
ed-participation-accepted = L’inscription est acceptée.
ed-participation-rejected = L’inscription est refusée.
ed-err-full = L’événement est complet : augmentez d’abord le nombre de places.
ed-take-part = Participer à un événement
ed-event-address = Adresse de l’événement
ed-event-address-hint = L’adresse (https://…) d’un événement sur n’importe quelle instance, Mobilizon compris.
ed-join-message = Message aux organisateurs (facultatif)
ed-join = Participer
ed-join-result = Inscription envoyée ; état :
ed-our-participations = Nos participations
ed-leave = Se désinscrire
ed-join-sent = La demande de participation est envoyée ; son état figure ci-dessous.
ed-left = Vous êtes désinscrit de cet événement.
ed-not-an-event = Cette adresse n’est pas un événement.
ed-not-taking-part = Vous ne participez pas à cet événement.
ed-refused-cancelled = Cet événement est annulé.
ed-refused-over = Cet événement est terminé.
ed-refused-deadline = La date limite d’inscription est passée.
ed-refused-external = L’inscription à cet événement se fait sur un autre site.
ed-refused-deleted = Cet événement a été supprimé.
ed-err-timezone = Fuseau horaire inconnu « { $value } » : choisissez-en un dans la liste.
ed-err-datetime = Une date avec l’heure, p. ex. le 12/06/2026 à 14 h 00.
ed-err-time-skipped = Cette heure n’existe pas dans ce fuseau : les horloges la sautent au passage à l’heure d’été.
ed-err-deadline-after-start = La date limite d’inscription est après le début.
ed-err-capacity-range = Un nombre entier de 0 à 1 000 000.
ed-err-capacity-below = { $n } participant·es sont déjà accepté·es : il faut au moins autant de places.
ed-err-whole-number = Un nombre entier.
ed-err-decimal = Un nombre décimal comme 49.894.
ed-err-url = Une adresse commençant par http:// ou https://.
ed-err-external-required = Indiquez l’adresse de l’inscription externe.
ed-err-latitude = Une latitude de −90 à 90.
ed-err-longitude = Une longitude de −180 à 180.
ed-err-both-coordinates = Indiquez les deux coordonnées ou aucune.
ed-err-country = Un code de pays à deux lettres, p. ex. FR ou DE.
ed-err-language = Des codes de langue comme fr ou de, séparés par des virgules.
ed-err-no-post = Cette publication n’existe pas ici.

# security
nul-refused = Contient un caractère NUL (U+0000), qui ne peut pas être enregistré (affiché ici comme �).
image-too-many-pixels = L’image a trop de pixels (40 mégapixels au plus, p. ex. 8000 × 5000, et 12 000 par côté).
partners-hint-remote = Une organisation par ligne : un identifiant de cette instance (ville-amiens), @nom@serveur d’une autre instance ou l’adresse d’un profil. Chaque partenaire est vérifié dès l’aperçu.
partners-typed = Adresses des partenaires
partners-other = Autres partenaires (adresses)
too-many-partners = { $max } partenaires au plus par publication.

## forum
forum-nav = Forum
forum-title = Forum
forum-intro = Questions et expériences des comités de jumelage, communes et associations. Chaque groupe peut aussi être suivi depuis le Fediverse (Mastodon, Lemmy, Friendica).
forum-groups = Groupes
forum-no-groups = Pas encore de groupe.
forum-latest-threads = Dernières discussions
forum-no-threads = Pas encore de discussion.
forum-threads = Discussions
forum-comments = Commentaires
forum-new-thread = Ouvrir une discussion
forum-thread-title = Titre
forum-thread-body = Texte (Markdown)
forum-start-thread = Ouvrir la discussion
forum-write-as = Écrire au nom de
forum-language = Langue
forum-reply = Répondre
forum-your-reply = Votre réponse
forum-send-reply = Envoyer la réponse
forum-reply-to = Réponse à
forum-reply-from-fediverse = Répondre depuis le Fediverse
forum-reply-from-fediverse-hint = Cherchez cette adresse dans votre application Mastodon, Lemmy ou Friendica et répondez-y :
forum-follow-group = Suivre ce groupe
forum-follow-group-hint = Cherchez cette adresse dans votre application du Fediverse et suivez-la :
forum-rules = Règles
forum-moderators = Modération
forum-locked = Verrouillée
forum-locked-notice = Cette discussion est verrouillée : il n’est plus possible d’y répondre.
forum-pinned = Épinglée
forum-removed = Retiré
forum-removed-comment = Ce commentaire a été retiré.
forum-last-activity = Dernière activité
forum-started-by = Ouverte par
forum-mods-only = Dans ce groupe, seule la modération ouvre de nouvelles discussions ; tout le monde peut répondre.
forum-login-to-write = Connectez-vous pour participer.
forum-moderate = Modérer
forum-remove = Retirer
forum-lock = Verrouiller
forum-unlock = Déverrouiller
forum-pin = Épingler
forum-unpin = Désépingler
forum-reason = Motif
forum-thread-started = La discussion est ouverte.
forum-comment-posted = Votre réponse est publiée.
forum-moderation-done = C’est fait : le groupe le transmet à ses abonnés.
forum-back-to-group = Retour au groupe
forum-group-feed = Discussions dans
forum-no-organisation = Vous écrivez au nom d’une organisation : votre compte n’est encore rattaché à aucune.

## europe
upload-over-limit = Le fichier est trop volumineux : { $megabytes } Mo au plus par image. Le reste du formulaire est conservé ; choisissez un fichier plus petit.

## funding
fund-title = Programmes de financement
fund-intro = Des programmes qui financent les jumelages, les échanges scolaires et de jeunes et les projets entre partenaires, tenus à jour par ce réseau et ses réseaux partenaires. Les appels ouverts viennent en premier, l’échéance la plus proche en tête.
fund-filters = Filtrer les programmes
fund-theme = Thème
fund-country = Pays d’une organisation (code)
fund-kind = Type de porteur
fund-amount = Subvention d’au moins (€)
fund-open-only = Seulement les programmes avec un appel ouvert
fund-any = tous
fund-show = Afficher
fund-reset = Réinitialiser
fund-bad-filter = Cette valeur est inconnue : choisissez-en une dans la liste.
fund-count = { $n ->
    [one] { $n } programme
   *[other] { $n } programmes
}
fund-no-match = Aucun programme ne correspond à ces filtres.
fund-open-calls = Appels ouverts
fund-other-programmes = Autres programmes
fund-deadline = Échéance
fund-rolling = au fil de l’eau : dépôt possible à tout moment
fund-opens = ouvre le
fund-funder = Financeur
fund-who = Qui peut déposer
fund-any-kind = tout type d’organisation
fund-countries = Pays éligibles
fund-any-country = tous les pays
fund-required = Doit inclure
fund-partnership = Partenariat
fund-min-partners = au moins { $n } organisations
fund-min-countries = d’au moins { $n } pays
fund-min-eu = dont au moins { $n } États membres de l’UE
fund-participants = Participants
fund-min-participants = au moins { $n } participants directs
fund-min-invited = dont au moins { $n } invités de l’étranger
fund-grant = Subvention
fund-grant-range = de { $min } € à { $max } €
fund-grant-up-to = jusqu’à { $max } €
fund-grant-from = à partir de { $min } €
fund-lump-sums = forfaits de { $sums } €
fund-cofunding = jusqu’à { $rate } % des coûts
fund-duration = Durée
fund-duration-range = de { $min } à { $max }
fund-duration-up-to = jusqu’à { $max }
fund-duration-from = au moins { $min }
fund-themes = Thèmes
fund-calls = Appels
fund-no-calls = Aucun appel n’est annoncé.
fund-closed = clos
fund-source = Règles et dépôt chez le financeur
fund-kept-by = Tenu à jour par { $network }
fund-back = Tous les programmes de financement
fund-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
fund-months = { $n ->
    [one] { $n } mois
   *[other] { $n } mois
}
fund-unit-days = jours
fund-unit-months = mois
fund-check-title = Quels programmes conviennent à notre projet ?
fund-check-intro = Décrivez le projet ou le partenariat prévu : d’abord le porteur, puis ses partenaires. Les lignes vides sont ignorées.
fund-applicant = Porteur
fund-partner = Partenaire { $n }
fund-org-kind = Type d’organisation
fund-org-country = Pays (deux lettres, p. ex. DE)
fund-expected-participants = Participants directs attendus
fund-invited = Dont invités de l’étranger
fund-planned-duration = Durée prévue
fund-unit = Unité
fund-check-button = Vérifier
fund-fits = convient
fund-does-not-fit = ne convient pas
fund-fit-count = { $fits ->
    [one] { $fits } programme sur { $total } convient.
   *[other] { $fits } programmes sur { $total } conviennent.
}
fund-check-error = Le projet n’a pas pu être vérifié :
fund-fail-applicant-kind = le porteur doit être l’un de ceux-ci : { $allowed } (et non { $kind })
fund-fail-country = les organisations de { $country } ne sont pas éligibles
fund-fail-country-missing = il faut un partenaire de { $country }
fund-fail-partners = il faut au moins { $min } organisations (actuellement { $have })
fund-fail-countries = il faut des organisations d’au moins { $min } pays différents (actuellement { $have })
fund-fail-eu-countries = { $min ->
    [1] il faut un partenaire d’un État membre de l’UE
    [2] { $have ->
        [1] il faut un partenaire d’un deuxième État membre de l’UE
       *[other] il faut des partenaires d’au moins 2 États membres de l’UE
    }
   *[other] il faut des partenaires d’au moins { $min } États membres de l’UE (actuellement { $have })
}
fund-fail-participants = il faut au moins { $min } participants directs (actuellement { $have })
fund-fail-participants-unknown = il faut au moins { $min } participants directs : indiquez combien vous en attendez
fund-fail-invited = il faut au moins { $min } participants invités de l’étranger (actuellement { $have })
fund-fail-invited-unknown = il faut au moins { $min } participants invités de l’étranger : indiquez combien vous en attendez
fund-fail-too-short = doit durer au moins { $duration }
fund-fail-too-long = peut durer au plus { $duration }
fund-nav = Financements
fund-deadlines = Échéances des appels à projets

## review
review-showcase = Vitrine
review-showcase-intro = Des projets des jumelages, choisis par la rédaction du réseau.
review-no-showcase-posts = Pas encore de projet dans la vitrine.
review-showcase-feed = La vitrine en flux
review-from-showcase = Dans la vitrine
review-all-showcase = Tous les projets de la vitrine
review-submit-title = Proposer une publication à une vitrine
review-submit-intro = La rédaction du réseau examine la publication avant qu’elle paraisse dans la vitrine.
review-showcase-field = Vitrine
review-showcase-hint = Laisser vide pour la vitrine de ce réseau, ou l’adresse de celle d’un autre réseau, par ex. @vitrine@jumelage.example
review-submit = Proposer
review-submissions = Propositions
review-submissions-of = Propositions : « { $title } »
review-no-submissions = Cette publication n’a pas encore été proposée.
review-state-pending = en attente d’examen
review-state-changes-requested = modifications demandées
review-state-approved = acceptée
review-state-declined = refusée
review-history = Historique
review-act-submitted = proposée
review-act-resubmitted = proposée à nouveau
review-act-approved = acceptée
review-act-changes-requested = modifications demandées
review-act-declined = refusée
review-act-edited = modifiée après acceptation
review-comment = Commentaire
review-comment-hint = Quelles modifications faut-il ? Les auteurs de la proposition voient ce texte.
review-reason = Motif
review-reason-hint = Pourquoi la publication est-elle refusée ? Les auteurs de la proposition voient ce texte.
review-queue = Examen rédactionnel
review-queue-intro = Publications proposées aux vitrines de ce réseau, les plus anciennes d’abord.
review-queue-empty = Aucune proposition dans cet état.
review-waiting = En attente d’examen
review-approve = Accepter
review-request-changes = Demander des modifications
review-decline = Refuser
review-submitted-by = Proposée par
review-to-showcase = à
review-notice-submitted = La publication a été proposée.
review-notice-decided = La décision a été enregistrée.
review-submit-link = Proposer …
review-review-link = Examen rédactionnel
review-post = Publication
review-state = État
review-updated = Dernière modification
review-changes-hint = Modifiez la publication, puis proposez-la à nouveau.
review-no-showcase = Ce réseau n’a pas encore de vitrine.
review-not-a-showcase = « { $name } » n’est pas une vitrine de ce réseau.
review-not-a-group = { $name } n’est pas un groupe d’un autre réseau.
review-only-projects = Seules les publications de projet vont dans une vitrine, pas les réponses ni les sujets du forum.
review-already-waiting = Cette publication y attend déjà la relecture.
review-already-approved = Cette publication est déjà dans cette vitrine.
review-was-declined = Cette publication y a été refusée. { $comment }
## europe
stats-by-region-pair = Par paire de régions (NUTS)
## forumx
forum-report = Signaler
forum-report-reason = Pourquoi signalez-vous ce message ?
forum-send-report = Envoyer le signalement
forum-report-sent = Merci : la modération du groupe a reçu votre signalement.
forum-moderation-view = Signalements et journal de modération
forum-reports = Signalements
forum-no-reports = Aucun signalement.
forum-resolve = Marquer comme traité
forum-resolved-report = Traité
forum-open-report = Ouvert
forum-moderation-log = Journal de modération
forum-no-log-entries = Rien d'enregistré pour l'instant.
forum-log-action = Action
forum-log-object = Concerne
forum-log-by = Par
forum-log-date = Quand
forum-image = Image (facultative)
forum-image-alt = Description de l'image (obligatoire avec une image)
forum-image-alt-required = Décrivez l'image pour les personnes qui ne peuvent pas la voir.
forum-banned = Ce groupe vous a exclu : vous ne pouvez plus y écrire.
forum-answer-unknown = Le message auquel vous répondez n’est pas connu ici.
forum-answer-removed = Le message auquel vous répondez a été retiré entre-temps.
forum-answer-elsewhere = Le message auquel vous répondez n’appartient à aucune discussion de ce groupe.
forum-thread-gone = Cette discussion a été retirée.
forum-act-remove = retiré
forum-act-lock = verrouillé
forum-act-unlock = déverrouillé
forum-act-pin = épinglé
forum-act-unpin = désépinglé
forum-act-ban = exclu
forum-act-unban = exclusion levée
forum-act-report = signalé
forum-act-resolve_report = signalement traité
## partners
partners-tab = Recherche de partenaires
partners-and = et
partners-any = tous
partners-lang-de = allemand
partners-lang-fr = français
partners-lang-en = anglais
partners-lang-it = italien
partners-lang-pl = polonais
partners-lang-es = espagnol
partners-lang-nl = néerlandais
partners-lang-pt = portugais
partners-lang-cs = tchèque
partners-lang-da = danois
partners-purpose-twinning = un nouveau jumelage
partners-purpose-project = un projet
partners-purpose-school-exchange = un échange scolaire
partners-purpose-learning = apprendre ensemble sur un thème
partners-reason-themes = travaille aussi sur { $themes }
partners-reason-sdgs = poursuit aussi l’objectif { $goals }
partners-reason-similar-size = taille semblable
partners-reason-wished-size = dans la taille recherchée
partners-reason-languages = parle { $languages }
partners-reason-wished-region = en { $region }, où vous cherchez des partenaires
partners-reason-wished-country = en { $country }, où vous cherchez des partenaires
partners-reason-near = à { $km } km
partners-reason-wished-kind = { $kind }, comme vous le cherchez
partners-reason-same-kind = également { $kind }
partners-reason-looking = cherche aussi des partenaires
partners-reason-looking-for = cherche aussi { $purposes }
partners-reason-projects = projets semblables ({ $words })
partners-reason-partner-of-partner = { $count ->
    [one] partenaire de votre partenaire { $partners }
   *[other] partenaire de vos partenaires { $partners }
}
partners-note-not-looking = Votre organisation n’a pas indiqué qu’elle cherche des partenaires : ces suggestions ne comparent que son profil. Indiquez ce que vous cherchez pour en obtenir de meilleures.
partners-looking-title = Recherche de partenaires
partners-looking-intro = Les organisations de ce réseau et des réseaux partenaires qui cherchent des partenaires : pour un jumelage, un projet, un échange scolaire ou pour apprendre les unes des autres.
partners-filters = Filtres
partners-purpose = Recherche
partners-theme = Thème
partners-kind = Type d’organisation
partners-language = Langue
partners-country = Pays (code ISO)
partners-show = Afficher
partners-reset = Réinitialiser
partners-networks = Réseaux interrogés
partners-network-count = { $n ->
    [one] { $n } organisation
   *[other] { $n } organisations
}
partners-network-timeout = pas de réponse à temps
partners-network-failed = n’a pas pu être interrogé
partners-looking-count = { $n ->
    [one] { $n } organisation cherche des partenaires.
   *[other] { $n } organisations cherchent des partenaires.
}
partners-none-looking = Aucune organisation correspondant à ces filtres ne cherche de partenaires.
partners-bad-filter = Un filtre n’a pas pu être lu ; voir ci-dessus.
partners-looking-for = Recherche :
partners-wish-places = Où
partners-wish-themes = Thèmes
partners-wish-languages = Langues
partners-wish-kinds = Types de partenaire
partners-wish-size = Taille
partners-size-range = de { $min } à { $max } habitants
partners-size-from = à partir de { $min } habitants
partners-size-up-to = jusqu’à { $max } habitants
partners-inhabitants = { $n } habitants
partners-looking-form-title = Recherche de partenaires
partners-looking-form-intro = Indiquez ce que votre organisation cherche : c’est affiché là où vous l’autorisez et cela améliore ses suggestions.
partners-see-suggestions = Voir les partenaires suggérés
partners-active = Nous cherchons des partenaires
partners-countries = Pays
partners-countries-hint = Codes à deux lettres séparés par des virgules, par exemple FR, PL. Vide : partout.
partners-regions = Régions
partners-regions-hint = Une région par ligne, comme les profils les nomment.
partners-themes = Thèmes
partners-languages = Langues
partners-size = Taille du partenaire
partners-population-min = Habitants, au moins
partners-population-max = Habitants, au plus
partners-partner-kinds = Types de partenaire
partners-description = Ce que vous cherchez, avec vos mots
partners-visibility = Où c’est affiché
partners-listed = Sur les pages « Recherche de partenaires », ici et dans les réseaux partenaires
partners-suggested = Comme suggestion à d’autres organisations
partners-save = Enregistrer
partners-saved = Enregistré.
partners-suggestions-title = Partenaires suggérés
partners-suggestions-intro = Les organisations de ce réseau et des réseaux partenaires qui conviendraient, les meilleures d’abord, avec les raisons.
partners-edit-looking = Modifier votre recherche
partners-say-looking = Indiquer ce que vous cherchez
partners-no-suggestions = Aucune suggestion pour l’instant.
partners-why = Pourquoi :
partners-propose = Proposer un partenariat
partners-follow = Suivre

## lead
partners-nav = Trouver des partenaires
fund-funded-by = Financé par
fund-funded-none = (aucun programme de financement)
fund-funded-hint = Le programme de financement de l’annuaire qui a financé ce projet ; sa page liste les projets financés.
fund-funded-projects = Projets financés par ce programme
fund-no-funded-projects = Aucun projet n’a encore indiqué ce programme.
fund-form-list-title = Nos programmes de financement
fund-form-list-intro = Les programmes que ce réseau tient à jour ; ils sont partagés avec les réseaux partenaires et figurent dans l’annuaire :
fund-form-new-title = Nouveau programme de financement
fund-form-edit-title = Modifier le programme de financement
fund-form-edit = Modifier
fund-form-none = Ce réseau ne tient encore aucun programme.
fund-form-intro = Saisissez les règles du programme telles que le financeur les publie : la vérification d’éligibilité y compare les projets prévus. Laissez une règle vide si le programme n’en a pas.
fund-form-fix = Certains champs demandent votre attention : voir les messages à côté.
fund-form-name = Nom
fund-form-description = Description
fund-form-name-required = Donnez au programme un nom dans au moins une langue.
fund-form-link = Lien vers les règles et la candidature (https://…)
fund-form-kinds-hint = Rien de coché : tout type d’organisation peut candidater.
fund-form-countries-hint = Codes à deux lettres séparés par des virgules, p. ex. DE, FR, PL. Vide : tout pays.
fund-form-min-partners = Au moins ce nombre d’organisations
fund-form-min-countries = D’au moins ce nombre de pays
fund-form-min-eu-countries = Dont au moins ce nombre d’États membres de l’UE
fund-form-min-participants = Au moins ce nombre de participants directs
fund-form-min-invited = Dont au moins ce nombre invités de l’étranger
fund-form-grant-min = Subvention la plus petite (€)
fund-form-grant-max = Subvention la plus grande (€)
fund-form-lump-sums = Montants forfaitaires (€)
fund-form-lump-sums-hint = Montants séparés par des virgules, p. ex. 8455, 50745.
fund-form-cofunding-rate = Part des coûts financée au plus (%)
fund-form-duration-min = Durée la plus courte
fund-form-duration-max = Durée la plus longue
fund-form-calls-hint = Une ligne par appel. Un appel sans date limite est permanent. Une date limite court jusqu’à la fin du jour, heure de Bruxelles.
fund-form-call-label = Appel
fund-form-save = Enregistrer et partager avec les réseaux partenaires
fund-form-delete = Supprimer ce programme
fund-form-delete-hint = Le programme est retiré ici et chez les réseaux partenaires. Les projets qui le citent gardent le lien.
fund-form-saved = Le programme est enregistré et envoyé aux réseaux partenaires.
fund-form-deleted = Le programme est supprimé ici et chez les réseaux partenaires.
fund-form-not-a-number = Un nombre entier, p. ex. 25000.
fund-check-negative = Ne doit pas être négatif.
fund-check-at-most = Au plus { $max }.
fund-check-too-large = Ce nombre est trop grand.
fund-plan-applicant = Indiquez au moins le porteur : son type et son pays.
fund-plan-unit = Jours ou mois.
fund-check-number = Un nombre entier, p. ex. 12.
check-country = Pays inconnu « { $code } » : indiquez un code de deux lettres, p. ex. DE ou FR.
fund-check-link = Une adresse qui commence par http:// ou https://.
fund-check-required-country = { $code } est exigé mais ne figure pas parmi les pays éligibles.
fund-check-eu-countries = Plus d’États membres de l’UE que de pays au total.
fund-check-invited = Plus de participants invités de l’étranger que de participants au total.
fund-check-grant-max = Inférieure à la plus petite subvention.
fund-check-lump-sum = Chaque forfait doit être supérieur à zéro.
fund-check-rate = Un pourcentage de 1 à 100.
fund-check-duration-max = Plus courte que la durée minimale.
fund-check-name-beside = Une description demande un nom à côté.
fund-check-deadline-before = La date limite précède l’ouverture de l’appel.
fund-check-calls = Au plus { $max } appels.
check-too-long = Au plus { $max } caractères.
check-required-max = Obligatoire, au plus { $max } caractères.
check-theme = Thème inconnu « { $theme } ».
check-list-max = Au plus { $max } entrées.
check-language = Langue inconnue « { $code } » : indiquez un code de deux lettres, p. ex. de ou fr.
check-kind = Type d’organisation inconnu « { $kind } ».
check-purpose = Objet inconnu « { $purpose } ».
check-region-empty = Indiquez une région.
check-not-below = Ne doit pas être inférieur à { $min }.
post-check-images = Au plus { $max } images.
post-check-alt = Décrivez l’image pour les personnes qui ne peuvent pas la voir (obligatoire, au plus { $max } caractères).
post-check-funded-by = Aucun programme de financement « { $given } » dans le répertoire de ce réseau (voir /funding).
partnership-check-self = Une organisation ne peut pas être partenaire d’elle-même.
partnership-check-not-org = Les partenariats lient des organisations ; ceci n’en est pas une.
partnership-check-year = Une année de 1800 à { $year }.
partnership-check-exists = Ces organisations ont déjà ce partenariat, ou une proposition en cours.
partnership-answer-not-yours = Seule l’organisation sollicitée peut accepter ou refuser ; cette proposition est la vôtre.
partnership-answered-already = Cette proposition a déjà reçu une réponse.
account-check-username = De 3 à 64 lettres, chiffres, « . », « _ » ou « - ».
account-check-password = Au moins { $min } caractères.
account-check-taken = Le nom d’utilisateur « { $name } » est déjà pris.
org-check-handle = De 1 à 64 lettres minuscules, chiffres, « - », « _ » ou « . », en commençant par une lettre ou un chiffre.
org-check-handle-taken = L’identifiant « { $handle } » est déjà pris.
code-check-country = Commence par { $start }, mais le pays de l’organisation est { $country }.
code-check-lau-form = Un code LAU est le code du pays en majuscules, « _ » et le code national de la commune, p. ex. DE_05913000.
code-check-lau-digits = { $prefix }_ et { $n } chiffres, p. ex. { $example }.
code-check-lau-fr = FR_ et le code INSEE à 5 caractères, p. ex. FR_80021 ou FR_2A004.
code-check-lau-other = Le code du pays, « _ » et 1 à 12 lettres ou chiffres.
code-check-nuts-form = Un code NUTS est le code du pays et 1 à 3 lettres ou chiffres, p. ex. DEA52.
search-q-empty = La recherche est vide.
search-q-too-long = La recherche dépasse { $max } caractères.
search-q-control = La recherche contient des caractères de contrôle.
search-q-unclosed = Un guillemet n’est pas fermé : écrivez « deux mots » pour une expression.
search-q-no-words = La recherche ne contient aucun mot.
search-q-only-excluded = Dites ce qu’il faut trouver, pas seulement ce qu’il faut exclure.
search-q-too-many = La recherche compte plus de { $max } mots et expressions.
## person
person-profile-intro = Écrit en son nom dans le forum de ce réseau.
person-address = Adresse dans le fédivers
person-writings = Sujets et commentaires
person-nothing-yet = Rien d’écrit pour l’instant.
person-comment = Commentaire
person-settings-title = Écrire en votre nom
person-settings-intro = À côté de vos organisations, vous pouvez écrire dans le forum en votre nom : une personne à vous dans le fédivers, avec le nom que vous choisissez. C’est désactivé tant que vous ne l’activez pas.
person-is-on = Activé. Votre adresse :
person-is-off = Désactivé : vous écrivez seulement au nom de vos organisations.
person-handle = Identifiant
person-handle-hint = Choisi une fois : il fait partie de votre adresse et ne change plus ensuite.
person-name = Nom affiché
person-save = Enregistrer
person-turn-on = Écrire en mon nom
person-turn-off = Désactiver et supprimer
person-turn-off-warning = Désactiver supprime cette personne, ici et sur les autres serveurs qui la connaissent, avec tout ce qui a été écrit en son nom. L’identifiant reste le vôtre.
person-saved = Enregistré.
person-turned-off = Désactivé : la personne et ce qu’elle a écrit sont supprimés.
person-handle-taken = Cet identifiant est déjà pris.
person-handle-fixed = L’identifiant a été choisi une fois et ne change pas.
person-handle-malformed = 1 à 64 lettres minuscules, chiffres, « - », « _ » ou « . », commençant par une lettre ou un chiffre.
person-name-too-long = 100 caractères au plus, sur une ligne.
person-myself = moi-même
person-set-up = Écrire en votre nom
