//! The demo's forum: a group at the dfi ("Klimapartnerschaften") followed from the
//! Netzwerkstelle and the AFCCRE, with a thread started by Amiens (on another network) and
//! answered from Dortmund (on a third), threaded; and a group at the Netzwerkstelle
//! ("Fördermittel: Fragen und Antworten") where only its moderators start threads.

use super::DemoInstance;
use crate::db::models::actor::DbActor;
use crate::forum::{self, CommentInput, GroupInput, Target, ThreadInput};
use crate::vocab::Lang;
use anyhow::Context;
use std::collections::BTreeMap;

fn names(pairs: &[(Lang, &str)]) -> BTreeMap<Lang, String> {
    pairs.iter().map(|(l, s)| (*l, s.to_string())).collect()
}

pub(super) fn instance<'a>(
    instances: &'a [DemoInstance],
    network: &str,
) -> anyhow::Result<&'a DemoInstance> {
    instances
        .iter()
        .find(|d| d.network == network)
        .context("demo network")
}

/// Creates the groups, the follows, the threads and the comments; waits for each step to
/// arrive where the next needs it.
pub async fn publish(instances: &[DemoInstance]) -> anyhow::Result<()> {
    let err = |e: crate::error::AppError| anyhow::anyhow!("demo forum: {}", e.message);
    let dfi = instance(instances, "dfi")?;
    let nrw = instance(instances, "nrw")?;
    let afccre = instance(instances, "afccre")?;
    let mut conn = dfi.instance.state.pool.get().await?;
    let klima = forum::create_group(
        &mut conn,
        &dfi.instance.state,
        &GroupInput {
            handle: "klimapartnerschaften".into(),
            name: names(&[
                (Lang::De, "Klimapartnerschaften"),
                (Lang::Fr, "Partenariats pour le climat"),
                (Lang::En, "Climate partnerships"),
            ]),
            description: names(&[
                (Lang::De, "Wie Partnerstädte gemeinsam Wärmeplanung, Radverkehr und Energie angehen."),
                (Lang::Fr, "Comment les villes jumelées avancent ensemble sur la chaleur, le vélo et l’énergie."),
            ]),
            rules: names(&[
                (Lang::De, "Sachlich und freundlich bleiben. Keine Werbung."),
                (Lang::Fr, "Rester factuel et aimable. Pas de publicité."),
            ]),
            posting_restricted_to_mods: false,
            moderators: vec!["admin".into()],
        },
        None,
    )
    .await
    .map_err(err)?;
    drop(conn);
    let mut conn = nrw.instance.state.pool.get().await?;
    let foerder = forum::create_group(
        &mut conn,
        &nrw.instance.state,
        &GroupInput {
            handle: "foerdermittel".into(),
            name: names(&[
                (Lang::De, "Fördermittel: Fragen und Antworten"),
                (Lang::Fr, "Financements : questions et réponses"),
            ]),
            description: names(&[(
                Lang::De,
                "Die Netzwerkstelle beantwortet Fragen zu Programmen, Fristen und Anträgen.",
            )]),
            rules: BTreeMap::new(),
            posting_restricted_to_mods: true,
            moderators: vec!["admin".into()],
        },
        None,
    )
    .await
    .map_err(err)?;
    drop(conn);

    // Dortmund (nrw) and Amiens (afccre) follow the dfi's group.
    for (d, handle) in [(nrw, "stadt-dortmund"), (afccre, "ville-amiens")] {
        let state = &d.instance.state;
        let group = crate::federation::resolve::actor(state, klima.actor.ap_url())
            .await
            .map_err(|e| anyhow::anyhow!("demo forum: the group: {e}"))?;
        let mut conn = state.pool.get().await?;
        let follower = DbActor::local_by_handle(&mut conn, handle)
            .await?
            .context("demo follower")?;
        use diesel_async::AsyncConnection;
        conn.transaction::<_, crate::error::AppError, _>(async |conn| {
            crate::federation::activities::follow::follow(conn, state, &follower, &group).await
        })
        .await
        .map_err(err)?;
        state.wakeup.wake();
    }
    super::settle(instances).await;

    // Amiens starts a thread in the dfi's group; Dortmund answers, and Amiens answers back.
    let state = &afccre.instance.state;
    let group = forum::resolve_group(state, "group", klima.actor.ap_id.as_str())
        .await
        .map_err(err)?;
    let mut conn = state.pool.get().await?;
    let amiens = DbActor::local_by_handle(&mut conn, "ville-amiens")
        .await?
        .context("ville-amiens")?;
    let admin = crate::db::models::account::Account::by_username(&mut conn, "admin")
        .await?
        .context("admin")?;
    let thread = forum::post_thread(
        &mut conn,
        state,
        &admin,
        &amiens,
        &group,
        &ThreadInput {
            language: Lang::Fr,
            title: "Plan chaleur : qui a travaillé avec sa ville jumelle ?".into(),
            body: "Amiens prépare son **plan chaleur**. Nous cherchons des villes partenaires qui ont \
                   déjà échangé avec leur jumelle sur ce sujet : méthode, calendrier, participation \
                   des habitants."
                .into(),
            image: None,
        },
    )
    .await
    .map_err(err)?;
    drop(conn);
    super::settle(instances).await;
    let thread_id = thread.post.ap_id.to_string();
    let state = &nrw.instance.state;
    crate::federation::resolve::post(state, &thread_id)
        .await
        .map_err(|e| anyhow::anyhow!("demo forum: the thread at nrw: {e}"))?;
    let mut conn = state.pool.get().await?;
    let dortmund = DbActor::local_by_handle(&mut conn, "stadt-dortmund")
        .await?
        .context("stadt-dortmund")?;
    let answer = forum::comment(
        &mut conn,
        state,
        &dortmund,
        &CommentInput {
            language: Lang::De,
            body: "Dortmund hat die kommunale Wärmeplanung 2025 mit einem gemeinsamen Workshop \
                   begonnen. Gern teilen wir unsere Unterlagen – auf Deutsch und Französisch."
                .into(),
            in_reply_to: thread_id.clone(),
        },
    )
    .await
    .map_err(err)?;
    drop(conn);
    super::settle(instances).await;
    let state = &afccre.instance.state;
    crate::federation::resolve::post(state, answer.post.ap_id.as_str())
        .await
        .map_err(|e| anyhow::anyhow!("demo forum: the answer at afccre: {e}"))?;
    let mut conn = state.pool.get().await?;
    forum::comment(
        &mut conn,
        state,
        &amiens,
        &CommentInput {
            language: Lang::Fr,
            body: "Merci ! Nous vous écrivons pour convenir d’un échange en visio.".into(),
            in_reply_to: answer.post.ap_id.to_string(),
        },
    )
    .await
    .map_err(err)?;
    drop(conn);

    // The Netzwerkstelle's own group: its editor (a moderator) opens the first thread.
    let state = &nrw.instance.state;
    let mut conn = state.pool.get().await?;
    let stelle = DbActor::local_by_handle(&mut conn, "netzwerkstelle")
        .await?
        .context("netzwerkstelle")?;
    let admin = crate::db::models::account::Account::by_username(&mut conn, "admin")
        .await?
        .context("admin")?;
    forum::post_thread(
        &mut conn,
        state,
        &admin,
        &stelle,
        &Target::Local(foerder),
        &ThreadInput {
            language: Lang::De,
            title: "Bürgerfonds: Fristen für die Herbstrunde".into(),
            body: "Fragen zur Herbstrunde des Deutsch-Französischen Bürgerfonds beantworten wir \
                   hier. Bitte nennen Sie Ihre Stadt und Ihr Partnerschaftsprojekt."
                .into(),
            image: None,
        },
    )
    .await
    .map_err(err)?;
    drop(conn);
    super::settle(instances).await;
    Ok(())
}

/// What the demo prints about the forum: each group's threads, with their comments.
pub async fn show(instances: &[DemoInstance]) -> anyhow::Result<()> {
    println!("Forum:");
    for d in instances {
        let state = &d.instance.state;
        let mut conn = state.pool.get().await?;
        for g in crate::db::models::group::DbGroup::list_local(&mut conn).await? {
            println!(
                "   {} — {}/g/{} (@{}@{})",
                g.actor.name,
                state.urls.base(),
                g.actor.handle,
                g.actor.handle,
                state.config.instance.domain
            );
            let threads =
                crate::db::models::group::threads(&mut conn, g.actor.ap_id.as_str(), 10, 0).await?;
            for t in threads {
                let title = t.post.main().map(|m| m.title.clone()).unwrap_or_default();
                println!("      {title} [{} comment(s)]", t.comments);
            }
        }
    }
    println!();
    Ok(())
}
