//! The board report in a real browser: headless Chromium loads the HTML file, the DOM is checked
//! (every agreement, the verdict classes, no script from rule text), screenshots and a PDF are
//! made, and a proxy that counts connections shows that no request leaves the page.
//!
//! Chromium is Debian's `chromium` (`.ci/run` installs it). Without it these tests say they were
//! skipped; with `CI` set they fail instead. `AKKOORD_CHROMIUM` names another binary.
//! `UPDATE_SCREENSHOTS=1` copies the screenshots to `docs/`.

use std::collections::BTreeSet;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::common::{VNG, akkoord, chromium, copy_dir, plant_script, root, run_chromium, scratch};

fn report(rules: &str, dir: &Path, lang: &str) -> PathBuf {
    report_of(rules, dir, lang, &[], "rapport.html")
}

fn report_of(rules: &str, dir: &Path, lang: &str, agreements: &[&str], name: &str) -> PathBuf {
    let path = dir.join(name);
    let mut args = vec!["rapport"];
    args.extend_from_slice(agreements);
    args.extend([
        "--rules",
        rules,
        "--op",
        "2019-06-01",
        "--taal",
        lang,
        "-o",
        path.to_str().expect("path"),
    ]);
    let (code, out, err) = akkoord(&args);
    assert_eq!(code, 0, "{out}{err}");
    path
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

#[test]
fn the_report_renders_every_agreement_with_its_verdict_in_a_browser() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("dom");
    let page = report(VNG, &dir, "nl");
    let dom = run_chromium(
        &bin,
        &dir.join("profile"),
        &["--dump-dom".into(), url(&page)],
    );
    for (id, verdict) in [
        ("preventie", "mag"),
        ("klimaatadaptatie", "mag"),
        ("ggz", "niet"),
        ("buig_raming", "onbepaald"),
        ("ibp", "mag"),
        ("fonds_tekortgemeenten", "mag"),
    ] {
        let row = format!(
            "data-agreement=\"{id}\" data-action=\"ondertekening\" data-verdict=\"{verdict}\""
        );
        assert!(
            dom.contains(&row),
            "{id} should be {verdict} in the overview"
        );
    }
    assert!(dom.contains("class=\"verdict v-niet\""), "verdict classes");
    assert!(
        dom.contains("<svg class=\"timeline\""),
        "a timeline chart per agreement"
    );
    assert!(dom.contains("Hoofdlijnenakkoord GGZ"), "names");
    let sections = dom.matches("<section class=\"agreement\"").count();
    assert_eq!(sections, 8, "one section per answer");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_report_makes_screenshots_and_a_pdf() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("shots");
    let page = report(VNG, &dir, "nl");
    let profile = dir.join("profile");
    let overview = dir.join("rapport-overzicht.png");
    run_chromium(
        &bin,
        &profile,
        &[
            format!("--screenshot={}", overview.display()),
            "--window-size=1280,1400".into(),
            url(&page),
        ],
    );
    let ggz = dir.join("rapport-ggz.png");
    let ggz_page = report_of(VNG, &dir, "nl", &["ggz"], "ggz.html");
    run_chromium(
        &bin,
        &profile,
        &[
            format!("--screenshot={}", ggz.display()),
            "--window-size=1280,1400".into(),
            url(&ggz_page),
        ],
    );
    let pdf = dir.join("rapport.pdf");
    run_chromium(
        &bin,
        &profile,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
            url(&page),
        ],
    );
    for png in [&overview, &ggz] {
        let bytes = std::fs::read(png).expect("screenshot written");
        assert!(
            bytes.starts_with(b"\x89PNG") && bytes.len() > 20_000,
            "{}",
            png.display()
        );
    }
    let bytes = std::fs::read(&pdf).expect("pdf written");
    assert!(
        bytes.starts_with(b"%PDF") && bytes.len() > 20_000,
        "a printable report"
    );
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some() {
        let docs = root().join("docs");
        std::fs::create_dir_all(&docs).expect("docs");
        std::fs::copy(&overview, docs.join("rapport-overzicht.png")).expect("copy");
        std::fs::copy(&ggz, docs.join("rapport-ggz.png")).expect("copy");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn script_in_a_quote_or_a_name_is_shown_as_text_and_nothing_runs() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("script");
    let rules = dir.join("rules");
    copy_dir(&root().join(VNG), &rules);
    plant_script(&rules);
    let page = report(rules.to_str().expect("path"), &dir, "nl");
    let html = std::fs::read_to_string(&page).expect("html");
    assert!(!html.contains("<script"), "no script element in the file");
    assert!(
        html.contains("&lt;script&gt;document.title="),
        "shown as text"
    );
    let dom = run_chromium(
        &bin,
        &dir.join("profile"),
        &["--dump-dom".into(), url(&page)],
    );
    assert!(!dom.contains("<title>GEHACKT"), "no script ran");
    assert!(!dom.contains("<body>GEHACKT"), "no script ran");
    assert!(
        dom.contains("Hoofdlijnenakkoord GGZ &lt;script&gt;"),
        "the name is text"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A proxy that answers nothing and records the host of every request made through it.
fn recording_proxy() -> (u16, Arc<Mutex<BTreeSet<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let hosts = Arc::new(Mutex::new(BTreeSet::new()));
    let seen = Arc::clone(&hosts);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut buf = [0u8; 512];
            let n = stream.read(&mut buf).unwrap_or(0);
            let head = String::from_utf8_lossy(&buf[..n]).into_owned();
            // `CONNECT host:443 HTTP/1.1` or `GET http://host/path HTTP/1.1`
            let target = head.split_whitespace().nth(1).unwrap_or("");
            let host = target
                .trim_start_matches("http://")
                .split(['/', ':'])
                .next()
                .unwrap_or("")
                .to_string();
            if let Ok(mut h) = seen.lock() {
                h.insert(host);
            }
        }
    });
    (port, hosts)
}

