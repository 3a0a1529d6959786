//! The message loop: buffers in, findings out, one request answered at a
//! time. Edits mark their dossiers; the dossiers are linted again once the
//! editor pauses for a moment, so a burst of keystrokes lints once.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::time::Duration;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, Completion, GotoDefinition, HoverRequest, Request as _,
};
use lsp_types::{MessageType, ShowMessageParams, TextDocumentPositionParams, Uri};

use super::LspError;
use super::position::path_of;
use super::workspace::Workspace;
use super::{code_action, completion, definition, diagnostics, hover};

/// How long the editor must be quiet before findings are recomputed.
const PAUSE: Duration = Duration::from_millis(30);

/// The server between `initialize` and `shutdown`.
pub(super) struct Server {
    connection: Connection,
    workspace: Workspace,
    /// Dossier folders to lint again.
    dirty: BTreeSet<PathBuf>,
    /// What the editor shows per file, so unchanged findings are not sent again.
    shown: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

impl Server {
    /// A server answering on `connection`.
    pub(super) fn new(connection: Connection, workspace: Workspace) -> Server {
        Server {
            connection,
            workspace,
            dirty: BTreeSet::new(),
            shown: HashMap::new(),
        }
    }

    /// Runs until the client shuts the server down or hangs up.
    pub(super) fn run(mut self) -> Result<(), LspError> {
        loop {
            let message = match self.dirty.is_empty() {
                true => self.connection.receiver.recv().ok(),
                false => match self.connection.receiver.recv_timeout(PAUSE) {
                    Ok(message) => Some(message),
                    Err(e) if e.is_timeout() => {
                        self.flush()?;
                        continue;
                    }
                    Err(_) => None,
                },
            };
            match message {
                None => return Ok(()),
                Some(Message::Request(request)) => {
                    if self.connection.handle_shutdown(&request)? {
                        return Ok(());
                    }
                    // Answer on the text as it is now, findings included.
                    self.flush()?;
                    let response = self.request(request);
                    self.send(response.into())?;
                }
                Some(Message::Notification(notification)) => self.notification(notification),
                Some(Message::Response(_)) => {}
            }
        }
    }

    /// Tells the user something went wrong outside any document.
    pub(super) fn warn(&self, message: String) -> Result<(), LspError> {
        let params = ShowMessageParams {
            typ: MessageType::WARNING,
            message,
        };
        self.send(Notification::new(ShowMessage::METHOD.to_string(), params).into())
    }

    fn send(&self, message: Message) -> Result<(), LspError> {
        self.connection
            .sender
            .send(message)
            .map_err(|_| LspError::Disconnected)
    }

    fn request(&self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            HoverRequest::METHOD => answer(request, |p: lsp_types::HoverParams| {
                self.at(&p.text_document_position_params, hover::hover)
            }),
            Completion::METHOD => answer(request, |p: lsp_types::CompletionParams| {
                let position = p.text_document_position;
                let file = path_of(&position.text_document.uri)?;
                // A CI workflow or any other YAML or Markdown is no case file.
                if !self.workspace.is_case_file(&file) {
                    return Some(Vec::new());
                }
                let text = self.workspace.text(&file)?;
                Some(completion::complete(&text, &file, position.position))
            }),
            GotoDefinition::METHOD => answer(request, |p: lsp_types::GotoDefinitionParams| {
                self.at(&p.text_document_position_params, definition::definition)
            }),
            CodeActionRequest::METHOD => answer(request, |p: lsp_types::CodeActionParams| {
                let file = path_of(&p.text_document.uri)?;
                Some(code_action::actions(&self.workspace, &file, &p))
            }),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("pva lsp kent het verzoek {} niet", request.method),
            )),
        };
        match result {
            Ok(value) => Response::new_ok(id, value),
            Err((code, message)) => Response::new_err(id, code as i32, message),
        }
    }

    fn at<T>(
        &self,
        params: &TextDocumentPositionParams,
        f: impl Fn(&Workspace, &std::path::Path, lsp_types::Position) -> Option<T>,
    ) -> Option<T> {
        let file = path_of(&params.text_document.uri)?;
        f(&self.workspace, &file, params.position)
    }

    fn notification(&mut self, notification: Notification) {
        let params = notification.params;
        let changed = match notification.method.as_str() {
            DidOpenTextDocument::METHOD => {
                parse::<lsp_types::DidOpenTextDocumentParams>(params).and_then(|p| {
                    let file = self.set(&p.text_document.uri, Some(p.text_document.text))?;
                    // A file just opened hears its findings, even none.
                    self.shown.remove(&file);
                    Some(file)
                })
            }
            DidChangeTextDocument::METHOD => {
                parse::<lsp_types::DidChangeTextDocumentParams>(params).and_then(|mut p| {
                    // Full synchronisation: the last change is the whole text.
                    let text = p.content_changes.pop()?.text;
                    self.set(&p.text_document.uri, Some(text))
                })
            }
            DidCloseTextDocument::METHOD => parse::<lsp_types::DidCloseTextDocumentParams>(params)
                .and_then(|p| self.set(&p.text_document.uri, None)),
            DidSaveTextDocument::METHOD => parse::<lsp_types::DidSaveTextDocumentParams>(params)
                .and_then(|p| path_of(&p.text_document.uri)),
            _ => None,
        };
        if let Some(file) = changed {
            if file.file_name().is_some_and(|n| n == crate::config::FILE) {
                self.workspace.reload_config();
            }
            self.dirty.extend(self.workspace.affected(&file));
        }
    }

    /// Sets (or with `None` drops) the buffer of `uri`; returns its file.
    fn set(&mut self, uri: &Uri, text: Option<String>) -> Option<PathBuf> {
        let file = path_of(uri)?;
        match text {
            Some(text) => self.workspace.overlay.set(file.clone(), text),
            None => self.workspace.overlay.remove(&file),
        }
        Some(file)
    }

    /// Lints the marked dossiers and publishes the findings that changed.
    fn flush(&mut self) -> Result<(), LspError> {
        if self.dirty.is_empty() {
            return Ok(());
        }
        let dirs: Vec<PathBuf> = std::mem::take(&mut self.dirty).into_iter().collect();
        let mut files = self.workspace.relint(&dirs);
        // Open files of these dossiers hear that they are clean, too.
        files.extend(
            self.workspace
                .overlay
                .paths()
                .filter(|p| dirs.iter().any(|d| self.workspace.reads(d, p)))
                .map(|p| p.to_path_buf()),
        );
        for file in files {
            let Some(params) = diagnostics::publish(&self.workspace, &file) else {
                continue;
            };
            if self.shown.get(&file) != Some(&params.diagnostics) {
                self.shown.insert(file, params.diagnostics.clone());
                let method = PublishDiagnostics::METHOD.to_string();
                self.send(Notification::new(method, params).into())?;
            }
        }
        Ok(())
    }
}

/// Runs `f` on the request's parameters and returns its result as JSON.
fn answer<P: serde::de::DeserializeOwned, R: serde::Serialize>(
    request: Request,
    f: impl FnOnce(P) -> Option<R>,
) -> Result<serde_json::Value, (ErrorCode, String)> {
    let params: P = serde_json::from_value(request.params).map_err(|e| {
        let message = format!("ongeldige parameters voor {}: {e}", request.method);
        (ErrorCode::InvalidParams, message)
    })?;
    serde_json::to_value(f(params)).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}

fn parse<P: serde::de::DeserializeOwned>(params: serde_json::Value) -> Option<P> {
    serde_json::from_value(params).ok()
}
