//! `pva lsp`: a language server over stdin/stdout for the documents and the
//! dossier files. It lints from the editor's unsaved buffers, whole dossiers
//! at a time, and explains keys and findings from the schema and the rules.

mod code_action;
mod completion;
mod cursor;
mod definition;
mod diagnostics;
mod hover;
mod inherited;
mod insert;
mod position;
mod schema_text;
mod server;
pub mod transport;
mod workspace;

use std::path::PathBuf;

use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, InitializeParams, OneOf, PositionEncodingKind, SaveOptions,
    ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions,
};

pub use workspace::Today;

/// Why the server stopped before the client shut it down.
#[derive(Debug, thiserror::Error)]
pub enum LspError {
    /// The client broke the protocol (or hung up during the handshake).
    #[error("fout in het LSP-protocol: {0}")]
    Protocol(#[from] lsp_server::ProtocolError),
    /// The `initialize` parameters could not be read.
    #[error("kan de startgegevens van de editor (initialize) niet lezen: {0}")]
    Initialize(#[from] serde_json::Error),
    /// The connection to the client was lost.
    #[error("de verbinding met de editor is verbroken")]
    Disconnected,
    /// Reading stdin or writing stdout failed.
    #[error("stdin/stdout: {}", crate::fs::reason(.0))]
    Io(#[from] std::io::Error),
}

/// Serves one client on stdin/stdout until it shuts the server down.
pub fn run(today: Today) -> Result<(), LspError> {
    let (connection, threads) = transport::stdio();
    serve(connection, today)?;
    threads.join()?;
    Ok(())
}

/// Serves the client at the other end of `connection` from its
/// `initialize` until it shuts the server down or hangs up. The fuzz
/// target `fuzz/fuzz_targets/lsp_messages.rs` talks to it over an
/// in-memory connection.
#[doc(hidden)]
pub fn serve(connection: lsp_server::Connection, today: Today) -> Result<(), LspError> {
    let capabilities = serde_json::to_value(capabilities())?;
    let params: InitializeParams = serde_json::from_value(connection.initialize(capabilities)?)?;
    let roots = roots(&params);
    let server = server::Server::new(connection, workspace::Workspace::new(roots.clone(), today));
    for root in &roots {
        if let Err(e) = crate::config::severities(root) {
            server.warn(format!(
                "{e}; de standaardinstellingen van de regels gelden"
            ))?;
        }
    }
    server.run()
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(PositionEncodingKind::UTF16),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".to_string(), "#".to_string()]),
            ..CompletionOptions::default()
        }),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}

/// The workspace folders, or the single root of older clients.
#[allow(deprecated)] // root_uri: clients without workspace folders send only that.
fn roots(params: &InitializeParams) -> Vec<PathBuf> {
    let folders = params.workspace_folders.iter().flatten().map(|f| &f.uri);
    folders
        .chain(params.root_uri.iter())
        .filter_map(position::path_of)
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::time::Duration;

    use lsp_server::{Connection, Message, Notification, Request, RequestId};
    use serde_json::{Value, json};

    use super::*;

    /// A client's session with the server over memory, as the fuzz target
    /// `lsp_messages` runs it: `initialize`, `messages`, `shutdown`, `exit`.
    /// Returns how many answers each request id got; panics if the server
    /// panics, stops with an error or does not answer `shutdown`.
    fn session(messages: Vec<Message>) -> BTreeMap<RequestId, usize> {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("cases/d");
        std::fs::create_dir_all(&dir).unwrap();
        crate::fs::write_atomic(&dir.join("dossier.yaml"), b"werknemer:\n  naam: Jan\n").unwrap();
        let uri = format!("file://{}", root.path().display());
        let (server, client) = Connection::memory();
        let today = Today::Fixed(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap());
        let thread = std::thread::spawn(move || serve(server, today));
        let send = |m: Message| client.sender.send(m).unwrap();
        let init = json!({ "processId": null, "rootUri": uri, "capabilities": {} });
        send(Request::new(RequestId::from(0), "initialize".into(), init).into());
        send(Notification::new("initialized".into(), json!({})).into());
        for message in messages {
            let text = serde_json::to_string(&message)
                .unwrap()
                .replace("$ROOT", &uri);
            send(serde_json::from_str(&text).unwrap());
        }
        let last = RequestId::from(-1);
        send(Request::new(last.clone(), "shutdown".into(), Value::Null).into());
        let mut answered = BTreeMap::new();
        loop {
            match client.receiver.recv_timeout(Duration::from_secs(20)) {
                Ok(Message::Response(r)) if r.id == last => break,
                Ok(Message::Response(r)) => *answered.entry(r.id).or_default() += 1,
                Ok(_) => {}
                Err(e) => panic!("no answer to shutdown: {e}"),
            }
        }
        send(Notification::new("exit".into(), Value::Null).into());
        thread.join().expect("the server panicked").unwrap();
        answered.remove(&RequestId::from(0));
        answered
    }

    fn request(id: i32, method: &str, params: Value) -> Message {
        Request::new(RequestId::from(id), method.into(), params).into()
    }

    fn at(uri: &str, line: u32, character: u32) -> Value {
        json!({ "textDocument": { "uri": uri }, "position": { "line": line, "character": character } })
    }

    /// Requests an editor should never send, or sends wrongly, are each
    /// answered (with an error or nothing found), and the server goes on.
    #[test]
    fn every_request_is_answered_even_a_bad_one() {
        let plan = "$ROOT/cases/d/plan.md";
        let open = json!({ "textDocument": { "uri": plan, "languageId": "markdown", "version": 1,
            "text": "---\ndocument: plan-van-aanpak\n---\n\n## Visie\n\nTekst.\n" } });
        let messages = vec![
            Notification::new("textDocument/didOpen".into(), open).into(),
            request(1, "textDocument/hover", at("file:///etc/passwd", 0, 0)),
            request(
                2,
                "textDocument/hover",
                at("untitled:x", u32::MAX, u32::MAX),
            ),
            request(3, "textDocument/completion", at(plan, 99_999, 0)),
            request(4, "textDocument/definition", at(plan, 1, u32::MAX)),
            request(5, "workspace/symbol", json!({ "query": "x" })),
            request(6, "textDocument/hover", Value::Null),
            request(7, "initialize", json!({})),
            request(
                8,
                "textDocument/codeAction",
                json!({ "textDocument": { "uri": plan },
                    "range": { "start": { "line": 5, "character": 0 }, "end": { "line": 1, "character": 0 } },
                    "context": { "diagnostics": [] } }),
            ),
            request(9, "textDocument/hover", at(plan, 1, 3)),
            // Found by the fuzz target: completion in dossier.yaml on a
            // line past its end stopped the server with a panic.
            request(
                10,
                "textDocument/completion",
                at("$ROOT/cases/d/dossier.yaml", 9, 0),
            ),
            request(
                11,
                "textDocument/hover",
                at("$ROOT/cases/d/dossier.yaml", 9, 0),
            ),
        ];
        let answered = session(messages);
        let expected: BTreeMap<RequestId, usize> =
            (1..=11).map(|id| (RequestId::from(id), 1)).collect();
        assert_eq!(answered, expected);
    }
}
