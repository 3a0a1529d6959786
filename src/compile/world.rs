//! The compiler's view of the world for one document: the generated main
//! file, the template assets held in memory, the embedded fonts and a fixed
//! date. Nothing else exists for it: no disk, no packages, no network.

use std::collections::{BTreeMap, HashMap};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_kit::fonts::FontStore;

/// What every document of a run shares: library, fonts and template assets.
pub struct Engine {
    library: LazyHash<Library>,
    fonts: FontStore,
    assets: HashMap<FileId, Asset>,
}

enum Asset {
    Source(Source),
    Binary(Bytes),
}

/// The virtual path of every document's main file. Using one path for all
/// documents keeps typst's file-id table small and lets its memoization
/// reuse work between documents.
pub const MAIN: &str = "/main.typ";

impl Engine {
    /// Builds the engine from the template assets (`name` → contents); `.typ`
    /// assets can be imported, others (images) read.
    pub fn new(assets: &BTreeMap<String, Vec<u8>>) -> Engine {
        let assets = assets
            .iter()
            .filter_map(|(name, bytes)| {
                let id = file_id(&format!("/{name}"))?;
                let asset = match std::str::from_utf8(bytes) {
                    Ok(text) if name.ends_with(".typ") => {
                        Asset::Source(Source::new(id, text.into()))
                    }
                    _ => Asset::Binary(Bytes::new(bytes.clone())),
                };
                Some((id, asset))
            })
            .collect();
        Engine {
            library: LazyHash::new(Library::default()),
            fonts: super::fonts::store(),
            assets,
        }
    }
}

fn file_id(path: &str) -> Option<FileId> {
    Some(RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).ok()?).intern())
}

/// One document's world.
pub(super) struct DocWorld<'a> {
    engine: &'a Engine,
    main: Source,
    today: Datetime,
}

impl<'a> DocWorld<'a> {
    /// A world whose main file is `source`, and whose `today` is `today`.
    pub(super) fn new(engine: &'a Engine, source: String, today: Datetime) -> DocWorld<'a> {
        let id = file_id(MAIN).expect("the main path is valid");
        DocWorld {
            engine,
            main: Source::new(id, source),
            today,
        }
    }
}

impl World for DocWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.engine.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.engine.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        match self.engine.assets.get(&id) {
            Some(Asset::Source(source)) => Ok(source.clone()),
            Some(Asset::Binary(_)) => Err(FileError::InvalidUtf8),
            None => Err(refuse(id)),
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        match self.engine.assets.get(&id) {
            Some(Asset::Source(source)) => Ok(Bytes::from_string(source.text().to_string())),
            Some(Asset::Binary(bytes)) => Ok(bytes.clone()),
            None => Err(refuse(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.engine.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

/// The error for anything outside the templates: a package, a file on disk.
fn refuse(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(_) => FileError::Other(Some(
            "packages are disabled: pva never downloads; put the file in templates/".into(),
        )),
        VirtualRoot::Project => FileError::Other(Some(
            format!(
                "{} is geen sjabloonbestand: sjablonen mogen alleen bestanden uit de map templates/ gebruiken",
                id.vpath().get_with_slash()
            )
            .into(),
        )),
    }
}
