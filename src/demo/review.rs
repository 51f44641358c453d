//! The demo's editorial review: the dfi's showcase ("Schaufenster"), where a project of
//! Amiens (afccre) is approved and one of Dortmund (nrw) waits for the dfi's reviewers.

use super::DemoInstance;
use super::forum::instance;
use crate::db::models::account::Account;
use crate::db::models::actor::DbActor;
use crate::db::models::post::DbPost;
use crate::forum::GroupInput;
use crate::review::{self, Decision};
use crate::vocab::Lang;
use anyhow::Context;
use std::collections::BTreeMap;

/// Sets up the showcase and submits a post from each of the two other networks; approves
/// the first.
pub async fn publish(instances: &[DemoInstance]) -> anyhow::Result<()> {
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo review: {}", e.message);
    let dfi = instance(instances, "dfi")?;
    let state = &dfi.instance.state;
    let mut conn = state.pool.get().await?;
    let showcase = review::create_showcase(
        &mut conn,
        state,
        &GroupInput {
            handle: "schaufenster".into(),
            name: BTreeMap::from([
                (Lang::De, "Schaufenster".to_string()),
                (Lang::Fr, "Vitrine".to_string()),
                (Lang::En, "Showcase".to_string()),
            ]),
            description: BTreeMap::from([(
                Lang::De,
                "Partnerschaftsprojekte, von der Redaktion des DFI ausgewählt.".to_string(),
            )]),
            rules: BTreeMap::new(),
            posting_restricted_to_mods: true,
            moderators: vec!["admin".into()],
        },
        false,
        None,
    )
    .await
    .map_err(err)?;
    drop(conn);
    let address = format!("@{}@{}", showcase.actor.handle, showcase.actor.domain);
    for (network, handle) in [("afccre", "ville-amiens"), ("nrw", "stadt-dortmund")] {
        let d = instance(instances, network)?;
        let state = &d.instance.state;
        let mut conn = state.pool.get().await?;
        let org = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .context("demo submitter")?;
        // Its latest project post (not a forum thread or a reply).
        let post = DbPost::page_by_actor(&mut conn, org.id, None, 20)
            .await?
            .into_iter()
            .find(|p| p.post.in_reply_to.is_none() && p.post.audience.is_none())
            .context("a post to submit")?;
        let admin = Account::by_username(&mut conn, "admin")
            .await?
            .context("admin")?;
        drop(conn);
        let target = review::resolve_showcase(state, &address)
            .await
            .map_err(err)?;
        review::submit(state, &admin, &org, &post.post, &target)
            .await
            .map_err(err)?;
    }
    super::settle(instances).await;
    // The dfi's reviewers approve Amiens' project; Dortmund's waits.
    let mut conn = state.pool.get().await?;
    let admin = Account::by_username(&mut conn, "admin")
        .await?
        .context("admin")?;
    let waiting = review::queue_for(
        &mut conn,
        &admin,
        crate::db::models::submission::State::Pending,
    )
    .await
    .map_err(err)?;
    let mut amiens = None;
    for s in &waiting {
        if DbActor::by_id(&mut conn, s.submitter_id).await?.handle == "ville-amiens" {
            amiens = Some(s.id);
        }
    }
    drop(conn);
    let amiens = amiens.context("Amiens' submission arrived at the dfi")?;
    review::decide(state, &admin, amiens, &Decision::Approve)
        .await
        .map_err(err)?;
    super::settle(instances).await;
    Ok(())
}

/// Prints where the showcase and its review queue are.
pub async fn show(instances: &[DemoInstance]) -> anyhow::Result<()> {
    let dfi = instance(instances, "dfi")?;
    let state = &dfi.instance.state;
    let mut conn = state.pool.get().await?;
    let waiting = crate::db::models::submission::waiting_count(&mut conn).await?;
    println!("Editorial review (dfi):");
    println!("   showcase: {}/showcase", state.urls.base());
    println!(
        "   review queue ({waiting} waiting): {}/editor/_review (log in as admin)\n",
        state.urls.base()
    );
    Ok(())
}
