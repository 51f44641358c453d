//! The demo's sample data: real municipalities with their official codes (AGS, INSEE,
//! ISTAT and TERYT codes), rounded populations and coordinates, and project posts in German,
//! French, Italian and Polish about real partnerships (../shared/DOMAIN.md). Associations
//! marked "Beispiel/exemple" are invented.

pub struct Org {
    pub handle: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub country: &'static str,
    pub region: &'static str,
    pub code: Option<&'static str>,
    pub population: Option<i64>,
    pub lat: f64,
    pub lon: f64,
    pub languages: &'static [&'static str],
    pub themes: &'static [&'static str],
    pub summary_de: &'static str,
    pub summary_fr: &'static str,
}

pub struct Post {
    pub author: &'static str,
    /// (language, title, summary, body), main language first.
    pub versions: &'static [(&'static str, &'static str, &'static str, &'static str)],
    pub themes: &'static [&'static str],
    pub sdgs: &'static [i16],
    /// Partners as `network:handle`, resolved to actor URLs.
    pub partners: &'static [&'static str],
    pub place: &'static str,
    pub starts_on: Option<&'static str>,
    pub ends_on: Option<&'static str>,
    pub pinned: bool,
}

pub struct Network {
    pub name: &'static str,
    pub orgs: &'static [Org],
    pub posts: &'static [Post],
}

macro_rules! org {
    ($h:literal, $n:literal, $k:literal, $c:literal, $r:literal, $code:expr, $pop:expr, $lat:literal, $lon:literal, $langs:expr, $themes:expr, $de:literal, $fr:literal) => {
        Org {
            handle: $h,
            name: $n,
            kind: $k,
            country: $c,
            region: $r,
            code: $code,
            population: $pop,
            lat: $lat,
            lon: $lon,
            languages: $langs,
            themes: $themes,
            summary_de: $de,
            summary_fr: $fr,
        }
    };
}

