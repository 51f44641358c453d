//! Importing partnership lists (matching, idempotence, invalid rows) and the open-data
//! exports, against a real database.

use crate::common::Ctx;
use passerelle::db::models::actor::{DbActor, NewActor, ProfileChange};
use passerelle::db::models::partnership::{DbPartnership, PartnershipFull};
use passerelle::orgs::{self, NewOrganisation, Profile};
use passerelle::partnerships::export;
use passerelle::partnerships::import::{ImportOptions, ImportReport, import_csv};
use passerelle::vocab::OrgKind;
use serde_json::{Value, json};

const HEADER: &str =
    "name_a,country_a,code_a,region_a,name_b,country_b,code_b,region_b,kind,founded_year";

/// Franco-German twinnings of NRW, one friendship with Leeds; Amiens is known as a remote
/// actor, Aachen as a local organisation with its AGS, Essen by name only.
fn nrw_list() -> String {
    format!(
        "{HEADER}\n\
         Dortmund,de,05913000,Nordrhein-Westfalen,Amiens,FR,80021,Hauts-de-France,jumelage,1960\n\
         Köln,DE,05315000,Nordrhein-Westfalen,Lille,FR,59350,Hauts-de-France,Städtepartnerschaft,1958\n\
         Münster,DE,,Nordrhein-Westfalen,Orléans,FR,,Centre-Val de Loire,Partnerschaft,1960\n\
         Aachen,DE,05334002,,Reims,FR,51454,,twinning,1967\n\
         ESSEN,DE,05113000,,Grenoble,FR,38185,,jumelage,1976\n\
         \"Dortmund\",\"DE\",\"05913000\",,Leeds,gb,,,Freundschaft,\n"
    )
}

async fn import(ctx: &Ctx, text: &str, skip_invalid: bool) -> ImportReport {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    import_csv(
        &mut conn,
        &ctx.inst.state().urls,
        text,
        &ImportOptions { skip_invalid },
    )
    .await
    .expect("import runs")
}

async fn local_org(ctx: &Ctx, handle: &str, name: &str, code: Option<&str>) -> DbActor {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let input = NewOrganisation {
        handle: handle.into(),
        name: name.into(),
        kind: OrgKind::Municipality,
        profile: Profile {
            country: Some("DE".into()),
            official_code: code.map(String::from),
            ..Profile::default()
        },
    };
    orgs::create(&mut conn, &ctx.inst.state().urls, &input)
        .await
        .unwrap()
}

async fn remote_amiens(ctx: &Ctx) -> DbActor {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let id = "https://afccre.example/o/ville-amiens";
    let new = NewActor {
        ap_id: id.into(),
        local: false,
        actor_type: "Organization".into(),
        handle: "ville-amiens".into(),
        domain: "afccre.example".into(),
        name: "Amiens".into(),
        summary_map: json!({}),
        summary_html: None,
        inbox_url: format!("{id}/inbox"),
        shared_inbox_url: Some("https://afccre.example/inbox".into()),
        outbox_url: None,
        followers_url: None,
        profile_url: None,
        icon_url: None,
        image_url: None,
        public_key_pem: String::new(),
        private_key_pem: None,
        manually_approves_followers: false,
        discoverable: true,
        indexable: true,
        org_kind: Some("municipality".into()),
        country: Some("FR".into()),
        region: Some("Hauts-de-France".into()),
        official_code: Some("80021".into()),
        population: Some(133_000),
        website: None,
        languages: vec!["fr".into()],
        themes: vec![],
        latitude: Some(49.8941),
        longitude: Some(2.2958),
        lau: None,
        nuts: None,
    };
    DbActor::upsert_remote(&mut conn, &new).await.unwrap()
}

async fn all_partnerships(ctx: &Ctx) -> Vec<PartnershipFull> {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    DbPartnership::all(&mut conn).await.unwrap()
}

