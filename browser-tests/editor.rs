//! An editor logs in, writes a post in German and French with an image, previews it,
//! publishes it, and sees it on the public page in both languages; a form with errors
//! shows each error next to its field and keeps what was typed.

use crate::common::{Browser, PASSWORD, Site, jpeg_file};
use passerelle::db::models::post::DbPost;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn editor_publishes_a_bilingual_post_with_an_image_and_reads_it_in_both_languages() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;
    let b = Browser::start().await;

    // Pages behind login send the visitor to the login page first, and back after.
    b.goto(&site.url("/editor/stadt-dortmund?lang=de")).await;
    assert!(b.url().await.contains("/login?next="), "{}", b.url().await);
    assert_eq!(b.text("h1").await, "Anmelden");
    b.screenshot("login").await;
    b.fill("#username", "redaktion").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/login'] button[type=submit]").await;
    assert!(
        b.url().await.contains("/editor/stadt-dortmund"),
        "{}",
        b.url().await
    );
    assert_eq!(b.text("h1").await, "Stadt Dortmund");

    b.click("a.button.primary").await;
    b.find("#title_de").await;
    b.fill("#title_de", "Jugendaustausch Dortmund–Amiens").await;
    b.fill(
        "#summary_de",
        "Zwanzig Jugendliche pflanzen einen Apfelbaum.",
    )
    .await;
    b.fill(
        "#body_de",
        "Im Juli **pflanzen** zwanzig Jugendliche einen Baum.",
    )
    .await;
    b.fill("#title_fr", "Échange de jeunes Dortmund–Amiens")
        .await;
    b.fill("#summary_fr", "Vingt jeunes plantent un pommier.")
        .await;
    b.fill("#body_fr", "En juillet, vingt jeunes *plantent* un arbre.")
        .await;
    b.click("input[name=themes][value=youth]").await;
    b.fill("#place", "Dortmund").await;
    let photo = jpeg_file("apfelbaum");
    b.find("#image_file")
        .await
        .send_keys(&photo.display().to_string())
        .await
        .expect("file chosen");
    b.fill("#image_alt", "Jugendliche pflanzen einen Apfelbaum")
        .await;

    // The preview renders the Markdown on the server and keeps everything, the image too.
    b.submit("button[value=preview]").await;
    assert_eq!(b.text(".preview article[lang=de] strong").await, "pflanzen");
    assert_eq!(b.text(".preview article[lang=fr] em").await, "plantent");
    let image_url = b.value("input[name=image_url_0]").await;
    assert!(image_url.starts_with(&site.url("/media/")), "{image_url}");
    assert_eq!(
        b.value("#image_alt_0").await,
        "Jugendliche pflanzen einen Apfelbaum"
    );
    assert_eq!(
        b.value("#title_fr").await,
        "Échange de jeunes Dortmund–Amiens"
    );
    assert!(
        b.find("input[name=themes][value=youth]")
            .await
            .is_selected()
            .await
            .unwrap()
    );
    b.screenshot("post-form-preview").await;

    b.submit("button[value=publish]").await;
    assert_eq!(b.text(".notice").await, "Der Beitrag ist veröffentlicht.");
    assert_eq!(
        b.text(".post-row h2 a").await,
        "Jugendaustausch Dortmund–Amiens"
    );
    assert_eq!(
        b.text(".post-row .delivery a").await,
        "Noch an keine andere Instanz verschickt."
    );
    b.screenshot("editor-organisation").await;

    // Stored as the API stores it: two language versions, one re-encoded image.
    let mut conn = site.inst.state().pool.get().await.unwrap();
    let posts = DbPost::page_by_actor(&mut conn, org.id, None, 10)
        .await
        .unwrap();
    assert_eq!(posts.len(), 1);
    let post = &posts[0];
    assert_eq!(post.translations.len(), 2);
    assert_eq!(post.post.main_language, "de");
    assert_eq!(post.images.len(), 1);
    assert_eq!(post.images[0].media_type.as_deref(), Some("image/jpeg"));
    let served = reqwest::get(&post.images[0].url).await.unwrap();
    assert_eq!(served.headers()["content-type"], "image/jpeg");
    let thumb = reqwest::get(post.images[0].url.replace(".jpg", ".thumb.jpg"))
        .await
        .unwrap();
    assert_eq!(thumb.status(), 200);

    // The public page, in German, then switched to French.
    b.click(".post-row h2 a").await;
    b.find("article h1").await;
    assert_eq!(
        b.text("article h1").await,
        "Jugendaustausch Dortmund–Amiens"
    );
    assert_eq!(
        b.attr("article figure img", "alt").await.as_deref(),
        Some("Jugendliche pflanzen einen Apfelbaum")
    );
    let loaded =
        b.c.execute(
            "return document.querySelector('article figure img').naturalWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        loaded.as_u64(),
        Some(640),
        "the image loads from passerelle itself"
    );
    b.screenshot("post-public-de").await;
    b.submit("header .langs a[hreflang=fr]").await;
    assert_eq!(
        b.text("article h1").await,
        "Échange de jeunes Dortmund–Amiens"
    );
    assert_eq!(b.attr("html", "lang").await.as_deref(), Some("fr"));
    b.screenshot("post-public-fr").await;

    // The delivery status page.
    let key = post
        .post
        .ap_id
        .as_str()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    b.goto(&site.url(&format!("/editor/posts/{key}/deliveries?lang=fr")))
        .await;
    assert_eq!(b.text("h1").await, "Distribution");
    b.screenshot("deliveries").await;
    let _ = std::fs::remove_file(photo);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_form_with_errors_shows_each_error_next_to_its_field_and_keeps_what_was_typed() {
    let site = Site::start().await;
    let org = site.org("ville-amiens", "Ville d'Amiens").await;
    site.editor("redaction", &org).await;
    let b = Browser::start().await;

    // A wrong password: the error sits at the password field, the username stays.
    b.goto(&site.url("/login?lang=fr")).await;
    b.fill("#username", "redaction").await;
    b.fill("#password", "pas-le-bon-mot-de-passe").await;
    b.submit("form[action='/login'] button[type=submit]").await;
    assert_eq!(b.value("#username").await, "redaction");
    assert_eq!(
        b.text("#password-error").await,
        "Nom d’utilisateur ou mot de passe incorrect."
    );
    assert_eq!(
        b.attr("#password", "aria-invalid").await.as_deref(),
        Some("true")
    );
    assert_eq!(
        b.attr("#password", "aria-describedby").await.as_deref(),
        Some("password-error")
    );
    b.screenshot("login-error").await;
    b.fill("#password", PASSWORD).await;
    b.submit("form[action='/login'] button[type=submit]").await;

    b.goto(&site.url("/editor/ville-amiens/posts/new?lang=fr"))
        .await;
    b.fill("#title_fr", "Fête du jumelage").await;
    b.fill("#body_de", "Ein Fest in Amiens.").await;
    b.click("input[name=sdgs][value='11']").await;
    let photo = jpeg_file("fete");
    b.find("#image_file")
        .await
        .send_keys(&photo.display().to_string())
        .await
        .expect("file chosen");
    b.submit("button[value=publish]").await;

    assert_eq!(
        b.text("#form-errors").await,
        "Le formulaire contient des erreurs, indiquées à côté des champs concernés."
    );
    // French: the summary is missing. German: title and summary are missing.
    for (field, message) in [
        (
            "summary_fr",
            "Champ obligatoire\u{202f}: Mastodon n’affiche que le titre et le résumé.",
        ),
        ("title_de", "Champ obligatoire."),
        (
            "summary_de",
            "Champ obligatoire\u{202f}: Mastodon n’affiche que le titre et le résumé.",
        ),
        (
            "image_alt",
            "Décrivez l’image (obligatoire) et choisissez à nouveau le fichier.",
        ),
    ] {
        assert_eq!(b.text(&format!("#{field}-error")).await, message, "{field}");
        assert_eq!(
            b.attr(&format!("#{field}"), "aria-invalid")
                .await
                .as_deref(),
            Some("true"),
            "{field}"
        );
        let described = b
            .attr(&format!("#{field}"), "aria-describedby")
            .await
            .unwrap_or_default();
        assert!(
            described
                .split(' ')
                .any(|id| id == format!("{field}-error")),
            "{field}: {described}"
        );
        // The error is in the same field group as its input.
        assert!(
            b.has(&format!(".field:has(#{field}) > #{field}-error"))
                .await,
            "{field}'s error is next to it"
        );
    }
    assert!(!b.has("#title_fr-error").await);
    assert_eq!(b.value("#title_fr").await, "Fête du jumelage");
    assert_eq!(b.value("#body_de").await, "Ein Fest in Amiens.");
    assert!(
        b.find("input[name=sdgs][value='11']")
            .await
            .is_selected()
            .await
            .unwrap()
    );
    b.screenshot("post-form-errors").await;
    // On a phone's width the language versions stack and nothing overflows sideways.
    b.c.set_window_size(390, 844).await.unwrap();
    let overflow =
        b.c.execute(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow.as_i64(),
        Some(0),
        "no horizontal scrolling on a phone"
    );
    b.screenshot("post-form-errors-phone").await;

    let mut conn = site.inst.state().pool.get().await.unwrap();
    assert_eq!(DbPost::count_by_actor(&mut conn, org.id).await.unwrap(), 0);
    let _ = std::fs::remove_file(photo);
    b.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_editor_edits_pins_and_deletes_a_post_and_a_bad_upload_is_refused() {
    let site = Site::start().await;
    let org = site.org("stadt-dortmund", "Stadt Dortmund").await;
    site.editor("redaktion", &org).await;
    let b = Browser::start().await;
    b.login(&site.inst.base, "redaktion", PASSWORD).await;

    b.goto(&site.url("/editor/stadt-dortmund/posts/new?lang=en"))
        .await;
    b.fill("#title_en", "Choir exchange").await;
    b.fill("#summary_en", "Two choirs sing together.").await;
    // Not an image: refused, next to the file field.
    let fake = std::env::temp_dir().join(format!(
        "not-an-image-{}.jpg",
        uuid::Uuid::new_v4().simple()
    ));
    std::fs::write(&fake, b"<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
    b.find("#image_file")
        .await
        .send_keys(&fake.display().to_string())
        .await
        .unwrap();
    b.fill("#image_alt", "A choir").await;
    b.submit("button[value=publish]").await;
    assert_eq!(
        b.text("#image_file-error").await,
        "This file is not an image in a supported format (JPEG, PNG, WebP, GIF)."
    );
    assert_eq!(b.value("#image_alt").await, "A choir");
    // A description without a file is refused too; without both, the post goes out.
    b.submit("button[value=publish]").await;
    assert_eq!(
        b.text("#image_file-error").await,
        "Choose an image file for this description."
    );
    b.fill("#image_alt", "").await;
    b.submit("button[value=publish]").await;
    assert_eq!(b.text(".notice").await, "The post is published.");

    // Edit: add a German version.
    b.click(".post-row a.button").await;
    assert_eq!(b.value("#title_en").await, "Choir exchange");
    b.fill("#title_de", "Chöre singen zusammen").await;
    b.fill("#summary_de", "Zwei Chöre.").await;
    b.submit("button[value=publish]").await;
    assert_eq!(b.text(".notice").await, "The post is updated.");
    let mut conn = site.inst.state().pool.get().await.unwrap();
    let posts = DbPost::page_by_actor(&mut conn, org.id, None, 10)
        .await
        .unwrap();
    assert_eq!(posts[0].translations.len(), 2);
    assert!(posts[0].post.updated.is_some());

    b.submit(".post-row button[type=submit]:not(.danger)").await;
    assert_eq!(b.text(".post-row .badge").await, "Featured");
    // Deleting asks first; "No" keeps the post.
    b.submit(".post-row a.danger").await;
    assert!(b.text("h1").await.contains("Delete post"));
    b.submit(".actions a.button").await;
    assert_eq!(DbPost::count_by_actor(&mut conn, org.id).await.unwrap(), 1);
    b.submit(".post-row a.danger").await;
    b.submit("button.danger").await;
    assert_eq!(b.text(".notice").await, "The post is deleted.");
    assert_eq!(DbPost::count_by_actor(&mut conn, org.id).await.unwrap(), 0);
    let _ = std::fs::remove_file(fake);
    b.close().await;
}