pub const NETWORKS: &[Network] = &[
    Network {
        name: "dfi",
        orgs: &[
            org!(
                "dfi",
                "Deutsch-Französisches Institut",
                "network",
                "DE",
                "Baden-Württemberg",
                None,
                None,
                48.8975,
                9.1919,
                &["de", "fr"],
                &["reconciliation", "european-integration"],
                "Das dfi in Ludwigsburg begleitet die deutsch-französischen Städtepartnerschaften.",
                "Le dfi à Ludwigsbourg accompagne les jumelages franco-allemands."
            ),
            org!(
                "stadt-ludwigsburg",
                "Stadt Ludwigsburg",
                "municipality",
                "DE",
                "Baden-Württemberg",
                Some("08118048"),
                Some(94_000),
                48.8975,
                9.1919,
                &["de", "fr"],
                &["culture", "youth", "remembrance"],
                "Partnerstadt von Montbéliard seit 1950 – eine der ersten deutsch-französischen Städtepartnerschaften.",
                "Ville jumelée avec Montbéliard depuis 1950, l'un des premiers jumelages franco-allemands."
            ),
            org!(
                "stadt-karlsruhe",
                "Stadt Karlsruhe",
                "municipality",
                "DE",
                "Baden-Württemberg",
                Some("08212000"),
                Some(308_000),
                49.0069,
                8.4037,
                &["de", "fr"],
                &["culture", "education"],
                "Karlsruhe und Nancy sind seit 1955 Partnerstädte.",
                "Karlsruhe et Nancy sont jumelées depuis 1955."
            ),
            org!(
                "stadt-stuttgart",
                "Landeshauptstadt Stuttgart",
                "municipality",
                "DE",
                "Baden-Württemberg",
                Some("08111000"),
                Some(630_000),
                48.7758,
                9.1829,
                &["de", "fr", "en"],
                &["mobility", "economy"],
                "Stuttgart und Straßburg verbindet seit 1962 eine Städtepartnerschaft.",
                "Stuttgart et Strasbourg sont jumelées depuis 1962."
            ),
            // jumelage.eu opening to Europe: an Italian and a Polish municipality, partners
            // of Cologne (the ring partnership of 1958) and of Münster (since 1991).
            org!(
                "citta-di-torino",
                "Città di Torino",
                "municipality",
                "IT",
                "Piemonte",
                Some("001272"),
                Some(845_000),
                45.0703,
                7.6869,
                &["it", "de", "fr"],
                &["youth", "culture", "education"],
                "Turin gehört seit 1958 mit Köln, Lille, Lüttich, Rotterdam und Esch-sur-Alzette zur Ringpartnerschaft.",
                "Depuis 1958, Turin forme avec Cologne, Lille, Liège, Rotterdam et Esch-sur-Alzette un jumelage en anneau."
            ),
            org!(
                "miasto-lublin",
                "Miasto Lublin",
                "municipality",
                "PL",
                "Lubelskie",
                Some("0663011"),
                Some(330_000),
                51.2465,
                22.5684,
                &["pl", "de"],
                &["culture", "remembrance", "reconciliation"],
                "Lublin und Münster sind seit 1991 Partnerstädte.",
                "Lublin et Münster sont jumelées depuis 1991."
            ),
        ],
        posts: &[
            Post {
                author: "stadt-ludwigsburg",
                versions: &[
                    (
                        "de",
                        "75 Jahre Ludwigsburg – Montbéliard",
                        "Wir feiern eine der ältesten deutsch-französischen Städtepartnerschaften mit Konzerten, Schulbesuchen und einem Bürgerfest.",
                        "Seit **1950** verbindet Ludwigsburg und Montbéliard eine Partnerschaft, die nach dem Krieg Versöhnung möglich machte.\n\n- Bürgerfest auf dem Marktplatz\n- Austausch der Jugendorchester\n- Ausstellung *Freundschaft über Grenzen*",
                    ),
                    (
                        "fr",
                        "75 ans Ludwigsburg – Montbéliard",
                        "Nous fêtons l'un des plus anciens jumelages franco-allemands avec des concerts, des visites scolaires et une fête citoyenne.",
                        "Depuis **1950**, Ludwigsburg et Montbéliard sont liées par un jumelage qui a rendu possible la réconciliation après la guerre.\n\n- Fête citoyenne sur la place du marché\n- Échange des orchestres de jeunes\n- Exposition *Amitié sans frontières*",
                    ),
                ],
                themes: &["reconciliation", "culture", "remembrance"],
                sdgs: &[16],
                partners: &["afccre:ville-montbeliard"],
                place: "Ludwigsburg",
                starts_on: Some("2026-06-12"),
                ends_on: Some("2026-06-14"),
                pinned: true,
            },
            Post {
                author: "stadt-stuttgart",
                versions: &[
                    (
                        "de",
                        "Radverkehr grenzenlos: Stuttgart lernt von Straßburg",
                        "Fachleute beider Städte tauschen sich über Radwege, Lastenräder und Verkehrsberuhigung aus.",
                        "Straßburg gilt als Fahrradhauptstadt Frankreichs. Eine Delegation der Stuttgarter Verwaltung besucht im Herbst die Partnerstadt.",
                    ),
                    (
                        "fr",
                        "Vélo sans frontières : Stuttgart apprend de Strasbourg",
                        "Les spécialistes des deux villes échangent sur les pistes cyclables, les vélos cargos et l'apaisement de la circulation.",
                        "Strasbourg est la capitale française du vélo. Une délégation de l'administration de Stuttgart visite la ville partenaire cet automne.",
                    ),
                ],
                themes: &["mobility", "climate", "administration"],
                sdgs: &[11, 13],
                partners: &["afccre:ville-strasbourg"],
                place: "Strasbourg",
                starts_on: Some("2026-10-05"),
                ends_on: Some("2026-10-07"),
                pinned: false,
            },
            Post {
                author: "citta-di-torino",
                versions: &[
                    (
                        "it",
                        "Scambio giovanile Torino–Colonia 2026",
                        "Venti studenti delle scuole superiori di Torino trascorrono una settimana a Colonia: laboratori di teatro, visita al Duomo e incontri con il consiglio dei giovani.",
                        "Dal **1958** Torino e Colonia fanno parte del gemellaggio ad anello con Lilla, Liegi, Rotterdam ed Esch-sur-Alzette.\n\n- Laboratori di teatro in due lingue\n- Visita al Duomo e al Museo del Cioccolato\n- Incontro con il consiglio dei giovani di Colonia",
                    ),
                    (
                        "de",
                        "Jugendaustausch Turin–Köln 2026",
                        "Zwanzig Schülerinnen und Schüler aus Turin verbringen eine Woche in Köln: Theaterwerkstätten, Dombesuch und Treffen mit dem Jugendrat.",
                        "Seit **1958** gehören Turin und Köln zur Ringpartnerschaft mit Lille, Lüttich, Rotterdam und Esch-sur-Alzette.\n\n- Zweisprachige Theaterwerkstätten\n- Besuch des Doms und des Schokoladenmuseums\n- Treffen mit dem Kölner Jugendrat",
                    ),
                ],
                themes: &["youth", "culture", "education"],
                sdgs: &[4],
                partners: &["nrw:stadt-koeln"],
                place: "Köln",
                starts_on: Some("2026-07-06"),
                ends_on: Some("2026-07-12"),
                pinned: false,
            },
            Post {
                author: "miasto-lublin",
                versions: &[
                    (
                        "pl",
                        "Lublin i Münster: 35 lat partnerstwa",
                        "Z okazji jubileuszu zapraszamy na wspólny festiwal kultury, debatę o pamięci i spotkanie wolontariuszy z obu miast.",
                        "Partnerstwo Lublina i Münster istnieje od **1991** roku i łączy szkoły, uczelnie oraz stowarzyszenia.\n\n- Festiwal kultury na Starym Mieście\n- Debata o wspólnej pamięci europejskiej\n- Spotkanie wolontariuszy obu miast",
                    ),
                    (
                        "de",
                        "Lublin und Münster: 35 Jahre Partnerschaft",
                        "Zum Jubiläum laden wir zu einem gemeinsamen Kulturfestival, einer Debatte über Erinnerung und einem Treffen der Ehrenamtlichen beider Städte ein.",
                        "Die Partnerschaft zwischen Lublin und Münster besteht seit **1991** und verbindet Schulen, Hochschulen und Vereine.\n\n- Kulturfestival in der Altstadt\n- Debatte über gemeinsame europäische Erinnerung\n- Treffen der Ehrenamtlichen beider Städte",
                    ),
                ],
                themes: &["culture", "remembrance", "reconciliation"],
                sdgs: &[16],
                partners: &["nrw:stadt-muenster"],
                place: "Lublin",
                starts_on: Some("2026-09-18"),
                ends_on: Some("2026-09-20"),
                pinned: false,
            },
        ],
    },
    Network {
        name: "nrw",
        orgs: &[
            org!(
                "netzwerkstelle",
                "Netzwerkstelle Städtepartnerschaften NRW",
                "network",
                "DE",
                "Nordrhein-Westfalen",
                None,
                None,
                51.5136,
                7.4653,
                &["de", "en"],
                &["european-integration", "humanitarian-aid"],
                "Beratung, Fortbildung und Vernetzung für Städtepartnerschaften in Nordrhein-Westfalen.",
                "Conseil, formation et mise en réseau des jumelages en Rhénanie-du-Nord-Westphalie."
            ),
            org!(
                "stadt-dortmund",
                "Stadt Dortmund",
                "municipality",
                "DE",
                "Nordrhein-Westfalen",
                Some("05913000"),
                Some(600_000),
                51.5136,
                7.4653,
                &["de", "en", "fr"],
                &["youth", "structural-change", "education"],
                "Partnerstädte u. a. Amiens (seit 1960) und Leeds (seit 1969).",
                "Villes jumelles notamment Amiens (depuis 1960) et Leeds (depuis 1969)."
            ),
            org!(
                "stadt-koeln",
                "Stadt Köln",
                "municipality",
                "DE",
                "Nordrhein-Westfalen",
                Some("05315000"),
                Some(1_080_000),
                50.9375,
                6.9603,
                &["de", "fr"],
                &["climate", "culture"],
                "Köln und Lille sind seit 1958 Partnerstädte.",
                "Cologne et Lille sont jumelées depuis 1958."
            ),
            org!(
                "stadt-muenster",
                "Stadt Münster",
                "municipality",
                "DE",
                "Nordrhein-Westfalen",
                Some("05515000"),
                Some(320_000),
                51.9607,
                7.6261,
                &["de", "fr"],
                &["reconciliation", "education"],
                "Münster und Orléans verbindet seit 1960 eine Städtepartnerschaft.",
                "Münster et Orléans sont jumelées depuis 1960."
            ),
            org!(
                "stadt-aachen",
                "Stadt Aachen",
                "municipality",
                "DE",
                "Nordrhein-Westfalen",
                Some("05334002"),
                Some(250_000),
                50.7753,
                6.0839,
                &["de", "fr"],
                &["european-integration", "culture"],
                "Aachen und Reims sind seit 1967 Partnerstädte.",
                "Aix-la-Chapelle et Reims sont jumelées depuis 1967."
            ),
            org!(
                "stadt-essen",
                "Stadt Essen",
                "municipality",
                "DE",
                "Nordrhein-Westfalen",
                Some("05113000"),
                Some(580_000),
                51.4556,
                7.0116,
                &["de", "fr"],
                &["structural-change", "environment"],
                "Essen und Grenoble sind seit 1976 Partnerstädte.",
                "Essen et Grenoble sont jumelées depuis 1976."
            ),
            org!(
                "freundeskreis-dortmund-amiens",
                "Freundeskreis Dortmund–Amiens (Beispielverein)",
                "association",
                "DE",
                "Nordrhein-Westfalen",
                None,
                None,
                51.5136,
                7.4653,
                &["de", "fr"],
                &["youth", "reconciliation"],
                "Ein Beispielverein für die Demo: Ehrenamtliche, die Begegnungen zwischen Dortmund und Amiens organisieren.",
                "Une association fictive pour la démo : des bénévoles qui organisent des rencontres entre Dortmund et Amiens."
            ),
        ],
        posts: &[
            Post {
                author: "stadt-dortmund",
                versions: &[
                    (
                        "de",
                        "Jugendaustausch Dortmund – Amiens 2026",
                        "Zwanzig Jugendliche aus Dortmund und Amiens arbeiten eine Woche lang gemeinsam an einem Stadtteilgarten.",
                        "Im Sommer treffen sich Jugendliche aus beiden Partnerstädten in der Nordstadt. Gefördert vom **Deutsch-Französischen Jugendwerk**.\n\nAnmeldung über das Jugendamt.",
                    ),
                    (
                        "fr",
                        "Échange de jeunes Dortmund – Amiens 2026",
                        "Vingt jeunes de Dortmund et d'Amiens travaillent ensemble pendant une semaine sur un jardin de quartier.",
                        "Cet été, des jeunes des deux villes jumelles se retrouvent dans la Nordstadt. Avec le soutien de l'**Office franco-allemand pour la Jeunesse**.\n\nInscription auprès du service jeunesse.",
                    ),
                ],
                themes: &["youth", "environment", "reconciliation"],
                sdgs: &[4, 11],
                partners: &["afccre:ville-amiens", "nrw:freundeskreis-dortmund-amiens"],
                place: "Dortmund",
                starts_on: Some("2026-07-20"),
                ends_on: Some("2026-07-26"),
                pinned: true,
            },
            Post {
                author: "stadt-koeln",
                versions: &[
                    (
                        "de",
                        "Klimapartnerschaft Köln – Lille",
                        "Die Partnerstädte vergleichen ihre Wärmepläne und starten ein gemeinsames Projekt zur Hitzevorsorge.",
                        "Beide Städte stehen vor denselben Fragen: Wie bleiben Schulen und Pflegeheime im Sommer kühl? Ein Arbeitstreffen im Rathaus.",
                    ),
                    (
                        "fr",
                        "Partenariat climat Cologne – Lille",
                        "Les villes jumelles comparent leurs plans de chaleur et lancent un projet commun contre les canicules.",
                        "Les deux villes se posent les mêmes questions : comment garder écoles et maisons de retraite au frais en été ? Réunion de travail à l'hôtel de ville.",
                    ),
                ],
                themes: &["climate", "administration"],
                sdgs: &[3, 13],
                partners: &["afccre:ville-lille"],
                place: "Köln",
                starts_on: Some("2026-09-15"),
                ends_on: None,
                pinned: false,
            },
        ],
    },
    Network {
        name: "afccre",
        orgs: &[
            org!(
                "afccre",
                "AFCCRE",
                "network",
                "FR",
                "Centre-Val de Loire",
                None,
                None,
                47.9029,
                1.9093,
                &["fr", "de", "en"],
                &["european-integration"],
                "Die französische Sektion des Rates der Gemeinden und Regionen Europas.",
                "La section française du Conseil des Communes et Régions d'Europe."
            ),
            org!(
                "ville-amiens",
                "Ville d'Amiens",
                "municipality",
                "FR",
                "Hauts-de-France",
                Some("80021"),
                Some(134_000),
                49.8941,
                2.2958,
                &["fr", "de"],
                &["youth", "culture"],
                "Partnerstadt von Dortmund seit 1960.",
                "Jumelée avec Dortmund depuis 1960."
            ),
            org!(
                "ville-lille",
                "Ville de Lille",
                "municipality",
                "FR",
                "Hauts-de-France",
                Some("59350"),
                Some(236_000),
                50.6292,
                3.0573,
                &["fr", "de", "en"],
                &["climate", "culture"],
                "Partnerstadt von Köln seit 1958.",
                "Jumelée avec Cologne depuis 1958."
            ),
            org!(
                "ville-orleans",
                "Ville d'Orléans",
                "municipality",
                "FR",
                "Centre-Val de Loire",
                Some("45234"),
                Some(117_000),
                47.9029,
                1.9093,
                &["fr", "de"],
                &["education"],
                "Partnerstadt von Münster seit 1960.",
                "Jumelée avec Münster depuis 1960."
            ),
            org!(
                "ville-reims",
                "Ville de Reims",
                "municipality",
                "FR",
                "Grand Est",
                Some("51454"),
                Some(180_000),
                49.2583,
                4.0317,
                &["fr", "de"],
                &["remembrance", "culture"],
                "Partnerstadt von Aachen seit 1967.",
                "Jumelée avec Aix-la-Chapelle depuis 1967."
            ),
            org!(
                "ville-grenoble",
                "Ville de Grenoble",
                "municipality",
                "FR",
                "Auvergne-Rhône-Alpes",
                Some("38185"),
                Some(157_000),
                45.1885,
                5.7245,
                &["fr", "de"],
                &["environment", "climate"],
                "Partnerstadt von Essen seit 1976.",
                "Jumelée avec Essen depuis 1976."
            ),
            org!(
                "ville-strasbourg",
                "Ville de Strasbourg",
                "municipality",
                "FR",
                "Grand Est",
                Some("67482"),
                Some(291_000),
                48.5734,
                7.7521,
                &["fr", "de"],
                &["mobility", "european-integration"],
                "Partnerstadt von Stuttgart seit 1962.",
                "Jumelée avec Stuttgart depuis 1962."
            ),
            org!(
                "ville-montbeliard",
                "Ville de Montbéliard",
                "municipality",
                "FR",
                "Bourgogne-Franche-Comté",
                Some("25388"),
                Some(25_000),
                47.5100,
                6.7983,
                &["fr", "de"],
                &["reconciliation", "culture"],
                "Partnerstadt von Ludwigsburg seit 1950.",
                "Jumelée avec Ludwigsburg depuis 1950."
            ),
            org!(
                "ville-nancy",
                "Ville de Nancy",
                "municipality",
                "FR",
                "Grand Est",
                Some("54395"),
                Some(104_000),
                48.6921,
                6.1844,
                &["fr", "de"],
                &["culture", "education"],
                "Partnerstadt von Karlsruhe seit 1955.",
                "Jumelée avec Karlsruhe depuis 1955."
            ),
        ],
        posts: &[
            Post {
                author: "ville-amiens",
                versions: &[
                    (
                        "fr",
                        "Amiens accueille les jeunes de Dortmund",
                        "Du 20 au 26 juillet, vingt jeunes jardiniers d'Amiens et de Dortmund se retrouvent autour d'un projet de quartier.",
                        "Les familles d'accueil sont les bienvenues ! Contact : service des relations internationales.\n\nLe projet est soutenu par l'**OFAJ**.",
                    ),
                    (
                        "de",
                        "Amiens empfängt die Jugendlichen aus Dortmund",
                        "Vom 20. bis 26. Juli treffen sich zwanzig junge Gärtnerinnen und Gärtner aus Amiens und Dortmund zu einem Stadtteilprojekt.",
                        "Gastfamilien sind willkommen! Kontakt: Abteilung für internationale Beziehungen.\n\nDas Projekt wird vom **DFJW** gefördert.",
                    ),
                ],
                themes: &["youth", "environment"],
                sdgs: &[4],
                partners: &["nrw:stadt-dortmund"],
                place: "Amiens",
                starts_on: Some("2026-07-20"),
                ends_on: Some("2026-07-26"),
                pinned: true,
            },
            Post {
                author: "ville-strasbourg",
                versions: &[
                    (
                        "fr",
                        "Jumelage Strasbourg – Stuttgart : appel à projets citoyens",
                        "Associations et écoles peuvent proposer des projets communs ; de petites subventions sont disponibles.",
                        "Le Fonds citoyen franco-allemand soutient les rencontres entre habitants. Dépôt des dossiers jusqu'au 31 mars.",
                    ),
                    (
                        "de",
                        "Partnerschaft Straßburg – Stuttgart: Aufruf für Bürgerprojekte",
                        "Vereine und Schulen können gemeinsame Projekte vorschlagen; kleine Zuschüsse stehen bereit.",
                        "Der Deutsch-Französische Bürgerfonds fördert Begegnungen zwischen Bürgerinnen und Bürgern. Anträge bis zum 31. März.",
                    ),
                ],
                themes: &["european-integration", "social"],
                sdgs: &[16, 17],
                partners: &["dfi:stadt-stuttgart"],
                place: "Strasbourg",
                starts_on: None,
                ends_on: Some("2027-03-31"),
                pinned: false,
            },
        ],
    },
];

