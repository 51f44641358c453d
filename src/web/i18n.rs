//! The interface strings, from the languages' Fluent files (`locales/<code>.ftl`, loaded by
//! `crate::locale`). Templates read them as fields (`t.key`) of a struct filled once per
//! process, so that a missing message fails at start-up (`check`) rather than on a page;
//! messages with variables (counts with their plural forms, lookup failures) are methods
//! whose argument names are the messages' variables; dates, decades and percentages are
//! formatted as each language's file says.

use crate::locale;
use crate::vocab::{Lang, PartnershipStatus};
use fluent_bundle::{FluentArgs, FluentValue};
use std::sync::OnceLock;

/// The Fluent id of a field: its name with dashes, after the table's prefix.
fn fluent_id(prefix: &str, field: &str) -> String {
    format!("{prefix}{}", field.replace('_', "-"))
}

macro_rules! string_table {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, [$($key:ident),* $(,)?]) => {
        $(#[$meta])*
        pub struct $name {
            lang: Lang,
            $(pub $key: &'static str,)*
        }

        impl $name {
            /// Fills the table from the language's file, or names the messages it lacks.
            fn load(lang: Lang) -> Result<Self, Vec<String>> {
                let mut missing = Vec::new();
                let mut get = |field: &str| -> &'static str {
                    let id = fluent_id($prefix, field);
                    locale::text(lang, &id).unwrap_or_else(|| {
                        missing.push(id);
                        ""
                    })
                };
                let table = $name { lang, $($key: get(stringify!($key)),)* };
                if missing.is_empty() { Ok(table) } else { Err(missing) }
            }

            /// Every (Fluent id, text) pair, for checks over the whole table.
            pub fn entries(&self) -> Vec<(String, &'static str)> {
                vec![$((fluent_id($prefix, stringify!($key)), self.$key),)*]
            }

            /// The language of these strings.
            pub fn lang(&self) -> Lang {
                self.lang
            }
        }
    };
}

