//! EU-wide identifiers of places: Eurostat's local administrative units (LAU) and NUTS
//! regions, checked, derived from national codes where these are the LAU codes, and named.
//!
//! - **LAU** is written as Eurostat's GISCO identifier: the country's code, `_`, and the
//!   national LAU code, e.g. `DE_05913000` (Dortmund; the LAU code of a German municipality is
//!   its AGS), `FR_80021` (Amiens; the INSEE code), `IT_058091` (Roma; the ISTAT code),
//!   `PL_1465011` (Warszawa; TERYT). Greece is `EL`, as in every Eurostat code.
//! - **NUTS** is the code of the smallest NUTS region known, usually NUTS 3 (`DEA52`): its
//!   country code and 1 to 3 letters or digits. The NUTS 1 and 2 regions containing it are its
//!   first 3 and 4 characters.
//!
//! Region names: NUTS 1 and 2 of Germany, France, Italy and Poland, from Eurostat's NUTS 2024
//! classification (Commission Delegated Regulation (EU) 2023/674, in force from 1 January
//! 2024), as Eurostat names them (in the country's language). Other codes are shown as they
//! are.

pub use crate::error::Refusal;

/// The Eurostat country code of an ISO 3166-1 alpha-2 code (they differ for Greece).
pub fn eurostat_country(iso: &str) -> &str {
    match iso {
        "GR" => "EL",
        other => other,
    }
}

/// A code that starts (`start`) with another country's code than the organisation's.
fn other_country(start: &str, country: &str) -> Refusal {
    Refusal::new(
        format!("starts with {start} but the organisation's country is {country}"),
        "code-check-country",
        &[("start", start), ("country", country)],
    )
}

/// What is wrong with a LAU code for an organisation in `country`, if anything.
pub fn check_lau(lau: &str, country: Option<&str>) -> Result<(), Refusal> {
    let form = |english: &str| Refusal::new(english, "code-check-lau-form", &[]);
    let Some((prefix, code)) = lau.split_once('_') else {
        return Err(form(
            "a LAU code is the country code, `_` and the national LAU code, e.g. DE_05913000",
        ));
    };
    if !(prefix.len() == 2 && prefix.bytes().all(|b| b.is_ascii_uppercase())) {
        return Err(form(
            "starts with a country code in capitals, e.g. DE_ or FR_",
        ));
    }
    if let Some(c) = country
        && eurostat_country(c) != prefix
    {
        return Err(other_country(&format!("{prefix}_"), c));
    }
    let digits = |n: usize| code.len() == n && code.bytes().all(|b| b.is_ascii_digit());
    let fixed = |n: usize, example: &str, english: &str| {
        (
            digits(n),
            Refusal::new(
                english,
                "code-check-lau-digits",
                &[
                    ("prefix", prefix),
                    ("n", &n.to_string()),
                    ("example", example),
                ],
            ),
        )
    };
    let (ok, rule) = match prefix {
        "DE" => fixed(
            8,
            "DE_05913000",
            "DE_ and the 8-digit AGS, e.g. DE_05913000",
        ),
        "FR" => (
            code.len() == 5
                && code
                    .bytes()
                    .enumerate()
                    .all(|(i, b)| b.is_ascii_digit() || (i == 1 && (b == b'A' || b == b'B'))),
            Refusal::new(
                "FR_ and the 5-character INSEE code, e.g. FR_80021 or FR_2A004",
                "code-check-lau-fr",
                &[],
            ),
        ),
        "IT" => fixed(
            6,
            "IT_058091",
            "IT_ and the 6-digit ISTAT code, e.g. IT_058091",
        ),
        "PL" => fixed(
            7,
            "PL_1465011",
            "PL_ and the 7-digit TERYT code, e.g. PL_1465011",
        ),
        "ES" | "AT" | "BE" => fixed(
            5,
            &format!("{prefix}_12345"),
            "the country code, _ and 5 digits",
        ),
        _ => (
            (1..=12).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric()),
            Refusal::new(
                "the country code, _ and 1 to 12 letters or digits",
                "code-check-lau-other",
                &[],
            ),
        ),
    };
    if ok { Ok(()) } else { Err(rule) }
}

