//! Interface strings in German, French and English. Every key exists in all three: the
//! table's shape makes a missing translation a compile error.

use crate::vocab::{Lang, PartnershipStatus};

macro_rules! strings {
    ($($key:ident: $de:literal, $fr:literal, $en:literal;)*) => {
        /// The interface strings of one language.
        pub struct Strings { $(pub $key: &'static str,)* }

        pub const DE: Strings = Strings { $($key: $de,)* };
        pub const FR: Strings = Strings { $($key: $fr,)* };
        pub const EN: Strings = Strings { $($key: $en,)* };

        impl Strings {
            /// Every (key, text) pair, for checks over the whole table.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key),)*]
            }
        }
    };
}

impl Strings {
    /// The heading of an error page for a status (the editors' pages and the public ones).
    pub fn error_heading(&self, status: axum::http::StatusCode) -> &'static str {
        use axum::http::StatusCode;
        match status {
            StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => self.error_forbidden,
            StatusCode::NOT_FOUND | StatusCode::GONE => self.error_not_found,
            s if s.is_server_error() => self.error_server,
            _ => self.error_request,
        }
    }
}

strings! {
    organisations: "Organisationen", "Organisations", "Organisations";
    latest_projects: "Neueste Projekte", "Derniers projets", "Latest projects";
    projects: "Projekte", "Projets", "Projects";
    pinned: "Hervorgehoben", "À la une", "Featured";
    followers: "Folgende", "Abonnés", "Followers";
    profile: "Profil", "Profil", "Profile";
    partners: "Partner", "Partenaires", "Partners";
    place: "Ort", "Lieu", "Place";
    dates: "Zeitraum", "Dates", "Dates";
    themes: "Themen", "Thèmes", "Themes";
    sdgs: "Nachhaltigkeitsziele", "Objectifs de développement durable", "Sustainable Development Goals";
    published: "Veröffentlicht", "Publié", "Published";
    updated: "Aktualisiert", "Mis à jour", "Updated";
    language_versions: "Sprachfassungen", "Versions linguistiques", "Language versions";
    follow_hint: "Folgen Sie uns im Fediverse (z. B. Mastodon) unter", "Suivez-nous dans le fédivers (p. ex. Mastodon) :", "Follow us on the fediverse (e.g. Mastodon) at";
    no_posts: "Noch keine Projekte.", "Pas encore de projets.", "No projects yet.";
    figures: "Zahlen", "Chiffres", "Figures";
    skip_to_content: "Zum Inhalt springen", "Aller au contenu", "Skip to content";
    interface_language: "Sprache", "Langue", "Language";
    back_to: "Zurück zu", "Retour à", "Back to";
    replies: "Antworten aus dem Fediverse", "Réponses du fédivers", "Replies from the fediverse";
    reactions: "Reaktionen", "Réactions", "Reactions";
    count_like_one: "Favorit", "favori", "like";
    count_like_many: "Favoriten", "favoris", "likes";
    count_share_one: "Mal geteilt", "partage", "share";
    count_share_many: "Mal geteilt", "partages", "shares";
    count_reply_one: "Antwort", "réponse", "reply";
    count_reply_many: "Antworten", "réponses", "replies";
    partnerships: "Partnerschaften", "Jumelages et partenariats", "Partnerships";
    partner: "Partner", "Partenaire", "Partner";
    network: "Netzwerk", "Réseau", "Network";
    kind: "Art", "Type", "Kind";
    since: "Seit", "Depuis", "Since";
    status: "Status", "Statut", "Status";
    main_navigation: "Hauptnavigation", "Navigation principale", "Main navigation";
    home: "Start", "Accueil", "Home";
    registry: "Partnerschaftsregister", "Registre des partenariats", "Partnership registry";
    statistics: "Statistik", "Statistiques", "Statistics";
    search: "Suche", "Recherche", "Search";
    about_network: "Über dieses Netzwerk", "À propos de ce réseau", "About this network";
    upcoming_events: "Kommende Termine", "Prochains rendez-vous", "Upcoming events";
    no_events: "Keine kommenden Termine.", "Aucun rendez-vous à venir.", "No upcoming events.";
    confirmed_partnerships: "Bestätigte Partnerschaften", "Partenariats confirmés", "Confirmed partnerships";
    featured_projects: "Hervorgehobene Projekte", "Projets à la une", "Featured projects";
    follow_from_mastodon: "Aus Mastodon folgen", "Suivre depuis Mastodon", "Follow from Mastodon";
    follow_box_intro: "Geben Sie Ihre Adresse im Fediverse ein. Wir leiten Sie zu Ihrem Server weiter, wo Sie das Folgen bestätigen.", "Saisissez votre adresse dans le fédivers. Nous vous renvoyons vers votre serveur, où vous confirmez l'abonnement.", "Enter your fediverse address. We send you to your own server, where you confirm the follow.";
    your_handle: "Ihre Adresse oder Ihr Server", "Votre adresse ou votre serveur", "Your address or your server";
    handle_example: "z. B. @anna@mastodon.social oder mastodon.social", "p. ex. @anna@mastodon.social ou mastodon.social", "e.g. @anna@mastodon.social or mastodon.social";
    follow_button: "Weiter zum Folgen", "Continuer pour suivre", "Continue to follow";
    handle_empty: "Bitte geben Sie Ihre Adresse ein.", "Veuillez saisir votre adresse.", "Please enter your address.";
    handle_invalid: "Das ist keine Adresse wie @name@server.example und kein Servername wie server.example.", "Ce n'est ni une adresse comme @nom@serveur.example ni un nom de serveur comme serveur.example.", "This is neither an address like @name@server.example nor a server name like server.example.";
    handle_is_here: "Diese Adresse gehört zu diesem Netzwerk. Folgen Sie von Ihrem eigenen Mastodon-Server aus.", "Cette adresse appartient à ce réseau. Suivez depuis votre propre serveur Mastodon.", "This address belongs to this network. Follow from your own Mastodon server.";
    error: "Fehler", "Erreur", "Error";
    feeds: "Feeds", "Flux", "Feeds";
    rss_feed: "RSS-Feed", "Flux RSS", "RSS feed";
    atom_feed: "Atom-Feed", "Flux Atom", "Atom feed";
    projects_of: "Projekte von", "Projets de", "Projects of";
    projects_on: "Projekte zum Thema", "Projets sur le thème", "Projects on";
    no_partnerships: "Keine Partnerschaften eingetragen.", "Aucun partenariat enregistré.", "No partnerships recorded.";
    filters: "Filter", "Filtres", "Filters";
    country_pair: "Länderpaar", "Paire de pays", "Country pair";
    region_pair: "Regionenpaar", "Paire de régions", "Region pair";
    first_country: "Erstes Land", "Premier pays", "First country";
    second_country: "Zweites Land", "Second pays", "Second country";
    first_region: "Erste Region", "Première région", "First region";
    second_region: "Zweite Region", "Seconde région", "Second region";
    choose_both: "Bitte beide wählen oder keines.", "Choisissez les deux ou aucun.", "Choose both or neither.";
    founded_from: "Gegründet ab", "Fondé à partir de", "Founded from";
    founded_to: "Gegründet bis", "Fondé jusqu'en", "Founded up to";
    year_invalid: "Bitte ein Jahr wie 1962 eingeben.", "Veuillez saisir une année comme 1962.", "Please enter a year such as 1962.";
    theme: "Thema", "Thème", "Theme";
    confirmed_only: "Nur von beiden Seiten bestätigte", "Seulement ceux confirmés par les deux côtés", "Only those confirmed by both sides";
    any: "alle", "tous", "any";
    show: "Anzeigen", "Afficher", "Show";
    reset_filters: "Filter zurücksetzen", "Réinitialiser les filtres", "Reset filters";
    results: "Treffer", "résultats", "results";
    organisation: "Organisation", "Organisme", "Organisation";
    countries: "Länder", "Pays", "Countries";
    map: "Karte", "Carte", "Map";
    map_description: "Punkte sind Organisationen, Linien verbinden Partner. Dieselben Partnerschaften stehen in der Tabelle.", "Les points sont des organismes, les lignes relient les partenaires. Les mêmes partenariats figurent dans le tableau.", "Points are organisations, lines join partners. The same partnerships are listed in the table.";
    map_missing: "ohne Koordinaten, nicht auf der Karte", "sans coordonnées, absents de la carte", "without coordinates, not on the map";
    previous: "Zurück", "Précédent", "Previous";
    next: "Weiter", "Suivant", "Next";
    status_proposed: "vorgeschlagen", "proposé", "proposed";
    status_active: "aktiv", "actif", "active";
    status_dormant: "ruhend", "en sommeil", "dormant";
    status_ended: "beendet", "terminé", "ended";
    by_country_pair: "Nach Länderpaar", "Par paire de pays", "By country pair";
    by_kind: "Nach Art", "Par type", "By kind";
    by_decade: "Nach Gründungsjahrzehnt", "Par décennie de fondation", "By founding decade";
    by_region: "Nach Region", "Par région", "By region";
    share_confirmed: "Von beiden Seiten bestätigt", "Confirmés par les deux côtés", "Confirmed by both sides";
    total: "Insgesamt", "Total", "Total";
    count: "Anzahl", "Nombre", "Count";
    as_table: "Als Tabelle", "Sous forme de tableau", "As a table";
    scope: "Umfang", "Périmètre", "Scope";
    scope_local: "Dieses Netzwerk", "Ce réseau", "This network";
    scope_federation: "Alle verbundenen Netzwerke (jede Partnerschaft einmal gezählt)", "Tous les réseaux reliés (chaque partenariat compté une fois)", "All connected networks (each partnership counted once)";
    not_reachable: "Nicht erreichbar", "Injoignables", "Not reachable";
    unknown: "unbekannt", "inconnue", "unknown";
    download_csv: "Daten als CSV", "Données en CSV", "Data as CSV";
    open_data: "Offene Daten", "Données ouvertes", "Open data";
    themes_list: "Themen der Projekte", "Thèmes des projets", "Project themes";
    read_in: "Lesen auf", "Lire en", "Read in";
    images: "Bilder", "Images", "Images";
    none_yet: "Noch keine Daten.", "Pas encore de données.", "No data yet.";
    // editors' and operators' interface
    log_in: "Anmelden", "Se connecter", "Log in";
    log_out: "Abmelden", "Se déconnecter", "Log out";
    logged_in_as: "Angemeldet als", "Connecté·e en tant que", "Logged in as";
    username: "Benutzername", "Nom d’utilisateur", "Username";
    password: "Passwort", "Mot de passe", "Password";
    login_failed: "Benutzername oder Passwort ist falsch.", "Nom d’utilisateur ou mot de passe incorrect.", "Wrong username or password.";
    too_many_logins_prefix: "Zu viele fehlgeschlagene Anmeldungen. Bitte versuchen Sie es erneut in", "Trop de tentatives de connexion échouées. Réessayez dans", "Too many failed logins. Please try again in";
    minutes: "Minuten.", "minutes.", "minutes.";
    csrf_failed: "Dieses Formular ist abgelaufen oder stammt nicht von dieser Seite. Bitte laden Sie die Seite neu und senden Sie es erneut.", "Ce formulaire a expiré ou ne provient pas de ce site. Rechargez la page et renvoyez-le.", "This form has expired or did not come from this site. Please reload the page and send it again.";
    required: "Bitte ausfüllen.", "Champ obligatoire.", "Required.";
    too_long: "Zu lang.", "Trop long.", "Too long.";
    bad_value: "Ungültiger Wert.", "Valeur non valide.", "Invalid value.";
    bad_date: "Ein Datum wie 2026-07-20.", "Une date comme 2026-07-20.", "A date such as 2026-07-20.";
    bad_year: "Eine Jahreszahl, z. B. 1962.", "Une année, p. ex. 1962.", "A year, e.g. 1962.";
    bad_domain: "Ein Servername wie beispiel.org, nicht diese Instanz.", "Un nom de serveur comme exemple.org, pas cette instance.", "A host name such as example.org, not this instance.";
    editor_navigation: "Redaktion", "Rédaction", "Editing";
    editors_interface: "Redaktion", "Espace de rédaction", "Editors’ interface";
    my_organisations: "Meine Organisationen", "Mes organisations", "My organisations";
    administration: "Verwaltung", "Administration", "Administration";
    no_organisations: "Sie sind noch für keine Organisation als Redakteur:in eingetragen. Bitten Sie die Verwaltung dieser Instanz darum.", "Vous n’êtes encore rédacteur·rice d’aucune organisation. Demandez-le à l’administration de cette instance.", "You are not an editor of any organisation yet. Ask this instance’s administrators.";
    sections: "Bereiche", "Rubriques", "Sections";
    public_profile: "Öffentliches Profil ansehen", "Voir le profil public", "See the public profile";
    new_post: "Neuer Beitrag", "Nouvelle publication", "New post";
    edit_post: "Beitrag bearbeiten", "Modifier la publication", "Edit post";
    edit: "Bearbeiten", "Modifier", "Edit";
    delete: "Löschen", "Supprimer", "Delete";
    pin: "Hervorheben", "Mettre à la une", "Pin";
    unpin: "Nicht mehr hervorheben", "Retirer de la une", "Unpin";
    post_published: "Der Beitrag ist veröffentlicht.", "La publication est en ligne.", "The post is published.";
    post_updated: "Der Beitrag ist aktualisiert.", "La publication est mise à jour.", "The post is updated.";
    post_deleted: "Der Beitrag ist gelöscht.", "La publication est supprimée.", "The post is deleted.";
    delivery_status: "Zustellung", "Distribution", "Delivery";
    delivered_to: "Zugestellt an", "Distribué à", "Delivered to";
    of: "von", "sur", "of";
    instances: "Instanzen", "instances", "instances";
    instance: "Instanz", "Instance", "Instance";
    no_recipients: "Noch an keine andere Instanz verschickt.", "Envoyé à aucune autre instance pour l’instant.", "Not sent to any other instance yet.";
    failing: "Fehlgeschlagen", "En échec", "Failing";
    waiting: "wartend", "en attente", "waiting";
    attempts: "Versuche", "Tentatives", "Attempts";
    last_error: "Letzter Fehler", "Dernière erreur", "Last error";
    form_has_errors: "Das Formular enthält Fehler; sie stehen bei den jeweiligen Feldern.", "Le formulaire contient des erreurs, indiquées à côté des champs concernés.", "The form has errors; each is shown next to its field.";
    preview: "Vorschau", "Aperçu", "Preview";
    main_language: "Hauptsprache", "Langue principale", "Main language";
    main_language_unwritten: "In der Hauptsprache ist noch nichts geschrieben.", "Rien n’est encore écrit dans la langue principale.", "Nothing is written in the main language yet.";
    languages_hint: "Füllen Sie eine oder mehrere Sprachfassungen aus; leere Sprachen werden nicht veröffentlicht.", "Remplissez une ou plusieurs versions linguistiques ; les langues vides ne sont pas publiées.", "Fill in one or more language versions; empty languages are not published.";
    write_one_language: "Schreiben Sie mindestens eine Sprachfassung.", "Rédigez au moins une version linguistique.", "Write at least one language version.";
    title: "Titel", "Titre", "Title";
    summary: "Zusammenfassung", "Résumé", "Summary";
    summary_required: "Bitte ausfüllen: Mastodon zeigt nur Titel und Zusammenfassung.", "Champ obligatoire : Mastodon n’affiche que le titre et le résumé.", "Required: Mastodon shows only the title and summary.";
    body: "Text", "Texte", "Text";
    post_images: "Bilder", "Images", "Images";
    add_image: "Bild hinzufügen (JPEG, PNG, WebP oder GIF)", "Ajouter une image (JPEG, PNG, WebP ou GIF)", "Add an image (JPEG, PNG, WebP or GIF)";
    alt_text: "Bildbeschreibung (Alternativtext)", "Description de l’image (texte alternatif)", "Image description (alt text)";
    alt_hint: "Beschreiben Sie, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen können.", "Décrivez ce que montre l’image, pour les personnes qui ne peuvent pas la voir.", "Describe what the image shows, for people who cannot see it.";
    alt_required: "Bitte beschreiben Sie das Bild (Pflichtfeld).", "Décrivez l’image (obligatoire).", "Describe the image (required).";
    alt_required_upload: "Bitte beschreiben Sie das Bild (Pflichtfeld) und wählen Sie die Datei erneut aus.", "Décrivez l’image (obligatoire) et choisissez à nouveau le fichier.", "Describe the image (required) and choose the file again.";
    choose_image: "Wählen Sie eine Bilddatei zu dieser Beschreibung.", "Choisissez un fichier image pour cette description.", "Choose an image file for this description.";
    remove_image: "Bild entfernen", "Retirer l’image", "Remove image";
    upload_too_large: "Die Datei ist zu groß.", "Le fichier est trop volumineux.", "The file is too large.";
    not_an_image: "Diese Datei ist kein Bild in einem unterstützten Format (JPEG, PNG, WebP, GIF).", "Ce fichier n’est pas une image dans un format pris en charge (JPEG, PNG, WebP, GIF).", "This file is not an image in a supported format (JPEG, PNG, WebP, GIF).";
    too_many_pixels: "Das Bild ist zu groß (höchstens 12.000 Pixel je Seite).", "L’image est trop grande (12 000 pixels par côté au plus).", "The image is too big (at most 12,000 pixels per side).";
    sdg: "Ziel", "Objectif", "Goal";
    starts_on: "Beginn", "Début", "Starts";
    ends_on: "Ende", "Fin", "Ends";
    ends_before_start: "Das Ende liegt vor dem Beginn.", "La fin précède le début.", "The end is before the start.";
    partners_hint: "Eine Organisation je Zeile: ein Name dieser Instanz (stadt-dortmund) oder die Adresse eines Profils.", "Une organisation par ligne : un identifiant de cette instance (ville-amiens) ou l’adresse d’un profil.", "One organisation per line: a handle on this instance (stadt-dortmund) or a profile’s URL.";
    publish: "Veröffentlichen", "Publier", "Publish";
    save_changes: "Änderungen veröffentlichen", "Publier les modifications", "Publish changes";
    cancel: "Abbrechen", "Annuler", "Cancel";
    followers_and_follows: "Folgende und Gefolgte", "Abonnés et abonnements", "Followers and follows";
    follow_someone: "Einem Konto im Fediverse folgen", "Suivre un compte du fédivers", "Follow an account on the fediverse";
    fediverse_address: "Adresse im Fediverse", "Adresse dans le fédivers", "Fediverse address";
    fediverse_address_hint: "Zum Beispiel @ville-amiens@afccre.example oder die Adresse des Profils.", "Par exemple @stadt-dortmund@nrw.example ou l’adresse du profil.", "For example @ville-amiens@afccre.example, or the profile’s URL.";
    follow: "Folgen", "Suivre", "Follow";
    unfollow: "Nicht mehr folgen", "Ne plus suivre", "Unfollow";
    follow_sent: "Folgeanfrage gesendet an", "Demande d’abonnement envoyée à", "Follow request sent to";
    unfollowed: "Sie folgen diesem Konto nicht mehr.", "Vous ne suivez plus ce compte.", "You no longer follow this account.";
    cannot_follow_self: "Eine Organisation kann sich nicht selbst folgen.", "Une organisation ne peut pas se suivre elle-même.", "An organisation cannot follow itself.";
    lookup_malformed: "„{target}“ ist weder @name@server noch eine Adresse (https://…).", "« {target} » n’est ni un @nom@serveur ni une adresse (https://…).", "“{target}” is neither @name@server nor an address (https://…).";
    lookup_unknown_here: "Hier gibt es keine Organisation „{target}“.", "Il n’y a pas d’organisation « {target} » ici.", "There is no organisation “{target}” here.";
    lookup_blocked: "Der Server {target} ist hier gesperrt.", "Le serveur {target} est bloqué ici.", "The server {target} is blocked here.";
    lookup_webfinger_status: "Die Suche nach {target} (WebFinger) ist gescheitert: der Server antwortete HTTP {status}.", "La recherche de {target} (WebFinger) a échoué : le serveur a répondu HTTP {status}.", "Looking up {target} (WebFinger) failed: the server answered HTTP {status}.";
    lookup_webfinger_failed: "Die Suche nach {target} (WebFinger) ist gescheitert: {reason}", "La recherche de {target} (WebFinger) a échoué : {reason}", "Looking up {target} (WebFinger) failed: {reason}";
    lookup_no_actor: "{target} wurde gefunden, hat aber kein ActivityPub-Profil.", "{target} a été trouvé, mais n’a pas de profil ActivityPub.", "{target} was found but has no ActivityPub profile.";
    lookup_actor_status: "Das Profil {target} konnte nicht abgerufen werden: der Server antwortete HTTP {status}.", "Le profil {target} n’a pas pu être récupéré : le serveur a répondu HTTP {status}.", "The profile {target} could not be fetched: the server answered HTTP {status}.";
    lookup_actor_failed: "Das Profil {target} konnte nicht abgerufen werden: {reason}", "Le profil {target} n’a pas pu être récupéré : {reason}", "The profile {target} could not be fetched: {reason}";
    lookup_invalid: "{target} ist kein verwendbares Profil: {reason}", "{target} n’est pas un profil utilisable : {reason}", "{target} is not a usable profile: {reason}";
    follow_requests: "Folgeanfragen", "Demandes d’abonnement", "Follow requests";
    following: "Gefolgt", "Abonnements", "Following";
    awaiting_approval: "wartet auf Bestätigung", "en attente d’approbation", "awaiting approval";
    accept: "Annehmen", "Accepter", "Accept";
    reject: "Ablehnen", "Refuser", "Reject";
    decline: "Ablehnen", "Décliner", "Decline";
    request_accepted: "Die Anfrage ist angenommen.", "La demande est acceptée.", "The request is accepted.";
    request_rejected: "Die Anfrage ist abgelehnt.", "La demande est refusée.", "The request is rejected.";
    no_such_request: "Diese Folgeanfrage gibt es nicht (mehr).", "Cette demande d’abonnement n’existe pas (ou plus).", "There is no such follow request (any more).";
    none: "Keine.", "Aucun.", "None.";
    propose_partnership: "Partnerschaft vorschlagen", "Proposer un partenariat", "Propose a partnership";
    propose: "Vorschlagen", "Proposer", "Propose";
    founded_year: "Gründungsjahr", "Année de création", "Year founded";
    description: "Beschreibung", "Description", "Description";
    awaiting_partner: "wartet auf die Antwort des Partners", "en attente de la réponse du partenaire", "awaiting the partner’s answer";
    mark_dormant: "Als ruhend markieren", "Marquer en sommeil", "Mark dormant";
    mark_active: "Wieder aktiv", "De nouveau actif", "Active again";
    end_partnership: "Beenden", "Mettre fin", "End";
    partnership_proposed: "Der Vorschlag ist verschickt; die Partnerschaft gilt als bestätigt, sobald die andere Seite annimmt.", "La proposition est envoyée ; le partenariat sera confirmé quand l’autre partie l’acceptera.", "The proposal is sent; the partnership is confirmed once the other side accepts.";
    partnership_accepted: "Die Partnerschaft ist bestätigt.", "Le partenariat est confirmé.", "The partnership is confirmed.";
    partnership_declined: "Der Vorschlag ist abgelehnt.", "La proposition est déclinée.", "The proposal is declined.";
    partnership_changed: "Die Partnerschaft ist geändert.", "Le partenariat est modifié.", "The partnership is changed.";
    no_such_partnership: "Diese Partnerschaft gibt es hier nicht.", "Ce partenariat n’existe pas ici.", "There is no such partnership here.";
    no_such_organisation: "Keine Organisation", "Aucune organisation", "No organisation";
    not_your_organisation: "Sie sind nicht als Redakteur:in dieser Organisation eingetragen.", "Vous n’êtes pas rédacteur·rice de cette organisation.", "You are not an editor of this organisation.";
    error_forbidden: "Kein Zugriff", "Accès refusé", "Not allowed";
    error_not_found: "Nicht gefunden", "Introuvable", "Not found";
    error_request: "Die Anfrage ging nicht", "La demande n’a pas abouti", "The request did not work";
    error_server: "Ein Fehler auf unserer Seite", "Une erreur de notre côté", "An error on our side";
    error_server_detail: "Etwas ist schiefgegangen. Bitte versuchen Sie es in einigen Minuten erneut.", "Quelque chose s’est mal passé. Réessayez dans quelques minutes.", "Something went wrong. Please try again in a few minutes.";
    error_not_found_detail: "Diese Seite gibt es nicht oder nicht mehr. Vielleicht finden Sie über die Suche, was Sie suchen.", "Cette page n’existe pas ou plus. La recherche vous aidera peut-être à trouver ce que vous cherchez.", "This page does not exist, or no longer does. The search may help you find what you are looking for.";
    error_forbidden_detail: "Diese Seite ist hier nicht zugänglich.", "Cette page n’est pas accessible ici.", "This page cannot be shown here.";
    error_request_detail: "Bitte prüfen Sie die Adresse oder die Angaben im Formular.", "Vérifiez l’adresse ou les informations du formulaire.", "Please check the address or what was entered in the form.";
    error_details: "Technische Angabe", "Détail technique", "Technical detail";
    back_home: "Zur Startseite", "Retour à l’accueil", "Back to the home page";
    operators_only: "Nur für die Verwaltung und Moderation dieser Instanz.", "Réservé à l’administration et à la modération de cette instance.", "Only for this instance’s administrators and moderators.";
    admins_only: "Nur für die Verwaltung dieser Instanz.", "Réservé à l’administration de cette instance.", "Only for this instance’s administrators.";
    federation_health: "Föderation", "Fédération", "Federation health";
    queue_pending: "Zustellungen in der Warteschlange", "Envois en file d’attente", "Deliveries queued";
    queue_failing: "davon mit Fehlversuchen", "dont en échec", "of which failing";
    queue_delivered: "Zugestellt", "Distribués", "Delivered";
    queue_gave_up: "Aufgegeben", "Abandonnés", "Given up";
    instances_with_trouble: "Instanzen mit Wartenden oder Fehlern", "Instances avec envois en attente ou en échec", "Instances with queued or failing deliveries";
    subscriptions_heading: "Netzwerke und Relays", "Réseaux et relais", "Networks and relays";
    no_subscriptions: "Diese Instanz hat kein Netzwerk und kein Relay abonniert.", "Cette instance n’est abonnée à aucun réseau ni relais.", "This instance subscribes to no network and no relay.";
    subscription_kind: "Art", "Type", "Kind";
    subscription_style: "Protokoll", "Protocole", "Protocol";
    subscription_peer: "Partnernetzwerk", "Réseau partenaire", "Peer network";
    subscription_relay: "Relay-Server", "Relais", "Relay";
    subscription_pending: "angefragt, noch keine Antwort", "demandé, sans réponse", "requested, no answer yet";
    subscription_accepted: "angenommen", "accepté", "accepted";
    subscription_rejected: "abgelehnt", "refusé", "rejected";
    all_instances_fine: "Alle Instanzen sind erreichbar; nichts wartet.", "Toutes les instances sont joignables ; rien n’attend.", "Every instance is reachable; nothing is waiting.";
    failing_since: "Fehler seit", "En échec depuis", "Failing since";
    unreachable: "unerreichbar", "injoignable", "unreachable";
    accounts: "Konten", "Comptes", "Accounts";
    roles: "Rollen", "Rôles", "Roles";
    create_account: "Konto anlegen", "Créer un compte", "Create an account";
    account_created: "Das Konto ist angelegt.", "Le compte est créé.", "The account is created.";
    no_such_account: "Kein Konto", "Aucun compte", "No account";
    grant_role: "Rolle vergeben", "Attribuer un rôle", "Grant a role";
    grant: "Vergeben", "Attribuer", "Grant";
    revoke: "Entziehen", "Retirer", "Revoke";
    roles_changed: "Die Rollen sind geändert.", "Les rôles sont modifiés.", "The roles are changed.";
    api_tokens: "API-Schlüssel", "Jetons d’API", "API tokens";
    name: "Name", "Nom", "Name";
    created: "Angelegt", "Créé", "Created";
    last_used: "Zuletzt benutzt", "Dernière utilisation", "Last used";
    revoked: "widerrufen", "révoqué", "revoked";
    token_name: "Bezeichnung des neuen Schlüssels", "Nom du nouveau jeton", "Name of the new token";
    issue_token: "Schlüssel ausstellen", "Émettre un jeton", "Issue a token";
    token_shown_once: "Der neue Schlüssel wird nur dieses eine Mal angezeigt:", "Le nouveau jeton n’est affiché qu’une seule fois :", "The new token is shown only this once:";
    token_revoked: "Der Schlüssel ist widerrufen.", "Le jeton est révoqué.", "The token is revoked.";
    end_sessions: "Alle Anmeldungen dieses Kontos beenden", "Fermer toutes les sessions de ce compte", "End all of this account’s sessions";
    sessions_ended: "Alle Anmeldungen dieses Kontos sind beendet.", "Toutes les sessions de ce compte sont fermées.", "All of this account’s sessions are ended.";
    handle: "Kennung", "Identifiant", "Handle";
    country: "Land (zwei Buchstaben, z. B. DE)", "Pays (deux lettres, p. ex. FR)", "Country (two letters, e.g. DE)";
    working_languages: "Arbeitssprachen", "Langues de travail", "Working languages";
    create_organisation: "Organisation anlegen", "Créer une organisation", "Create an organisation";
    organisation_created: "Die Organisation ist angelegt:", "L’organisation est créée :", "The organisation is created:";
    moderation: "Moderation", "Modération", "Moderation";
    reports: "Meldungen", "Signalements", "Reports";
    resolved: "erledigt", "traité", "resolved";
    mark_resolved: "Als erledigt markieren", "Marquer comme traité", "Mark resolved";
    report_resolved: "Die Meldung ist erledigt.", "Le signalement est traité.", "The report is resolved.";
    remove_content: "Inhalt entfernen", "Retirer le contenu", "Remove content";
    content_removed: "Der Inhalt ist entfernt.", "Le contenu est retiré.", "The content is removed.";
    domain_blocks: "Gesperrte Instanzen", "Instances bloquées", "Blocked instances";
    reason: "Grund", "Motif", "Reason";
    block_instance: "Instanz sperren", "Bloquer l’instance", "Block instance";
    unblock: "Entsperren", "Débloquer", "Unblock";
    block_added: "Die Instanz ist gesperrt.", "L’instance est bloquée.", "The instance is blocked.";
    block_removed: "Die Instanz ist nicht mehr gesperrt.", "L’instance n’est plus bloquée.", "The instance is no longer blocked.";
    from_config: "aus der Konfiguration", "depuis la configuration", "from the configuration";
    suspended_actors: "Gesperrte Konten anderer Instanzen", "Comptes suspendus d’autres instances", "Suspended accounts of other instances";
    suspend: "Sperren", "Suspendre", "Suspend";
    unsuspend: "Sperre aufheben", "Lever la suspension", "Lift suspension";
    suspended: "Das Konto ist gesperrt; seine Beiträge sind entfernt.", "Le compte est suspendu ; ses publications sont retirées.", "The account is suspended; its posts are removed.";
    unsuspended: "Die Sperre ist aufgehoben.", "La suspension est levée.", "The suspension is lifted.";
    cannot_suspend_local: "Organisationen dieser Instanz werden unter „Organisationen“ verwaltet, nicht gesperrt.", "Les organisations de cette instance se gèrent sous « Organisations », elles ne se suspendent pas.", "This instance’s organisations are managed under “Organisations”, not suspended.";
    // security
    nul_refused: "Enthält ein NUL-Zeichen (U+0000), das nicht gespeichert werden kann (hier als � gezeigt).", "Contient un caractère NUL (U+0000), qui ne peut pas être enregistré (affiché ici comme �).", "Contains a NUL character (U+0000), which cannot be stored (shown here as �).";
    image_too_many_pixels: "Das Bild hat zu viele Pixel (höchstens 40 Megapixel, z. B. 8000 × 5000, und 12.000 je Seite).", "L’image a trop de pixels (40 mégapixels au plus, p. ex. 8000 × 5000, et 12 000 par côté).", "The image has too many pixels (at most 40 megapixels, e.g. 8000 × 5000, and 12,000 per side).";
    too_many_partners: "Höchstens {max} Partner je Beitrag.", "{max} partenaires au plus par publication.", "At most {max} partners per post.";
    partners_hint_remote: "Eine Organisation je Zeile: ein Name dieser Instanz (stadt-dortmund), @name@server einer anderen Instanz oder die Adresse eines Profils. Jeder Partner wird bei der Vorschau nachgeschlagen.", "Une organisation par ligne : un identifiant de cette instance (ville-amiens), @nom@serveur d’une autre instance ou l’adresse d’un profil. Chaque partenaire est vérifié dès l’aperçu.", "One organisation per line: a handle on this instance (stadt-dortmund), @name@server on another instance, or a profile’s URL. Each partner is looked up when you preview.";
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A partnership's status in words; an unconfirmed one says so.
pub fn partnership_status(status: PartnershipStatus, confirmed: bool, lang: Lang) -> &'static str {
    use PartnershipStatus::{Dormant, Ended, Proposed};
    match (status, confirmed, lang) {
        (Proposed, _, Lang::De) => "vorgeschlagen",
        (Proposed, _, Lang::Fr) => "proposé",
        (Proposed, _, Lang::En) => "proposed",
        (Ended, _, Lang::De) => "beendet",
        (Ended, _, Lang::Fr) => "terminé",
        (Ended, _, Lang::En) => "ended",
        (Dormant, _, Lang::De) => "ruhend",
        (Dormant, _, Lang::Fr) => "en sommeil",
        (Dormant, _, Lang::En) => "dormant",
        (_, true, Lang::De) => "bestätigt",
        (_, true, Lang::Fr) => "confirmé",
        (_, true, Lang::En) => "confirmed",
        (_, false, Lang::De) => "unbestätigt",
        (_, false, Lang::Fr) => "non confirmé",
        (_, false, Lang::En) => "unconfirmed",
    }
}

