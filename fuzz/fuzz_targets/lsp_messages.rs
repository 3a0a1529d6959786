//! Any messages from an editor, after the framing: the language server
//! (`pva::lsp::serve`, the loop `pva lsp` runs) never panics, answers every
//! request exactly once, and still answers `shutdown` after all of them.
//!
//! The input is a list of JSON-RPC bodies separated by the byte 0x1E; `$ROOT`
//! stands for the URI of a project with one dossier (`cases/d/dossier.yaml`,
//! `cases/d/plan.md`, `cases/gedeeld.yaml`). Each body is framed with its
//! length and read by the server's own framing reader
//! (`transport::check_frames`), so what the server gets is what it would get
//! on stdin. The target sends `initialize` first and `shutdown` and `exit`
//! last; a `shutdown` or `exit` in the input is left out (after it the server
//! rightly stops answering).
#![no_main]

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use pva::lsp::{self, Today};

const SHARED: &str = include_str!("../../cases/gedeeld.yaml");
const DOSSIER: &str = include_str!("../../cases/de-vries-2026/dossier.yaml");
const PLAN: &str = include_str!("../../cases/de-vries-2026/plan-van-aanpak.md");

/// How long the server may take to answer `shutdown` after the input.
const PATIENCE: Duration = Duration::from_secs(20);

fn project() -> &'static Path {
    static ROOT: OnceLock<tempfile::TempDir> = OnceLock::new();
    ROOT.get_or_init(|| {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("cases/d");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(root.path().join("cases/gedeeld.yaml"), SHARED).unwrap();
        std::fs::write(dir.join("dossier.yaml"), DOSSIER).unwrap();
        std::fs::write(dir.join("plan.md"), PLAN).unwrap();
        root
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    let root_uri = format!("file://{}", project().display());
    let mut stream = Vec::new();
    for body in data.split(|b| *b == 0x1e) {
        let body = String::from_utf8_lossy(body).replace("$ROOT", &root_uri);
        stream.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
        stream.extend_from_slice(body.as_bytes());
    }
    let messages = pva::lsp::transport::check_frames(&stream);

    let (server, client) = Connection::memory();
    let today = Today::Fixed(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
    let thread = std::thread::spawn(move || lsp::serve(server, today));
    let send = |message: Message| client.sender.send(message).expect("the server hung up");
    let params = serde_json::json!({ "processId": null, "rootUri": root_uri, "capabilities": {} });
    send(
        Request::new(
            RequestId::from("init".to_string()),
            "initialize".into(),
            params,
        )
        .into(),
    );
    send(Notification::new("initialized".into(), serde_json::json!({})).into());

    let last = RequestId::from("fuzz-shutdown".to_string());
    let mut asked: BTreeMap<RequestId, usize> = BTreeMap::new();
    for message in messages {
        match &message {
            Message::Request(r) if r.method == "shutdown" || r.id == last => continue,
            Message::Notification(n) if n.method == "exit" => continue,
            Message::Request(r) => *asked.entry(r.id.clone()).or_default() += 1,
            _ => {}
        }
        send(message);
    }
    send(Request::new(last.clone(), "shutdown".into(), serde_json::Value::Null).into());

    let mut answered: BTreeMap<RequestId, usize> = BTreeMap::new();
    loop {
        match client.receiver.recv_timeout(PATIENCE) {
            Ok(Message::Response(r)) if r.id == last => break,
            Ok(Message::Response(r)) => *answered.entry(r.id).or_default() += 1,
            Ok(_) => {}
            Err(e) => panic!("no answer to shutdown: {e}"),
        }
    }
    send(Notification::new("exit".into(), serde_json::Value::Null).into());
    match thread.join() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => panic!("the server stopped with an error: {e}"),
        Err(_) => panic!("the server panicked"),
    }
    answered.remove(&RequestId::from("init".to_string()));
    asked.remove(&RequestId::from("init".to_string()));
    assert_eq!(asked, answered, "every request is answered exactly once");
});