/// What is wrong with a NUTS code for an organisation in `country`, if anything.
pub fn check_nuts(nuts: &str, country: Option<&str>) -> Result<(), Refusal> {
    // ASCII only, so that the slices below cut between characters.
    let ok = (3..=5).contains(&nuts.len())
        && nuts
            .bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        && nuts[..2].bytes().all(|b| b.is_ascii_uppercase());
    if !ok {
        return Err(Refusal::new(
            "a NUTS code is the country code and 1 to 3 letters or digits, e.g. DEA52",
            "code-check-nuts-form",
            &[],
        ));
    }
    if let Some(c) = country
        && eurostat_country(c) != &nuts[..2]
    {
        return Err(other_country(&nuts[..2], c));
    }
    Ok(())
}

/// The LAU code an organisation has: the one given, else the one its national code is (in
/// the countries whose municipal code is their LAU code).
pub fn lau_of(
    lau: Option<&str>,
    country: Option<&str>,
    official_code: Option<&str>,
) -> Option<String> {
    if let Some(l) = lau {
        return Some(l.to_string());
    }
    let (country, code) = (country?, official_code?);
    let lau = format!("{}_{code}", eurostat_country(country));
    (matches!(country, "DE" | "FR" | "IT" | "PL") && check_lau(&lau, Some(country)).is_ok())
        .then_some(lau)
}

/// The NUTS level whose regions statistics show for a country: the level of its own regions
/// (Länder and régions are NUTS 1; regioni, województwa, comunidades and most others NUTS 2).
pub fn statistics_level(nuts: &str) -> usize {
    match nuts.get(..2) {
        Some("DE" | "FR" | "BE" | "NL") => 1,
        _ => 2,
    }
}

/// The NUTS region of `level` (1, 2 or 3) that contains `nuts`, when `nuts` is that precise.
pub fn region_at(nuts: &str, level: usize) -> Option<&str> {
    nuts.get(..2 + level)
}

/// The region statistics count an organisation in: its NUTS region at its country's level.
pub fn statistics_region(nuts: &str) -> Option<&str> {
    region_at(nuts, statistics_level(nuts))
}

/// A region's name, where the table has it.
pub fn name(code: &str) -> Option<&'static str> {
    NAMES
        .binary_search_by(|(c, _)| c.cmp(&code))
        .ok()
        .map(|i| NAMES[i].1)
}

/// A region's name with its code, or its code alone.
pub fn label(code: &str) -> String {
    match name(code) {
        Some(n) => format!("{n} ({code})"),
        None => code.to_string(),
    }
}

