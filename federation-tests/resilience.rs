//! Nothing queued is lost: an instance that is down receives its backlog when it returns.

use crate::common::{Net, wait_for};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_that_was_down_receives_its_backlog() {
    let (mut nrw, afccre) = tokio::join!(Net::start(), Net::start());
    nrw.org("stadt-essen", false).await;
    let grenoble = afccre.org("ville-grenoble", false).await;
    nrw.follow("stadt-essen", grenoble.ap_id.as_str()).await;
    wait_for("follow accepted", 20, || async {
        nrw.following_accepted("stadt-essen", grenoble.ap_id.as_str())
            .await
            .filter(|a| *a)
    })
    .await;

    let port = nrw.inst.port();
    nrw.inst.go_down().await;
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(
            afccre
                .post("ville-grenoble", &format!("Pendant la panne {i}"))
                .await["ap_id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    // Deliveries fail while nrw is down, and stay queued.
    wait_for("failed attempts recorded", 20, || async {
        let failing = "deliveries d JOIN outbound_activities a ON a.id = d.activity_id \
                       WHERE a.kind = 'Create' AND d.state = 'pending' AND d.attempts > 0";
        (afccre.count(failing).await == 3).then_some(())
    })
    .await;
    assert_eq!(
        afccre
            .count("instances WHERE failing_since IS NOT NULL")
            .await,
        1
    );

    nrw.inst.come_back(port).await.expect("nrw comes back");
    for id in &ids {
        wait_for("the backlog reaches nrw", 30, || nrw.stored_post(id)).await;
    }
    wait_for("all delivered, the instance healthy again", 20, || async {
        let done = afccre
            .count(
                "delivered_batches b JOIN outbound_activities a ON a.id = b.activity_id, \
                 unnest(b.inboxes) AS t(inbox) WHERE a.kind = 'Create'",
            )
            .await
            == 3;
        let healthy = afccre.count("instances WHERE failing_since IS NULL").await == 1;
        (done && healthy).then_some(())
    })
    .await;
}
