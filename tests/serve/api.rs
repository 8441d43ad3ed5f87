//! The JSON API: the CLI's documents, what-if by POST, refusals, and load.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::{GGZ_MAG, Server, http};
use crate::common::{VNG, conforms, vng};

#[test]
fn every_get_endpoint_gives_exactly_the_clis_json() {
    let server = Server::start(VNG);
    let cases: [(&str, &[&str], &str); 6] = [
        (
            "/api/v1/check?op=2019-06-01",
            &["check", "--op", "2019-06-01"],
            "check",
        ),
        (
            "/api/v1/explain/ggz?op=2018-11-30",
            &["explain", "ggz", "--op", "2018-11-30"],
            "explain",
        ),
        ("/api/v1/timeline/ibp", &["timeline", "ibp"], "timeline"),
        (
            "/api/v1/unblock/ggz?op=2019-06-01",
            &["unblock", "ggz", "--op", "2019-06-01"],
            "unblock",
        ),
        (
            "/api/v1/audit?op=2025-01-01",
            &["audit", "--op", "2025-01-01"],
            "audit",
        ),
        (
            "/api/v1/explain/ibp?op=2019-06-01&handeling=instemming&taal=en",
            &[
                "explain",
                "ibp",
                "--op",
                "2019-06-01",
                "--handeling",
                "instemming",
                "--taal",
                "en",
            ],
            "explain",
        ),
    ];
    for (path, args, schema) in cases {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}: {}", reply.body);
        assert_eq!(
            reply.header("content-type"),
            Some("application/json"),
            "{path}"
        );
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let (_, cli, err) = vng(&all);
        assert!(err.is_empty(), "{err}");
        assert_eq!(reply.body, cli, "{path} differs from akkoord {args:?}");
        conforms(schema, &reply.body);
    }
    let english = server
        .get("/api/v1/explain/ggz?op=2019-06-01&taal=en")
        .json();
    assert_eq!(english[0]["verdict_text"], "may not", "{english}");
}

