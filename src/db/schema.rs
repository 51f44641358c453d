//! Diesel table definitions, kept by hand in step with `migrations/`.
//! `tests/it/db.rs` selects every mapped column against a migrated database.

diesel::table! {
    actors (id) {
        id -> Int8,
        ap_id -> Text,
        local -> Bool,
        actor_type -> Text,
        handle -> Text,
        domain -> Text,
        name -> Text,
        summary_map -> Jsonb,
        summary_html -> Nullable<Text>,
        inbox_url -> Text,
        shared_inbox_url -> Nullable<Text>,
        outbox_url -> Nullable<Text>,
        followers_url -> Nullable<Text>,
        profile_url -> Nullable<Text>,
        icon_url -> Nullable<Text>,
        image_url -> Nullable<Text>,
        public_key_pem -> Text,
        private_key_pem -> Nullable<Text>,
        manually_approves_followers -> Bool,
        discoverable -> Bool,
        indexable -> Bool,
        org_kind -> Nullable<Text>,
        country -> Nullable<Text>,
        region -> Nullable<Text>,
        official_code -> Nullable<Text>,
        population -> Nullable<Int8>,
        website -> Nullable<Text>,
        languages -> Array<Text>,
        themes -> Array<Text>,
        latitude -> Nullable<Float8>,
        longitude -> Nullable<Float8>,
        published -> Timestamptz,
        updated -> Timestamptz,
        last_refreshed_at -> Timestamptz,
        moved_to -> Nullable<Text>,
        deleted_at -> Nullable<Timestamptz>,
        lau -> Nullable<Text>,
        nuts -> Nullable<Text>,
    }
}

