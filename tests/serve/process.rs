//! The process: where it listens, how it stops, what it says when it cannot start.

use std::net::TcpStream;
use std::sync::Arc;
use std::time::Duration;

use super::{Server, http_for};
use crate::common::{VNG, akkoord, conforms};

/// The listening TCP sockets of a process, as `address:port` in /proc/net/tcp's hex.
fn listening_sockets(pid: u32) -> Vec<String> {
    let inodes: Vec<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("the process's files")
        .filter_map(Result::ok)
        .filter_map(|e| std::fs::read_link(e.path()).ok())
        .filter_map(|l| {
            let l = l.to_string_lossy().into_owned();
            l.strip_prefix("socket:[")
                .map(|s| s.trim_end_matches(']').to_string())
        })
        .collect();
    let mut out = Vec::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).unwrap_or_default();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            // local_address, state (0A: LISTEN), inode
            if f.len() > 9 && f[3] == "0A" && inodes.iter().any(|i| i == f[9]) {
                out.push(f[1].to_string());
            }
        }
    }
    out
}

#[test]
fn only_the_address_asked_for_is_listened_on() {
    let server = Server::start(VNG);
    let sockets = listening_sockets(server.child.id());
    let expected = format!("0100007F:{:04X}", server.addr.port());
    assert_eq!(sockets, vec![expected], "one socket, on 127.0.0.1");
    assert_eq!(
        server.url,
        format!("http://127.0.0.1:{}", server.addr.port())
    );
}

#[test]
fn on_loopback_only_requests_that_name_this_computer_are_answered() {
    let server = Server::start(VNG);
    let port = server.addr.port();
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "localhost".into(),
    ] {
        let reply = http_for(&host, server.addr, "GET", "/api/v1/status", None);
        assert_eq!(reply.status, 200, "{host}");
    }
    for host in [
        format!("boos.example:{port}"),
        "10.0.0.1".into(),
        String::new(),
    ] {
        let reply = http_for(&host, server.addr, "GET", "/?taal=en", None);
        assert_eq!(reply.status, 403, "{host}: {}", reply.body);
        conforms("fouten", &reply.body);
        assert!(
            reply.body.contains("not for this computer"),
            "{}",
            reply.body
        );
    }
}

#[test]
fn ctrl_c_and_sigterm_stop_it_cleanly() {
    for signal in ["-INT", "-TERM"] {
        let server = Server::start(VNG);
        let addr = server.addr;
        assert_eq!(server.get("/api/v1/status").status, 200);
        let stderr = Arc::clone(&server.stderr);
        assert_eq!(server.stop_with(signal), Some(0), "{signal}: exit code 0");
        assert!(
            TcpStream::connect(addr).is_err(),
            "{signal}: nothing listens any more"
        );
        std::thread::sleep(Duration::from_millis(100));
        assert!(stderr.lock().unwrap().contains("gestopt"), "{signal}");
    }
}

#[test]
fn a_port_in_use_is_an_error_in_the_clis_words() {
    let first = Server::start(VNG);
    let port = first.addr.port().to_string();
    let (code, out, err) = akkoord(&["serve", "--rules", VNG, "--poort", &port]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("kan niet luisteren op 127.0.0.1"), "{err}");
    let (code, _, err) = akkoord(&["serve", "--rules", VNG, "--adres", "localhost"]);
    assert_eq!(code, 2);
    assert!(err.contains("geen IP-adres"), "{err}");
    let (code, _, err) = akkoord(&[
        "serve",
        "--rules",
        "bestaat-niet",
        "--poort",
        "0",
        "--format",
        "json",
    ]);
    assert_eq!(code, 2, "rules that do not load at the start: no server");
    conforms("fouten", &err);
}
