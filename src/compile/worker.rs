//! Compiling in child processes with bounds. A project's own template
//! (`templates/`) is code the project runs, and typst code can loop or grow
//! without end (`#for i in range(200000000) {}` passes 4 GB). So a build
//! compiles in workers: the same `pva` binary started as `pva compile-worker`,
//! one per build thread, each holding its own [`Engine`] (so typst's
//! memoization still works across the documents it compiles). A worker
//! limits its own address space (`RLIMIT_AS`, on Unix); the parent gives
//! each document a wall-clock limit and kills the worker when it is over.
//! The document in flight fails alone; the next one gets a fresh worker.
//!
//! The worker runs the document's Tera template as well as typst: a Tera
//! template can loop without end too (`range(end=…)` builds its whole
//! list first), and a template's output is only as bounded as its run.
//!
//! Besides whole documents, a worker renders only (the check of a signed
//! document's recorded layout hashes the Typst source its template gives)
//! or compiles only (`pva riv`'s bound copy, whose source pva writes but
//! which holds the parts' sources, so a looping template loops there too),
//! or renders the pages of a PDF as PNG images (`pva riv` binds signed
//! copies and received PDFs, scans the user put there, into the bound
//! copy: a broken or hostile PDF may loop or grow in the renderer).
//!
//! The protocol on the worker's stdin and stdout is a message per job: a
//! count of fields, then each field as its length (u64, little-endian) and
//! its bytes. The first message holds the template files (name, bytes, …);
//! a job is `["make", template, context as JSON, suffix, date, ident,
//! keyword…]`, `["render", template, context as JSON, suffix]` or
//! `["compile", source, date, ident, keyword…]` or `["pages", pdf]`; a
//! reply is `["ok", pdf, source]` (the PDF empty for "render", the source
//! for "compile"), `["pages", png…]` (`["unreadable"]` when the PDF cannot
//! be read), `["template", name, message]` or `["error", message…]`.

use std::collections::BTreeMap;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use typst::foundations::Datetime;

use super::pdf::{CompileError, Pdf, compile};
use super::world::Engine;
use crate::render::{Prepared, TemplateError, Templates};

/// The bounds of compiling one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounds {
    /// The `pva` binary to start as `pva compile-worker`.
    pub exe: PathBuf,
    /// Wall-clock seconds one document may take.
    pub seconds: u64,
    /// Megabytes of address space a worker may use (Unix only).
    pub memory_mb: u64,
}

/// The hidden subcommand that runs a worker.
pub const SUBCOMMAND: &str = "compile-worker";

/// Why a document compiled in a worker has no PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bounded {
    /// The document's template could not be rendered (Tera's words).
    Template {
        /// The template name.
        name: String,
        /// Tera's message.
        message: String,
    },
    /// Typst reported errors.
    Compile(CompileError),
    /// Over the time limit: the worker was stopped.
    TooSlow {
        /// The limit in seconds.
        seconds: u64,
    },
    /// Over the memory limit: an allocation failed and the worker stopped.
    TooBig {
        /// The limit in megabytes.
        memory_mb: u64,
    },
    /// The worker could not be started or stopped unexpectedly.
    Crashed(String),
}

/// How often the parent looks at a busy worker's memory. A document takes
/// about 7 ms, so most replies come before the first look.
const POLL: Duration = Duration::from_millis(20);

/// Address space a worker reserves besides what it uses: mimalloc reserves
/// a 1 GiB arena up front, and the binary and threads add 0.3 GB (measured
/// in /proc: 1.3 GB of address space for 60–100 MB resident).
#[cfg(unix)]
const RESERVED_MB: u64 = 2048;

/// Documents a worker compiles between two evictions of typst's cache (two
/// workers evict about as often as the in-process build's chunks of 32).
const EVICT_EVERY: usize = 16;

/// Cache entries unused for this many rounds are dropped.
const CACHE_AGE: usize = 2;

/// Workers for one build, started when first needed.
pub struct Pool {
    bounds: Bounds,
    /// The first message every worker gets: the template files.
    init: Vec<Vec<u8>>,
    idle: Mutex<Vec<Worker>>,
}

