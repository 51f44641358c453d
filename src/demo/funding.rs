//! The demo's funding programmes, kept by the dfi and sent to nrw and afccre: five
//! programmes that town twinnings, schools and youth groups actually apply to, with the
//! figures of their published rules and a source for each.
//!
//! Checked against published material (December 2026), and what could not be:
//! - **CERV Town-Twinning**: municipalities from at least 2 eligible countries, at least one
//!   an EU member state; at least 50 direct participants of whom at least 25 "invited
//!   international participants"; lump sums expected between €8,455 and €50,745; projects
//!   normally 6–12 months; 2024 deadline 19 September 2024, 17:00 Brussels time — all as the
//!   2024 call text reproduced by Eurodesk and the Commission's figures quoted by national
//!   contact points. Applicants: towns, other local authorities, their twinning committees
//!   or non-profit organisations representing them. Non-EU countries associated to CERV
//!   (Albania, Bosnia and Herzegovina, Kosovo, Serbia, Ukraine) as the Commission announced
//!   them in December 2023; later associations are not verified. The 2026 call's dates
//!   could not be verified, so no 2026 call is listed.
//! - **CERV Networks of Towns**: at least 4 applicants from at least 4 eligible countries,
//!   at least 2 of them EU member states; lead applicant a local authority; 12–24 months;
//!   2024 call open 14 December 2023 – 18 April 2024, 17:00; 2025 call 17 December 2024 –
//!   27 March 2025. The grant range could not be verified and is left out.
//! - **Deutsch-Französischer Bürgerfonds**: four funding categories, up to €5,000, up to
//!   €10,000, up to €50,000 and beacon projects above €50,000; up to 80 % of the eligible
//!   costs (70 % above €50,000, per one regional announcement — not verified at the fund);
//!   applications all year for categories 1–3, fixed dates for category 4; no minimum
//!   duration; open to associations, twinning associations, local authorities, institutes,
//!   education centres, foundations, informal groups of three people or more. That a partner
//!   in Germany *and* one in France is a formal condition is our reading of its aim
//!   (exchange between citizens of both countries), not a verified rule.
//! - **Erasmus+ small-scale partnerships in school education (KA210-SCH)**: at least 2
//!   organisations from 2 different countries, each in an EU member state or a third
//!   country associated to the programme (Iceland, Liechtenstein, Norway, North Macedonia,
//!   Serbia, Türkiye); lump sums of €30,000 or €60,000; 6–24 months. The national agencies'
//!   round deadlines of 2027 are not published yet, so no call is listed.
//! - **DFJW/OFAJ youth exchanges (group exchanges)**: Germany and France, bi- or trilateral
//!   with a third country; 4–21 programme days (arrival and departure counted as one); up
//!   to 35 funded participants of the travelling group at the partner's place, 50 at a third
//!   place; travel and stay subsidised at fixed rates; applied for at least three months
//!   before. The participants' age range (3–30) is not a rule the eligibility check models.

use super::DemoInstance;
use crate::federation::activities::funding as fed;
use crate::funding::{CallInput, ProgrammeInput, TextInput};
use anyhow::Context;

fn text(language: &str, name: &str, description: &str) -> TextInput {
    TextInput {
        language: language.into(),
        name: name.into(),
        description: description.into(),
    }
}

fn call(opens_on: Option<&str>, deadline: Option<&str>, label: &str) -> CallInput {
    CallInput {
        opens_on: opens_on.map(str::to_string),
        deadline: deadline.map(str::to_string),
        label: label.into(),
    }
}

