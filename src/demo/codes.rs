//! The NUTS 3 regions of the demo's organisations (NUTS 2024, Eurostat); their LAU codes
//! follow from their AGS, INSEE, ISTAT and TERYT codes (`crate::nuts::lau_of`).

/// The NUTS 3 region of a demo organisation, by handle.
pub fn nuts(handle: &str) -> Option<&'static str> {
    Some(match handle {
        // Ludwigsburg (Landkreis), Karlsruhe (Stadtkreis), Stuttgart (Stadtkreis).
        "dfi" | "stadt-ludwigsburg" => "DE115",
        "stadt-karlsruhe" => "DE122",
        "stadt-stuttgart" => "DE111",
        // Kreisfreie Städte of Nordrhein-Westfalen, and the Städteregion Aachen.
        "stadt-dortmund" | "freundeskreis-dortmund-amiens" => "DEA52",
        "stadt-koeln" => "DEA23",
        "stadt-muenster" => "DEA33",
        "stadt-aachen" => "DEA2D",
        "stadt-essen" => "DEA13",
        // Départements: Somme, Nord, Loiret, Marne, Isère, Bas-Rhin, Doubs,
        // Meurthe-et-Moselle.
        "ville-amiens" => "FRE23",
        "ville-lille" => "FRE11",
        "ville-orleans" => "FRB06",
        "ville-reims" => "FRF23",
        "ville-grenoble" => "FRK24",
        "ville-strasbourg" => "FRF11",
        "ville-montbeliard" => "FRC21",
        "ville-nancy" => "FRF31",
        // Città metropolitana di Torino; Lubelski (with the city of Lublin).
        "citta-di-torino" => "ITC11",
        "miasto-lublin" => "PL814",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_demo_code_is_a_nuts_3_code_of_its_organisations_country() {
        for network in super::super::data::NETWORKS {
            for org in network.orgs {
                if let Some(code) = super::nuts(org.handle) {
                    assert_eq!(code.len(), 5, "{code}");
                    assert_eq!(
                        crate::nuts::check_nuts(code, Some(org.country)),
                        Ok(()),
                        "{}",
                        org.handle
                    );
                }
            }
        }
    }
}