string_table!(
    /// The interface strings of one language.
    Strings, "", [
    organisations, latest_projects, projects, pinned, followers, profile, partners, place,
    dates, themes, sdgs, published, updated, language_versions, follow_hint, no_posts, figures,
    skip_to_content, interface_language, replies, reactions, partnerships, partner, network,
    kind, since, status, main_navigation, home, registry, statistics, search, about_network,
    upcoming_events, no_events, confirmed_partnerships, featured_projects,
    follow_from_mastodon, follow_box_intro, your_handle, handle_example, follow_button,
    handle_empty, handle_invalid, handle_is_here, error, feeds, rss_feed, atom_feed,
    projects_of, projects_on, no_partnerships, filters, country_pair, region_pair,
    first_country, second_country, first_region, second_region, choose_both, founded_from,
    founded_to, year_invalid, theme, confirmed_only, any, show, reset_filters, organisation,
    countries, map, map_description, map_views, map_zoom_in, map_zoom_out, map_fit, map_overview, previous, next, status_proposed, status_active,
    status_dormant, status_ended, status_confirmed, status_unconfirmed, by_country_pair,
    by_kind, by_decade, by_region, share_confirmed, total, count, as_table, scope, scope_local,
    scope_federation, not_reachable, unknown, download_csv, open_data, themes_list, read_in,
    images, none_yet, colon, semicolon,
    // editors' and operators' interface
    too_many_logins, back_to_projects, log_in, log_out, logged_in_as, username, password,
    login_failed, login_form_expired, kept_login_note, kept_title, kept_intro, kept_send, kept_back,
    kept_gone, csrf_failed, required, too_long, bad_value, bad_date, bad_year, bad_domain,
    editor_navigation, editors_interface, my_organisations, administration, no_organisations,
    sections, public_profile, new_post, edit_post, edit, delete, delete_post, delete_yes, pin,
    unpin, post_published,
    post_updated, post_deleted, delivery_status, instance, no_recipients, failing, waiting,
    attempts, last_error, form_has_errors, preview, main_language, main_language_unwritten,
    languages_hint, write_one_language, title, summary, summary_required, body, post_images,
    add_image, alt_text, alt_hint, alt_required, alt_required_upload, choose_image,
    remove_image, upload_too_large, not_an_image, too_many_pixels, sdg, starts_on, ends_on,
    ends_before_start, partners_hint, publish, save_changes, cancel, followers_and_follows,
    follow_someone, fediverse_address, fediverse_address_hint, partner_choices_hint, follow, unfollow, follow_sent,
    unfollowed, cannot_follow_self, follow_requests, following, awaiting_approval, accept,
    reject, decline, request_accepted, request_rejected, no_such_request, none,
    propose_partnership, propose, founded_year, description, awaiting_partner, mark_dormant,
    mark_active, end_partnership, partnership_proposed, partnership_accepted,
    partnership_declined, partnership_changed, no_such_partnership, no_such_organisation,
    not_your_organisation, error_forbidden, error_not_found, error_request, error_server,
    error_server_detail, error_not_found_detail, error_forbidden_detail, error_request_detail,
    error_conflict, error_conflict_detail,
    error_details, back_home, operators_only, admins_only, federation_health, queue_pending,
    queue_failing, queue_delivered, queue_gave_up, instances_with_trouble,
    subscriptions_heading, no_subscriptions, subscription_kind, subscription_style,
    subscription_peer, subscription_relay, subscription_pending, subscription_accepted,
    subscription_rejected, all_instances_fine, failing_since, unreachable, accounts, roles,
    create_account, account_created, no_such_account, grant_role, grant, revoke, roles_changed,
    api_tokens, name, created, last_used, revoked, token_name, issue_token, token_shown_once,
    token_revoked, end_sessions, sessions_ended, handle, country, working_languages,
    create_organisation, organisation_created, moderation, reports, resolved, mark_resolved,
    report_resolved, remove_content, content_removed, domain_blocks, reason, block_instance,
    unblock, block_added, block_removed, from_config, suspended_actors, suspend, unsuspend,
    suspended, unsuspended, cannot_suspend_local,
    // events-public
    ev_nav, ev_calendar, ev_calendar_intro, ev_running_now, ev_no_match, ev_bad_filter,
    ev_kind_training, ev_kind_partnership_meeting, ev_kind_exchange, ev_kind_citizens_trip,
    ev_kind_festival, ev_kind_conference, ev_kind_online_meeting, ev_kind_other,
    ev_status_scheduled, ev_status_tentative, ev_status_cancelled, ev_status_postponed,
    ev_notice_cancelled, ev_notice_postponed, ev_notice_tentative, ev_when, ev_time_zone,
    ev_address, ev_coordinates, ev_open_in_map_app, ev_online_address, ev_online_filter,
    ev_online_only, ev_on_site_only, ev_region, ev_language, ev_local_only, ev_organisers,
    ev_coorganisers, ev_languages_spoken, ev_capacity, ev_participants, ev_places_left,
    ev_fully_booked, ev_registration_deadline, ev_how_to_join, ev_join_free, ev_join_approval,
    ev_join_external, ev_registration_closed, ev_add_to_calendar, ev_join_from_fediverse,
    ev_join_box_intro, ev_join_button, ev_origin, ev_subscribe, ev_feed_network, ev_feed_of,
    ev_feed_on, ev_feed_hint, ev_all_events,
    // events-editor
    ed_events, ed_back_to_events, ed_new_event, ed_edit_event, ed_duplicate_event, ed_duplicate,
    ed_upcoming, ed_past, ed_no_events, ed_co_organised, ed_participants, ed_places,
    ed_cancel_event, ed_cancel_yes, ed_keep, ed_event_created, ed_event_updated,
    ed_event_cancelled, ed_when, ed_where, ed_taking_part, ed_links, ed_starts_at, ed_ends_at,
    ed_timezone, ed_kind_training, ed_kind_partnership_meeting, ed_kind_exchange,
    ed_kind_citizens_trip, ed_kind_festival, ed_kind_conference, ed_kind_online_meeting,
    ed_kind_other, ed_status_scheduled, ed_status_tentative, ed_status_cancelled,
    ed_status_postponed, ed_join_mode, ed_join_free, ed_join_approval, ed_join_external,
    ed_external_url, ed_capacity, ed_registration_deadline, ed_languages_spoken,
    ed_languages_spoken_hint, ed_place_name, ed_street, ed_postal_code, ed_locality, ed_region,
    ed_latitude, ed_longitude, ed_online_url, ed_online_url_hint, ed_place_hint, ed_organisers, ed_partnership,
    ed_no_partnership, ed_related_posts, ed_related_posts_hint, ed_participants_of,
    ed_no_participants, ed_state_pending, ed_state_accepted, ed_state_waiting,
    ed_state_rejected, ed_message, ed_decision, ed_export_csv, ed_participation_accepted,
    ed_participation_rejected, ed_err_full, ed_take_part, ed_event_address,
    ed_event_address_hint, ed_join_message, ed_join, ed_join_result, ed_our_participations,
    ed_leave, ed_join_sent, ed_left, ed_not_an_event, ed_not_taking_part, ed_refused_cancelled,
    ed_refused_over, ed_refused_deadline, ed_refused_external, ed_refused_deleted,
    ed_err_datetime, ed_err_time_skipped, ed_err_deadline_after_start, ed_err_capacity_range,
    ed_err_whole_number, ed_err_decimal, ed_err_url, ed_err_external_required, ed_err_latitude,
    ed_err_longitude, ed_err_both_coordinates, ed_err_country, ed_err_language, ed_err_no_post,
    // security
    nul_refused, image_too_many_pixels, partners_hint_remote, partners_typed, partners_other,
    ]
);

