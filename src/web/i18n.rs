//! Interface strings in German, French and English. Every key exists in all three: the
//! table's shape makes a missing translation a compile error.

use crate::vocab::Lang;

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
}

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::De => &DE,
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A partnership's status in words; an unconfirmed one says so.
pub fn partnership_status(status: &str, confirmed: bool, lang: Lang) -> &'static str {
    match (status, confirmed, lang) {
        ("proposed", _, Lang::De) => "vorgeschlagen",
        ("proposed", _, Lang::Fr) => "proposé",
        ("proposed", _, Lang::En) => "proposed",
        ("ended", _, Lang::De) => "beendet",
        ("ended", _, Lang::Fr) => "terminé",
        ("ended", _, Lang::En) => "ended",
        ("dormant", _, Lang::De) => "ruhend",
        ("dormant", _, Lang::Fr) => "en sommeil",
        ("dormant", _, Lang::En) => "dormant",
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

/// A whole number with the language's thousands separator.
pub fn format_number(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::De => ".",
        Lang::Fr => "\u{202f}",
        Lang::En => ",",
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

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
        ("de", &["feeds", "organisation", "partner", "status"]),
        ("fr", &["dates", "images", "organisations", "total"]),
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
