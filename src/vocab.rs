//! The domain's fixed vocabularies: interface and content languages, organisation kinds,
//! the networks' themes and the UN Sustainable Development Goals.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A language passerelle offers for content and interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    De,
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::De, Lang::Fr, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in itself, for language switches.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "de" => Ok(Lang::De),
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!(
                "unknown language `{other}` (expected de, fr or en)"
            )),
        }
    }
}

/// What kind of body an organisation actor stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum OrgKind {
    Municipality,
    District,
    Region,
    Association,
    Network,
    School,
    Other,
}

impl OrgKind {
    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Municipality => "municipality",
            OrgKind::District => "district",
            OrgKind::Region => "region",
            OrgKind::Association => "association",
            OrgKind::Network => "network",
            OrgKind::School => "school",
            OrgKind::Other => "other",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use OrgKind::*;
        match (self, lang) {
            (Municipality, Lang::De) => "Gemeinde/Stadt",
            (Municipality, Lang::Fr) => "Commune",
            (Municipality, Lang::En) => "Municipality",
            (District, Lang::De) => "Kreis",
            (District, Lang::Fr) => "Département",
            (District, Lang::En) => "District",
            (Region, Lang::De) => "Land/Region",
            (Region, Lang::Fr) => "Région",
            (Region, Lang::En) => "Region",
            (Association, Lang::De) => "Partnerschaftsverein",
            (Association, Lang::Fr) => "Comité de jumelage",
            (Association, Lang::En) => "Partnership association",
            (Network, Lang::De) => "Netzwerk",
            (Network, Lang::Fr) => "Réseau",
            (Network, Lang::En) => "Network",
            (School, Lang::De) => "Schule",
            (School, Lang::Fr) => "École",
            (School, Lang::En) => "School",
            (Other, Lang::De) => "Zivilgesellschaft",
            (Other, Lang::Fr) => "Société civile",
            (Other, Lang::En) => "Civil society",
        }
    }
}

impl FromStr for OrgKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <OrgKind as clap::ValueEnum>::from_str(s, true)
            .map_err(|_| format!("unknown organisation kind `{s}`"))
    }
}

/// A theme the networks name, with its label and hashtag in each language.
pub struct Theme {
    pub slug: &'static str,
    pub de: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
}

impl Theme {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::De => self.de,
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }

    /// A Mastodon-compatible hashtag (letters and digits only) in the given language.
    pub fn hashtag(&self, lang: Lang) -> String {
        let mut tag = String::from("#");
        for word in self.label(lang).split(|c: char| !c.is_alphanumeric()) {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                tag.extend(first.to_uppercase());
                tag.push_str(chars.as_str());
            }
        }
        tag
    }
}

macro_rules! themes {
    ($(($slug:literal, $de:literal, $fr:literal, $en:literal)),* $(,)?) => {
        pub const THEMES: &[Theme] = &[$(Theme { slug: $slug, de: $de, fr: $fr, en: $en }),*];
    };
}

themes![
    (
        "reconciliation",
        "Völkerverständigung",
        "Réconciliation",
        "Reconciliation"
    ),
    (
        "european-integration",
        "Europäische Integration",
        "Intégration européenne",
        "European integration"
    ),
    ("youth", "Jugend", "Jeunesse", "Youth"),
    ("education", "Bildung und Schule", "Éducation", "Education"),
    ("culture", "Kultur", "Culture", "Culture"),
    ("sport", "Sport", "Sport", "Sport"),
    (
        "social",
        "Soziales Engagement",
        "Engagement social",
        "Social engagement"
    ),
    ("inclusion", "Inklusion", "Inclusion", "Inclusion"),
    ("climate", "Klimaschutz", "Climat", "Climate protection"),
    ("environment", "Umwelt", "Environnement", "Environment"),
    ("mobility", "Mobilität", "Mobilité", "Mobility"),
    (
        "demography",
        "Demografischer Wandel",
        "Démographie",
        "Demographic change"
    ),
    (
        "structural-change",
        "Strukturwandel",
        "Mutations économiques",
        "Structural change"
    ),
    (
        "migration",
        "Migration und Integration",
        "Migration et intégration",
        "Migration and integration"
    ),
    (
        "digitalisation",
        "Digitalisierung",
        "Numérique",
        "Digitalisation"
    ),
    ("economy", "Wirtschaft", "Économie", "Economy"),
    ("remembrance", "Erinnerungskultur", "Mémoire", "Remembrance"),
    (
        "humanitarian-aid",
        "Humanitäre Hilfe",
        "Aide humanitaire",
        "Humanitarian aid"
    ),
    (
        "administration",
        "Verwaltungsaustausch",
        "Échanges administratifs",
        "Administration exchange"
    ),
];

pub fn theme(slug: &str) -> Option<&'static Theme> {
    THEMES.iter().find(|t| t.slug == slug)
}