fn between<'a>(rows: &'a [PartnershipFull], a: &str, b: &str) -> &'a PartnershipFull {
    rows.iter()
        .find(|r| r.subject.name == a && r.object.name == b)
        .unwrap_or_else(|| panic!("no partnership {a} – {b}"))
}

#[tokio::test]
async fn a_list_imports_matching_known_organisations_and_again_changes_nothing() {
    let ctx = Ctx::new().await;
    let aachen = local_org(&ctx, "stadt-aachen", "Stadt Aachen", Some("05334002")).await;
    let essen = local_org(&ctx, "essen", "Essen", None).await;
    let amiens = remote_amiens(&ctx).await;
    let actors_before = ctx.count("actors").await;

    let report = import(&ctx, &nrw_list(), false).await;
    assert!(report.imported, "{report:?}");
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.rows, 6);
    assert_eq!(report.organisations_matched, 3, "Amiens, Aachen, Essen");
    assert_eq!(
        report.organisations_created, 8,
        "Dortmund (once), Köln, Lille, Münster, Orléans, Reims, Grenoble, Leeds"
    );
    assert_eq!(report.partnerships_created, 6);
    assert_eq!(report.partnerships_existing, 0);
    assert_eq!(ctx.count("actors").await, actors_before + 8);
    assert_eq!(ctx.count("partnerships").await, 6);

    let rows = all_partnerships(&ctx).await;
    let dortmund_amiens = between(&rows, "Dortmund", "Amiens");
    assert_eq!(dortmund_amiens.object.id, amiens.id, "matched by code");
    let p = &dortmund_amiens.partnership;
    assert_eq!(
        (p.kind.code(), p.founded_year, p.status.code()),
        ("twinning", Some(1960), "active")
    );
    assert!(p.ap_id.starts_with(&ctx.url("/partnerships/")));
    let dortmund = &dortmund_amiens.subject;
    assert!(dortmund.local);
    assert_eq!(dortmund.country.as_deref(), Some("DE"), "uppercased");
    assert_eq!(dortmund.official_code.as_deref(), Some("05913000"));
    assert_eq!(dortmund.region.as_deref(), Some("Nordrhein-Westfalen"));
    assert_eq!(dortmund.org_kind.as_deref(), Some("municipality"));
    assert_eq!(
        between(&rows, "Stadt Aachen", "Reims").subject.id,
        aachen.id
    );
    assert_eq!(between(&rows, "Essen", "Grenoble").subject.id, essen.id);
    let leeds = between(&rows, "Dortmund", "Leeds");
    assert_eq!(leeds.subject.id, dortmund.id, "one Dortmund for both rows");
    assert_eq!(leeds.object.country.as_deref(), Some("GB"));
    assert_eq!(
        (
            leeds.partnership.kind.code(),
            leeds.partnership.founded_year
        ),
        ("friendship", None)
    );
    assert_eq!(
        between(&rows, "Münster", "Orléans").partnership.kind,
        passerelle::vocab::PartnershipKind::Twinning
    );
    assert_eq!(
        between(&rows, "Köln", "Lille").partnership.founded_year,
        Some(1958)
    );
    for r in &rows {
        assert!(
            !r.partnership.confirmed && r.partnership.imported,
            "an imported partnership is not confirmed: {:?}",
            r.partnership
        );
    }

    let again = import(&ctx, &nrw_list(), false).await;
    assert!(again.imported && again.rejected.is_empty(), "{again:?}");
    assert_eq!(again.rows, 6);
    assert_eq!(again.organisations_matched, 11);
    assert_eq!(again.organisations_created, 0);
    assert_eq!(again.partnerships_created, 0);
    assert_eq!(again.partnerships_existing, 6);
    assert_eq!(ctx.count("actors").await, actors_before + 8);
    assert_eq!(ctx.count("partnerships").await, 6);
}

