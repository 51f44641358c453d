//! The domain's fixed vocabularies: interface and content languages, organisation kinds,
//! partnership kinds and statuses, the networks' themes and the UN Sustainable Development
//! Goals.

use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::sql_types::Text;
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

    #[test]
    fn partnership_statuses_are_their_codes_everywhere() {
        for s in PartnershipStatus::ALL {
            assert_eq!(s.code().parse::<PartnershipStatus>(), Ok(s));
            assert_eq!(s.to_string(), s.code());
            assert_eq!(serde_json::to_value(s).ok(), Some(s.code().into()));
            assert_eq!(
                serde_json::from_value::<PartnershipStatus>(s.code().into()).ok(),
                Some(s)
            );
        }
        let err = "paused".parse::<PartnershipStatus>().unwrap_err();
        assert!(err.contains("unknown partnership status `paused`"), "{err}");
        assert!("Active".parse::<PartnershipStatus>().is_err());
        assert!(serde_json::from_str::<PartnershipStatus>("\"paused\"").is_err());
        for k in PartnershipKind::ALL {
            assert_eq!(k.code().parse::<PartnershipKind>(), Ok(k));
            assert_eq!(serde_json::to_value(k).ok(), Some(k.code().into()));
        }
    }
}

/// Stores an enum that has `ALL` and `code()` in a text column, as its code. A value read
/// that is none of the codes is a deserialisation error, never a default.
macro_rules! text_column {
    ($t:ty, $what:literal) => {
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                <str as diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg>>::to_sql(
                    self.code(),
                    out,
                )
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $t {
            fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                let s = std::str::from_utf8(value.as_bytes())?;
                <$t>::ALL
                    .into_iter()
                    .find(|v| v.code() == s)
                    .ok_or_else(|| format!("unknown {} `{s}` in the database", $what).into())
            }
        }
    };
}
pub(crate) use text_column;

/// Kinds of partnership, as the RGRE database types them, plus regional and school ones.
/// Stored as the code in `partnerships.kind`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    clap::ValueEnum,
    AsExpression,
    FromSqlRow,
)]
#[diesel(sql_type = Text)]
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

impl fmt::Display for PartnershipKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

text_column!(PartnershipKind, "partnership kind");

/// Where a partnership stands. Stored as the code in `partnerships.status`; the same word is
/// `partnershipStatus` on the wire and `status` in the API and the exports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, AsExpression, FromSqlRow,
)]
#[diesel(sql_type = Text)]
#[serde(rename_all = "lowercase")]
pub enum PartnershipStatus {
    /// Offered by one side, not yet answered.
    Proposed,
    Active,
    Dormant,
    Ended,
    /// The addressed side said no (kept, never shown).
    Declined,
}

impl PartnershipStatus {
    pub const ALL: [PartnershipStatus; 5] = [
        PartnershipStatus::Proposed,
        PartnershipStatus::Active,
        PartnershipStatus::Dormant,
        PartnershipStatus::Ended,
        PartnershipStatus::Declined,
    ];

    /// A live partnership: at most one of a kind per pair of organisations
    /// (the index `partnerships_live_pair`).
    pub const LIVE: [PartnershipStatus; 3] = [
        PartnershipStatus::Proposed,
        PartnershipStatus::Active,
        PartnershipStatus::Dormant,
    ];

    /// What a side may set by a change; a proposal becomes active only when accepted.
    pub const CHANGEABLE_TO: [PartnershipStatus; 3] = [
        PartnershipStatus::Active,
        PartnershipStatus::Dormant,
        PartnershipStatus::Ended,
    ];

    /// What the registry shows and filters by: all but declined.
    pub const SHOWN: [PartnershipStatus; 4] = [
        PartnershipStatus::Proposed,
        PartnershipStatus::Active,
        PartnershipStatus::Dormant,
        PartnershipStatus::Ended,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PartnershipStatus::Proposed => "proposed",
            PartnershipStatus::Active => "active",
            PartnershipStatus::Dormant => "dormant",
            PartnershipStatus::Ended => "ended",
            PartnershipStatus::Declined => "declined",
        }
    }

    /// Ended or declined: nothing about it changes any more.
    pub fn is_closed(self) -> bool {
        matches!(self, PartnershipStatus::Ended | PartnershipStatus::Declined)
    }
}

impl fmt::Display for PartnershipStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for PartnershipStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        PartnershipStatus::ALL
            .into_iter()
            .find(|v| v.code() == s)
            .ok_or_else(|| {
                format!(
                    "unknown partnership status `{s}` (proposed, active, dormant, ended or declined)"
                )
            })
    }
}

text_column!(PartnershipStatus, "partnership status");
