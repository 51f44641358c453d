//! Countries as funding rules name them: ISO 3166-1 alpha-2 codes (plus `XK`, the code the
//! European Commission uses for Kosovo), and which are members of the European Union, which
//! rules such as "at least one municipality from an EU Member State" count.

/// Every code a programme or a planned project may name.
const CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ \
    BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY \
    CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM \
    GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE \
    KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML \
    MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF \
    PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN \
    SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ \
    VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// The 27 member states of the European Union.
pub const EU: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The country code `s` names (any case, surrounding blanks ignored), or `None` when it is
/// no country.
pub fn normalise(s: &str) -> Option<String> {
    let code = s.trim().to_ascii_uppercase();
    (code.len() == 2 && CODES.split_ascii_whitespace().any(|c| c == code)).then_some(code)
}

/// Whether a (normalised) code is an EU member state.
pub fn is_eu(code: &str) -> bool {
    EU.contains(&code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_checked_and_normalised() {
        assert_eq!(normalise(" fr ").as_deref(), Some("FR"));
        assert_eq!(normalise("XK").as_deref(), Some("XK"));
        assert_eq!(normalise("EU"), None);
        assert_eq!(normalise("UK"), None, "the United Kingdom is GB");
        assert_eq!(normalise("FRA"), None);
        assert!(EU.iter().all(|c| normalise(c).as_deref() == Some(*c)));
        assert!(is_eu("DE") && is_eu("GR") && !is_eu("NO") && !is_eu("GB"));
    }
}