/// Who follows whom across the networks (`network:handle`): twin towns follow each other,
/// and the networks follow one another.
pub const FOLLOWS: &[(&str, &str)] = &[
    ("nrw:stadt-dortmund", "afccre:ville-amiens"),
    ("afccre:ville-amiens", "nrw:stadt-dortmund"),
    ("nrw:freundeskreis-dortmund-amiens", "afccre:ville-amiens"),
    ("nrw:stadt-koeln", "afccre:ville-lille"),
    ("afccre:ville-lille", "nrw:stadt-koeln"),
    ("nrw:stadt-muenster", "afccre:ville-orleans"),
    ("nrw:stadt-aachen", "afccre:ville-reims"),
    ("nrw:stadt-essen", "afccre:ville-grenoble"),
    ("dfi:stadt-ludwigsburg", "afccre:ville-montbeliard"),
    ("afccre:ville-montbeliard", "dfi:stadt-ludwigsburg"),
    ("dfi:stadt-stuttgart", "afccre:ville-strasbourg"),
    ("afccre:ville-strasbourg", "dfi:stadt-stuttgart"),
    ("dfi:stadt-karlsruhe", "afccre:ville-nancy"),
    ("dfi:dfi", "nrw:netzwerkstelle"),
    ("nrw:netzwerkstelle", "afccre:afccre"),
    ("afccre:afccre", "dfi:dfi"),
];

