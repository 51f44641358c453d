//! Funding deadlines as calendar entries (RFC 5545): `/funding.ics`, the deadlines of every
//! programme's calls, ours and our peers', and the same entries in the network's
//! `/events.ics`. One entry per dated call whose deadline is to come or passed less than
//! `ics::PAST_DAYS` days ago; its UID is the programme's id with the call's number, its
//! start the deadline itself.

use super::PageLang;
use super::funding::{Texts, page_path};
use crate::db::models::funding::{DbProgramme, ProgrammeFull};
use crate::error::AppResult;
use crate::events::ical::{escape_text, fold_line, utc};
use crate::state::AppState;
use crate::vocab::Lang;
use crate::web::LangQuery;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

/// The VEVENTs of the deadlines of `programmes`, in `lang`.
pub fn deadline_entries(
    programmes: &[ProgrammeFull],
    base: &str,
    lang: Lang,
    now: DateTime<Utc>,
) -> String {
    let tx = Texts::new(lang);
    let since = now - chrono::Duration::days(super::ics::PAST_DAYS);
    let mut out = String::new();
    for p in programmes {
        let name = p.text(lang.code()).map(|t| t.name.as_str()).unwrap_or("");
        for (n, call) in p.calls.iter().enumerate() {
            let Some(deadline) = call.deadline.filter(|d| *d >= since) else {
                continue;
            };
            let mut summary = format!("{}: {name}", tx.t("fund-deadline"));
            if !call.label.is_empty() {
                summary.push_str(&format!(" ({})", call.label));
            }
            fold_line(&mut out, "BEGIN:VEVENT");
            fold_line(&mut out, &format!("UID:{}#call-{n}", p.programme.ap_id));
            fold_line(&mut out, &format!("DTSTAMP:{}", utc(p.programme.updated)));
            fold_line(&mut out, &format!("DTSTART:{}", utc(deadline)));
            fold_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
            fold_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&p.programme.funder)),
            );
            fold_line(&mut out, &format!("URL:{base}{}", page_path(&p.programme)));
            fold_line(&mut out, "TRANSP:TRANSPARENT");
            fold_line(&mut out, "END:VEVENT");
        }
    }
    out
}

/// A deadline to come, as the network's calendar page lists it.
pub struct Deadline {
    pub name: String,
    pub language: String,
    pub url: String,
    pub label: String,
    pub date: String,
    pub iso: String,
}

/// Most deadlines the calendar page lists.
const PAGE_DEADLINES: usize = 20;

/// The next deadlines of the directory's calls, soonest first, for the calendar page.
pub async fn upcoming(state: &AppState, lang: Lang) -> AppResult<Vec<Deadline>> {
    let mut conn = state.conn().await?;
    let all = DbProgramme::all(&mut conn).await?;
    let now = Utc::now();
    let mut out: Vec<(DateTime<Utc>, Deadline)> = Vec::new();
    for p in &all {
        let text = p.text(lang.code());
        for call in &p.calls {
            let Some(deadline) = call.deadline.filter(|d| *d >= now) else {
                continue;
            };
            out.push((
                deadline,
                Deadline {
                    name: text.map(|t| t.name.clone()).unwrap_or_default(),
                    language: text.map(|t| t.language.clone()).unwrap_or_default(),
                    url: page_path(&p.programme),
                    label: call.label.clone(),
                    date: crate::web::i18n::format_date(
                        deadline
                            .with_timezone(&chrono_tz::Europe::Brussels)
                            .date_naive(),
                        lang,
                    ),
                    iso: deadline.to_rfc3339(),
                },
            ));
        }
    }
    out.sort_by_key(|(d, _)| *d);
    Ok(out
        .into_iter()
        .take(PAGE_DEADLINES)
        .map(|(_, d)| d)
        .collect())
}

/// The deadline entries of the directory, for the network's calendar feed.
pub async fn network_entries(state: &AppState, lang: Lang) -> AppResult<String> {
    let mut conn = state.conn().await?;
    let all = DbProgramme::all(&mut conn).await?;
    Ok(deadline_entries(&all, state.urls.base(), lang, Utc::now()))
}

/// `GET /funding.ics`: the deadlines of the directory's calls.
pub async fn feed(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
) -> AppResult<Response> {
    let pl = PageLang::of(&state, &headers, &query);
    let entries = network_entries(&state, pl.lang).await?;
    let name = escape_text(Texts::new(pl.lang).t("fund-title"));
    let mut body = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//passerelle//funding//EN",
        "CALSCALE:GREGORIAN",
        &format!("NAME:{name}"),
        &format!("X-WR-CALNAME:{name}"),
    ] {
        fold_line(&mut body, line);
    }
    body.push_str(&entries);
    fold_line(&mut body, "END:VCALENDAR");
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::VARY, "Accept-Language, Cookie"),
        ],
        body,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::models::funding::{DbCall, DbProgrammeText, DurationUnit};
    use crate::db::url::DbUrl;

    #[test]
    fn dated_calls_become_entries_and_rolling_or_old_ones_do_not() {
        let now = Utc::now();
        let call = |id, deadline| DbCall {
            id,
            programme_id: 1,
            opens_on: None,
            deadline,
            label: "2031, round 1".into(),
        };
        let p = ProgrammeFull {
            programme: DbProgramme {
                id: 7,
                ap_id: DbUrl(url::Url::parse("https://dfi.example/funding/ab").unwrap()),
                network_id: 1,
                local: true,
                funder: "EACEA; CERV".into(),
                link: None,
                applicant_kinds: vec![],
                countries: vec![],
                required_countries: vec![],
                min_partners: None,
                min_countries: None,
                min_eu_countries: None,
                min_participants: None,
                min_invited: None,
                grant_min: None,
                grant_max: None,
                lump_sums: vec![],
                cofunding_rate: None,
                duration_min: None,
                duration_max: None,
                duration_unit: DurationUnit::Months,
                themes: vec![],
                published: now,
                updated: now,
            },
            texts: vec![DbProgrammeText {
                programme_id: 7,
                language: "de".into(),
                name: "Städtepartnerschaften".into(),
                description: String::new(),
                position: 0,
            }],
            calls: vec![
                call(1, Some(now + chrono::Duration::days(30))),
                call(2, None),
                call(3, Some(now - chrono::Duration::days(400))),
            ],
        };
        let out = deadline_entries(&[p], "https://dfi.example", Lang::De, now);
        assert_eq!(out.matches("BEGIN:VEVENT").count(), 1, "{out}");
        assert!(out.contains("UID:https://dfi.example/funding/ab#call-0\r\n"));
        assert!(out.contains("SUMMARY:Frist: Städtepartnerschaften (2031\\, round 1)\r\n"));
        assert!(out.contains("DESCRIPTION:EACEA\\; CERV\r\n"));
        assert!(out.contains("URL:https://dfi.example/funding/programmes/7\r\n"));
        assert!(out.lines().all(|l| l.len() <= 75));
    }
}