string_table!(
    /// The search page's strings of one language (`search-*` in the files).
    SearchStrings, "search-", [
    title, label, hint, submit, what, everything, organisations, partnerships, posts, order,
    relevance, newest, only_here, result_pages, no_matches, narrow, remove_filters, networks,
    answered, local, timeout, failed, next, previous, f_kind, f_theme, f_sdg, f_country,
    f_region, f_org_kind, f_language, f_year, f_network, capped,
    ]
);

string_table!(
    /// The forum's strings of one language (`forum-*` in the files).
    ForumStrings, "forum-", [
    nav, title, intro, groups, no_groups, latest_threads, no_threads, threads, comments,
    new_thread, thread_title, thread_body, start_thread, write_as, language, reply,
    your_reply, send_reply, reply_to, reply_from_fediverse, reply_from_fediverse_hint,
    follow_group, follow_group_hint, rules, moderators, locked, locked_notice, pinned, removed,
    removed_comment, last_activity, started_by, mods_only, login_to_write, moderate, remove,
    lock, unlock, pin, unpin, reason, thread_started, comment_posted, moderation_done,
    back_to_group, group_feed, no_organisation,
    report, report_reason, send_report, report_sent, moderation_view, reports, no_reports,
    resolve, resolved_report, open_report, moderation_log, no_log_entries, log_action,
    log_object, log_by, log_date, image, image_alt, image_alt_required, banned,
    ]
);

/// A count given to a message: it selects the plural form and is grouped as the language
/// writes numbers. (References too, as templates pass fields by reference.)
pub trait Count {
    fn value(self) -> FluentValue<'static>;
}

macro_rules! count_types {
    ($($t:ty),*) => {
        $(
            impl Count for $t {
                fn value(self) -> FluentValue<'static> {
                    FluentValue::from(self)
                }
            }
            impl Count for &$t {
                fn value(self) -> FluentValue<'static> {
                    FluentValue::from(*self)
                }
            }
        )*
    };
}
count_types!(i32, i64, u32, usize);