#[test]
fn what_if_by_post_is_the_clis_stel_and_stays_in_its_request() {
    let server = Server::start(VNG);
    let stel: Vec<String> = GGZ_MAG.iter().map(|s| format!("\"{s}\"")).collect();
    let body = format!(
        "{{\"op\": \"2019-06-01\", \"stel\": [{}]}}",
        stel.join(", ")
    );
    let mut args = vec!["explain", "ggz", "--op", "2019-06-01", "--format", "json"];
    for s in GGZ_MAG {
        args.extend(["--stel", s]);
    }
    let (_, cli, _) = vng(&args);
    let reply = server.post("/api/v1/explain/ggz", &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body, cli, "the same as akkoord explain --stel");
    assert_eq!(reply.json()[0]["verdict"], "mag");
    let check = server.post("/api/v1/check", &body).json();
    let ggz = check["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .find(|a| a["agreement"]["id"] == "ggz")
        .expect("ggz");
    assert_eq!(ggz["verdict"], "mag");
    // Nothing stays behind: the next request sees the recorded facts.
    let plain = server.get("/api/v1/explain/ggz?op=2019-06-01").json();
    assert_eq!(plain[0]["verdict"], "niet");
    let default_day = server.post("/api/v1/check?op=2018-11-30", "{}").json();
    assert_eq!(
        default_day["date"], "2018-11-30",
        "the query's day when the body has none"
    );
}

#[test]
fn bad_requests_get_a_4xx_with_the_clis_error_document_and_the_server_goes_on() {
    let server = Server::start(VNG);
    let cases: [(&str, &str, Option<&str>, u16, &str); 12] = [
        (
            "GET",
            "/api/v1/explain/gzz",
            None,
            404,
            "onbekend akkoord `gzz`",
        ),
        ("GET", "/api/v1/unblock/gzz", None, 404, "onbekend akkoord"),
        (
            "GET",
            "/api/v1/check?op=30-11-2018",
            None,
            400,
            "geen datum",
        ),
        ("GET", "/api/v1/check?taal=fr", None, 400, "geen taal"),
        (
            "GET",
            "/api/v1/check?handeling=tekenen",
            None,
            400,
            "geen handeling",
        ),
        (
            "GET",
            "/api/v1/explain/iza_vervolg?op=2019-06-01",
            None,
            422,
            "niet op tafel",
        ),
        (
            "POST",
            "/api/v1/check",
            Some("{\"stel\": [\"monitoringsafspraken_ggz=3\"]}"),
            422,
            "",
        ),
        (
            "POST",
            "/api/v1/explain/ggz",
            Some("{\"stel\": [\"geen_feit=ja\"]}"),
            422,
            "geen_feit",
        ),
        (
            "POST",
            "/api/v1/check",
            Some("{niet: json"),
            400,
            "geen geldige wat-als-vraag",
        ),
        (
            "POST",
            "/api/v1/check",
            Some("{\"stel\": \"x=ja\", \"extra\": 1}"),
            400,
            "wat-als",
        ),
        ("GET", "/api/v1/bestaat-niet", None, 404, "hier is niets"),
        ("DELETE", "/api/v1/check", None, 405, "methode"),
    ];
    for (method, path, body, status, words) in cases {
        let reply = http(server.addr, method, path, body);
        assert_eq!(reply.status, status, "{method} {path}: {}", reply.body);
        let doc = conforms("fouten", &reply.body);
        assert!(doc["count"].as_u64() >= Some(1), "{}", reply.body);
        assert!(
            reply.body.contains(words),
            "{method} {path}: {}",
            reply.body
        );
    }
    let (_, _, cli) = vng(&["explain", "gzz", "--format", "json"]);
    let cli: Value = serde_json::from_str(&cli).expect("json");
    let api = server.get("/api/v1/explain/gzz").json();
    assert_eq!(api["errors"][0]["message"], cli["errors"][0]["message"]);
    assert_eq!(api["errors"][0]["help"], cli["errors"][0]["help"]);
    let english = server.get("/api/v1/explain/gzz?taal=en").json();
    assert_eq!(english["errors"][0]["message"], "unknown agreement `gzz`");
    let page = server.get("/akkoord/gzz");
    assert_eq!(page.status, 404);
    assert!(
        page.body.contains("onbekend akkoord `gzz`"),
        "{}",
        page.body
    );
    let status = server.get("/api/v1/status");
    assert_eq!(status.status, 200, "still serving");
    assert_eq!(status.json()["ok"], true);
}

/// Requests in a debug build; `cargo test --release load_fifty -- --nocapture` runs 10 000.
const LOAD_REQUESTS: usize = if cfg!(debug_assertions) {
    2_000
} else {
    10_000
};

#[test]
fn load_fifty_clients_get_answers_without_errors() {
    let server = Server::start(VNG);
    let addr = server.addr;
    let clients = 50;
    let paths = [
        "/api/v1/explain/ggz?op=2019-06-01",
        "/api/v1/check?op=2018-11-30",
        "/api/v1/status",
        "/api/v1/timeline/ibp",
    ];
    let started = Instant::now();
    let workers: Vec<_> = (0..clients)
        .map(|c| {
            std::thread::spawn(move || {
                let mut times = Vec::new();
                for i in (c..LOAD_REQUESTS).step_by(clients) {
                    let t = Instant::now();
                    let reply = if i % 10 == 9 {
                        http(addr, "POST", "/api/v1/explain/ggz", Some("{\"op\": \"2019-06-01\", \"stel\": [\"monitoringsafspraken_ggz=ja\"]}"))
                    } else {
                        http(addr, "GET", paths[i % paths.len()], None)
                    };
                    assert_eq!(reply.status, 200, "{}", reply.body);
                    times.push(t.elapsed());
                }
                times
            })
        })
        .collect();
    let mut times: Vec<Duration> = workers
        .into_iter()
        .flat_map(|w| w.join().expect("client"))
        .collect();
    let total = started.elapsed();
    times.sort();
    assert_eq!(times.len(), LOAD_REQUESTS, "every request answered");
    let at = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
    eprintln!(
        "serve load: {} requests from {clients} clients in {:.1} s; p50 {:.1} ms, p99 {:.1} ms ({})",
        times.len(),
        total.as_secs_f64(),
        at(0.50).as_secs_f64() * 1000.0,
        at(0.99).as_secs_f64() * 1000.0,
        if cfg!(debug_assertions) {
            "debug build"
        } else {
            "release build"
        }
    );
    assert_eq!(server.get("/api/v1/status").status, 200, "still serving");
}