/// A date as people in that language write it.
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    const FR_MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const DE_MONTHS: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    use chrono::Datelike;
    let m = date.month0() as usize;
    match lang {
        Lang::De => format!("{}. {} {}", date.day(), DE_MONTHS[m], date.year()),
        Lang::Fr => format!("{} {} {}", date.day(), FR_MONTHS[m], date.year()),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A founding decade (`1960s`, `unknown`) as the language says it.
pub fn format_decade(decade: &str, lang: Lang) -> String {
    match decade.strip_suffix('s').and_then(|d| d.parse::<i32>().ok()) {
        Some(d) => match lang {
            Lang::De => format!("{d}er"),
            Lang::Fr => format!("années {d}"),
            Lang::En => format!("{d}s"),
        },
        None => strings(lang).unknown.to_string(),
    }
}

/// A share (0.0 to 1.0) as a whole percentage, spaced as the language writes it.
pub fn format_percent(share: f64, lang: Lang) -> String {
    let n = (share * 100.0).round() as i64;
    match lang {
        Lang::De => format!("{n}\u{a0}%"),
        Lang::Fr => format!("{n}\u{202f}%"),
        Lang::En => format!("{n}%"),
    }
}

pub use crate::text::format_number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_per_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(format_date(d, Lang::De), "5. März 2026");
        assert_eq!(format_date(d, Lang::Fr), "5 mars 2026");
        assert_eq!(format_date(d, Lang::En), "5 March 2026");
        assert_eq!(format_number(601_150, Lang::De), "601.150");
        assert_eq!(format_number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(format_number(999, Lang::Fr), "999");
        assert_eq!(format_percent(0.756, Lang::En), "76%");
        assert_eq!(format_percent(0.5, Lang::De), "50\u{a0}%");
        assert_eq!(format_decade("1960s", Lang::Fr), "années 1960");
        assert_eq!(format_decade("1960s", Lang::De), "1960er");
        assert_eq!(format_decade("unknown", Lang::De), "unbekannt");
    }

    /// Words that are the same in English and the other language, on purpose.
    const SAME_AS_ENGLISH: &[(&str, &[&str])] = &[
        (
            "de",
            &[
                "body",
                "feeds",
                "moderation",
                "name",
                "organisation",
                "partner",
                "status",
            ],
        ),
        (
            "fr",
            &[
                "administration",
                "dates",
                "description",
                "images",
                "instance",
                "instances",
                "minutes",
                "organisations",
                "post_images",
                "total",
            ],
        ),
    ];

    #[test]
    fn every_string_is_translated() {
        let en = EN.entries();
        for (code, table) in [("de", DE.entries()), ("fr", FR.entries())] {
            assert_eq!(table.len(), en.len());
            let allowed = SAME_AS_ENGLISH
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, keys)| *keys)
                .unwrap_or(&[]);
            let mut copied = Vec::new();
            for ((key, text), (_, english)) in table.iter().zip(&en) {
                assert!(!text.trim().is_empty(), "{code}.{key} is empty");
                if text == english && !allowed.contains(key) {
                    copied.push(*key);
                }
                // Keep the list of exceptions honest.
                if allowed.contains(key) {
                    assert_eq!(
                        text, english,
                        "{code}.{key} is listed as the same as English"
                    );
                }
            }
            assert!(copied.is_empty(), "{code} copies English for {copied:?}");
        }
        for (key, text) in &en {
            assert!(!text.trim().is_empty(), "en.{key} is empty");
        }
    }
}
