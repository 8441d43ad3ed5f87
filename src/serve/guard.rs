//! What every answer carries and every request must pass: a strict content security policy and
//! the usual security headers; and, on a loopback address, a `Host` that names this computer.
//! Without that check a web page elsewhere could point a name of its own at 127.0.0.1 (DNS
//! rebinding) and read the verdicts from a browser on this computer.

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::{App, Refusal, api};
use crate::error::Problem;
use crate::tr;

/// The content security policy of every answer: nothing from elsewhere, scripts and styles
/// only from this server, no inline script or style.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Refuses a request for another host, answers the rest, and adds the headers.
pub(super) async fn guard(State(app): State<App>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    let mut response = if app.local.is_some_and(|ip| !names_this_computer(&host, ip)) {
        let lang = super::Params::lang_of(request.uri().query());
        crate::i18n::with_lang(lang, || refused_host(&host)).into_response()
    } else {
        next.run(request).await
    };
    let h = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    if let Some(failed) = &app.snapshot().failed {
        h.insert(
            "akkoord-laadfouten",
            HeaderValue::from(failed.problems.len()),
        );
    }
    response
}

/// True for `localhost`, a loopback address, or the address listened on, with or without a
/// port.
fn names_this_computer(host: &str, listened: std::net::IpAddr) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback() || ip == listened)
}

fn refused_host(host: &str) -> super::Reply {
    let refusal = Refusal::new(
        StatusCode::FORBIDDEN,
        Problem::Argument {
            message: tr!(
                "dit verzoek is voor `{host}`, niet voor deze computer",
                "this request is for `{host}`, not for this computer"
            ),
            help: Some(tr!(
                "open de server als http://127.0.0.1:POORT/ of http://localhost:POORT/; start met `--adres` om hem onder een andere naam te delen",
                "open the server as http://127.0.0.1:PORT/ or http://localhost:PORT/; start it with `--address` to share it under another name"
            )),
        },
    );
    api::refused(&refusal)
}