macro_rules! param_type {
    (count) => { impl Count };
    (text) => { &str };
}

macro_rules! param_value {
    (count, $v:expr) => {
        $v.value()
    };
    (text, $v:expr) => {
        FluentValue::from($v.to_string())
    };
}

/// Messages with variables: a method each, whose arguments are the message's variables,
/// counts (numbers) or texts.
macro_rules! messages {
    ($($method:ident($($arg:ident: $kind:ident),*) => $id:literal;)*) => {
        impl Strings {
            $(
                pub fn $method(&self, $($arg: param_type!($kind)),*) -> String {
                    let mut args = FluentArgs::new();
                    $(args.set(stringify!($arg), param_value!($kind, $arg));)*
                    self.format($id, &args)
                }
            )*
        }

        /// Each message with variables and the variables the code gives it.
        pub const MESSAGES: &[(&str, &[&str])] = &[$(($id, &[$(stringify!($arg)),*])),*];
    };
}

messages! {
    count_likes(n: count) => "count-likes";
    count_shares(n: count) => "count-shares";
    count_replies(n: count) => "count-replies";
    results_count(n: count) => "results-count";
    search_matches_count(n: count) => "search-matches-count";
    search_matches_more(n: count) => "search-matches-more";
    map_missing_count(n: count) => "map-missing-count";
    delivered_count(delivered: count, instances: count) => "delivered-count";
    waiting_count(n: count) => "waiting-count";
    proposals_awaiting_answer(n: count) => "proposals-awaiting-answer";
    records_not_kept(days: count) => "records-not-kept";
    try_again_in_minutes(n: count) => "try-again-in-minutes";
    kept_files_left_out(n: count) => "kept-files-left-out";
    lookup_malformed(target: text) => "lookup-malformed";
    lookup_unknown_here(target: text) => "lookup-unknown-here";
    lookup_blocked(target: text) => "lookup-blocked";
    lookup_webfinger_status(target: text, status: text) => "lookup-webfinger-status";
    lookup_webfinger_failed(target: text, reason: text) => "lookup-webfinger-failed";
    lookup_no_actor(target: text) => "lookup-no-actor";
    lookup_actor_status(target: text, status: text) => "lookup-actor-status";
    lookup_actor_failed(target: text, reason: text) => "lookup-actor-failed";
    lookup_invalid(target: text, reason: text) => "lookup-invalid";
    date_parts(day: count, month: count, year: text) => "date";
    decade_of(decade: text) => "decade";
    percent_of(n: count) => "percent";
    // events-public
    ev_month_year(month: count, year: text) => "ev-month-year";
    // events-editor
    ed_choose_dates(title: text) => "ed-choose-dates";
    ed_cancel_confirm(title: text) => "ed-cancel-confirm";
    delete_confirm(title: text) => "delete-confirm";
    ed_err_timezone(value: text) => "ed-err-timezone";
    ed_err_capacity_below(n: count) => "ed-err-capacity-below";
    // security
    too_many_partners(max: count) => "too-many-partners";
    // europe
    upload_over_limit(megabytes: text) => "upload-over-limit";
    // review
    review_submissions_of(title: text) => "review-submissions-of";
}

impl Strings {
    fn format(&self, id: &str, args: &FluentArgs) -> String {
        // `check` has made sure the message exists with these variables.
        locale::format(self.lang, id, args).unwrap_or_else(|| id.to_string())
    }

