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
        "lau": "passerelle:lau",
        "nuts": "passerelle:nuts",
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
        "confirmed": {"@id": "passerelle:confirmed", "@type": "http://www.w3.org/2001/XMLSchema#boolean"},
        "eventKind": "passerelle:eventKind",
        "eventStatus": "passerelle:eventStatus",
        "registrationDeadline": {"@id": "passerelle:registrationDeadline", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"},
        "eventLanguages": {"@id": "passerelle:eventLanguages", "@container": "@set"},
        "partnership": {"@id": "passerelle:partnership", "@type": "@id"},
        "relatedPosts": {"@id": "passerelle:relatedPosts", "@type": "@id", "@container": "@set"},
        "fundedBy": {"@id": "passerelle:fundedBy", "@type": "@id"},
        "FundingProgramme": "passerelle:FundingProgramme",
        "FundingCall": "passerelle:FundingCall",
        "funder": "passerelle:funder",
        "applicantKinds": {"@id": "passerelle:applicantKinds", "@container": "@set"},
        "eligibleCountries": {"@id": "passerelle:eligibleCountries", "@container": "@set"},
        "requiredCountries": {"@id": "passerelle:requiredCountries", "@container": "@set"},
        "minPartners": {"@id": "passerelle:minPartners", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "minCountries": {"@id": "passerelle:minCountries", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "minEuCountries": {"@id": "passerelle:minEuCountries", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "minParticipants": {"@id": "passerelle:minParticipants", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "minInvited": {"@id": "passerelle:minInvited", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "grantMin": {"@id": "passerelle:grantMin", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "grantMax": {"@id": "passerelle:grantMax", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "lumpSums": {"@id": "passerelle:lumpSums", "@container": "@set"},
        "currency": "passerelle:currency",
        "cofundingRate": {"@id": "passerelle:cofundingRate", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "durationMin": {"@id": "passerelle:durationMin", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "durationMax": {"@id": "passerelle:durationMax", "@type": "http://www.w3.org/2001/XMLSchema#integer"},
        "durationUnit": "passerelle:durationUnit",
        "calls": {"@id": "passerelle:calls", "@container": "@list"},
        "opensOn": {"@id": "passerelle:opensOn", "@type": "http://www.w3.org/2001/XMLSchema#date"},
        "deadline": {"@id": "passerelle:deadline", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}
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
        "sensitive": "as:sensitive",
        "lemmy": "https://join-lemmy.org/ns#",
        "postingRestrictedToMods": "lemmy:postingRestrictedToMods",
        "moderators": {"@id": "lemmy:moderators", "@type": "@id"},
        "mz": "https://joinmobilizon.org/ns#",
        "ical": "http://www.w3.org/2002/12/cal/ical#",
        "pt": "https://joinpeertube.org/ns#",
        "timezone": {"@id": "mz:timezone", "@type": "schema:Text"},
        "isOnline": {"@id": "mz:isOnline", "@type": "schema:Boolean"},
        "joinMode": {"@id": "mz:joinMode", "@type": "mz:joinModeType"},
        "participantCount": {"@id": "mz:participantCount", "@type": "schema:Integer"},
        "anonymousParticipationEnabled": {"@id": "mz:anonymousParticipationEnabled", "@type": "schema:Boolean"},
        "externalParticipationUrl": {"@id": "mz:externalParticipationUrl", "@type": "schema:URL"},
        "repliesModerationOption": {"@id": "mz:repliesModerationOption", "@type": "mz:repliesModerationOptionType"},
        "participationMessage": {"@id": "mz:participationMessage", "@type": "schema:Text"},
        "commentsEnabled": {"@id": "pt:commentsEnabled", "@type": "schema:Boolean"},
        "maximumAttendeeCapacity": "schema:maximumAttendeeCapacity",
        "remainingAttendeeCapacity": "schema:remainingAttendeeCapacity",
        "inLanguage": "schema:inLanguage",
        "category": "schema:category",
        "contacts": {"@id": "mz:contacts", "@type": "@id"},
        "address": {"@id": "schema:address", "@type": "schema:PostalAddress"},
        "PostalAddress": "schema:PostalAddress",
        "streetAddress": "schema:streetAddress",
        "postalCode": "schema:postalCode",
        "addressLocality": "schema:addressLocality",
        "addressRegion": "schema:addressRegion",
        "addressCountry": "schema:addressCountry"
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