/// The theme or SDG a hashtag (in any language, any case, with or without `#`) stands for.
pub fn from_hashtag(tag: &str) -> Option<(Option<&'static Theme>, Option<i16>)> {
    let tag = tag.trim_start_matches('#').to_lowercase();
    if let Some(n) = tag
        .strip_prefix("sdg")
        .and_then(|n| n.parse::<i16>().ok())
        .filter(|n| (1..=17).contains(n))
    {
        return Some((None, Some(n)));
    }
    THEMES
        .iter()
        .find(|t| {
            Lang::ALL
                .iter()
                .any(|l| t.hashtag(*l)[1..].to_lowercase() == tag)
                || t.slug == tag
        })
        .map(|t| (Some(t), None))
}

/// Hashtag of a UN Sustainable Development Goal (1 to 17).
pub fn sdg_hashtag(goal: i16) -> String {
    format!("#SDG{goal}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashtags_are_mastodon_compatible() {
        for t in THEMES {
            for lang in Lang::ALL {
                let tag = t.hashtag(lang);
                assert!(tag.len() > 1, "{}", t.slug);
                assert!(tag[1..].chars().all(char::is_alphanumeric), "{tag}");
            }
        }
        assert_eq!(
            theme("climate").map(|t| t.hashtag(Lang::De)).as_deref(),
            Some("#Klimaschutz")
        );
        assert_eq!(
            theme("european-integration")
                .map(|t| t.hashtag(Lang::Fr))
                .as_deref(),
            Some("#IntégrationEuropéenne")
        );
    }

    #[test]
    fn languages_parse_case_insensitively() {
        assert_eq!("FR".parse::<Lang>(), Ok(Lang::Fr));
        assert!("it".parse::<Lang>().is_err());
    }
}

/// Kinds of partnership, as the RGRE database types them, plus regional and school ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PartnershipKind {
    /// Partnerschaft / jumelage: formal twinning by council decision.
    Twinning,
    /// Freundschaft / amitié.
    Friendship,
    /// Kontakt / contact.
    Contact,
    /// Projektpartnerschaft / partenariat de projet.
    Project,
    /// Regional partnership (e.g. NRW – Hauts-de-France).
    Regional,
    /// School partnership.
    School,
}

impl PartnershipKind {
    pub const ALL: [PartnershipKind; 6] = [
        PartnershipKind::Twinning,
        PartnershipKind::Friendship,
        PartnershipKind::Contact,
        PartnershipKind::Project,
        PartnershipKind::Regional,
        PartnershipKind::School,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PartnershipKind::Twinning => "twinning",
            PartnershipKind::Friendship => "friendship",
            PartnershipKind::Contact => "contact",
            PartnershipKind::Project => "project",
            PartnershipKind::Regional => "regional",
            PartnershipKind::School => "school",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use PartnershipKind::*;
        match (self, lang) {
            (Twinning, Lang::De) => "Städtepartnerschaft",
            (Twinning, Lang::Fr) => "Jumelage",
            (Twinning, Lang::En) => "Twinning",
            (Friendship, Lang::De) => "Freundschaft",
            (Friendship, Lang::Fr) => "Amitié",
            (Friendship, Lang::En) => "Friendship",
            (Contact, Lang::De) => "Kontakt",
            (Contact, Lang::Fr) => "Contact",
            (Contact, Lang::En) => "Contact",
            (Project, Lang::De) => "Projektpartnerschaft",
            (Project, Lang::Fr) => "Partenariat de projet",
            (Project, Lang::En) => "Project partnership",
            (Regional, Lang::De) => "Regionalpartnerschaft",
            (Regional, Lang::Fr) => "Partenariat régional",
            (Regional, Lang::En) => "Regional partnership",
            (School, Lang::De) => "Schulpartnerschaft",
            (School, Lang::Fr) => "Partenariat scolaire",
            (School, Lang::En) => "School partnership",
        }
    }
}

impl FromStr for PartnershipKind {
    type Err = String;
    /// Accepts our codes and the words networks use in their lists (de, fr, en).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_lowercase();
        let kind = match k.as_str() {
            "twinning" | "partnerschaft" | "städtepartnerschaft" | "jumelage" | "partenariat" => {
                PartnershipKind::Twinning
            }
            "friendship" | "freundschaft" | "amitié" | "amitie" | "pacte d'amitié" => {
                PartnershipKind::Friendship
            }
            "contact" | "kontakt" => PartnershipKind::Contact,
            "project"
            | "projektpartnerschaft"
            | "partenariat de projet"
            | "project partnership" => PartnershipKind::Project,
            "regional"
            | "regionalpartnerschaft"
            | "partenariat régional"
            | "regional partnership" => PartnershipKind::Regional,
            "school" | "schulpartnerschaft" | "partenariat scolaire" | "school partnership" => {
                PartnershipKind::School
            }
            _ => {
                return Err(format!(
                    "unknown partnership kind `{s}` (twinning, friendship, contact, project, regional, school)"
                ));
            }
        };
        Ok(kind)
    }
}