fn list(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The EU's member states.
fn eu() -> Vec<String> {
    list(&crate::funding::countries::EU)
}

/// The programmes, as the dfi's editors would enter them.
pub fn programmes() -> Vec<ProgrammeInput> {
    let mut cerv = eu();
    cerv.extend(list(&["AL", "BA", "XK", "RS", "UA"]));
    let mut erasmus = eu();
    erasmus.extend(list(&["IS", "LI", "NO", "MK", "RS", "TR"]));
    vec![
        ProgrammeInput {
            translations: vec![
                text(
                    "de",
                    "CERV Städtepartnerschaften (Town-Twinning)",
                    "EU-Förderung für Begegnungen von Partnerstädten zu Themen der europäischen Agenda: Pauschalbeträge je nach Teilnehmenden, Tagen und Reisewegen.",
                ),
                text(
                    "fr",
                    "CERV Jumelages de villes (Town-Twinning)",
                    "Financement de l’UE pour les rencontres de villes jumelées autour de l’agenda européen : montants forfaitaires selon les participants, les jours et les trajets.",
                ),
                text(
                    "en",
                    "CERV Town-Twinning",
                    "EU funding for meetings of twinned towns on the European agenda: lump sums by participants, days and travel.",
                ),
            ],
            funder: "European Commission (EACEA), programme Citizens, Equality, Rights and Values".into(),
            link: Some("https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/CERV-2024-CITIZENS-TOWN-TT".into()),
            applicant_kinds: list(&["municipality", "district", "region", "association", "network"]),
            countries: cerv.clone(),
            min_partners: Some(2),
            min_countries: Some(2),
            min_eu_countries: Some(1),
            min_participants: Some(50),
            min_invited: Some(25),
            grant_min: Some(8_455),
            grant_max: Some(50_745),
            duration_min: Some(6),
            duration_max: Some(12),
            duration_unit: Some("months".into()),
            themes: list(&["european-integration", "reconciliation", "culture", "inclusion"]),
            calls: vec![call(None, Some("2024-09-19T17:00:00+02:00"), "CERV-2024-CITIZENS-TOWN-TT")],
            ..ProgrammeInput::default()
        },
        ProgrammeInput {
            translations: vec![
                text(
                    "de",
                    "CERV Netzwerke von Städten (Networks of Towns)",
                    "EU-Förderung für dauerhafte thematische Netzwerke von Städten und Gemeinden aus mehreren Ländern.",
                ),
                text(
                    "fr",
                    "CERV Réseaux de villes (Networks of Towns)",
                    "Financement de l’UE pour des réseaux thématiques durables de villes et communes de plusieurs pays.",
                ),
                text(
                    "en",
                    "CERV Networks of Towns",
                    "EU funding for lasting thematic networks of towns and municipalities from several countries.",
                ),
            ],
            funder: "European Commission (EACEA), programme Citizens, Equality, Rights and Values".into(),
            link: Some("https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/opportunities/topic-details/CERV-2025-CITIZENS-TOWN-NT".into()),
            applicant_kinds: list(&["municipality", "district", "region"]),
            countries: cerv,
            min_partners: Some(4),
            min_countries: Some(4),
            min_eu_countries: Some(2),
            duration_min: Some(12),
            duration_max: Some(24),
            duration_unit: Some("months".into()),
            themes: list(&["european-integration", "climate", "migration", "inclusion"]),
            calls: vec![
                call(Some("2023-12-14"), Some("2024-04-18T17:00:00+02:00"), "CERV-2024-CITIZENS-TOWN-NT"),
                call(Some("2024-12-17"), Some("2025-03-27T17:00:00+01:00"), "CERV-2025-CITIZENS-TOWN-NT"),
            ],
            ..ProgrammeInput::default()
        },
        ProgrammeInput {
            translations: vec![
                text(
                    "de",
                    "Deutsch-Französischer Bürgerfonds",
                    "Fördert Begegnungen und Projekte, die die deutsch-französische Freundschaft erlebbar machen, in vier Kategorien: bis 5.000 €, bis 10.000 €, bis 50.000 € und Leuchtturmprojekte über 50.000 €. Anträge der Kategorien 1 bis 3 das ganze Jahr.",
                ),
                text(
                    "fr",
                    "Fonds citoyen franco-allemand",
                    "Soutient les rencontres et projets qui font vivre l’amitié franco-allemande, en quatre catégories : jusqu’à 5 000 €, jusqu’à 10 000 €, jusqu’à 50 000 € et projets phares au-delà de 50 000 €. Dépôt toute l’année pour les catégories 1 à 3.",
                ),
                text(
                    "en",
                    "Franco-German Citizens’ Fund",
                    "Funds meetings and projects that bring Franco-German friendship to life, in four categories: up to €5,000, up to €10,000, up to €50,000 and beacon projects above €50,000. Categories 1 to 3 all year round.",
                ),
            ],
            funder: "Deutsch-Französischer Bürgerfonds / Fonds citoyen franco-allemand (DFJW/OFAJ)".into(),
            link: Some("https://www.buergerfonds.eu/".into()),
            required_countries: list(&["DE", "FR"]),
            cofunding_rate: Some(80),
            themes: list(&[
                "european-integration",
                "culture",
                "environment",
                "remembrance",
                "sport",
                "social",
                "inclusion",
                "digitalisation",
            ]),
            calls: vec![call(None, None, "Kategorien 1–3 / catégories 1 à 3")],
            ..ProgrammeInput::default()
        },
        ProgrammeInput {
            translations: vec![
                text(
                    "de",
                    "Erasmus+ Kleine Partnerschaften im Schulbereich (KA210-SCH)",
                    "Zusammenarbeit von Schulen und anderen Einrichtungen aus mindestens zwei Programmländern, mit einer Pauschale von 30.000 € oder 60.000 €. Anträge über die Nationale Agentur (in Deutschland der PAD).",
                ),
                text(
                    "fr",
                    "Erasmus+ Partenariats de petite envergure, enseignement scolaire (KA210-SCH)",
                    "Coopération d’écoles et d’autres organismes d’au moins deux pays du programme, avec un forfait de 30 000 € ou 60 000 €. Dépôt auprès de l’agence nationale (en France, l’Agence Erasmus+ France).",
                ),
                text(
                    "en",
                    "Erasmus+ small-scale partnerships in school education (KA210-SCH)",
                    "Cooperation of schools and other organisations from at least two programme countries, with a lump sum of €30,000 or €60,000. Applied for at the national agency.",
                ),
            ],
            funder: "European Union, Erasmus+ (national agencies)".into(),
            link: Some("https://erasmus-plus.ec.europa.eu/programme-guide/part-b/key-action-2/small-scale-partnerships".into()),
            countries: erasmus,
            min_partners: Some(2),
            min_countries: Some(2),
            lump_sums: vec![30_000, 60_000],
            duration_min: Some(6),
            duration_max: Some(24),
            duration_unit: Some("months".into()),
            themes: list(&["education", "inclusion", "digitalisation", "climate"]),
            ..ProgrammeInput::default()
        },
        ProgrammeInput {
            translations: vec![
                text(
                    "de",
                    "DFJW Jugendbegegnungen (Gruppenaustausch)",
                    "Zuschüsse zu Fahrt- und Aufenthaltskosten für Begegnungen junger Menschen aus Deutschland und Frankreich, auch mit einem Drittland: 4 bis 21 Programmtage, bis zu 35 geförderte Teilnehmende der reisenden Gruppe (50 an einem Drittort). Antrag spätestens drei Monate vorher.",
                ),
                text(
                    "fr",
                    "OFAJ Rencontres de jeunes (échanges de groupes)",
                    "Subventions aux frais de voyage et de séjour pour les rencontres de jeunes de France et d’Allemagne, aussi avec un pays tiers : 4 à 21 jours de programme, jusqu’à 35 participants subventionnés du groupe qui se déplace (50 en lieu tiers). Demande au moins trois mois avant.",
                ),
                text(
                    "en",
                    "FGYO youth exchanges (group exchanges)",
                    "Travel and stay grants for meetings of young people from Germany and France, also with a third country: 4 to 21 programme days, up to 35 funded participants of the travelling group (50 at a third place). Apply at least three months ahead.",
                ),
            ],
            funder: "Deutsch-Französisches Jugendwerk / Office franco-allemand pour la Jeunesse".into(),
            link: Some("https://www.dfjw.org/".into()),
            required_countries: list(&["DE", "FR"]),
            duration_min: Some(4),
            duration_max: Some(21),
            duration_unit: Some("days".into()),
            themes: list(&["youth", "education", "culture", "sport"]),
            calls: vec![call(None, None, "laufend / au fil de l’eau")],
            ..ProgrammeInput::default()
        },
    ]
}

/// Creates the programmes at the dfi, which sends them to the networks subscribed to it.
pub async fn seed(instances: &[DemoInstance]) -> anyhow::Result<usize> {
    let dfi = instances
        .iter()
        .find(|d| d.network == "dfi")
        .context("the demo has no dfi network")?;
    let state = &dfi.instance.state;
    let mut conn = state.pool.get().await?;
    let mut count = 0;
    let mut first = None;
    for input in programmes() {
        let data = input
            .validate()
            .map_err(|e| anyhow::anyhow!("demo funding programme: {e}"))?;
        let full = fed::create_local(&mut conn, state, &data)
            .await
            .map_err(|e| anyhow::anyhow!("demo funding programme: {e}"))?;
        first.get_or_insert(full.programme.ap_id.to_string());
        count += 1;
    }
    // A project of the dfi's first organisation, funded by the first programme (CERV
    // Town-Twinning): its page says so and the programme's page lists it.
    if let (Some(programme), Some(handle)) = (first, dfi.handles.first()) {
        // Handles are listed as `@name@host`.
        let name = handle
            .trim_start_matches('@')
            .split('@')
            .next()
            .unwrap_or_default();
        let author = crate::db::models::actor::DbActor::local_by_handle(&mut conn, name)
            .await?
            .context("the dfi's first organisation")?;
        let input = crate::posts::PostInput {
            main_language: None,
            translations: vec![
                crate::posts::TranslationInput {
                    language: crate::vocab::Lang::De,
                    title: "Bürgerbegegnung mit 60 Gästen aus drei Partnerstädten".into(),
                    summary: "Vier Tage Begegnung, Workshops zur Zukunft Europas und ein Fest auf dem Marktplatz.".into(),
                    body: "Gefördert im Programm **CERV Town-Twinning** der Europäischen Union.".into(),
                },
                crate::posts::TranslationInput {
                    language: crate::vocab::Lang::Fr,
                    title: "Rencontre citoyenne avec 60 invités de trois villes jumelles".into(),
                    summary: "Quatre jours de rencontres, des ateliers sur l’avenir de l’Europe et une fête sur la place du marché.".into(),
                    body: "Financé par le programme **CERV Town-Twinning** de l’Union européenne.".into(),
                },
            ],
            themes: vec!["european-integration".into()],
            sdgs: vec![16],
            partners: vec![],
            place: None,
            starts_on: None,
            ends_on: None,
            images: vec![],
            in_reply_to: None,
            funded_by: Some(programme),
        };
        let data = input
            .validate(&mut conn, state.urls.base())
            .await
            .map_err(|e| anyhow::anyhow!("demo funded project: {e}"))?;
        crate::posts::publish_new(&mut conn, state, &author, &data)
            .await
            .map_err(|e| anyhow::anyhow!("demo funded project: {e}"))?;
    }
    state.wakeup.wake();
    Ok(count)
}