    /// The heading of an error page for a status (the editors' pages and the public ones).
    pub fn error_heading(&self, status: axum::http::StatusCode) -> &'static str {
        use axum::http::StatusCode;
        match status {
            StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => self.error_forbidden,
            StatusCode::NOT_FOUND | StatusCode::GONE => self.error_not_found,
            StatusCode::CONFLICT => self.error_conflict,
            s if s.is_server_error() => self.error_server,
            _ => self.error_request,
        }
    }

    /// What an error of `status` means for the visitor, in a sentence.
    pub fn error_detail(&self, status: axum::http::StatusCode) -> &'static str {
        use axum::http::StatusCode;
        match status {
            StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED => self.error_forbidden_detail,
            StatusCode::NOT_FOUND | StatusCode::GONE => self.error_not_found_detail,
            StatusCode::CONFLICT => self.error_conflict_detail,
            s if s.is_server_error() => self.error_server_detail,
            _ => self.error_request_detail,
        }
    }
}

string_table!(
    /// The editorial review's strings of one language (`review-*` in the files).
    ReviewStrings, "review-", [
    showcase, showcase_intro, no_showcase_posts, showcase_feed, from_showcase, all_showcase,
    submit_title, submit_intro, showcase_field, showcase_hint, submit, submissions,
    no_submissions, state_pending, state_changes_requested, state_approved, state_declined,
    history, act_submitted, act_resubmitted, act_approved, act_changes_requested, act_declined,
    act_edited, comment, comment_hint, reason, reason_hint, queue, queue_intro, queue_empty,
    waiting, approve, request_changes, decline, submitted_by, to_showcase, notice_submitted,
    notice_decided, submit_link, review_link, post, state, updated, changes_hint,
    ]
);

struct Tables {
    strings: Vec<Strings>,
    search: Vec<SearchStrings>,
    forum: Vec<ForumStrings>,
    review: Vec<ReviewStrings>,
}

fn load_tables() -> Result<Tables, String> {
    locale::check()?;
    let mut problems = Vec::new();
    let mut tables = Tables {
        strings: Vec::new(),
        search: Vec::new(),
        forum: Vec::new(),
        review: Vec::new(),
    };
    for lang in Lang::ALL {
        match Strings::load(lang) {
            Ok(t) => tables.strings.push(t),
            Err(missing) => {
                problems.push(format!("locales/{lang}.ftl lacks {}", missing.join(", ")))
            }
        }
        match SearchStrings::load(lang) {
            Ok(t) => tables.search.push(t),
            Err(missing) => {
                problems.push(format!("locales/{lang}.ftl lacks {}", missing.join(", ")))
            }
        }
        match ForumStrings::load(lang) {
            Ok(t) => tables.forum.push(t),
            Err(missing) => {
                problems.push(format!("locales/{lang}.ftl lacks {}", missing.join(", ")))
            }
        }
        match ReviewStrings::load(lang) {
            Ok(t) => tables.review.push(t),
            Err(missing) => {
                problems.push(format!("locales/{lang}.ftl lacks {}", missing.join(", ")))
            }
        }
        let missing: Vec<String> = crate::vocab::label_ids()
            .into_iter()
            .filter(|id| locale::text(lang, id).is_none())
            .collect();
        if !missing.is_empty() {
            problems.push(format!(
                "locales/{lang}.ftl lacks the labels {}",
                missing.join(", ")
            ));
        }
        let used = locale::variables(lang);
        for (id, vars) in MESSAGES {
            match used.get(*id) {
                None => problems.push(format!("locales/{lang}.ftl lacks {id}")),
                Some(found) if !found.iter().map(String::as_str).eq(sorted(vars)) => {
                    problems.push(format!(
                        "locales/{lang}.ftl: {id} uses the variables {found:?}, the code gives {vars:?}"
                    ))
                }
                Some(_) => {}
            }
        }
    }
    if problems.is_empty() {
        Ok(tables)
    } else {
        Err(problems.join("\n"))
    }
}

fn sorted<'a>(v: &[&'a str]) -> Vec<&'a str> {
    let mut v = v.to_vec();
    v.sort_unstable();
    v
}

fn loaded() -> &'static Result<Tables, String> {
    static TABLES: OnceLock<Result<Tables, String>> = OnceLock::new();
    TABLES.get_or_init(load_tables)
}

