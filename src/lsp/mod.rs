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
