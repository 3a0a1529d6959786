//! The framing of LSP messages on stdin/stdout (`Content-Length` headers,
//! then a JSON body), read so that no input can stop the server: a bad
//! header, a body that is not JSON or not a message, or a length over
//! [`MAX_BODY`] is answered with a JSON-RPC error (−32700 parse error,
//! −32600 invalid request) and skipped, and the server reads on. A length
//! is checked before anything is allocated for it.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use lsp_server::{Connection, Message};

/// The largest body read. A case file is at most 1 MB; as JSON with every
/// character escaped it stays far below this.
pub const MAX_BODY: u64 = 16 * 1024 * 1024;

/// The longest header line read; real headers are a few dozen bytes.
const MAX_HEADER_LINE: u64 = 1024;

/// JSON-RPC's code for a body that is not JSON.
pub const PARSE_ERROR: i32 = -32700;
/// JSON-RPC's code for JSON that is not a request, response or notification.
pub const INVALID_REQUEST: i32 = -32600;

/// What one read of the input gave.
#[derive(Debug)]
pub enum Frame {
    /// A message.
    Message(Message),
    /// Input that is not a message, skipped: answer with this error.
    Invalid {
        /// [`PARSE_ERROR`] or [`INVALID_REQUEST`].
        code: i32,
        /// What was wrong, for the client's log.
        reason: String,
    },
    /// The input ended.
    End,
}

/// Reads frames from `input`. After bad input it skips to the next
/// `Content-Length:`, so one bad message never hides the next good one.
pub struct FrameReader<R> {
    input: R,
    /// A `Content-Length` found while skipping (or what is wrong with
    /// it): the headers of the next frame go on from there.
    pending: Option<Result<u64, String>>,
    /// Skip to the next `Content-Length:` without another error (the body
    /// of a message already refused).
    skip_quietly: bool,
}

impl<R: BufRead> FrameReader<R> {
    /// A reader of `input`.
    pub fn new(input: R) -> FrameReader<R> {
        FrameReader {
            input,
            pending: None,
            skip_quietly: false,
        }
    }

    /// The next frame.
    pub fn next_frame(&mut self) -> io::Result<Frame> {
        let length = match self.read_headers()? {
            Headers::End => return Ok(Frame::End),
            Headers::Invalid(reason) => return Ok(invalid(PARSE_ERROR, reason)),
            Headers::Length(length) => length,
        };
        if length > MAX_BODY {
            self.skip_quietly = true;
            return Ok(invalid(
                PARSE_ERROR,
                format!("Content-Length {length} is groter dan {MAX_BODY}; bericht overgeslagen"),
            ));
        }
        let mut body = Vec::new();
        <&mut R as Read>::take(&mut self.input, length).read_to_end(&mut body)?;
        if (body.len() as u64) < length {
            return Ok(Frame::End);
        }
        Ok(parse_body(&body))
    }

    /// Reads header lines up to the empty line.
    fn read_headers(&mut self) -> io::Result<Headers> {
        let (mut length, mut problem) = match self.pending.take() {
            Some(Ok(n)) => (Some(n), None),
            Some(Err(reason)) => (None, Some(reason)),
            None => (None, None),
        };
        let mut seen = length.is_some() || problem.is_some();
        let mut line = Vec::new();
        loop {
            line.clear();
            let read = <&mut R as Read>::take(&mut self.input, MAX_HEADER_LINE)
                .read_until(b'\n', &mut line)?;
            if read == 0 {
                return Ok(problem.map_or(Headers::End, Headers::Invalid));
            }
            let text = String::from_utf8_lossy(&line);
            if self.skip_quietly || problem.is_some() {
                if let Some(found) = length_in(&text) {
                    self.skip_quietly = false;
                    if let Some(reason) = problem {
                        self.pending = Some(found);
                        return Ok(Headers::Invalid(reason));
                    }
                    seen = true;
                    match found {
                        Ok(n) => length = Some(n),
                        Err(reason) => problem = Some(reason),
                    }
                }
                continue;
            }
            if !line.ends_with(b"\n") && read as u64 == MAX_HEADER_LINE {
                problem = Some("te lange kopregel".into());
                continue;
            }
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                match length {
                    Some(n) => return Ok(Headers::Length(n)),
                    // Blank lines between messages are harmless.
                    None if !seen => continue,
                    None => problem = Some("geen Content-Length in de kop".into()),
                }
                continue;
            }
            seen = true;
            match header(text) {
                Some((name, value)) if name == "content-length" => match length_value(value) {
                    Ok(n) => length = Some(n),
                    Err(reason) => problem = Some(reason),
                },
                Some(_) => {}
                None => {
                    let reason = format!("geen geldige kopregel: {:?}", truncate(text));
                    // A body sent without a header runs into the next header.
                    if let Some(found) = length_in(text) {
                        self.pending = Some(found);
                        return Ok(Headers::Invalid(reason));
                    }
                    problem = Some(reason);
                }
            }
        }
    }
}