#[tokio::test]
async fn an_invalid_row_stops_the_import_unless_skipped() {
    let ctx = Ctx::new().await;
    let text = format!(
        "{HEADER}\n\
         Dortmund,DE,05913000,,Amiens,FR,80021,,jumelage,1960\n\
         Köln,DE,05315000,,Lille,FR,59350,,Partnerschaft,1958\n\
         Münster,DE,,,Orléans,FR,,,Verschwisterung,1960\n\
         Aachen,DE,05334002,,Reims,,51454,,twinning,1967\n"
    );
    let actors_before = ctx.count("actors").await;

    let report = import(&ctx, &text, false).await;
    assert!(!report.imported);
    assert_eq!(report.rows, 4);
    let lines: Vec<usize> = report.rejected.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5], "{report:?}");
    assert!(
        report.rejected[0]
            .reason
            .contains("unknown partnership kind `Verschwisterung`"),
        "{report:?}"
    );
    assert_eq!(report.rejected[1].reason, "country_b is missing");
    assert_eq!(
        (
            report.organisations_created,
            report.partnerships_created,
            report.partnerships_existing
        ),
        (0, 0, 0)
    );
    assert_eq!(ctx.count("actors").await, actors_before, "nothing written");
    assert_eq!(ctx.count("partnerships").await, 0);

    let report = import(&ctx, &text, true).await;
    assert!(report.imported);
    assert_eq!(report.rows, 4);
    assert_eq!(
        report.rejected.iter().map(|r| r.line).collect::<Vec<_>>(),
        [4, 5]
    );
    assert_eq!(report.organisations_created, 4);
    assert_eq!(report.partnerships_created, 2);
    assert_eq!(ctx.count("actors").await, actors_before + 4);
    let rows = all_partnerships(&ctx).await;
    let mut pairs: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r.subject.name.as_str(), r.object.name.as_str()))
        .collect();
    pairs.sort();
    assert_eq!(pairs, [("Dortmund", "Amiens"), ("Köln", "Lille")]);
}

#[tokio::test]
async fn a_row_whose_sides_are_one_known_organisation_is_refused() {
    let ctx = Ctx::new().await;
    local_org(&ctx, "stadt-koeln", "Köln", Some("05315000")).await;
    // Different names, so only the database shows it: the code and the name both lead to Köln.
    let text = format!(
        "{HEADER}\n\
         Koeln,DE,05315000,,KÖLN,DE,,,Partnerschaft,\n\
         Köln,DE,,,Lille,FR,59350,,Partnerschaft,1958\n"
    );
    let report = import(&ctx, &text, false).await;
    assert!(!report.imported);
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    assert_eq!(report.rejected[0].line, 2);
    assert!(report.rejected[0].reason.contains("same organisation"));
    assert_eq!(ctx.count("partnerships").await, 0);

    let report = import(&ctx, &text, true).await;
    assert_eq!(
        (
            report.organisations_matched,
            report.organisations_created,
            report.partnerships_created
        ),
        (1, 1, 1),
        "{report:?}"
    );
}

async fn place(ctx: &Ctx, actor_id: i64, latitude: f64, longitude: f64) {
    let mut conn = ctx.inst.state().pool.get().await.unwrap();
    let change = ProfileChange {
        latitude: Some(Some(latitude)),
        longitude: Some(Some(longitude)),
        ..ProfileChange::default()
    };
    DbActor::update_profile(&mut conn, actor_id, &change)
        .await
        .unwrap();
}