impl Pool {
    /// A pool that will start workers with `templates`.
    pub fn new(bounds: Bounds, templates: &Templates) -> Pool {
        Pool::with_files(bounds, templates.files())
    }

    /// A pool whose workers get `files` as their templates and assets
    /// (`pva riv`'s bound copy adds the pages of signed copies as images).
    pub fn with_files(bounds: Bounds, files: &BTreeMap<String, Vec<u8>>) -> Pool {
        let init = files
            .iter()
            .flat_map(|(name, bytes)| [name.as_bytes().to_vec(), bytes.clone()])
            .collect();
        Pool {
            bounds,
            init,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// The time limit of one job, in seconds.
    pub fn seconds(&self) -> u64 {
        self.bounds.seconds
    }

    /// Renders `prepared` and compiles it like [`compile`], in a worker,
    /// within the bounds: the PDF and the Typst source it was made from.
    pub fn make(
        &self,
        prepared: &Prepared,
        date: Datetime,
        ident: &str,
        keywords: &[String],
    ) -> Result<(Pdf, String), Bounded> {
        let mut job = vec![b"make".to_vec()];
        job.extend(prepared_fields(prepared));
        job.extend(pdf_fields(date, ident, keywords));
        self.run(&job)
    }

    /// Renders `prepared` only, in a worker, within the bounds: the Typst
    /// source, as [`Prepared::render`] gives it.
    pub fn render(&self, prepared: &Prepared) -> Result<String, Bounded> {
        let mut job = vec![b"render".to_vec()];
        job.extend(prepared_fields(prepared));
        self.run(&job).map(|(_, source)| source)
    }

    /// Compiles `source` like [`compile`], in a worker, within the bounds.
    pub fn compile(
        &self,
        source: &str,
        date: Datetime,
        ident: &str,
        keywords: &[String],
    ) -> Result<Pdf, Bounded> {
        let mut job = vec![b"compile".to_vec(), source.as_bytes().to_vec()];
        job.extend(pdf_fields(date, ident, keywords));
        self.run(&job).map(|(pdf, _)| pdf)
    }

    /// The pages of `pdf` rendered as PNG images like
    /// [`super::pdf_pages_as_png`], in a worker, within the bounds: `None`
    /// when the PDF cannot be read.
    pub fn pages(&self, pdf: &[u8]) -> Result<Option<Vec<Vec<u8>>>, Bounded> {
        let mut reply = self.run_raw(&[b"pages".to_vec(), pdf.to_vec()])?;
        match reply.first().map(Vec::as_slice) {
            Some(b"pages") => Ok(Some(reply.split_off(1))),
            Some(b"unreadable") => Ok(None),
            _ => decode_reply(reply).map(|_| None),
        }
    }

    /// Runs `job` in an idle worker or a new one.
    fn run(&self, job: &[Vec<u8>]) -> Result<(Pdf, String), Bounded> {
        self.run_raw(job).and_then(decode_reply)
    }

    /// Runs `job` in an idle worker or a new one: the worker's reply.
    fn run_raw(&self, job: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, Bounded> {
        let mut worker = match self.take() {
            Some(worker) => worker,
            None => Worker::start(&self.bounds, &self.init)
                .map_err(|e| Bounded::Crashed(format!("kon {} niet starten: {e}", SUBCOMMAND)))?,
        };
        let result = worker.run(job, &self.bounds);
        // A worker that failed is gone; the next document starts a new one.
        if result.is_ok() {
            self.give_back(worker);
        }
        result
    }

    fn take(&self) -> Option<Worker> {
        self.idle.lock().ok()?.pop()
    }

    fn give_back(&self, worker: Worker) {
        if let Ok(mut idle) = self.idle.lock() {
            idle.push(worker);
        }
    }
}

/// The fields of a job that name a template and its values.
fn prepared_fields(prepared: &Prepared) -> [Vec<u8>; 3] {
    [
        prepared.template.as_bytes().to_vec(),
        crate::render::wire::encode(&prepared.values).into_bytes(),
        prepared.suffix.as_bytes().to_vec(),
    ]
}

/// The fields of a job that the PDF needs besides its source.
fn pdf_fields(date: Datetime, ident: &str, keywords: &[String]) -> Vec<Vec<u8>> {
    let mut fields = vec![encode_date(date).into_bytes(), ident.as_bytes().to_vec()];
    fields.extend(keywords.iter().map(|k| k.as_bytes().to_vec()));
    fields
}

/// One running worker.
struct Worker {
    child: Child,
    stdin: BufWriter<ChildStdin>,
    replies: Receiver<io::Result<Vec<Vec<u8>>>>,
    /// What the worker wrote to stderr (the allocator's last words).
    stderr: Arc<Mutex<Vec<u8>>>,
}

impl Worker {
    fn start(bounds: &Bounds, init: &[Vec<u8>]) -> io::Result<Worker> {
        let mut child = Command::new(&bounds.exe)
            .arg(SUBCOMMAND)
            .arg(bounds.memory_mb.to_string())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let (Some(stdin), Some(stdout), Some(mut err)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(io::Error::other("no pipes to the worker"));
        };
        let (send, replies) = mpsc::channel();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            // Ends when the worker's stdout closes (it exited or was killed).
            while let Some(reply) = read_message(&mut stdout).transpose() {
                if send.send(reply).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let collected = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = err.read(&mut buf) {
                if let Ok(mut all) = collected.lock()
                    && all.len() < 64 * 1024
                {
                    all.extend_from_slice(&buf[..n]);
                }
            }
        });
        let mut worker = Worker {
            child,
            stdin: BufWriter::new(stdin),
            replies,
            stderr,
        };
        write_message(&mut worker.stdin, init)?;
        Ok(worker)
    }

    /// Sends `job` and waits for its reply, at most the time limit.
    fn run(&mut self, job: &[Vec<u8>], bounds: &Bounds) -> Result<Vec<Vec<u8>>, Bounded> {
        let deadline = Instant::now() + Duration::from_secs(bounds.seconds);
        if write_message(&mut self.stdin, job).is_err() {
            return Err(self.died(bounds));
        }
        let limit = bounds.memory_mb.saturating_mul(1024 * 1024);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(left.min(POLL)) {
                Ok(Ok(reply)) => return Ok(reply),
                Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => return Err(self.died(bounds)),
                Err(RecvTimeoutError::Timeout) if left <= POLL => {
                    self.stop();
                    return Err(Bounded::TooSlow {
                        seconds: bounds.seconds,
                    });
                }
                Err(RecvTimeoutError::Timeout) => {
                    if resident_bytes(self.child.id()).is_some_and(|used| used > limit) {
                        self.stop();
                        return Err(Bounded::TooBig {
                            memory_mb: bounds.memory_mb,
                        });
                    }
                }
            }
        }
    }

    /// Why the worker stopped answering: out of memory, or a crash.
    fn died(&mut self, bounds: &Bounds) -> Bounded {
        // A worker whose reply could not be read may still run: wait a
        // moment for it to exit by itself, then stop it.
        let mut status = None;
        for _ in 0..100 {
            if let Ok(Some(exited)) = self.child.try_wait() {
                status = Some(exited);
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        if status.is_none() {
            self.stop();
        }
        // The stderr reader ends once the worker is gone; give it a moment.
        let mut said = String::new();
        for _ in 0..50 {
            said = self
                .stderr
                .lock()
                .map(|s| String::from_utf8_lossy(&s).into_owned())
                .unwrap_or_default();
            if !said.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        // Rust's allocation-failure message, or mimalloc's.
        if [
            "memory allocation of",
            "out of memory",
            "unable to allocate",
        ]
        .iter()
        .any(|words| said.contains(words))
        {
            return Bounded::TooBig {
                memory_mb: bounds.memory_mb,
            };
        }
        let status = status.map_or_else(|| "stopped".to_string(), |s| s.to_string());
        Bounded::Crashed(format!("{status}: {}", said.trim()))
    }

    fn stop(&mut self) {
        // Killing an exited process fails harmlessly.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        // Idle or stuck, the worker has nothing left to do.
        self.stop();
    }
}

fn decode_reply(mut reply: Vec<Vec<u8>>) -> Result<(Pdf, String), Bounded> {
    let tag = reply.first().map(Vec::as_slice);
    if tag == Some(b"ok") && reply.len() == 3 {
        let source = String::from_utf8_lossy(&reply.swap_remove(2)).into_owned();
        let bytes = reply.swap_remove(1);
        return Ok((Pdf { bytes }, source));
    }
    if tag == Some(b"template") && reply.len() == 3 {
        let text = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
        return Err(Bounded::Template {
            name: text(&reply[1]),
            message: text(&reply[2]),
        });
    }
    let messages = reply
        .iter()
        .skip(1)
        .map(|m| String::from_utf8_lossy(m).into_owned())
        .collect();
    Err(Bounded::Compile(CompileError { messages }))
}

/// Runs a worker on stdin and stdout until stdin closes. `memory_mb` bounds
/// its address space (on Unix).
pub fn serve(memory_mb: u64) -> io::Result<()> {
    limit_self(memory_mb);
    let mut input = BufReader::new(io::stdin().lock());
    let mut output = BufWriter::new(io::stdout().lock());
    let Some(init) = read_message(&mut input)? else {
        return Ok(());
    };
    let files: BTreeMap<String, Vec<u8>> = init
        .chunks_exact(2)
        .map(|pair| {
            (
                String::from_utf8_lossy(&pair[0]).into_owned(),
                pair[1].clone(),
            )
        })
        .collect();
    // The parent loaded the same files without error before it started us.
    let templates = Templates::from_files(files);
    // Made at the first job that compiles: a worker that only renders
    // (the layout check of `pva lint`) loads no fonts.
    let engine = std::cell::OnceCell::new();
    let mut done = 0;
    while let Some(job) = read_message(&mut input)? {
        if job.first().map(Vec::as_slice) == Some(b"pages") {
            let pages = job.get(1).and_then(|pdf| super::pdf_pages_as_png(pdf));
            let reply = match pages {
                Some(pages) => std::iter::once(b"pages".to_vec()).chain(pages).collect(),
                None => vec![b"unreadable".to_vec()],
            };
            write_message(&mut output, &reply)?;
            continue;
        }
        let made = match &templates {
            Ok(templates) => run_job(templates, &engine, job),
            Err(error) => Err(Bounded::Template {
                name: String::new(),
                message: error.to_string(),
            }),
        };
        let reply = match made {
            Ok((pdf, source)) => vec![b"ok".to_vec(), pdf.bytes, source.into_bytes()],
            Err(Bounded::Template { name, message }) => {
                vec![
                    b"template".to_vec(),
                    name.into_bytes(),
                    message.into_bytes(),
                ]
            }
            Err(Bounded::Compile(error)) => std::iter::once(b"error".to_vec())
                .chain(error.messages.into_iter().map(String::into_bytes))
                .collect(),
            Err(other) => vec![b"error".to_vec(), format!("{other:?}").into_bytes()],
        };
        write_message(&mut output, &reply)?;
        done += 1;
        if done % EVICT_EVERY == 0 {
            typst::comemo::evict(CACHE_AGE);
        }
    }
    Ok(())
}

/// Runs one job of the protocol (see the module's comment).
fn run_job(
    templates: &Templates,
    engine: &std::cell::OnceCell<Engine>,
    job: Vec<Vec<u8>>,
) -> Result<(Pdf, String), Bounded> {
    let bad = || {
        Bounded::Compile(CompileError {
            messages: vec!["pva compile-worker: een opdracht die het niet kan lezen".into()],
        })
    };
    let mut fields = job.into_iter().map(|f| String::from_utf8(f).ok());
    let what = fields.next().flatten().ok_or_else(bad)?;
    let mut next = || fields.next().flatten().ok_or_else(bad);
    let source = match what.as_str() {
        "make" | "render" => {
            let template = next()?;
            let context = crate::render::wire::decode(&next()?).ok_or_else(bad)?;
            let suffix = next()?;
            let mut source =
                templates
                    .render_name(&template, &context)
                    .map_err(|error| match error {
                        TemplateError::Tera { name, message } => {
                            Bounded::Template { name, message }
                        }
                        other => Bounded::Template {
                            name: template.clone(),
                            message: other.to_string(),
                        },
                    })?;
            source.push_str(&suffix);
            if what == "render" {
                return Ok((Pdf { bytes: Vec::new() }, source));
            }
            source
        }
        "compile" => next()?,
        _ => return Err(bad()),
    };
    let date = decode_date(&next()?).ok_or_else(bad)?;
    let ident = next()?;
    let keywords: Option<Vec<String>> = fields.collect();
    let keywords = keywords.ok_or_else(bad)?;
    let engine = engine.get_or_init(|| Engine::new(&templates.assets()));
    let pdf = compile(engine, source.clone(), date, &ident, &keywords).map_err(Bounded::Compile)?;
    Ok((pdf, source))
}

/// The memory a worker holds (its resident set), where the system says
/// (Linux: `/proc/PID/status`). The parent stops a worker over the limit.
fn resident_bytes(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The worker bounds its own address space as well, beyond what it
/// reserves without using (`RESERVED_MB`): on a Unix without `/proc` an
/// allocation over that fails (and the allocator aborts, saying so on
/// stderr). On Linux it also dies with its parent, so a killed build
/// leaves no worker running.
#[cfg(unix)]
fn limit_self(memory_mb: u64) {
    let bytes = memory_mb
        .saturating_add(RESERVED_MB)
        .saturating_mul(1024 * 1024) as libc::rlim_t;
    let limit = libc::rlimit {
        rlim_cur: bytes,
        rlim_max: bytes,
    };
    // SAFETY: setrlimit reads the struct we pass; it touches no Rust memory.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &limit);
    }
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_PDEATHSIG takes a signal number, nothing else.
    unsafe {
        libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
    }
}

/// Windows has no `RLIMIT_AS`: there the time limit holds, the memory limit
/// does not (docs/performance.md says so).
#[cfg(not(unix))]
fn limit_self(_memory_mb: u64) {}

fn encode_date(date: Datetime) -> String {
    format!(
        "{} {} {} {} {} {}",
        date.year().unwrap_or(1980),
        date.month().unwrap_or(1),
        date.day().unwrap_or(1),
        date.hour().unwrap_or(0),
        date.minute().unwrap_or(0),
        date.second().unwrap_or(0)
    )
}

fn decode_date(text: &str) -> Option<Datetime> {
    let parts: Vec<i64> = text
        .split(' ')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [y, mo, d, h, mi, s] = parts[..] else {
        return None;
    };
    let small = |v: i64| u8::try_from(v).ok();
    Datetime::from_ymd_hms(
        i32::try_from(y).ok()?,
        small(mo)?,
        small(d)?,
        small(h)?,
        small(mi)?,
        small(s)?,
    )
}

/// Fields of one message above this are refused: no PDF or source is near it.
const MAX_FIELD: u64 = 1 << 30;

fn write_message(out: &mut impl Write, fields: &[Vec<u8>]) -> io::Result<()> {
    out.write_all(&(fields.len() as u64).to_le_bytes())?;
    for field in fields {
        out.write_all(&(field.len() as u64).to_le_bytes())?;
        out.write_all(field)?;
    }
    out.flush()
}

/// Reads one message; `None` at the end of the input.
fn read_message(input: &mut impl Read) -> io::Result<Option<Vec<Vec<u8>>>> {
    let mut word = [0u8; 8];
    match input.read_exact(&mut word) {
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        other => other?,
    }
    let count = u64::from_le_bytes(word);
    let mut fields = Vec::new();
    for _ in 0..count {
        input.read_exact(&mut word)?;
        let len = u64::from_le_bytes(word);
        if len > MAX_FIELD {
            return Err(io::Error::other(
                "a field of the worker protocol is too long",
            ));
        }
        let mut field = vec![0; len as usize];
        input.read_exact(&mut field)?;
        fields.push(field);
    }
    Ok(Some(fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip() {
        let fields = vec![b"ok".to_vec(), vec![], vec![0, 1, 2, 255]];
        let mut buf = Vec::new();
        write_message(&mut buf, &fields).expect("write");
        let mut input = &buf[..];
        assert_eq!(read_message(&mut input).expect("read"), Some(fields));
        assert_eq!(read_message(&mut input).expect("end"), None);
    }

    #[test]
    fn dates_round_trip() {
        let date = Datetime::from_ymd_hms(2026, 11, 23, 0, 0, 0).expect("date");
        assert_eq!(decode_date(&encode_date(date)), Some(date));
    }
}
