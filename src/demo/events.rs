//! The demo's events, dated from today so that they stay upcoming: a training at the
//! Netzwerkstelle (approval by the organiser), the 65th anniversary of the Dortmund–Amiens
//! twinning co-organised across networks (free, limited places), a youth exchange running
//! now, an online apéritif of the AFCCRE, and a cancelled meeting. An organisation on
//! another network joins the anniversary through federation.

use super::{DemoInstance, partner_url, translations};
use crate::db::models::actor::DbActor;
use crate::db::models::event::{EventKind, EventStatus, JoinMode};
use crate::events::{EventInput, PlaceInput};
use anyhow::Context;
use chrono::{Duration, Utc};

struct DemoEvent {
    network: &'static str,
    author: &'static str,
    /// (language, title, summary, body), main language first.
    versions: &'static [(&'static str, &'static str, &'static str, &'static str)],
    /// Days from today, and local start and end times.
    in_days: i64,
    days: i64,
    from: &'static str,
    to: &'static str,
    kind: EventKind,
    join_mode: JoinMode,
    capacity: Option<i32>,
    /// (name, street, postal code, locality, country, latitude, longitude)
    place: Option<(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        f64,
        f64,
    )>,
    online: Option<&'static str>,
    themes: &'static [&'static str],
    organisers: &'static [&'static str],
    cancelled: bool,
}

