//! Partnership rows ⇄ `Relationship` documents.

use crate::db::models::partnership::PartnershipFull;
use crate::federation::protocol::relationship::RelationshipJson;
use serde_json::{Map, Value};

/// The `Relationship` document of a partnership.
pub fn relationship_json(p: &PartnershipFull) -> Result<RelationshipJson, url::ParseError> {
    let row = &p.partnership;
    let summary_map = row
        .description
        .as_object()
        .filter(|m| !m.is_empty())
        .cloned();
    Ok(RelationshipJson {
        id: url::Url::parse(&row.ap_id)?,
        kind: "Relationship".into(),
        subject: p.subject.ap_id.0.clone(),
        object: p.object.ap_id.0.clone(),
        relationship: Some(format!("{}{}", crate::federation::context::NS, row.kind)),
        partnership_kind: Some(row.kind.to_string()),
        partnership_status: Some(row.status.to_string()),
        confirmed: row.confirmed,
        attributed_to: Some(p.subject.ap_id.0.clone()),
        updated: Some(row.updated_at),
        founded_year: row.founded_year.map(i64::from),
        end_time: row
            .ended_on
            .map(|e| e.and_time(chrono::NaiveTime::MIN).and_utc()),
        working_languages: row.languages.clone(),
        themes: row.themes.clone(),
        summary: summary_map
            .as_ref()
            .and_then(|m| m.values().next())
            .and_then(Value::as_str)
            .map(String::from),
        summary_map,
    })
}

/// What a received `Relationship` says of a partnership beyond its sides, bounded:
/// descriptions per language, working languages, known themes, a plausible founding year.
pub struct Details {
    pub description: Value,
    pub languages: Vec<String>,
    pub themes: Vec<String>,
    pub founded_year: Option<i32>,
}

impl Details {
    pub fn of(rel: &RelationshipJson) -> Details {
        let description = rel
            .summary_map
            .as_ref()
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| {
                        Some((
                            k.chars().take(8).collect::<String>(),
                            Value::String(v.as_str()?.chars().take(2000).collect()),
                        ))
                    })
                    .collect::<Map<_, _>>()
            })
            .unwrap_or_default();
        Details {
            description: Value::Object(description),
            languages: rel.working_languages.iter().take(20).cloned().collect(),
            themes: rel
                .themes
                .iter()
                .take(20)
                .filter(|t| crate::vocab::theme(t).is_some())
                .cloned()
                .collect(),
            founded_year: rel
                .founded_year
                .and_then(|y| i32::try_from(y).ok())
                .filter(|y| (1800..=2200).contains(y)),
        }
    }
}