fn tables() -> &'static Tables {
    match loaded() {
        Ok(t) => t,
        Err(problems) => panic!("the interface strings are incomplete:\n{problems}"),
    }
}

/// Loads every language's strings, or says what is missing or wrong; the server calls it
/// before answering anything, so that a broken language file stops the start.
pub fn check() -> Result<(), String> {
    loaded().as_ref().map(|_| ()).map_err(Clone::clone)
}

pub fn strings(lang: Lang) -> &'static Strings {
    &tables().strings[lang as usize]
}

pub fn search_strings(lang: Lang) -> &'static SearchStrings {
    &tables().search[lang as usize]
}

pub fn forum_strings(lang: Lang) -> &'static ForumStrings {
    &tables().forum[lang as usize]
}

pub fn review_strings(lang: Lang) -> &'static ReviewStrings {
    &tables().review[lang as usize]
}

/// A partnership's status in words; an unconfirmed one says so.
pub fn partnership_status(status: PartnershipStatus, confirmed: bool, lang: Lang) -> &'static str {
    use PartnershipStatus::{Dormant, Ended, Proposed};
    let t = strings(lang);
    match (status, confirmed) {
        (Proposed, _) => t.status_proposed,
        (Ended, _) => t.status_ended,
        (Dormant, _) => t.status_dormant,
        (_, true) => t.status_confirmed,
        (_, false) => t.status_unconfirmed,
    }
}

/// A date as people in that language write it (`date` in its file).
pub fn format_date(date: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    strings(lang).date_parts(
        i64::from(date.day()),
        i64::from(date.month()),
        &date.year().to_string(),
    )
}

/// A founding decade (`1960s`, `unknown`) as the language says it (`decade`).
pub fn format_decade(decade: &str, lang: Lang) -> String {
    match decade.strip_suffix('s').and_then(|d| d.parse::<i32>().ok()) {
        Some(d) => strings(lang).decade_of(&d.to_string()),
        None => strings(lang).unknown.to_string(),
    }
}

/// A share (0.0 to 1.0) as a whole percentage, spaced as the language writes it (`percent`).
pub fn format_percent(share: f64, lang: Lang) -> String {
    strings(lang).percent_of((share * 100.0).round() as i64)
}