/// NUTS 1 and 2 regions of DE, FR, IT and PL (NUTS 2024), sorted by code. `scripts/check-nuts`
/// checks the codes (all there, none extra) against a NUTS 2024 table; the names are as
/// Eurostat's list writes them and are not checked by it.
const NAMES: &[(&str, &str)] = &[
    ("DE1", "Baden-Württemberg"),
    ("DE11", "Stuttgart"),
    ("DE12", "Karlsruhe"),
    ("DE13", "Freiburg"),
    ("DE14", "Tübingen"),
    ("DE2", "Bayern"),
    ("DE21", "Oberbayern"),
    ("DE22", "Niederbayern"),
    ("DE23", "Oberpfalz"),
    ("DE24", "Oberfranken"),
    ("DE25", "Mittelfranken"),
    ("DE26", "Unterfranken"),
    ("DE27", "Schwaben"),
    ("DE3", "Berlin"),
    ("DE30", "Berlin"),
    ("DE4", "Brandenburg"),
    ("DE40", "Brandenburg"),
    ("DE5", "Bremen"),
    ("DE50", "Bremen"),
    ("DE6", "Hamburg"),
    ("DE60", "Hamburg"),
    ("DE7", "Hessen"),
    ("DE71", "Darmstadt"),
    ("DE72", "Gießen"),
    ("DE73", "Kassel"),
    ("DE8", "Mecklenburg-Vorpommern"),
    ("DE80", "Mecklenburg-Vorpommern"),
    ("DE9", "Niedersachsen"),
    ("DE91", "Braunschweig"),
    ("DE92", "Hannover"),
    ("DE93", "Lüneburg"),
    ("DE94", "Weser-Ems"),
    ("DEA", "Nordrhein-Westfalen"),
    ("DEA1", "Düsseldorf"),
    ("DEA2", "Köln"),
    ("DEA3", "Münster"),
    ("DEA4", "Detmold"),
    ("DEA5", "Arnsberg"),
    ("DEB", "Rheinland-Pfalz"),
    ("DEB1", "Koblenz"),
    ("DEB2", "Trier"),
    ("DEB3", "Rheinhessen-Pfalz"),
    ("DEC", "Saarland"),
    ("DEC0", "Saarland"),
    ("DED", "Sachsen"),
    ("DED2", "Dresden"),
    ("DED4", "Chemnitz"),
    ("DED5", "Leipzig"),
    ("DEE", "Sachsen-Anhalt"),
    ("DEE0", "Sachsen-Anhalt"),
    ("DEF", "Schleswig-Holstein"),
    ("DEF0", "Schleswig-Holstein"),
    ("DEG", "Thüringen"),
    ("DEG0", "Thüringen"),
    ("FR1", "Ile-de-France"),
    ("FR10", "Ile-de-France"),
    ("FRB", "Centre — Val de Loire"),
    ("FRB0", "Centre — Val de Loire"),
    ("FRC", "Bourgogne-Franche-Comté"),
    ("FRC1", "Bourgogne"),
    ("FRC2", "Franche-Comté"),
    ("FRD", "Normandie"),
    ("FRD1", "Basse-Normandie"),
    ("FRD2", "Haute-Normandie"),
    ("FRE", "Hauts-de-France"),
    ("FRE1", "Nord-Pas de Calais"),
    ("FRE2", "Picardie"),
    ("FRF", "Grand Est"),
    ("FRF1", "Alsace"),
    ("FRF2", "Champagne-Ardenne"),
    ("FRF3", "Lorraine"),
    ("FRG", "Pays de la Loire"),
    ("FRG0", "Pays de la Loire"),
    ("FRH", "Bretagne"),
    ("FRH0", "Bretagne"),
    ("FRI", "Nouvelle-Aquitaine"),
    ("FRI1", "Aquitaine"),
    ("FRI2", "Limousin"),
    ("FRI3", "Poitou-Charentes"),
    ("FRJ", "Occitanie"),
    ("FRJ1", "Languedoc-Roussillon"),
    ("FRJ2", "Midi-Pyrénées"),
    ("FRK", "Auvergne-Rhône-Alpes"),
    ("FRK1", "Auvergne"),
    ("FRK2", "Rhône-Alpes"),
    ("FRL", "Provence-Alpes-Côte d’Azur"),
    ("FRL0", "Provence-Alpes-Côte d’Azur"),
    ("FRM", "Corse"),
    ("FRM0", "Corse"),
    ("FRY", "RUP FR — Régions ultrapériphériques françaises"),
    ("FRY1", "Guadeloupe"),
    ("FRY2", "Martinique"),
    ("FRY3", "Guyane"),
    ("FRY4", "La Réunion"),
    ("FRY5", "Mayotte"),
    ("ITC", "Nord-Ovest"),
    ("ITC1", "Piemonte"),
    ("ITC2", "Valle d’Aosta/Vallée d’Aoste"),
    ("ITC3", "Liguria"),
    ("ITC4", "Lombardia"),
    ("ITF", "Sud"),
    ("ITF1", "Abruzzo"),
    ("ITF2", "Molise"),
    ("ITF3", "Campania"),
    ("ITF4", "Puglia"),
    ("ITF5", "Basilicata"),
    ("ITF6", "Calabria"),
    ("ITG", "Isole"),
    ("ITG1", "Sicilia"),
    ("ITG2", "Sardegna"),
    ("ITH", "Nord-Est"),
    ("ITH1", "Provincia Autonoma di Bolzano/Bozen"),
    ("ITH2", "Provincia Autonoma di Trento"),
    ("ITH3", "Veneto"),
    ("ITH4", "Friuli-Venezia Giulia"),
    ("ITH5", "Emilia-Romagna"),
    ("ITI", "Centro (IT)"),
    ("ITI1", "Toscana"),
    ("ITI2", "Umbria"),
    ("ITI3", "Marche"),
    ("ITI4", "Lazio"),
    ("PL2", "Makroregion południowy"),
    ("PL21", "Małopolskie"),
    ("PL22", "Śląskie"),
    ("PL4", "Makroregion północno-zachodni"),
    ("PL41", "Wielkopolskie"),
    ("PL42", "Zachodniopomorskie"),
    ("PL43", "Lubuskie"),
    ("PL5", "Makroregion południowo-zachodni"),
    ("PL51", "Dolnośląskie"),
    ("PL52", "Opolskie"),
    ("PL6", "Makroregion północny"),
    ("PL61", "Kujawsko-pomorskie"),
    ("PL62", "Warmińsko-mazurskie"),
    ("PL63", "Pomorskie"),
    ("PL7", "Makroregion centralny"),
    ("PL71", "Łódzkie"),
    ("PL72", "Świętokrzyskie"),
    ("PL8", "Makroregion wschodni"),
    ("PL81", "Lubelskie"),
    ("PL82", "Podkarpackie"),
    ("PL84", "Podlaskie"),
    ("PL9", "Makroregion województwo mazowieckie"),
    ("PL91", "Warszawski stołeczny"),
    ("PL92", "Mazowiecki regionalny"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_every_nuts_2_region_has_its_nuts_1_region() {
        assert!(
            NAMES.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no twice"
        );
        for (code, _) in NAMES.iter().filter(|(c, _)| c.len() == 4) {
            assert!(name(&code[..3]).is_some(), "{code} lacks its NUTS 1 region");
        }
        assert_eq!(name("DEA"), Some("Nordrhein-Westfalen"));
        assert_eq!(name("DEA5"), Some("Arnsberg"));
        assert_eq!(name("XX1"), None);
    }

    #[test]
    fn lau_codes_are_checked_by_their_country() {
        for (lau, country) in [
            ("DE_05913000", Some("DE")),
            ("FR_80021", Some("FR")),
            ("FR_2A004", Some("FR")),
            ("IT_058091", Some("IT")),
            ("PL_1465011", None),
            ("EL_01010101", Some("GR")),
            ("NL_GM0363", Some("NL")),
        ] {
            assert_eq!(check_lau(lau, country), Ok(()), "{lau}");
        }
        for (lau, country) in [
            ("05913000", Some("DE")),
            ("DE_5913000", Some("DE")),
            ("FR_800210", Some("FR")),
            ("IT_58091", Some("IT")),
            ("PL_146501", Some("PL")),
            ("DE_05913000", Some("FR")),
            ("de_05913000", None),
            ("NL_GM-363", None),
        ] {
            assert!(check_lau(lau, country).is_err(), "{lau}");
        }
    }

    #[test]
    fn refusals_keep_the_apis_words_and_speak_the_readers_language() {
        use crate::locale::Lang;
        let e = check_lau("DE_5913000", Some("DE")).unwrap_err();
        assert_eq!(e.to_string(), "DE_ and the 8-digit AGS, e.g. DE_05913000");
        let e = e.into_app_error("lau");
        assert_eq!(
            e.message_in(Lang::De).as_deref(),
            Some("DE_ und 8 Ziffern, z. B. DE_05913000.")
        );
        let e = check_nuts("DEA52", Some("FR")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "starts with DE but the organisation's country is FR"
        );
        assert_eq!(
            e.into_app_error("nuts").message_in(Lang::Fr).as_deref(),
            Some("Commence par DE, mais le pays de l’organisation est FR.")
        );
        let e = check_lau("DE_05913000", Some("FR")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "starts with DE_ but the organisation's country is FR"
        );
    }

    #[test]
    fn nuts_codes_name_their_country_and_regions_follow_from_them() {
        assert_eq!(check_nuts("DEA52", Some("DE")), Ok(()));
        assert_eq!(check_nuts("EL303", Some("GR")), Ok(()));
        assert!(check_nuts("DEA52", Some("FR")).is_err());
        assert!(check_nuts("DEA521", None).is_err());
        assert!(check_nuts("de", None).is_err());
        assert!(check_nuts("DÉA5", None).is_err());
        assert_eq!(statistics_region("DEA52"), Some("DEA"));
        assert_eq!(statistics_region("FRE22"), Some("FRE"));
        assert_eq!(statistics_region("ITI43"), Some("ITI4"));
        assert_eq!(statistics_region("PL911"), Some("PL91"));
        assert_eq!(statistics_region("PL9"), None, "too coarse for its country");
        assert_eq!(label("ITI4"), "Lazio (ITI4)");
    }

    #[test]
    fn national_codes_that_are_lau_codes_give_the_lau_code() {
        assert_eq!(
            lau_of(None, Some("DE"), Some("05913000")).as_deref(),
            Some("DE_05913000")
        );
        assert_eq!(
            lau_of(None, Some("FR"), Some("80021")).as_deref(),
            Some("FR_80021")
        );
        assert_eq!(lau_of(None, Some("DE"), Some("verein-17")), None);
        assert_eq!(lau_of(None, Some("ES"), Some("28079")), None);
        assert_eq!(
            lau_of(Some("ES_28079"), Some("ES"), None).as_deref(),
            Some("ES_28079")
        );
    }
}