const EVENTS: &[DemoEvent] = &[
    DemoEvent {
        network: "nrw",
        author: "netzwerkstelle",
        versions: &[
            (
                "de",
                "Schulung: Fördermittel für Bürgerbegegnungen beantragen",
                "Halbtägige Schulung der Netzwerkstelle für Partnerschaftsvereine: Programme, Fristen, Antrag Schritt für Schritt.",
                "Wir gehen gemeinsam durch die Anträge beim **Deutsch-Französischen Bürgerfonds** und bei Engagement Global. Bitte bringen Sie eine Projektidee mit.",
            ),
            (
                "fr",
                "Formation : demander des financements pour les rencontres citoyennes",
                "Demi-journée de formation pour les comités de jumelage : programmes, délais, dossier pas à pas.",
                "Nous parcourons ensemble les dossiers du **Fonds citoyen franco-allemand**. Apportez une idée de projet.",
            ),
        ],
        in_days: 14,
        days: 0,
        from: "09:30",
        to: "13:00",
        kind: EventKind::Training,
        join_mode: JoinMode::Approval,
        capacity: Some(25),
        place: Some((
            "Rathaus Dortmund, Bürgersaal",
            "Friedensplatz 1",
            "44135",
            "Dortmund",
            "DE",
            51.5127,
            7.4653,
        )),
        online: None,
        themes: &["european-integration"],
        organisers: &[],
        cancelled: false,
    },
    DemoEvent {
        network: "nrw",
        author: "stadt-dortmund",
        versions: &[
            (
                "de",
                "65 Jahre Städtepartnerschaft Dortmund–Amiens: Festabend",
                "Festabend mit Chor, Ausstellung der Schüleraustausche und Gästen aus Amiens.",
                "Seit 1960 verbindet die Partnerschaft Dortmund und Amiens. Wir feiern mit dem Comité de jumelage.",
            ),
            (
                "fr",
                "65 ans du jumelage Amiens–Dortmund : soirée de fête",
                "Soirée avec chorale, exposition des échanges scolaires et invités de Dortmund.",
                "Depuis 1960, le jumelage relie Amiens et Dortmund. Nous fêtons avec le comité de jumelage.",
            ),
        ],
        in_days: 45,
        days: 0,
        from: "18:00",
        to: "22:30",
        kind: EventKind::PartnershipMeeting,
        join_mode: JoinMode::Free,
        capacity: Some(120),
        place: Some((
            "Hôtel de Ville d'Amiens",
            "Place de l'Hôtel de Ville",
            "80000",
            "Amiens",
            "FR",
            49.8942,
            2.2957,
        )),
        online: None,
        themes: &["culture", "youth"],
        organisers: &["afccre:ville-amiens"],
        cancelled: false,
    },
    DemoEvent {
        network: "dfi",
        author: "stadt-ludwigsburg",
        versions: &[
            (
                "de",
                "Jugendbegegnung Ludwigsburg–Montbéliard",
                "Eine Woche Theaterwerkstatt für 30 Jugendliche aus beiden Städten.",
                "Die Jugendlichen proben ein zweisprachiges Stück und zeigen es am letzten Abend.",
            ),
            (
                "fr",
                "Rencontre de jeunes Montbéliard–Ludwigsburg",
                "Une semaine d'atelier théâtre pour 30 jeunes des deux villes.",
                "Les jeunes répètent une pièce bilingue et la jouent le dernier soir.",
            ),
        ],
        in_days: -2,
        days: 5,
        from: "10:00",
        to: "18:00",
        kind: EventKind::Exchange,
        join_mode: JoinMode::Approval,
        capacity: Some(30),
        place: Some((
            "Jugendhaus Ludwigsburg",
            "Mathildenstraße 21",
            "71638",
            "Ludwigsburg",
            "DE",
            48.8958,
            9.1917,
        )),
        online: None,
        themes: &["youth", "culture"],
        organisers: &["afccre:ville-montbeliard"],
        cancelled: false,
    },
    DemoEvent {
        network: "afccre",
        author: "afccre",
        versions: &[
            (
                "fr",
                "Apéro en ligne des comités de jumelage",
                "Une heure d'échange en visio entre comités : idées, partenaires, bonnes pratiques.",
                "Chaque comité présente un projet en deux minutes.",
            ),
            (
                "de",
                "Online-Apéro der Partnerschaftskomitees",
                "Eine Stunde Austausch per Video: Ideen, Partner, gute Beispiele.",
                "Jedes Komitee stellt in zwei Minuten ein Projekt vor.",
            ),
        ],
        in_days: 7,
        days: 0,
        from: "18:30",
        to: "19:30",
        kind: EventKind::OnlineMeeting,
        join_mode: JoinMode::Free,
        capacity: None,
        place: None,
        online: Some("https://visio.afccre.example/apero-jumelage"),
        themes: &["european-integration"],
        organisers: &[],
        cancelled: false,
    },
    DemoEvent {
        network: "afccre",
        author: "ville-lille",
        versions: &[
            (
                "fr",
                "Réunion du comité de jumelage Lille–Köln",
                "Préparation du voyage des citoyens à Cologne.",
                "Ordre du jour : programme, hébergement, budget.",
            ),
            (
                "de",
                "Sitzung des Partnerschaftskomitees Lille–Köln",
                "Vorbereitung der Bürgerreise nach Köln.",
                "Tagesordnung: Programm, Unterkunft, Budget.",
            ),
        ],
        in_days: 30,
        days: 0,
        from: "19:00",
        to: "21:00",
        kind: EventKind::PartnershipMeeting,
        join_mode: JoinMode::Free,
        capacity: None,
        place: Some((
            "Hôtel de Ville de Lille",
            "Place Augustin Laurent",
            "59000",
            "Lille",
            "FR",
            50.6311,
            3.0706,
        )),
        online: None,
        themes: &["european-integration"],
        organisers: &["nrw:stadt-koeln"],
        cancelled: true,
    },
];