/// Partnerships proposed by the first side and accepted by the second (public facts, from
/// ../shared/DOMAIN.md): (proposer, partner, kind, founding year).
pub const PARTNERSHIPS: &[(&str, &str, &str, i32)] = &[
    (
        "dfi:stadt-ludwigsburg",
        "afccre:ville-montbeliard",
        "twinning",
        1950,
    ),
    (
        "dfi:stadt-karlsruhe",
        "afccre:ville-nancy",
        "twinning",
        1955,
    ),
    ("nrw:stadt-koeln", "afccre:ville-lille", "twinning", 1958),
    ("nrw:stadt-koeln", "dfi:citta-di-torino", "twinning", 1958),
    ("nrw:stadt-muenster", "dfi:miasto-lublin", "twinning", 1991),
    (
        "nrw:stadt-dortmund",
        "afccre:ville-amiens",
        "twinning",
        1960,
    ),
    (
        "nrw:stadt-muenster",
        "afccre:ville-orleans",
        "twinning",
        1960,
    ),
    (
        "dfi:stadt-stuttgart",
        "afccre:ville-strasbourg",
        "twinning",
        1962,
    ),
    ("nrw:stadt-aachen", "afccre:ville-reims", "twinning", 1967),
    ("nrw:stadt-essen", "afccre:ville-grenoble", "twinning", 1976),
    (
        "nrw:freundeskreis-dortmund-amiens",
        "afccre:ville-amiens",
        "project",
        2024,
    ),
];

