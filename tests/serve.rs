//! `akkoord serve` for real: the binary is started on a free port (`--poort 0`), its address read
//! from standard output, and asked over HTTP with a small client written here. The API must give
//! exactly the CLI's JSON, valid against its schema; bad requests get a 4xx with the CLI's error
//! document and the server goes on; the rule folder reloads, and a version that does not load
//! leaves the old one serving under a banner; only loopback is listened on; Ctrl-C and SIGTERM
//! stop it. Headless Chromium uses the what-if (through the address's `#stel=…`) and sees the
//! verdict change. The full load test: `cargo test --release load_fifty -- --nocapture`.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::root;

mod api;
mod pages;
mod process;

/// A running `akkoord serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    url: String,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Serves a rule folder on a free port of 127.0.0.1.
    fn start(rules: &str) -> Server {
        Server::with(&["--rules", rules, "--poort", "0"])
    }

    fn with(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_akkoord"))
            .env_remove("AKKOORD_TAAL")
            .arg("serve")
            .args(args)
            .current_dir(root())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("akkoord serve starts");
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut err = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = err.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut line = String::new();
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        out.read_line(&mut line).expect("a line on stdout");
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no URL in {line:?}; stderr: {}", stderr.lock().unwrap()))
            .trim_end_matches('/')
            .to_string();
        let addr = url
            .trim_start_matches("http://")
            .parse()
            .expect("an address");
        Server {
            child,
            addr,
            url,
            stderr,
        }
    }

    fn get(&self, path: &str) -> Reply {
        http(self.addr, "GET", path, None)
    }

    fn post(&self, path: &str, body: &str) -> Reply {
        http(self.addr, "POST", path, Some(body))
    }

    /// Sends a signal with `kill` and waits for the exit code.
    fn stop_with(mut self, signal: &str) -> Option<i32> {
        let pid = self.child.id().to_string();
        Command::new("kill")
            .args([signal, &pid])
            .status()
            .expect("kill runs");
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP answer.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// One HTTP/1.1 request on its own connection.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Reply {
    http_for(&addr.to_string(), addr, method, path, body)
}

/// One HTTP/1.1 request on its own connection, naming `host` in its `Host` header.
fn http_for(host: &str, addr: SocketAddr, method: &str, path: &str, body: Option<&str>) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("timeout");
    let body = body.unwrap_or("");
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("receive");
    let text = String::from_utf8(raw).expect("UTF-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

const GGZ_MAG: [&str; 3] = [
    "financiele_ruimte_voldoende(ggz)=ja",
    "structurele_middelen_ambulantisering_toegezegd=ja",
    "monitoringsafspraken_ggz=ja",
];
