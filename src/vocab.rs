//! The domain's fixed vocabularies: interface and content languages, organisation kinds,
//! partnership kinds and statuses, the networks' themes and the UN Sustainable Development
//! Goals.

use diesel::deserialize::FromSqlRow;
use diesel::expression::AsExpression;
use diesel::sql_types::Text;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

pub use crate::locale::Lang;

/// A label from the languages' files (`locales/<code>.ftl`). Every label exists in every
/// language (checked at start-up and by the tests); were one missing, "?" would show.
fn label(lang: Lang, id: &str) -> &'static str {
    crate::locale::text(lang, id).unwrap_or_else(|| {
        tracing::error!(
            lang = lang.code(),
            id,
            "label missing from the language's file"
        );
        "?"
    })
}

/// The ids of every label this module takes from the languages' files.
pub fn label_ids() -> Vec<String> {
    let mut ids: Vec<String> = OrgKind::ALL.iter().map(|k| k.label_id()).collect();
    ids.extend(PartnershipKind::ALL.iter().map(|k| k.label_id()));
    ids.extend(THEMES.iter().map(Theme::label_id));
    ids.extend((1..=17).map(sdg_label_id));
    ids.extend(PROFILE_FIELDS.iter().map(|f| format!("profile-{f}")));
    ids
}

/// The fields of an organisation's profile (`profile-<field>`), named in each language.
pub const PROFILE_FIELDS: [&str; 9] = [
    "kind",
    "region",
    "code-ags",
    "code-insee",
    "code-lau",
    "population",
    "website",
    "languages",
    "themes",
];

/// What kind of body an organisation actor stands for.
#[derive(
    utoipa::ToSchema, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum,
)]
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
    pub const ALL: [OrgKind; 7] = [
        OrgKind::Municipality,
        OrgKind::District,
        OrgKind::Region,
        OrgKind::Association,
        OrgKind::Network,
        OrgKind::School,
        OrgKind::Other,
    ];

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

    fn label_id(self) -> String {
        format!("org-kind-{}", self.code())
    }

    /// The kind in words, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        label(lang, &self.label_id())
    }
}

impl FromStr for OrgKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <OrgKind as clap::ValueEnum>::from_str(s, true)
            .map_err(|_| format!("unknown organisation kind `{s}`"))
    }
}

/// A theme the networks name; its label (and so its hashtag) in each language is
/// `theme-<slug>` in the languages' files.
pub struct Theme {
    pub slug: &'static str,
}

impl Theme {
    fn label_id(&self) -> String {
        format!("theme-{}", self.slug)
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        label(lang, &self.label_id())
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

/// The themes, in the order forms list them.
pub const THEMES: &[Theme] = &[
    Theme {
        slug: "reconciliation",
    },
    Theme {
        slug: "european-integration",
    },
    Theme { slug: "youth" },
    Theme { slug: "education" },
    Theme { slug: "culture" },
    Theme { slug: "sport" },
    Theme { slug: "social" },
    Theme { slug: "inclusion" },
    Theme { slug: "climate" },
    Theme {
        slug: "environment",
    },
    Theme { slug: "mobility" },
    Theme { slug: "demography" },
    Theme {
        slug: "structural-change",
    },
    Theme { slug: "migration" },
    Theme {
        slug: "digitalisation",
    },
    Theme { slug: "economy" },
    Theme {
        slug: "remembrance",
    },
    Theme {
        slug: "humanitarian-aid",
    },
    Theme {
        slug: "administration",
    },
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

fn sdg_label_id(goal: i16) -> String {
    format!("sdg-{goal}")
}

/// The short name of a UN Sustainable Development Goal (1 to 17) in `lang`.
pub fn sdg_name(goal: i16, lang: Lang) -> &'static str {
    label(lang, &sdg_label_id(goal))
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
        assert_eq!("PL".parse::<Lang>(), Ok(Lang::Pl));
        assert!("es".parse::<Lang>().is_err());
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
    utoipa::ToSchema,
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

    fn label_id(self) -> String {
        format!("partnership-kind-{}", self.code())
    }

    /// The kind in words, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        label(lang, &self.label_id())
    }
}

impl FromStr for PartnershipKind {
    type Err = String;
    /// Accepts our codes, the kind's label in any of our languages, and the other words
    /// networks use in their lists.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().to_lowercase();
        let kind = match k.as_str() {
            "partnerschaft" | "partenariat" => Some(PartnershipKind::Twinning),
            "amitie" | "pacte d'amitié" => Some(PartnershipKind::Friendship),
            _ => PartnershipKind::ALL.into_iter().find(|kind| {
                kind.code() == k || Lang::ALL.iter().any(|l| kind.label(*l).to_lowercase() == k)
            }),
        };
        kind.ok_or_else(|| {
            format!(
                "unknown partnership kind `{s}` (twinning, friendship, contact, project, regional, school)"
            )
        })
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
    utoipa::ToSchema,
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    AsExpression,
    FromSqlRow,
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