/// Reads all of `data` as framed input and checks what a client may rely
/// on: no panic, no read error, each frame a message or an answer with
/// [`PARSE_ERROR`] or [`INVALID_REQUEST`], and progress (no more frames
/// than bytes). Returns the messages read. The fuzz target
/// `fuzz/fuzz_targets/lsp_framing.rs` and the property tests below run it.
#[doc(hidden)]
pub fn check_frames(data: &[u8]) -> Vec<Message> {
    let mut reader = FrameReader::new(data);
    let mut messages = Vec::new();
    for _ in 0..=data.len() + 1 {
        match reader.next_frame() {
            Ok(Frame::End) => return messages,
            Ok(Frame::Message(message)) => messages.push(message),
            Ok(Frame::Invalid { code, .. }) => {
                assert!(code == PARSE_ERROR || code == INVALID_REQUEST, "{code}");
            }
            Err(e) => panic!("reading from memory failed: {e}"),
        }
    }
    panic!("more frames than bytes: the reader makes no progress");
}

fn invalid(code: i32, reason: String) -> Frame {
    Frame::Invalid { code, reason }
}

/// A body as a message, or why it is none.
fn parse_body(body: &[u8]) -> Frame {
    let value: serde_json::Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(e) => return invalid(PARSE_ERROR, format!("geen geldige JSON: {e}")),
    };
    if !value.is_object() {
        return invalid(
            INVALID_REQUEST,
            "het bericht is geen JSON-object (een lijst van berichten wordt niet ondersteund)"
                .into(),
        );
    }
    match serde_json::from_value(value) {
        Ok(message) => Frame::Message(message),
        Err(e) => invalid(INVALID_REQUEST, format!("geen LSP-bericht: {e}")),
    }
}

enum Headers {
    Length(u64),
    Invalid(String),
    End,
}

/// The value of a `Content-Length:` header anywhere in `text` (a bad
/// message's body may run into the next header on the same line).
fn length_in(text: &str) -> Option<Result<u64, String>> {
    const NAME: &str = "content-length:";
    let at = text.to_ascii_lowercase().find(NAME)?;
    // The name is ASCII, so the offset is one in `text` too.
    Some(length_value(&text[at + NAME.len()..]))
}

/// A `Content-Length` value: a whole number, else why not.
fn length_value(value: &str) -> Result<u64, String> {
    let value = value.trim();
    value
        .parse::<u64>()
        .map_err(|_| format!("ongeldige Content-Length: {:?}", truncate(value)))
}

/// `Name: value`, the name in lower case.
fn header(line: &str) -> Option<(String, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim();
    let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    token.then(|| (name.to_ascii_lowercase(), value))
}

fn truncate(text: &str) -> String {
    text.chars().take(60).collect()
}

/// Writes one message with its header, as one write under the lock of
/// `out`, so an error answer from the reader never splits a message of
/// the writer.
fn write_framed(out: &io::Stdout, body: &[u8]) -> io::Result<()> {
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(body);
    let mut out = out.lock();
    out.write_all(&framed)?;
    out.flush()
}

/// The error answer to input that is not a message (`id` null, as JSON-RPC
/// asks when the id could not be read).
fn error_answer(code: i32, reason: &str) -> Vec<u8> {
    serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": reason },
    })
    .to_string()
    .into_bytes()
}

