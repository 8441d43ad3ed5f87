//! The pages: every verdict, a strict content security policy, text that stays text, reloads,
//! and the what-if in headless Chromium.

use std::time::{Duration, Instant};

use super::{GGZ_MAG, Server};
use crate::common::{VNG, chromium, conforms, copy_dir, plant_script, root, run_chromium, scratch};

#[test]
fn the_pages_show_every_verdict_with_a_strict_content_security_policy() {
    let server = Server::start(VNG);
    let overview = server.get("/?op=2019-06-01");
    assert_eq!(overview.status, 200);
    assert_eq!(
        overview.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let csp = overview.header("content-security-policy").expect("a CSP");
    assert!(
        csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
        "{csp}"
    );
    for (id, verdict) in [
        ("preventie", "mag"),
        ("ggz", "niet"),
        ("buig_raming", "onbepaald"),
    ] {
        let row = format!(
            "data-agreement=\"{id}\" data-action=\"ondertekening\" data-verdict=\"{verdict}\""
        );
        assert!(overview.body.contains(&row), "{id} is {verdict}");
    }
    assert!(
        overview
            .body
            .contains("href=\"/akkoord/ggz?op=2019-06-01\""),
        "links keep the day"
    );
    assert!(
        overview
            .body
            .contains("href=\"/bron/stevige_afspraken?op=2019-06-01\"")
    );
    let ggz = server.get("/akkoord/ggz?op=2019-06-01");
    assert_eq!(ggz.status, 200);
    for part in [
        "<section class=\"answer\" data-action=\"ondertekening\" data-verdict=\"niet\"",
        "<svg class=\"timeline\"",
        "<section id=\"wat-als\" hidden",
        "data-fact=\"monitoringsafspraken_ggz\"",
        "data-fact=\"financiele_ruimte_voldoende(ggz)\"",
        "<blockquote>Medeondertekening pas aan de orde",
        "<ol class=\"ways\">",
    ] {
        assert!(ggz.body.contains(part), "the GGZ page has {part}");
    }
    for page in [&overview, &ggz] {
        assert_eq!(
            page.body.matches("<script").count(),
            1,
            "one script, from the server"
        );
        assert!(
            page.body
                .contains("<script src=\"/static/wat-als.js\" defer></script>")
        );
        assert!(!page.body.contains(" style=\""), "no inline style");
        assert!(
            !page.body.contains("http://") && !page.body.contains("https://"),
            "no URL elsewhere"
        );
    }
    let source = server.get("/bron/ggz_medeondertekening?op=2019-06-01");
    assert_eq!(source.status, 200);
    assert!(source.body.contains(
        "data-rule=\"ggz_medeondertekening.middelen_en_monitoring\" data-in-force=\"true\""
    ));
    let rob = server.get("/bron/rob_bijstand?op=2019-06-01");
    assert!(
        rob.body.contains("data-in-force=\"false\""),
        "settled at the BALV"
    );
    assert!(
        rob.body.contains("afgehandeld op 30 november 2018"),
        "{}",
        rob.body
    );
    let english = server.get("/akkoord/ggz?op=2019-06-01&taal=en");
    assert!(english.body.contains("<html lang=\"en\">") && english.body.contains("What if?"));
    let script = server.get("/static/wat-als.js");
    assert_eq!(
        script.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    let fragment = server.post(
        "/akkoord/ggz/wat-als",
        &format!(
            "{{\"op\": \"2019-06-01\", \"stel\": [\"{}\", \"{}\", \"{}\"]}}",
            GGZ_MAG[0], GGZ_MAG[1], GGZ_MAG[2]
        ),
    );
    assert_eq!(fragment.status, 200, "{}", fragment.body);
    assert!(
        fragment.body.contains("data-verdict=\"mag\""),
        "{}",
        fragment.body
    );
}

#[test]
fn a_script_in_a_quote_or_a_name_stays_text_on_the_pages() {
    let dir = scratch("serve-script");
    let rules = dir.join("rules");
    copy_dir(&root().join(VNG), &rules);
    plant_script(&rules);
    let server = Server::start(rules.to_str().expect("path"));
    for path in [
        "/?op=2019-06-01",
        "/akkoord/ggz?op=2019-06-01",
        "/bron/ggz_medeondertekening",
    ] {
        let page = server.get(path);
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(
            page.body.matches("<script").count(),
            1,
            "{path}: only the server's script"
        );
        assert!(!page.body.contains("<img"), "{path}");
        assert!(
            page.body.contains("&lt;script&gt;document.title="),
            "{path}: shown as text"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Waits until `check` holds, at most 15 s.
fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn changed_rules_are_reloaded_and_a_version_that_does_not_load_leaves_the_old_one_serving() {
    let dir = scratch("serve-reload");
    let rules = dir.join("rules");
    copy_dir(&root().join(VNG), &rules);
    let server = Server::start(rules.to_str().expect("path"));
    let facts = rules.join("feiten.json");
    let text = std::fs::read_to_string(&facts).expect("facts");
    std::fs::write(
        &facts,
        text.replacen(
            "\"Hoofdlijnenakkoord GGZ\"",
            "\"Hoofdlijnenakkoord GGZ (herzien)\"",
            1,
        ),
    )
    .expect("write");
    eventually("the new name", || {
        server
            .get("/akkoord/ggz?op=2019-06-01")
            .body
            .contains("GGZ (herzien)")
    });
    let file = rules.join("2019-voorjaar-ggz.akk");
    let good = std::fs::read_to_string(&file).expect("rules");
    std::fs::write(&file, format!("{good}\nregel kapot {{\n")).expect("write");
    eventually("the load problems", || {
        server.get("/api/v1/status").json()["ok"] == false
    });
    let status = server.get("/api/v1/status");
    let errors = serde_json::to_string(&status.json()["errors"]).expect("json");
    conforms("fouten", &errors);
    assert!(errors.contains("2019-voorjaar-ggz.akk"), "{errors}");
    let page = server.get("/?op=2019-06-01");
    assert!(
        page.body.contains("class=\"banner\""),
        "a banner on every page"
    );
    assert!(
        page.body.contains("2019-voorjaar-ggz.akk"),
        "naming the file"
    );
    assert!(
        page.body.contains("GGZ (herzien)"),
        "the last good version still serves"
    );
    let api = server.get("/api/v1/explain/ggz?op=2019-06-01");
    assert_eq!(api.status, 200);
    assert!(
        api.header("akkoord-laadfouten").is_some(),
        "the API says so in a header"
    );
    std::fs::write(&file, good).expect("write");
    eventually("the repaired rules", || {
        server.get("/api/v1/status").json()["ok"] == true
    });
    assert!(!server.get("/").body.contains("class=\"banner\""));
    assert!(
        server.stderr.lock().unwrap().contains("opnieuw geladen"),
        "the log says so"
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_what_if_in_a_browser_changes_the_verdict_on_screen() {
    let Some(bin) = chromium() else { return };
    let server = Server::start(VNG);
    let dir = scratch("serve-browser");
    let profile = dir.join("profile");
    let overview = run_chromium(
        &bin,
        &profile,
        &[
            "--dump-dom".into(),
            format!("{}/?op=2019-06-01", server.url),
        ],
    );
    for (id, verdict) in [
        ("preventie", "mag"),
        ("ggz", "niet"),
        ("buig_raming", "onbepaald"),
    ] {
        let row = format!(
            "data-agreement=\"{id}\" data-action=\"ondertekening\" data-verdict=\"{verdict}\""
        );
        assert!(overview.contains(&row), "{id} is {verdict} in the browser");
    }
    let page = format!("{}/akkoord/ggz?op=2019-06-01", server.url);
    let before = run_chromium(
        &bin,
        &profile,
        &[
            "--virtual-time-budget=5000".into(),
            "--dump-dom".into(),
            page.clone(),
        ],
    );
    assert!(
        before.contains("data-action=\"ondertekening\" data-verdict=\"niet\""),
        "niet without what-if"
    );
    assert!(
        before.contains("<section id=\"wat-als\" data-busy="),
        "the script shows the what-if panel"
    );
    let fragment: Vec<String> = GGZ_MAG.iter().map(|s| format!("stel={s}")).collect();
    let what_if = format!("{page}#{}", fragment.join("&"));
    let after = run_chromium(
        &bin,
        &profile,
        &[
            "--virtual-time-budget=10000".into(),
            "--dump-dom".into(),
            what_if.clone(),
        ],
    );
    assert!(
        after.contains("data-action=\"ondertekening\" data-verdict=\"mag\""),
        "mag with what-if:\n{after}"
    );
    assert!(
        after.contains("class=\"what-if-note\""),
        "the page says what is set"
    );
    let shot = dir.join("serve-wat-als.png");
    run_chromium(
        &bin,
        &profile,
        &[
            "--virtual-time-budget=10000".into(),
            format!("--screenshot={}", shot.display()),
            "--window-size=1280,1400".into(),
            what_if,
        ],
    );
    let bytes = std::fs::read(&shot).expect("screenshot written");
    assert!(bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000);
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let docs = root().join("docs");
        std::fs::create_dir_all(&docs).expect("docs");
        std::fs::copy(&shot, docs.join("serve-wat-als.png")).expect("copy");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