pub use crate::text::format_number;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_completely() {
        check().unwrap();
        for lang in Lang::ALL {
            assert_eq!(strings(lang).lang(), lang);
            assert_eq!(search_strings(lang).lang(), lang);
        }
    }

    #[test]
    fn dates_decades_and_percentages_per_language() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        let first = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(format_date(d, Lang::De), "5. März 2026");
        assert_eq!(format_date(d, Lang::Fr), "5 mars 2026");
        assert_eq!(format_date(first, Lang::Fr), "1er décembre 2026");
        assert_eq!(format_date(d, Lang::En), "5 March 2026");
        assert_eq!(format_date(first, Lang::It), "1 dicembre 2026");
        assert_eq!(format_date(d, Lang::Pl), "5 marca 2026");
        assert_eq!(format_percent(0.756, Lang::En), "76%");
        assert_eq!(format_percent(0.5, Lang::De), "50\u{a0}%");
        assert_eq!(format_percent(1.0, Lang::Fr), "100\u{202f}%");
        assert_eq!(format_percent(0.25, Lang::Pl), "25%");
        assert_eq!(format_decade("1960s", Lang::Fr), "années 1960");
        assert_eq!(format_decade("1960s", Lang::De), "1960er");
        assert_eq!(format_decade("2000s", Lang::It), "anni 2000");
        assert_eq!(format_decade("1990s", Lang::Pl), "lata 1990.");
        assert_eq!(format_decade("unknown", Lang::De), "unbekannt");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let forms = |lang: Lang| -> Vec<String> {
            [1, 2, 5, 22]
                .into_iter()
                .map(|n| strings(lang).count_likes(n))
                .collect()
        };
        let nb =
            |v: [&str; 4]| -> Vec<String> { v.iter().map(|s| s.replace(' ', "\u{a0}")).collect() };
        assert_eq!(
            forms(Lang::De),
            nb(["1 Favorit", "2 Favoriten", "5 Favoriten", "22 Favoriten"])
        );
        assert_eq!(
            forms(Lang::Fr),
            nb(["1 favori", "2 favoris", "5 favoris", "22 favoris"])
        );
        assert_eq!(
            forms(Lang::En),
            nb(["1 like", "2 likes", "5 likes", "22 likes"])
        );
        assert_eq!(
            forms(Lang::It),
            nb(["1 preferito", "2 preferiti", "5 preferiti", "22 preferiti"])
        );
        assert_eq!(
            forms(Lang::Pl),
            nb([
                "1 polubienie",
                "2 polubienia",
                "5 polubień",
                "22 polubienia"
            ])
        );
        // French takes the singular for 0 as well; Polish the "many" form.
        assert_eq!(strings(Lang::Fr).count_replies(0), "0\u{a0}réponse");
        assert_eq!(strings(Lang::En).count_replies(0), "0\u{a0}replies");
        assert_eq!(strings(Lang::Pl).results_count(0), "0\u{a0}wyników");
        assert_eq!(strings(Lang::Pl).results_count(12), "12\u{a0}wyników");
        assert_eq!(strings(Lang::Pl).results_count(24), "24\u{a0}wyniki");
        assert_eq!(
            strings(Lang::Pl).try_again_in_minutes(1),
            "Spróbuj ponownie za 1\u{a0}minutę."
        );
        assert_eq!(
            strings(Lang::Pl).try_again_in_minutes(3),
            "Spróbuj ponownie za 3\u{a0}minuty."
        );
        assert_eq!(
            strings(Lang::De).try_again_in_minutes(1),
            "Bitte versuchen Sie es in 1\u{a0}Minute erneut."
        );
        assert_eq!(
            strings(Lang::En).delivered_count(2, 1_000),
            "Delivered to 2 of 1,000\u{a0}instances"
        );
        assert_eq!(
            strings(Lang::De).lookup_webfinger_status("anna@gts.example", "404"),
            "Die Suche nach anna@gts.example (WebFinger) ist gescheitert: der Server antwortete HTTP 404."
        );
    }

    /// Every message in a language, messages with variables formatted with sample values.
    fn texts(lang: Lang) -> Vec<(String, String)> {
        let t = strings(lang);
        let mut all: Vec<(String, String)> = t
            .entries()
            .into_iter()
            .chain(search_strings(lang).entries())
            .map(|(id, s)| (id, s.to_string()))
            .collect();
        for id in crate::vocab::label_ids() {
            all.push((
                id.clone(),
                locale::text(lang, &id).unwrap_or("").to_string(),
            ));
        }
        for (id, vars) in MESSAGES {
            let mut args = FluentArgs::new();
            for v in *vars {
                match *v {
                    "n" | "delivered" | "instances" | "day" | "month" => {
                        args.set(*v, FluentValue::from(2))
                    }
                    _ => args.set(*v, FluentValue::from("X")),
                }
            }
            all.push((
                id.to_string(),
                locale::format(lang, id, &args).unwrap_or_default(),
            ));
        }
        all
    }

    /// Messages that are the same in English and the other language, on purpose.
    const SAME_AS_ENGLISH: &[(&str, &[&str])] = &[
        (
            "de",
            &[
                "colon",
                "semicolon",
                "body",
                "feeds",
                "moderation",
                "name",
                "organisation",
                "partner",
                "status",
                "profile-region",
                "theme-sport",
                "search-f-region",
            ],
        ),
        (
            "fr",
            &[
                "administration",
                "dates",
                "description",
                "images",
                "instance",
                "organisations",
                "post-images",
                "total",
                "search-organisations",
                "partnership-kind-contact",
                "theme-culture",
                "theme-sport",
                "theme-inclusion",
                "profile-population",
            ],
        ),
        (
            "it",
            &[
                "colon",
                "semicolon",
                "percent",
                "home",
                "partner",
                "password",
                "theme-sport",
            ],
        ),
        (
            "pl",
            &[
                "colon",
                "semicolon",
                "percent",
                "partner",
                "status",
                "theme-sport",
                "profile-region",
                "search-f-region",
            ],
        ),
    ];

    #[test]
    fn every_string_is_translated() {
        let en = texts(Lang::En);
        for (key, text) in &en {
            assert!(!text.trim().is_empty(), "en.{key} is empty");
        }
        let mut copies = Vec::new();
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let code = lang.code();
            let table = texts(lang);
            assert_eq!(table.len(), en.len());
            let allowed = SAME_AS_ENGLISH
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, keys)| *keys)
                .unwrap_or(&[]);
            let mut copied = Vec::new();
            for ((key, text), (en_key, english)) in table.iter().zip(&en) {
                assert_eq!(key, en_key);
                assert!(!text.trim().is_empty(), "{code}.{key} is empty");
                if text == english && !allowed.contains(&key.as_str()) {
                    copied.push(key.clone());
                }
            }
            if !copied.is_empty() {
                copies.push(format!("{code} copies English for {copied:?}"));
            }
            // Keep the list of exceptions honest.
            for key in allowed {
                let same = table
                    .iter()
                    .zip(&en)
                    .any(|((k, t), (_, e))| k == key && t == e);
                assert!(same, "{code}.{key} is listed as the same as English");
            }
        }
        assert!(copies.is_empty(), "{}", copies.join("\n"));
    }

    #[test]
    fn french_typography() {
        const THIN: char = '\u{202f}';
        for (key, text) in texts(Lang::Fr) {
            let chars: Vec<char> = text.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let url = *c == ':' && chars.get(i + 1..i + 3) == Some(&['/', '/']);
                if matches!(c, ':' | ';' | '?' | '!' | '»' | '%') && !url {
                    assert_eq!(
                        before,
                        Some(THIN),
                        "fr.{key}: no narrow no-break space before {c} in {text:?}"
                    );
                }
                if *c == '«' {
                    assert_eq!(
                        after,
                        Some(THIN),
                        "fr.{key}: no narrow no-break space after « in {text:?}"
                    );
                }
            }
        }
        // Every message of the file, not only those of the tables above (forum, funding,
        // partner search…): as written, before any variable is put in.
        let file = include_str!("../../locales/fr.ftl");
        for line in file.lines() {
            let value = match line.split_once(" = ") {
                Some((key, _)) if ["colon", "semicolon", "ev-time-format"].contains(&key) => {
                    continue;
                }
                Some((key, value)) if !key.contains(' ') && !key.starts_with('#') => value,
                _ if line.starts_with('#') => continue,
                _ => line,
            };
            let chars: Vec<char> = value.chars().collect();
            for (i, c) in chars.iter().enumerate() {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let url = *c == ':' && chars.get(i + 1..i + 3) == Some(&['/', '/']);
                let in_brackets = *c == '%' && before == Some('(');
                if matches!(c, ':' | ';' | '?' | '!' | '»' | '%') && !url && !in_brackets {
                    assert_eq!(before, Some(THIN), "fr.ftl: before {c} in {line:?}");
                }
                if *c == '«' {
                    assert_eq!(chars.get(i + 1), Some(&THIN), "fr.ftl: after « in {line:?}");
                }
            }
        }
        let t = strings(Lang::Fr);
        assert_eq!(
            format!("{}{} 100\u{202f}%", t.share_confirmed, t.colon),
            "Confirmés par les deux côtés\u{202f}: 100\u{202f}%"
        );
        assert_eq!(strings(Lang::De).followers, "Follower:innen");
    }
}
