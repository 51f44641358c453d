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
    }
}