#[tokio::test]
async fn exports_list_every_partnership_and_draw_the_map() {
    let ctx = Ctx::new().await;
    local_org(&ctx, "stadt-aachen", "Stadt Aachen", Some("05334002")).await;
    local_org(&ctx, "essen", "Essen", None).await;
    let amiens = remote_amiens(&ctx).await;
    import(&ctx, &nrw_list(), false).await;
    let rows = all_partnerships(&ctx).await;
    let dortmund = between(&rows, "Dortmund", "Amiens").subject.id;
    let koeln = between(&rows, "Köln", "Lille").subject.id;
    place(&ctx, dortmund, 51.5136, 7.4653).await;
    place(&ctx, koeln, 50.9375, 6.9603).await;
    let rows = all_partnerships(&ctx).await;
    let mut orgs = {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        DbActor::list_local_orgs(&mut conn).await.unwrap()
    };
    orgs.push(amiens.clone());

    // Partnerships as CSV: a header, then one record per partnership.
    let csv_text = export::partnerships_csv(&rows);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id",
            "name_a",
            "id_a",
            "country_a",
            "region_a",
            "code_a",
            "name_b",
            "id_b",
            "country_b",
            "region_b",
            "code_b",
            "kind",
            "founded_year",
            "status",
            "ended_on",
            "confirmed",
            "imported",
            "languages",
            "themes"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 6);
    assert_eq!(csv_text.lines().count(), 7);
    let koeln_lille = records
        .iter()
        .find(|r| &r[1] == "Köln")
        .expect("Köln exported");
    assert_eq!(
        (
            &koeln_lille[6],
            &koeln_lille[8],
            &koeln_lille[10],
            &koeln_lille[11],
            &koeln_lille[12],
            &koeln_lille[15],
            &koeln_lille[16]
        ),
        ("Lille", "FR", "59350", "twinning", "1958", "false", "true")
    );

    let json_rows = export::partnerships_json(&rows);
    assert_eq!(json_rows.as_array().map(Vec::len), Some(6));
    let leeds = json_rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name_b"] == "Leeds")
        .unwrap();
    assert_eq!(leeds["kind"], "friendship");
    assert_eq!(leeds["founded_year"], Value::Null);
    assert_eq!(
        leeds["id_b"]
            .as_str()
            .map(|s| s.starts_with(&ctx.url("/o/"))),
        Some(true)
    );

    // Organisations: remote ones under handle@domain.
    let org_csv = export::organisations_csv(&orgs);
    assert!(org_csv.starts_with(
        "id,handle,name,kind,country,region,official_code,population,website,latitude,longitude\n"
    ));
    assert_eq!(org_csv.lines().count(), orgs.len() + 1);
    assert!(org_csv.contains(
        "https://afccre.example/o/ville-amiens,ville-amiens@afccre.example,Amiens,municipality,FR,Hauts-de-France,80021,133000,,49.8941,2.2958\n"
    ), "{org_csv}");
    let org_json = export::organisations_json(&orgs);
    let dortmund_json = org_json
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "Dortmund")
        .unwrap();
    assert_eq!(dortmund_json["official_code"], "05913000");
    assert_eq!(dortmund_json["latitude"], 51.5136);

    // GeoJSON: points at [longitude, latitude]; a line only where both ends are placed.
    let geo = export::geojson(&orgs, &rows);
    assert_eq!(geo["type"], "FeatureCollection");
    let features = geo["features"].as_array().unwrap();
    let points: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "Point")
        .collect();
    let lines: Vec<&Value> = features
        .iter()
        .filter(|f| f["geometry"]["type"] == "LineString")
        .collect();
    assert_eq!(points.len(), 3, "Dortmund, Köln, Amiens");
    assert_eq!(lines.len(), 1, "only Dortmund – Amiens has both ends");
    let dortmund_point = points
        .iter()
        .find(|f| f["properties"]["name"] == "Dortmund")
        .unwrap();
    assert_eq!(
        dortmund_point["geometry"]["coordinates"],
        json!([7.4653, 51.5136])
    );
    assert_eq!(dortmund_point["properties"]["feature"], "organisation");
    assert_eq!(dortmund_point["type"], "Feature");
    let line = lines[0];
    assert_eq!(
        line["geometry"]["coordinates"],
        json!([[7.4653, 51.5136], [2.2958, 49.8941]])
    );
    assert_eq!(line["properties"]["feature"], "partnership");
    assert_eq!(line["properties"]["name_a"], "Dortmund");
    assert_eq!(line["properties"]["kind"], "twinning");

    // The exported list imports elsewhere as it is; here, everything is known already.
    let actors = ctx.count("actors").await;
    let report = import(&ctx, &csv_text, false).await;
    assert!(report.imported && report.rejected.is_empty(), "{report:?}");
    assert_eq!(
        (
            report.organisations_created,
            report.partnerships_created,
            report.partnerships_existing
        ),
        (0, 0, 6)
    );
    assert_eq!(ctx.count("actors").await, actors);
}