/// Hosts Chromium itself calls on start-up (time, accounts, update and safe-browsing services),
/// whatever page it shows; with `--google-base-url` some of them go to 127.0.0.2.
const BROWSER_OWN: [&str; 9] = [
    "www.google.com",
    "accounts.google.com",
    "clients2.google.com",
    "clientservices.googleapis.com",
    "update.googleapis.com",
    "safebrowsing.googleapis.com",
    "optimizationguide-pa.googleapis.com",
    "content-autofill.googleapis.com",
    "127.0.0.2",
];

#[test]
fn no_request_leaves_the_report() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("offline");
    let page = report(VNG, &dir, "en");
    // Every request goes through a proxy that records its host. A page with an external image
    // shows the proxy catches what a page asks for; the report may only add nothing to the
    // hosts Chromium calls by itself (on a blank page, or known to be its own).
    let control = dir.join("control.html");
    std::fs::write(
        &control,
        "<!doctype html><p>x</p><img src=\"http://example.invalid/x.png\">",
    )
    .expect("control");
    let blank = dir.join("blank.html");
    std::fs::write(&blank, "<!doctype html><p>leeg</p>").expect("blank");
    let proxied = |target: &Path| {
        let (port, hosts) = recording_proxy();
        let name = target
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let dom = run_chromium(
            &bin,
            &dir.join(format!("profile-{name}")),
            &[
                format!("--proxy-server=http://127.0.0.1:{port}"),
                "--proxy-bypass-list=<-loopback>".into(),
                "--google-base-url=http://127.0.0.2".into(),
                "--virtual-time-budget=3000".into(),
                "--dump-dom".into(),
                url(target),
            ],
        );
        std::thread::sleep(Duration::from_millis(300));
        let seen = hosts.lock().map(|h| h.clone()).unwrap_or_default();
        (dom, seen)
    };
    let (_, control_hosts) = proxied(&control);
    assert!(
        control_hosts.contains("example.invalid"),
        "the proxy sees a page's request: {control_hosts:?}"
    );
    let (_, own) = proxied(&blank);
    let (dom, report_hosts) = proxied(&page);
    assert!(
        dom.contains("Agreements and the members"),
        "the English report loaded"
    );
    let extra: Vec<&String> = report_hosts
        .iter()
        .filter(|h| !own.contains(*h) && !BROWSER_OWN.contains(&h.as_str()))
        .collect();
    assert!(extra.is_empty(), "the report asked for {extra:?}");
    let html = std::fs::read_to_string(&page).expect("html");
    assert!(
        !html.contains("http:") && !html.contains("https:"),
        "the report names no URL"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
