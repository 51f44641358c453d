//! The event form: its fields (the post form's language versions, themes, SDGs and images,
//! plus when, where, how to join, co-organisers and links), read into the API's
//! [`EventInput`] and filled from one; the errors of [`EventInput::validate`] placed next to
//! their field and said in the editor's language.

use super::post_form;
use crate::db::models::event::{EventKind, EventStatus, JoinMode, ParticipationState};
use crate::error::AppError;
use crate::events::{EventInput, PlaceInput};
use crate::posts::TranslationInput;
use crate::vocab::Lang;
use crate::web::form::FormState;
use crate::web::i18n::{Strings, strings};

/// The time zones offered: the networks' countries and their neighbours. An event stored
/// with another zone keeps it (the form lists it too).
pub const ZONES: &[&str] = &[
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Luxembourg",
    "Europe/Amsterdam",
    "Europe/Zurich",
    "Europe/Vienna",
    "Europe/Rome",
    "Europe/Madrid",
    "Europe/Lisbon",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Copenhagen",
    "Europe/Stockholm",
    "Europe/Oslo",
    "Europe/Helsinki",
    "Europe/Warsaw",
    "Europe/Prague",
    "Europe/Bratislava",
    "Europe/Budapest",
    "Europe/Ljubljana",
    "Europe/Zagreb",
    "Europe/Bucharest",
    "Europe/Sofia",
    "Europe/Athens",
    "Europe/Vilnius",
    "Europe/Riga",
    "Europe/Tallinn",
    "Europe/Kyiv",
    "Europe/Chisinau",
    "Europe/Istanbul",
    "Atlantic/Canary",
    "Atlantic/Azores",
    "UTC",
];

/// The zone a new event starts with: the organisation's country's, else Central European.
pub fn default_zone(country: Option<&str>) -> &'static str {
    match country.map(str::to_ascii_uppercase).as_deref() {
        Some("FR") => "Europe/Paris",
        Some("BE") => "Europe/Brussels",
        Some("LU") => "Europe/Luxembourg",
        Some("NL") => "Europe/Amsterdam",
        Some("CH") => "Europe/Zurich",
        Some("AT") => "Europe/Vienna",
        Some("IT") => "Europe/Rome",
        Some("ES") => "Europe/Madrid",
        Some("PT") => "Europe/Lisbon",
        Some("GB") => "Europe/London",
        Some("IE") => "Europe/Dublin",
        Some("DK") => "Europe/Copenhagen",
        Some("SE") => "Europe/Stockholm",
        Some("NO") => "Europe/Oslo",
        Some("FI") => "Europe/Helsinki",
        Some("PL") => "Europe/Warsaw",
        Some("CZ") => "Europe/Prague",
        Some("SK") => "Europe/Bratislava",
        Some("HU") => "Europe/Budapest",
        Some("SI") => "Europe/Ljubljana",
        Some("HR") => "Europe/Zagreb",
        Some("RO") => "Europe/Bucharest",
        Some("BG") => "Europe/Sofia",
        Some("GR") => "Europe/Athens",
        Some("LT") => "Europe/Vilnius",
        Some("LV") => "Europe/Riga",
        Some("EE") => "Europe/Tallinn",
        Some("UA") => "Europe/Kyiv",
        Some("MD") => "Europe/Chisinau",
        Some("TR") => "Europe/Istanbul",
        _ => "Europe/Berlin",
    }
}

/// The zones of the select: the list, and the form's own value if it is another one.
pub fn zones(form: &FormState) -> Vec<String> {
    let mut v: Vec<String> = ZONES.iter().map(|z| z.to_string()).collect();
    let given = form.val("timezone").trim();
    if !given.is_empty() && !ZONES.contains(&given) {
        v.insert(0, given.to_string());
    }
    v
}