/// An actor row with what depends on the handle, the name and the time blanked out.
fn shape(a: &DbActor) -> String {
    let mut a = a.clone();
    a.id = 0;
    a.name.clear();
    a.official_code = None;
    a.lau = None;
    a.published = chrono::DateTime::UNIX_EPOCH;
    a.updated = chrono::DateTime::UNIX_EPOCH;
    a.last_refreshed_at = chrono::DateTime::UNIX_EPOCH;
    format!("{a:?}")
        .replace(&format!("/o/{}", a.handle), "/o/HANDLE")
        .replace(&format!("\"{}\"", a.handle), "\"HANDLE\"")
}

#[tokio::test]
async fn imported_organisations_are_made_as_create_imported_makes_them() {
    let ctx = Ctx::new().await;
    let one = {
        let mut conn = ctx.inst.state().pool.get().await.unwrap();
        orgs::create_imported(
            &mut conn,
            &ctx.inst.state().urls,
            "Roubaix",
            OrgKind::Municipality,
            Some("FR"),
            Some("Hauts-de-France"),
            Some("59512"),
        )
        .await
        .unwrap()
    };
    let text = format!(
        "{HEADER}\nTourcoing,FR,59599,Hauts-de-France,Mülheim an der Ruhr,DE,05117000,,Partnerschaft,1953\n"
    );
    assert_eq!(import(&ctx, &text, false).await.organisations_created, 2);
    let rows = all_partnerships(&ctx).await;
    let tourcoing = &rows[0].subject;
    assert_eq!(tourcoing.handle, "tourcoing");
    assert_eq!(rows[0].object.handle, "mulheim-an-der-ruhr");
    assert_eq!(shape(tourcoing), shape(&one));
}

#[tokio::test]
async fn a_long_list_imports_in_one_transaction() {
    let ctx = Ctx::new().await;
    // Each German municipality has two French partners; more rows than one INSERT takes.
    let n = 2500;
    let mut text = format!("{HEADER}\n");
    for i in 0..n {
        let kind = if i % 2 == 0 {
            "Partnerschaft"
        } else {
            "Freundschaft"
        };
        text.push_str(&format!(
            "Gemeinde {},DE,{:08},,Commune {i},FR,{:05},,{kind},{}\n",
            i / 2,
            1_000_000 + i / 2,
            10_000 + i,
            1950 + i % 70
        ));
    }
    let report = import(&ctx, &text, false).await;
    assert!(report.imported && report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.organisations_created, n / 2 + n);
    assert_eq!(report.partnerships_created, n);
    assert_eq!(ctx.count("partnerships").await, n as i64);
    let again = import(&ctx, &text, false).await;
    assert_eq!(
        (
            again.organisations_matched,
            again.organisations_created,
            again.partnerships_existing
        ),
        (n / 2 + n, 0, n)
    );
}

/// A list naming a known municipality without the town word, without its accents or with
/// them decomposed (a Mac export) matches it instead of creating a second one.
#[tokio::test]
async fn names_match_without_accents_and_town_words() {
    let ctx = Ctx::new().await;
    local_org(&ctx, "stadt-koeln", "Stadt Köln", None).await;
    local_org(&ctx, "wuerzburg", "Stadt Würzburg", None).await;
    let actors_before = ctx.count("actors").await;
    let list = "name_a,country_a,name_b,country_b,kind,founded_year\n\
                Ko\u{308}ln,DE,Wurzburg,DE,friendship,1958\n";
    let report = import(&ctx, list, false).await;
    assert!(report.imported, "{report:?}");
    assert_eq!(report.organisations_matched, 2, "{report:?}");
    assert_eq!(report.organisations_created, 0, "{report:?}");
    assert_eq!(ctx.count("actors").await, actors_before);
}