/// Publishes the demo's events on their networks, then has Ville de Lille (AFCCRE) join the
/// Dortmund–Amiens anniversary on the NRW instance, through real federation.
pub async fn publish(instances: &[DemoInstance], ports: &[u16]) -> anyhow::Result<()> {
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo event: {}", e.message);
    let today = Utc::now().date_naive();
    let mut anniversary = None;
    for e in EVENTS {
        let d = instances
            .iter()
            .find(|d| d.network == e.network)
            .context("demo network")?;
        let state = &d.instance.state;
        let mut conn = state.pool.get().await?;
        let author = DbActor::local_by_handle(&mut conn, e.author)
            .await?
            .context("demo event author")?;
        let start = today + Duration::days(e.in_days);
        let end = start + Duration::days(e.days);
        let input = EventInput {
            main_language: None,
            translations: translations(e.versions)?,
            starts_at: format!("{start}T{}", e.from),
            ends_at: format!("{end}T{}", e.to),
            timezone: if e.network == "afccre" {
                "Europe/Paris"
            } else {
                "Europe/Berlin"
            }
            .into(),
            kind: e.kind,
            status: None,
            join_mode: Some(e.join_mode),
            external_url: None,
            capacity: e.capacity,
            registration_deadline: None,
            languages: vec!["de".into(), "fr".into()],
            place: e.place.map(
                |(name, street, postal, locality, country, lat, lon)| PlaceInput {
                    name: Some(name.into()),
                    street_address: Some(street.into()),
                    postal_code: Some(postal.into()),
                    locality: Some(locality.into()),
                    region: None,
                    country: Some(country.into()),
                    latitude: Some(lat),
                    longitude: Some(lon),
                },
            ),
            online_url: e.online.map(Into::into),
            themes: e.themes.iter().map(|t| t.to_string()).collect(),
            sdgs: vec![],
            organisers: e.organisers.iter().map(|s| partner_url(s, ports)).collect(),
            partnership: None,
            related_posts: vec![],
            images: vec![],
        };
        let (data, event) = input
            .validate(&mut conn, state.urls.base(), 0)
            .await
            .map_err(err)?;
        let full = crate::events::publish_new(&mut conn, state, &author, &data, &event)
            .await
            .map_err(err)?;
        if e.cancelled {
            crate::events::set_status(
                &mut conn,
                state,
                &author,
                full.post.post.id,
                EventStatus::Cancelled,
            )
            .await
            .map_err(err)?;
        }
        if e.author == "stadt-dortmund" {
            anniversary = Some(full.post.post.ap_id.to_string());
        }
    }
    if let (Some(event), Some(afccre)) = (
        anniversary,
        instances.iter().find(|d| d.network == "afccre"),
    ) {
        use diesel_async::AsyncConnection;
        let state = &afccre.instance.state;
        let post = crate::federation::resolve::post(state, &event)
            .await
            .map_err(|e| anyhow::anyhow!("demo: the anniversary event: {e}"))?;
        let mut conn = state.pool.get().await?;
        let lille = DbActor::local_by_handle(&mut conn, "ville-lille")
            .await?
            .context("ville-lille")?;
        conn.transaction::<_, crate::error::AppError, _>(async |conn| {
            crate::federation::activities::event::join(
                conn,
                state,
                &lille,
                &post,
                Some("Une délégation de Lille viendra avec le comité."),
            )
            .await
        })
        .await
        .map_err(err)?;
        state.wakeup.wake();
    }
    Ok(())
}

/// Prints each network's calendar (its own events and those received) and the state of the
/// cross-network participation.
pub async fn show(instances: &[DemoInstance]) -> anyhow::Result<()> {
    use crate::db::models::event::{DbEvent, DbParticipation, EventFilter};
    for d in instances {
        let state = &d.instance.state;
        let mut conn = state.pool.get().await?;
        let events = DbEvent::upcoming(&mut conn, &EventFilter::default(), Utc::now(), 50).await?;
        println!(
            "Calendar of {}: {} event(s) running or to come — {}/api/v1/events",
            d.network,
            events.len(),
            state.urls.base()
        );
        for e in &events {
            let title = e.post.main().map(|t| t.title.as_str()).unwrap_or("");
            let origin = if e.post.post.local {
                "here"
            } else {
                "received"
            };
            println!(
                "   {} {} [{}, {}]{}",
                e.event
                    .starts_at
                    .with_timezone(&e.event.tz())
                    .format("%Y-%m-%d %H:%M"),
                title,
                e.event.kind.code(),
                origin,
                if e.event.status == EventStatus::Cancelled {
                    " CANCELLED"
                } else {
                    ""
                }
            );
        }
        if let Some(lille) = DbActor::local_by_handle(&mut conn, "ville-lille").await? {
            for (p, post) in DbParticipation::of_actor(&mut conn, lille.id).await? {
                println!(
                    "   ville-lille takes part in {}: {}",
                    post.ap_id,
                    p.state.code()
                );
            }
        }
    }
    println!();
    Ok(())
}