/// The threads that read stdin and write stdout.
pub(super) struct Threads {
    reader: thread::JoinHandle<io::Result<()>>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl Threads {
    /// Waits for both threads (the reader ends at `exit` or end of input,
    /// the writer when the server drops its connection).
    pub(super) fn join(self) -> io::Result<()> {
        let joined = |r: thread::Result<io::Result<()>>| {
            r.unwrap_or_else(|_| Err(io::Error::other("a thread of the server panicked")))
        };
        joined(self.reader.join())?;
        joined(self.writer.join())
    }
}

/// A connection over stdin/stdout with this module's framing.
pub(super) fn stdio() -> (Connection, Threads) {
    let (server, client) = Connection::memory();
    let Connection {
        sender: to_server,
        receiver: from_server,
    } = client;
    let reader = thread::spawn(move || {
        let mut frames = FrameReader::new(io::stdin().lock());
        loop {
            match frames.next_frame()? {
                Frame::End => return Ok(()),
                Frame::Invalid { code, reason } => {
                    write_framed(&io::stdout(), &error_answer(code, &reason))?;
                }
                Frame::Message(message) => {
                    let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                    if to_server.send(message).is_err() || exit {
                        return Ok(());
                    }
                }
            }
        }
    });
    let writer = thread::spawn(move || {
        for message in from_server {
            let mut body = Vec::new();
            message.write(&mut body)?;
            // `Message::write` frames it already: write it as one piece.
            let mut out = io::stdout().lock();
            out.write_all(&body)?;
            out.flush()?;
        }
        Ok(())
    });
    (server, Threads { reader, writer })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut reader = FrameReader::new(input);
        let mut out = Vec::new();
        loop {
            match reader.next_frame().unwrap() {
                Frame::End => return out,
                Frame::Invalid { code, .. } => out.push(code.to_string()),
                Frame::Message(Message::Notification(n)) => out.push(n.method),
                Frame::Message(other) => out.push(format!("{other:?}")),
            }
            assert!(out.len() < 1000, "no progress");
        }
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    const GOOD: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    /// One piece of framing, good or bad, and whether it claims more body
    /// than it has (then it swallows the start of what follows).
    fn piece() -> impl proptest::strategy::Strategy<Value = (Vec<u8>, bool)> {
        use proptest::prelude::*;
        // A header with the value `v` and the body `{}`.
        let with_value = |v: String| {
            let swallows = length_value(&v).is_ok_and(|n| n > 2 && n <= MAX_BODY);
            (
                format!("Content-Length: {v}\r\n\r\n{{}}").into_bytes(),
                swallows,
            )
        };
        prop_oneof![
            Just((framed(GOOD).into_bytes(), false)),
            any::<u64>().prop_map(move |n| with_value(n.to_string())),
            (MAX_BODY + 1..u64::MAX).prop_map(move |n| with_value(n.to_string())),
            "[-+a-z0-9 ]{0,30}".prop_map(with_value),
            "[ -~]{0,40}".prop_map(|body| (framed(&body).into_bytes(), false)),
            // Random bytes on their own line, without a header's end.
            proptest::collection::vec(
                any::<u8>().prop_filter("no line end", |b| *b != b'\r' && *b != b'\n'),
                0..60
            )
            .prop_map(|mut bytes| {
                bytes.extend_from_slice(b"\r\n\r\n");
                (bytes, false)
            }),
            // A message cut short: its length claims more than follows.
            Just((b"Content-Length: 4000\r\n\r\n{\"jsonrpc\"".to_vec(), true)),
        ]
    }

    #[test]
    fn bad_framing_is_answered_and_the_next_message_is_read() {
        let cases = [
            ("Content-Length: abc\r\n\r\n{}".to_string(), "-32700"),
            ("Content-Length: -5\r\n\r\n{}".to_string(), "-32700"),
            (framed(r#"{"jsonrpc":"2.0","meth"#), "-32700"),
            (framed("[1, 2]"), "-32600"),
            (framed(r#"{"a": 1}"#), "-32600"),
            (GOOD.to_string(), "-32700"),
            (
                "Content-Length: 99999999999999\r\n\r\n{}".to_string(),
                "-32700",
            ),
            (
                "Content-Length: 18446744073709551615\r\n\r\n{}".to_string(),
                "-32700",
            ),
            (
                "Content-Length: 99999999999999999999999\r\n\r\n".to_string(),
                "-32700",
            ),
        ];
        for (bad, code) in cases {
            let input = format!("{bad}{}", framed(GOOD));
            assert_eq!(frames(input.as_bytes()), [code, "initialized"], "{bad:?}");
        }
    }

    #[test]
    fn a_truncated_message_ends_the_input() {
        assert_eq!(
            frames(b"Content-Length: 50\r\n\r\n{\"a\""),
            Vec::<String>::new()
        );
    }

    proptest::proptest! {
        /// Any bytes before a good message: the reader never panics, never
        /// allocates for a claimed length, and still reads the message
        /// (unless the garbage ends in the middle of a header or claims a
        /// body that swallows it).
        #[test]
        fn garbage_never_stops_the_reader(garbage in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300)) {
            let mut input = garbage.clone();
            input.extend_from_slice(b"\r\n\r\n");
            input.extend_from_slice(framed(GOOD).as_bytes());
            let read = frames(&input);
            let lossy = String::from_utf8_lossy(&garbage).to_ascii_lowercase();
            if !lossy.contains("content-length") && !lossy.contains('\r') && !lossy.contains('\n') {
                proptest::prop_assert_eq!(read.last().map(String::as_str), Some("initialized"));
            }
        }

        /// Random pieces of framing in any order (good messages, lengths
        /// that are huge, negative or not numbers, bodies that are not JSON,
        /// random bytes, and messages cut short): never a panic, every
        /// frame a message or an answer, and the good message at the end
        /// arrives unless a length longer than its body swallowed it.
        #[test]
        fn any_framing_is_answered_or_skipped(pieces in proptest::collection::vec(piece(), 0..12)) {
            let mut input = Vec::new();
            for (piece, _) in &pieces {
                input.extend_from_slice(piece);
            }
            input.extend_from_slice(framed(GOOD).as_bytes());
            let messages = check_frames(&input);
            if !pieces.iter().any(|(_, swallows)| *swallows) {
                proptest::prop_assert!(!messages.is_empty(), "{:?}", String::from_utf8_lossy(&input));
            }
        }

        /// Good messages with bad ones between them: every good one arrives.
        #[test]
        fn good_messages_survive_bad_neighbours(bad in proptest::collection::vec("[ -~]{0,40}", 1..8)) {
            let mut input = String::new();
            for b in &bad {
                input.push_str(&framed(GOOD));
                input.push_str(&framed(b));
            }
            input.push_str(&framed(GOOD));
            let read = frames(input.as_bytes());
            let good = read.iter().filter(|f| *f == "initialized").count();
            proptest::prop_assert!(good > bad.len(), "{:?}", read);
        }
    }
}