diesel::table! {
    accounts (id) {
        id -> Int8,
        username -> Text,
        password_hash -> Text,
        is_admin -> Bool,
        is_moderator -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    editors (account_id, actor_id) {
        account_id -> Int8,
        actor_id -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    api_tokens (id) {
        id -> Int8,
        account_id -> Int8,
        name -> Text,
        token_hash -> Text,
        created_at -> Timestamptz,
        last_used_at -> Nullable<Timestamptz>,
        revoked_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    posts (id) {
        id -> Int8,
        ap_id -> Text,
        actor_id -> Int8,
        local -> Bool,
        object_type -> Text,
        main_language -> Text,
        themes -> Array<Text>,
        sdgs -> Array<Int2>,
        partners -> Array<Text>,
        place -> Nullable<Text>,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        html_url -> Nullable<Text>,
        in_reply_to -> Nullable<Text>,
        published -> Timestamptz,
        updated -> Nullable<Timestamptz>,
        pinned_at -> Nullable<Timestamptz>,
        deleted_at -> Nullable<Timestamptz>,
        audience -> Nullable<Text>,
        locked_at -> Nullable<Timestamptz>,
        thread_root -> Nullable<Text>,
        last_activity_at -> Nullable<Timestamptz>,
        funded_by -> Nullable<Text>,
    }
}

diesel::table! {
    post_translations (post_id, language) {
        post_id -> Int8,
        language -> Text,
        title -> Text,
        summary -> Text,
        body_markdown -> Nullable<Text>,
        content_html -> Text,
    }
}

diesel::table! {
    post_images (post_id, position) {
        post_id -> Int8,
        position -> Int4,
        url -> Text,
        alt_text -> Text,
        media_type -> Nullable<Text>,
    }
}

diesel::table! {
    follows (id) {
        id -> Int8,
        follower_id -> Int8,
        followed_id -> Int8,
        accepted -> Bool,
        follow_activity_id -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    relays (id) {
        id -> Int8,
        inbox_url -> Text,
        domain -> Text,
        actor_id -> Nullable<Int8>,
        style -> Text,
        state -> Text,
        follow_activity_id -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    received_activities (ap_id, kind) {
        ap_id -> Text,
        kind -> Text,
        actor -> Text,
        received_at -> Timestamptz,
    }
}

diesel::table! {
    seen_signatures (hash) {
        hash -> Text,
        seen_at -> Timestamptz,
    }
}

diesel::table! {
    outbound_activities (id) {
        id -> Int8,
        ap_id -> Text,
        actor_id -> Int8,
        kind -> Text,
        object_ap_id -> Nullable<Text>,
        payload -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    deliveries (id) {
        id -> Int8,
        activity_id -> Int8,
        inbox -> Text,
        domain -> Text,
        state -> Text,
        attempts -> Int4,
        next_attempt_at -> Timestamptz,
        last_status -> Nullable<Int4>,
        last_error -> Nullable<Text>,
        created_at -> Timestamptz,
        finished_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    delivered_batches (id) {
        id -> Int8,
        activity_id -> Int8,
        inboxes -> Array<Text>,
        domains -> Array<Text>,
        attempts -> Array<Int4>,
        delivered_at -> Timestamptz,
    }
}

diesel::table! {
    delivery_reach (actor_id, inbox) {
        actor_id -> Int8,
        inbox -> Text,
        domain -> Text,
        last_sent_at -> Timestamptz,
    }
}

diesel::table! {
    delivery_leases (id) {
        id -> Int8,
        until -> Timestamptz,
        ids -> Array<Int8>,
    }
}

diesel::table! {
    instances (domain) {
        domain -> Text,
        failing_since -> Nullable<Timestamptz>,
        unreachable -> Bool,
        last_success_at -> Nullable<Timestamptz>,
        last_failure_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    gone_inboxes (inbox) {
        inbox -> Text,
        since -> Timestamptz,
    }
}

diesel::table! {
    domain_blocks (domain) {
        domain -> Text,
        reason -> Nullable<Text>,
        source -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    domain_allows (domain) {
        domain -> Text,
    }
}

diesel::table! {
    reactions (id) {
        id -> Int8,
        activity_ap_id -> Text,
        kind -> Text,
        actor_id -> Int8,
        post_id -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    reports (id) {
        id -> Int8,
        activity_ap_id -> Text,
        reporter -> Text,
        objects -> Array<Text>,
        content -> Nullable<Text>,
        created_at -> Timestamptz,
        resolved_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    partnerships (id) {
        id -> Int8,
        ap_id -> Text,
        subject_id -> Int8,
        object_id -> Int8,
        kind -> Text,
        founded_year -> Nullable<Int4>,
        status -> Text,
        ended_on -> Nullable<Date>,
        confirmed -> Bool,
        imported -> Bool,
        languages -> Array<Text>,
        themes -> Array<Text>,
        description -> Jsonb,
        offer_activity_id -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

// The editors' and operators' web interface (migration 000006).
diesel::table! {
    web_sessions (id) {
        id -> Int8,
        token_hash -> Text,
        account_id -> Int8,
        csrf_token -> Text,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    login_failures (id) {
        id -> Int8,
        username -> Text,
        ip -> Text,
        failed_at -> Timestamptz,
    }
}

diesel::table! {
    media (id) {
        id -> Int8,
        file_name -> Text,
        actor_id -> Int8,
        account_id -> Nullable<Int8>,
        media_type -> Text,
        width -> Int4,
        height -> Int4,
        bytes -> Int8,
        alt_text -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    suspended_actors (actor_id) {
        actor_id -> Int8,
        reason -> Nullable<Text>,
        suspended_by -> Nullable<Int8>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    events (post_id) {
        post_id -> Int8,
        starts_at -> Timestamptz,
        ends_at -> Timestamptz,
        timezone -> Text,
        kind -> Text,
        status -> Text,
        join_mode -> Text,
        external_url -> Nullable<Text>,
        capacity -> Nullable<Int4>,
        registration_deadline -> Nullable<Timestamptz>,
        languages -> Array<Text>,
        place_name -> Nullable<Text>,
        street_address -> Nullable<Text>,
        postal_code -> Nullable<Text>,
        locality -> Nullable<Text>,
        region -> Nullable<Text>,
        country -> Nullable<Text>,
        latitude -> Nullable<Float8>,
        longitude -> Nullable<Float8>,
        online_url -> Nullable<Text>,
        organisers -> Array<Text>,
        partnership -> Nullable<Text>,
        related_posts -> Array<Text>,
        sequence -> Int4,
        remote_participant_count -> Nullable<Int4>,
    }
}

diesel::table! {
    event_participations (id) {
        id -> Int8,
        event_id -> Int8,
        actor_id -> Int8,
        state -> Text,
        join_ap_id -> Text,
        message -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

// Discussion groups (migration 000021).
diesel::table! {
    groups (actor_id) {
        actor_id -> Int8,
        name_map -> Jsonb,
        rules_map -> Jsonb,
        posting_restricted_to_mods -> Bool,
        created_by -> Nullable<Int8>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    group_moderators (id) {
        id -> Int8,
        group_id -> Int8,
        account_id -> Nullable<Int8>,
        actor_id -> Nullable<Int8>,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    group_bans (group_id, actor_id) {
        group_id -> Int8,
        actor_id -> Int8,
        reason -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    moderation_log (id) {
        id -> Int8,
        group_ap_id -> Text,
        action -> Text,
        object_ap_id -> Text,
        account_id -> Nullable<Int8>,
        actor_id -> Nullable<Int8>,
        reason -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(groups -> actors (actor_id));

// Funding programmes (migration 000050).
diesel::table! {
    funding_programmes (id) {
        id -> Int8,
        ap_id -> Text,
        network_id -> Int8,
        local -> Bool,
        funder -> Text,
        link -> Nullable<Text>,
        applicant_kinds -> Array<Text>,
        countries -> Array<Text>,
        required_countries -> Array<Text>,
        min_partners -> Nullable<Int4>,
        min_countries -> Nullable<Int4>,
        min_eu_countries -> Nullable<Int4>,
        min_participants -> Nullable<Int4>,
        min_invited -> Nullable<Int4>,
        grant_min -> Nullable<Int8>,
        grant_max -> Nullable<Int8>,
        lump_sums -> Array<Int8>,
        cofunding_rate -> Nullable<Int2>,
        duration_min -> Nullable<Int4>,
        duration_max -> Nullable<Int4>,
        duration_unit -> Text,
        themes -> Array<Text>,
        published -> Timestamptz,
        updated -> Timestamptz,
    }
}

diesel::table! {
    funding_translations (programme_id, language) {
        programme_id -> Int8,
        language -> Text,
        name -> Text,
        description -> Text,
        position -> Int4,
    }
}

diesel::table! {
    funding_calls (id) {
        id -> Int8,
        programme_id -> Int8,
        opens_on -> Nullable<Date>,
        deadline -> Nullable<Timestamptz>,
        label -> Text,
    }
}

diesel::joinable!(funding_programmes -> actors (network_id));
diesel::joinable!(funding_translations -> funding_programmes (programme_id));
diesel::joinable!(funding_calls -> funding_programmes (programme_id));

// Partner search (migration 000070).
diesel::table! {
    partner_searches (actor_id) {
        actor_id -> Int8,
        active -> Bool,
        purposes -> Array<Text>,
        countries -> Array<Text>,
        regions -> Array<Text>,
        themes -> Array<Text>,
        languages -> Array<Text>,
        population_min -> Nullable<Int8>,
        population_max -> Nullable<Int8>,
        partner_kinds -> Array<Text>,
        description -> Text,
        listed -> Bool,
        suggested -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(partner_searches -> actors (actor_id));

diesel::joinable!(web_sessions -> accounts (account_id));
diesel::joinable!(suspended_actors -> actors (actor_id));

diesel::joinable!(deliveries -> outbound_activities (activity_id));
diesel::joinable!(delivered_batches -> outbound_activities (activity_id));
diesel::joinable!(delivery_reach -> actors (actor_id));
diesel::joinable!(outbound_activities -> actors (actor_id));
diesel::joinable!(reactions -> actors (actor_id));
diesel::joinable!(reactions -> posts (post_id));
diesel::joinable!(editors -> accounts (account_id));
diesel::joinable!(editors -> actors (actor_id));
diesel::joinable!(api_tokens -> accounts (account_id));
diesel::joinable!(posts -> actors (actor_id));
diesel::joinable!(relays -> actors (actor_id));
diesel::joinable!(post_translations -> posts (post_id));
diesel::joinable!(post_images -> posts (post_id));
diesel::joinable!(events -> posts (post_id));
diesel::joinable!(event_participations -> posts (event_id));
diesel::joinable!(event_participations -> actors (actor_id));

diesel::table! {
    group_reports (id) {
        id -> Int8,
        group_id -> Int8,
        object_ap_id -> Text,
        activity_ap_id -> Nullable<Text>,
        account_id -> Nullable<Int8>,
        actor_id -> Nullable<Int8>,
        reason -> Text,
        created_at -> Timestamptz,
        resolved_at -> Nullable<Timestamptz>,
        resolved_by -> Nullable<Int8>,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    actors,
    delivered_batches,
    delivery_reach,
    delivery_leases,
    accounts,
    editors,
    api_tokens,
    posts,
    post_translations,
    post_images,
    follows,
    relays,
    received_activities,
    seen_signatures,
    outbound_activities,
    deliveries,
    instances,
    gone_inboxes,
    domain_blocks,
    domain_allows,
    reactions,
    reports,
    partnerships,
    web_sessions,
    login_failures,
    media,
    suspended_actors,
    events,
    event_participations,
    groups,
    group_moderators,
    group_bans,
    moderation_log,
    funding_programmes,
    funding_translations,
    funding_calls,
    showcases,
    reviewers,
    submissions,
    submission_events,
    group_reports,
    partner_searches,
);

// Editorial review (migration 000060).
diesel::table! {
    showcases (group_id) {
        group_id -> Int8,
        review_edits -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    reviewers (account_id) {
        account_id -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    submissions (id) {
        id -> Int8,
        post_id -> Int8,
        group_id -> Int8,
        submitter_id -> Int8,
        offer_ap_id -> Text,
        state -> Text,
        comment -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    submission_events (id) {
        id -> Int8,
        submission_id -> Int8,
        action -> Text,
        comment -> Nullable<Text>,
        account_id -> Nullable<Int8>,
        actor_id -> Nullable<Int8>,
        activity_ap_id -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(submissions -> posts (post_id));
diesel::joinable!(submission_events -> submissions (submission_id));
diesel::joinable!(reviewers -> accounts (account_id));

diesel::table! {
    account_persons (account_id) {
        account_id -> Int8,
        actor_id -> Int8,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(account_persons -> accounts (account_id));
diesel::joinable!(account_persons -> actors (actor_id));
diesel::allow_tables_to_appear_in_same_query!(account_persons, actors);
diesel::allow_tables_to_appear_in_same_query!(account_persons, accounts);