pub fn kind_label(k: EventKind, t: &Strings) -> &'static str {
    match k {
        EventKind::Training => t.ed_kind_training,
        EventKind::PartnershipMeeting => t.ed_kind_partnership_meeting,
        EventKind::Exchange => t.ed_kind_exchange,
        EventKind::CitizensTrip => t.ed_kind_citizens_trip,
        EventKind::Festival => t.ed_kind_festival,
        EventKind::Conference => t.ed_kind_conference,
        EventKind::OnlineMeeting => t.ed_kind_online_meeting,
        EventKind::Other => t.ed_kind_other,
    }
}

pub fn status_label(s: EventStatus, t: &Strings) -> &'static str {
    match s {
        EventStatus::Scheduled => t.ed_status_scheduled,
        EventStatus::Tentative => t.ed_status_tentative,
        EventStatus::Cancelled => t.ed_status_cancelled,
        EventStatus::Postponed => t.ed_status_postponed,
    }
}

pub fn join_label(j: JoinMode, t: &Strings) -> &'static str {
    match j {
        JoinMode::Free => t.ed_join_free,
        JoinMode::Approval => t.ed_join_approval,
        JoinMode::External => t.ed_join_external,
    }
}

pub fn state_label(s: ParticipationState, t: &Strings) -> &'static str {
    match s {
        ParticipationState::Pending => t.ed_state_pending,
        ParticipationState::Accepted => t.ed_state_accepted,
        ParticipationState::Waiting => t.ed_state_waiting,
        ParticipationState::Rejected => t.ed_state_rejected,
    }
}

