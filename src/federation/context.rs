//! The JSON-LD `@context` sent with every document: ActivityStreams, the security vocabulary
//! (without which strict JSON-LD readers drop `publicKey`), Mastodon's extension terms, and
//! passerelle's own terms for partnerships, official codes, themes and SDGs.

use serde_json::{Value, json};

/// The IRI namespace of passerelle's own terms, the same on every instance.
pub const NS: &str = "https://w3id.org/passerelle/ns#";

/// The term definitions of passerelle's own vocabulary.
pub fn passerelle_terms() -> Value {
    json!({
        "passerelle": NS,
        "orgKind": "passerelle:orgKind",
        "country": "passerelle:country",
        "region": "passerelle:region",
        "officialCode": "passerelle:officialCode",
        "officialCodeScheme": "passerelle:officialCodeScheme",
        "population": {"@id": "passerelle:population", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "website": {"@id": "passerelle:website", "@type": "@id"},
        "workingLanguages": {"@id": "passerelle:workingLanguages", "@container": "@set"},
        "themes": {"@id": "passerelle:themes", "@container": "@set"},
        "sdgs": {"@id": "passerelle:sdgs", "@container": "@set"},
        "partners": {"@id": "passerelle:partners", "@type": "@id", "@container": "@set"},
        "partnerships": {"@id": "passerelle:partnerships", "@type": "@id"},
        "partnershipKind": "passerelle:partnershipKind",
        "partnershipStatus": "passerelle:partnershipStatus",
        "foundedYear": {"@id": "passerelle:foundedYear", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "confirmed": {"@id": "passerelle:confirmed", "@type": "http://www.w3.org/2001/XMLSchema#boolean"}
    })
}

/// The full `@context` of actors, objects and activities.
pub fn context() -> Value {
    let mut extensions = json!({
        "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
        "toot": "http://joinmastodon.org/ns#",
        "featured": {"@id": "toot:featured", "@type": "@id"},
        "discoverable": "toot:discoverable",
        "indexable": "toot:indexable",
        "schema": "http://schema.org#",
        "PropertyValue": "schema:PropertyValue",
        "value": "schema:value",
        "Hashtag": "as:Hashtag",
        "sensitive": "as:sensitive"
    });
    if let (Some(ext), Value::Object(ours)) = (extensions.as_object_mut(), passerelle_terms()) {
        ext.extend(ours);
    }
    json!([
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        extensions
    ])
}

/// The context document served at `/ns`, for readers who want to look the terms up.
pub fn context_document() -> Value {
    json!({ "@context": passerelle_terms() })
}
