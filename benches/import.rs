//! Import benchmark: a 10,000-row partnership list (German and French municipalities with
//! official codes), imported into a fresh database, then imported again (idempotent).
//! Run: `cargo bench --bench import`. Prints figures; asserts nothing about time.

use passerelle::partnerships::import::{ImportOptions, import_csv};
use passerelle::testing::TestDb;
use std::time::Instant;

const ROWS: usize = 10_000;

fn list() -> String {
    let kinds = [
        "Partnerschaft",
        "Freundschaft",
        "jumelage",
        "Kontakt",
        "Projektpartnerschaft",
    ];
    let mut out = String::from(
        "name_a,country_a,code_a,region_a,name_b,country_b,code_b,region_b,kind,founded_year\n",
    );
    for i in 0..ROWS {
        // 6,000 German and 6,000 French municipalities, some in several partnerships.
        let de = i % 6_000;
        let fr = (i * 7) % 6_000;
        out.push_str(&format!(
            "Gemeinde {de},DE,{:08},Land {},Commune {fr},FR,{:05},Région {},{},{}\n",
            10_000_000 + de,
            de % 16,
            10_000 + fr,
            fr % 13,
            kinds[i % kinds.len()],
            1950 + (i % 70)
        ));
    }
    out
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async {
        let db = TestDb::new().await?;
        let pool = passerelle::db::pool(&db.url, 2)?;
        let urls = passerelle::federation::urls::Urls::new("https://bench.example");
        let text = list();
        let mut conn = pool.get().await?;
        let opts = ImportOptions { skip_invalid: false };
        let t = Instant::now();
        let first = import_csv(&mut conn, &urls, &text, &opts).await.map_err(|e| anyhow::anyhow!(e.message))?;
        let first_time = t.elapsed();
        let t = Instant::now();
        let second = import_csv(&mut conn, &urls, &text, &opts).await.map_err(|e| anyhow::anyhow!(e.message))?;
        let second_time = t.elapsed();
        println!("import of {ROWS} rows ({} bytes)", text.len());
        println!(
            "  first import:  {:>7.2} s  ({:.0} rows/s)  organisations created {}, partnerships created {}",
            first_time.as_secs_f64(),
            ROWS as f64 / first_time.as_secs_f64(),
            first.organisations_created,
            first.partnerships_created
        );
        println!(
            "  second import: {:>7.2} s  ({:.0} rows/s)  created {}, existing {} (idempotent)",
            second_time.as_secs_f64(),
            ROWS as f64 / second_time.as_secs_f64(),
            second.partnerships_created,
            second.partnerships_existing
        );
        anyhow::ensure!(second.partnerships_created == 0 && second.organisations_created == 0, "the second import changed something");
        drop(conn);
        drop(pool);
        anyhow::Ok(())
    })
}