/// One value per line or comma, trimmed, blanks dropped.
fn list(s: &str) -> Vec<String> {
    s.split([',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(String::from)
        .collect()
}

/// Reads the form into the API's input, recording every error it can see on its own (the
/// language versions and images as the post form does; numbers that are not numbers).
pub fn read(form: &mut FormState, t: &Strings) -> EventInput {
    let post = post_form::read(form, t);
    let mut pick = |name: &str, parse: &dyn Fn(&str) -> bool| {
        let v = form.val(name).trim().to_string();
        if !parse(&v) {
            form.fail(name, t.bad_value);
        }
        v
    };
    let kind = pick("kind", &|v| EventKind::parse(v).is_some());
    let status = pick("status", &|v| {
        v.is_empty() || EventStatus::parse(v).is_some()
    });
    let join_mode = pick("join_mode", &|v| {
        v.is_empty() || JoinMode::parse(v).is_some()
    });
    let capacity = match form.opt("capacity") {
        None => None,
        Some(v) => match v.parse::<i32>() {
            Ok(c) => Some(c),
            Err(_) => {
                form.fail("capacity", t.ed_err_whole_number);
                None
            }
        },
    };
    let mut coordinate = |name: &str| match form.opt(name) {
        None => None,
        Some(v) => match v.replace(',', ".").parse::<f64>() {
            Ok(x) if x.is_finite() => Some(x),
            _ => {
                form.fail(name, t.ed_err_decimal);
                None
            }
        },
    };
    let latitude = coordinate("latitude");
    let longitude = coordinate("longitude");
    EventInput {
        main_language: post.main_language,
        translations: post.translations,
        starts_at: form.val("starts_at").trim().to_string(),
        ends_at: form.val("ends_at").trim().to_string(),
        timezone: form.val("timezone").trim().to_string(),
        kind: EventKind::parse(&kind).unwrap_or(EventKind::Other),
        status: EventStatus::parse(&status),
        join_mode: JoinMode::parse(&join_mode),
        external_url: form.opt("external_url"),
        capacity,
        registration_deadline: form.opt("registration_deadline"),
        languages: list(form.val("languages")),
        place: Some(PlaceInput {
            name: form.opt("place_name"),
            street_address: form.opt("street_address"),
            postal_code: form.opt("postal_code"),
            locality: form.opt("locality"),
            region: form.opt("region"),
            country: form.opt("country"),
            latitude,
            longitude,
        }),
        online_url: form.opt("online_url"),
        themes: post.themes,
        sdgs: post.sdgs,
        organisers: list(form.val("organisers")),
        partnership: form.opt("partnership"),
        related_posts: list(form.val("related_posts")),
        images: post.images,
    }
}

/// An event's input as form fields: for editing it, and (without its dates) for a copy.
pub fn from_input(input: &EventInput) -> FormState {
    let mut f = FormState::default();
    if let Some(l) = input.main_language {
        f.set("main_language", l.code());
    }
    for TranslationInput {
        language,
        title,
        summary,
        body,
    } in &input.translations
    {
        let c = language.code();
        f.set(&format!("title_{c}"), title);
        f.set(&format!("summary_{c}"), summary);
        f.set(&format!("body_{c}"), body);
    }
    f.set("starts_at", &input.starts_at);
    f.set("ends_at", &input.ends_at);
    f.set("timezone", &input.timezone);
    f.set("kind", input.kind.code());
    f.set(
        "status",
        input.status.unwrap_or(EventStatus::Scheduled).code(),
    );
    f.set(
        "join_mode",
        input.join_mode.unwrap_or(JoinMode::Free).code(),
    );
    f.set(
        "external_url",
        input.external_url.clone().unwrap_or_default(),
    );
    f.set(
        "capacity",
        input.capacity.map(|c| c.to_string()).unwrap_or_default(),
    );
    f.set(
        "registration_deadline",
        input.registration_deadline.clone().unwrap_or_default(),
    );
    f.set("languages", input.languages.join(", "));
    let place = input.place.clone().unwrap_or_default();
    for (name, v) in [
        ("place_name", place.name),
        ("street_address", place.street_address),
        ("postal_code", place.postal_code),
        ("locality", place.locality),
        ("region", place.region),
        ("country", place.country),
        ("latitude", place.latitude.map(|x| x.to_string())),
        ("longitude", place.longitude.map(|x| x.to_string())),
    ] {
        f.set(name, v.unwrap_or_default());
    }
    f.set("online_url", input.online_url.clone().unwrap_or_default());
    for th in &input.themes {
        f.push("themes", th);
    }
    for g in &input.sdgs {
        f.push("sdgs", g.to_string());
    }
    f.set("organisers", input.organisers.join("\n"));
    f.set("partnership", input.partnership.clone().unwrap_or_default());
    f.set("related_posts", input.related_posts.join("\n"));
    for img in &input.images {
        post_form::attach_image(
            &mut f,
            &img.url,
            &img.alt,
            img.media_type.as_deref().unwrap_or(""),
        );
    }
    f
}

/// Where an error of [`EventInput::validate`] belongs in this form.
pub fn field_of(form: &FormState, api_field: &str) -> Option<String> {
    let head = api_field.split(['[', '.']).next().unwrap_or("");
    match head {
        "translations" | "images" | "themes" | "sdgs" | "main_language" => {
            post_form::field_of(form, api_field)
        }
        "place" => Some(match api_field {
            "place" => "place".to_string(),
            "place.name" => "place_name".to_string(),
            other => other.trim_start_matches("place.").to_string(),
        }),
        "starts_at"
        | "ends_at"
        | "timezone"
        | "kind"
        | "status"
        | "join_mode"
        | "external_url"
        | "capacity"
        | "registration_deadline"
        | "languages"
        | "online_url"
        | "organisers"
        | "partnership"
        | "related_posts" => Some(head.to_string()),
        _ => None,
    }
}

/// The text between the first pair of backticks of a message (`x`), if any.
fn quoted(message: &str) -> Option<&str> {
    message.split('`').nth(1)
}

/// An error of the domain's checks said in the editor's language: by field and cause. A
/// cause without a translation keeps the domain's (English) words.
pub fn translate(e: &AppError, lang: Lang) -> String {
    // The check's own words, where it has them (those an event shares with a post).
    if let Some(m) = e.message_in(lang) {
        return m;
    }
    let t = strings(lang);
    let field = e.field.as_deref().unwrap_or("");
    let head = field.split(['[', '.']).next().unwrap_or("");
    let cause = match &e.field {
        Some(f) => e
            .message
            .strip_prefix(&format!("{f}: "))
            .unwrap_or(&e.message),
        None => &e.message,
    };
    let text: String = match (field, head) {
        ("timezone", _) => t.ed_err_timezone(quoted(cause).unwrap_or("")),
        (_, "starts_at" | "ends_at" | "registration_deadline") => {
            if field == "ends_at" && cause.starts_with("before") {
                t.ends_before_start.into()
            } else if cause.starts_with("after the start") {
                t.ed_err_deadline_after_start.into()
            } else if cause.contains("does not exist") {
                t.ed_err_time_skipped.into()
            } else {
                t.ed_err_datetime.into()
            }
        }
        ("capacity", _) => {
            if cause.starts_with("below the ") {
                let n = cause
                    .split_whitespace()
                    .find_map(|w| w.parse::<i64>().ok())
                    .unwrap_or(0);
                t.ed_err_capacity_below(n)
            } else if cause.starts_with("the event is full") {
                t.ed_err_full.into()
            } else {
                t.ed_err_capacity_range.into()
            }
        }
        ("external_url", _) if cause.starts_with("required") => t.ed_err_external_required.into(),
        ("external_url" | "online_url" | "partnership", _) if cause.contains("http") => {
            t.ed_err_url.into()
        }
        ("partnership", _) => t.no_such_partnership.into(),
        (_, "related_posts") if cause.contains("http") => t.ed_err_url.into(),
        (_, "related_posts") => t.ed_err_no_post.into(),
        ("place.latitude", _) if cause.starts_with("give both") => t.ed_err_both_coordinates.into(),
        ("place.longitude", _) if cause.starts_with("give both") => {
            t.ed_err_both_coordinates.into()
        }
        ("place.latitude", _) => t.ed_err_latitude.into(),
        ("place.longitude", _) => t.ed_err_longitude.into(),
        // A country typed out ("Deutschland") is refused for its length: the code is meant.
        ("place.country", _) => t.ed_err_country.into(),
        ("place", _) => t.ed_place_hint.into(),
        (_, "place") => t.too_long.into(),
        (_, "languages") => t.ed_err_language.into(),
        (_, "organisers") if cause.starts_with("no organisation") => {
            t.lookup_unknown_here(quoted(cause).unwrap_or(""))
        }
        (_, "translations") if cause.contains("characters") => {
            if field.ends_with(".summary") {
                t.summary_required.into()
            } else if field.ends_with(".title") {
                t.required.into()
            } else {
                t.too_long.into()
            }
        }
        (_, "images") if field.ends_with(".alt") => t.alt_required.into(),
        // Why a Join (ours) or a Leave was refused.
        ("event", _) => match cause {
            c if c.contains("cancelled") => t.ed_refused_cancelled.into(),
            c if c.contains("is over") => t.ed_refused_over.into(),
            c if c.contains("deadline") => t.ed_refused_deadline.into(),
            c if c.contains("external site") => t.ed_refused_external.into(),
            c if c.contains("deleted") => t.ed_refused_deleted.into(),
            c if c.starts_with("not taking part") => t.ed_not_taking_part.into(),
            c => c.to_string(),
        },
        _ => cause.to_string(),
    };
    text
}

/// Places a domain error on the form, translated; `false` when it names no field we show.
pub fn fail(form: &mut FormState, e: &AppError, lang: Lang) -> bool {
    let Some(field) = e.field.as_deref().and_then(|f| field_of(form, f)) else {
        return false;
    };
    form.fail(&field, translate(e, lang));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::web::i18n::strings;

    fn form(pairs: &[(&str, &str)]) -> FormState {
        FormState::new(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn domain_errors_are_placed_and_translated() {
        let (de, fr, en) = (strings(Lang::De), strings(Lang::Fr), strings(Lang::En));
        let f = form(&[("title_fr", "Rencontre")]);
        let cases = [
            (
                AppError::invalid("ends_at", "before starts_at"),
                "ends_at",
                de.ends_before_start.to_string(),
            ),
            (
                AppError::invalid(
                    "timezone",
                    "unknown time zone `Europe/Atlantis` (an IANA name such as Europe/Berlin)",
                ),
                "timezone",
                "Unbekannte Zeitzone „Europe/Atlantis“: wählen Sie eine aus der Liste.".into(),
            ),
            (
                AppError::invalid("capacity", "below the 1200 participants already accepted"),
                "capacity",
                "Schon 1.200 Teilnehmende sind angenommen: es braucht mindestens so viele Plätze."
                    .into(),
            ),
            (
                AppError::invalid("place.latitude", "from -90 to 90"),
                "latitude",
                de.ed_err_latitude.into(),
            ),
            (
                AppError::invalid("place.name", "at most 300 characters"),
                "place_name",
                de.too_long.into(),
            ),
            (
                AppError::invalid(
                    "translations[0].summary",
                    "required (…), at most 500 characters",
                ),
                "summary_fr",
                de.summary_required.into(),
            ),
            (
                AppError::invalid(
                    "organisers[1]",
                    "no organisation `nirgendwo` on this instance",
                ),
                "organisers",
                "Hier gibt es keine Organisation „nirgendwo“.".into(),
            ),
        ];
        for (e, field, text) in cases {
            let mut g = f.clone();
            assert!(fail(&mut g, &e, Lang::De), "{e:?}");
            assert_eq!(g.err(field), Some(text.as_str()), "{e:?}");
        }
        let e = AppError::invalid("registration_deadline", "after the start of the event");
        assert_eq!(translate(&e, Lang::Fr), fr.ed_err_deadline_after_start);
        assert_eq!(translate(&e, Lang::En), en.ed_err_deadline_after_start);
        let mut g = f.clone();
        assert!(!fail(
            &mut g,
            &AppError::invalid("in_reply_to", "x"),
            Lang::En
        ));
    }

    #[test]
    fn reads_numbers_and_lists_and_round_trips() {
        let en = strings(Lang::En);
        let mut f = form(&[
            ("title_de", "Zukunftsdialog"),
            ("summary_de", "Treffen der Partnerschaften."),
            ("starts_at", "2026-06-12T14:00"),
            ("ends_at", "2026-06-12T18:00"),
            ("timezone", "Europe/Berlin"),
            ("kind", "conference"),
            ("status", "scheduled"),
            ("join_mode", "approval"),
            ("capacity", "zwanzig"),
            ("latitude", "48,7758"),
            ("longitude", "9.1829"),
            ("languages", "de, fr"),
            ("organisers", "ville-amiens\n@stadt-dortmund@nrw.example"),
        ]);
        let input = read(&mut f, en);
        assert_eq!(f.err("capacity"), Some(en.ed_err_whole_number));
        assert_eq!(input.kind, EventKind::Conference);
        assert_eq!(input.join_mode, Some(JoinMode::Approval));
        let place = input.place.clone().unwrap();
        assert_eq!(place.latitude, Some(48.7758));
        assert_eq!(input.languages, ["de", "fr"]);
        assert_eq!(input.organisers.len(), 2);
        let back = from_input(&input);
        assert_eq!(back.val("title_de"), "Zukunftsdialog");
        assert_eq!(back.val("latitude"), "48.7758");
        assert_eq!(back.val("join_mode"), "approval");
        let mut bad = form(&[("kind", "picnic")]);
        read(&mut bad, en);
        assert_eq!(bad.err("kind"), Some(en.bad_value));
    }

    #[test]
    fn zones_default_from_the_country_and_keep_an_unlisted_one() {
        assert_eq!(default_zone(Some("fr")), "Europe/Paris");
        assert_eq!(default_zone(None), "Europe/Berlin");
        for z in ZONES {
            assert!(z.parse::<chrono_tz::Tz>().is_ok(), "{z}");
        }
        let f = form(&[("timezone", "America/Montreal")]);
        assert_eq!(zones(&f)[0], "America/Montreal");
        assert_eq!(zones(&FormState::default()).len(), ZONES.len());
    }
}