#[cfg(test)]
mod tests {
    use super::NETWORKS;

    /// The demo opens to Europe: an Italian and a Polish municipality, each with a post
    /// written first in its own language, an official code that gives its LAU code, and a
    /// confirmed partnership.
    #[test]
    fn an_italian_and_a_polish_municipality_write_in_their_languages() {
        for (country, lang) in [("IT", "it"), ("PL", "pl")] {
            let (network, org) = NETWORKS
                .iter()
                .flat_map(|n| n.orgs.iter().map(move |o| (n, o)))
                .find(|(_, o)| o.country == country && o.kind == "municipality")
                .unwrap_or_else(|| panic!("no municipality in {country}"));
            assert!(
                crate::nuts::lau_of(None, Some(country), org.code).is_some(),
                "{}: no LAU code from {:?}",
                org.handle,
                org.code
            );
            assert!(
                network
                    .posts
                    .iter()
                    .any(|p| p.author == org.handle && p.versions[0].0 == lang),
                "{}: no post written in {lang}",
                org.handle
            );
            let handle = format!("{}:{}", network.name, org.handle);
            assert!(
                super::PARTNERSHIPS
                    .iter()
                    .any(|(a, b, _, _)| *a == handle || *b == handle),
                "{handle}: no partnership"
            );
        }
    }
}
