//! The phone data: every region's metadata and its number patterns, where they come from and
//! how a page loads them.
//!
//! # The files
//!
//! `scripts/phone-data.mjs` generates them from libphonenumber-js into `www/phone/`; the release
//! build copies them to `dist/phone/`, beside `element.js` (and `wasm/`). They are UTF-8 text;
//! lines starting with `#` are comments, except the header line each file has, which the
//! decoder checks: a file of another kind, format or version (a stale cache) is refused, and the
//! widget goes on without it.
//!
//! - `metadata.txt` (about 3.4 KB gzip; header `# phone-otp metadata <format> <libphonenumber-js
//!   version>`, the third line): what parsing, the calling codes and the country list need. A
//!   line of the regions' ISO codes (`US;AG;…`, in the lines' order: apart from the lines,
//!   where they break what gzip finds alike, they cost 400 B less), then one line per region:
//!   `calling code;international prefix;national prefix;national prefix for parsing;its
//!   transform;leading digits;national number pattern of a shared region;possible lengths` (see
//!   [`super::Region`]). Regions that share a calling code follow each other, the main region
//!   first.
//! - `cc/<calling code>.txt` (0.2 to 2.4 KB gzip each, 206 files; header `# phone-otp
//!   calling-code <format> <version> <calling code>`): a line per region of that calling code,
//!   in the order of `metadata.txt`: its formats, a tab, then its number patterns.
//!   - Formats are `;`-separated, each `group sizes!national layout!leading digits!national
//!     prefix rule!international layout[!typed layout[!1 when not for a number typed with its
//!     national prefix]]` (see [`super::Format`]).
//!   - Patterns are `national number pattern;fixed line;mobile;toll free;premium rate;personal;
//!     voicemail;UAN;pager;VoIP;shared cost`, each type `pattern` or `pattern!lengths` when the
//!     lengths it checks differ from the region's; empty for a type the region does not have
//!     (trailing empty fields are left out). The national number pattern is empty where the
//!     types decide alone (see [`RegionPatterns::general`]).
//!
//! Formats and patterns come a calling code at a time because a verification needs one: a page
//! loads `metadata.txt` (3.4 KB) and the file of the calling code being typed (2.4 KB at most,
//! for +1), not every region's 30 KB.
//!
//! Patterns are spelt short, as [`super::pattern`] reads them: `d` for `\d`, and `(…)` for
//! `(?:…)` where no one reads a group's digits (all but the prefix for parsing).
//!
//! # Loading
//!
//! With the `phone-metadata` feature (a default: native tests and Rust apps) the files are
//! compiled in and there is nothing to load. Without it (the script-tag and npm bundles),
//! JavaScript fetches `metadata.txt` relative to the script, in parallel with the wasm, and hands
//! the text to [`install`] before the widget mounts (the wasm export is
//! `crate::element::install_phone_data(text)`); the widget asks for a calling code's file when a
//! region of it is chosen or typed ([`wanted`]), and it is installed the same way.
//!
//! Nothing waits for them. Before `metadata.txt`, [`super::Region::all`] is empty and
//! [`super::Region::default`] (the United States) is the only region; if it never comes (a
//! failed fetch), only numbers typed with their country code can be sent (see
//! [`super::validate::international`]), and the hint says so. Before a calling code's file (or
//! without it, when its fetch failed) its regions' numbers are not formatted and only their
//! lengths are checked; with it, [`super::validate`] checks the region's patterns and knows the
//! number type ([`patterns`] is `None` only while there is no metadata).
//!
//! ```
//! use phone_otp::phone::data;
//! // Compiled in here (default features); a second install is refused.
//! assert!(data::patterns().is_some());
//! assert!(data::install("# phone-otp metadata 6 0.0\n".into()).is_err());
//! assert!(!data::wanted("44"));
//! ```

use super::generated::VERSION;
use std::cell::RefCell;
use std::sync::OnceLock;

pub use super::generated::VERSION as LIBPHONENUMBER_JS;

/// Why a data file was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataError {
    /// Not a file of this kind, format and version (its header line is not the expected one).
    Header,
    /// The data is already there (compiled in or installed before).
    Installed,
}

/// The format of the files, in their headers (with the spaces around it): 6 is the metadata
/// and a file per calling code.
const FORMAT: &str = " 6 ";

static METADATA: OnceLock<&'static str> = OnceLock::new();
thread_local! {
    /// The calling codes' files installed so far: `(calling code, its text)`. Per thread, as
    /// the page has one; a `Mutex` costs the wasm its poisoning and panic paths.
    static INSTALLED: RefCell<Vec<(&'static str, &'static str)>> = const { RefCell::new(Vec::new()) };
}

#[cfg(feature = "phone-metadata")]
const METADATA_FILE: Option<&str> = Some(include_str!("../../www/phone/metadata.txt"));
#[cfg(not(feature = "phone-metadata"))]
const METADATA_FILE: Option<&str> = None;

/// The metadata text, compiled in or installed; `None` while it is not loaded.
pub fn metadata() -> Option<&'static str> {
    METADATA.get().copied().or(METADATA_FILE)
}

/// The number patterns of the calling codes loaded so far; `None` while there is no metadata.
pub fn patterns() -> Option<Patterns> {
    metadata().map(|_| Patterns { file: None })
}

/// Takes the text of `metadata.txt` or of a calling code's file (`cc/<code>.txt`).
///
/// ```
/// use phone_otp::phone::data::{install, DataError};
/// assert_eq!(install("not phone data".into()), Err(DataError::Header));
/// ```
pub fn install(text: String) -> Result<(), DataError> {
    // Regions borrow from the text for the life of the page: each file is loaded once.
    let leak = |text: String| -> &'static str { Box::leak(text.into_boxed_str()) };
    match (code_of(&text), header(&text, "metadata")) {
        (Some(code), _) if calling_code(code).is_some() => Err(DataError::Installed),
        (Some(_), _) => {
            let text = leak(text);
            if let Some(code) = code_of(text) {
                INSTALLED.with(|i| i.borrow_mut().push((code, text)));
            }
            Ok(())
        }
        (None, Some("")) if metadata().is_none() => {
            METADATA.set(leak(text)).map_err(|_| DataError::Installed)
        }
        (None, Some("")) => Err(DataError::Installed),
        _ => Err(DataError::Header),
    }
}

/// Whether calling code `code`'s file should be fetched: the metadata has the calling code and
/// its file is not there yet.
///
/// ```
/// // Compiled in here (default features): nothing is wanted.
/// assert!(!phone_otp::phone::data::wanted("60"));
/// ```
pub fn wanted(code: &str) -> bool {
    calling_code(code).is_none() && super::Region::with_calling_code(code).next().is_some()
}

/// The region lines of calling code `code`'s file, when it is there.
fn calling_code(code: &str) -> Option<&'static str> {
    let find = |files: &[(&'static str, &'static str)]| {
        files
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, text)| *text)
    };
    find(compiled()).or_else(|| INSTALLED.with(|i| find(&i.borrow())))
}

/// The compiled-in calling codes' files, read once.
fn compiled() -> &'static [(&'static str, &'static str)] {
    #[cfg(feature = "phone-metadata")]
    {
        static FILES: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
        FILES.get_or_init(|| {
            super::generated::CALLING_CODES
                .iter()
                .filter_map(|text| Some((code_of(text)?, *text)))
                .collect()
        })
    }
    #[cfg(not(feature = "phone-metadata"))]
    {
        &[]
    }
}

/// The line of the `index`-th region (in the metadata's order) of calling code `code`: its
/// formats, a tab, its patterns; `None` while the calling code's file is not there.
pub(super) fn region_line(code: &str, index: usize) -> Option<&'static str> {
    body(calling_code(code)?).nth(index)
}

/// What follows `# phone-otp <kind> <format> <version>` on the file's header line (the first
/// that starts `# phone-otp `), when it is of this kind, format and version.
fn header<'a>(text: &'a str, kind: &str) -> Option<&'a str> {
    let line = text.lines().find(|l| l.starts_with("# phone-otp "))?;
    line.get(12..)?
        .strip_prefix(kind)?
        .strip_prefix(FORMAT)?
        .strip_prefix(VERSION)
}

/// The calling code of a calling code's file, when it is one of this format and version.
fn code_of(text: &str) -> Option<&str> {
    let code = header(text, "calling-code")?.strip_prefix(' ')?;
    (!code.is_empty() && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
}

/// The lines of a file that are not comments.
fn body(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
}

/// The number patterns: those of the calling codes loaded so far, or of one file read by
/// [`Patterns::decode`].
#[derive(Clone, Copy, Debug)]
pub struct Patterns {
    file: Option<(&'static str, &'static str)>,
}

/// One region's patterns: its whole national numbers, and those of each number type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegionPatterns {
    /// ISO code of the region.
    pub code: &'static str,
    /// The national number pattern: every valid number matches it. Empty where the number
    /// types decide alone (every type's numbers match it, and it agrees with the types on the
    /// numbers typed with the national prefix: `scripts/phone-data.mjs` proves it region by
    /// region; 14 of 245 keep theirs).
    pub general: &'static str,
    /// Each type's `(pattern, lengths)` in the file's order (see
    /// [`super::validate::NumberType::FIELDS`]); empty pattern for a type the region does not
    /// have, empty lengths for the region's own.
    pub types: [(&'static str, &'static str); 10],
}

impl Patterns {
    /// Takes the text of a calling code's file (`cc/<code>.txt`), when it is one of this format
    /// and version, as the patterns of that calling code alone. Its lines are read when a
    /// region's patterns are looked up: a line that cannot be read gives a region without
    /// patterns, whose numbers are then all invalid.
    pub fn decode(text: &'static str) -> Result<Patterns, DataError> {
        let code = code_of(text).ok_or(DataError::Header)?;
        Ok(Patterns {
            file: Some((code, text)),
        })
    }

    /// Whether the patterns of calling code `code` are there (its file is loaded).
    pub fn has(&self, code: &str) -> bool {
        match self.file {
            Some((c, _)) => c == code,
            None => calling_code(code).is_some(),
        }
    }

    /// The patterns of region `code` (upper case ISO).
    pub fn region(&self, code: &str) -> Option<RegionPatterns> {
        let region = super::Region::get(code)?;
        let line = match self.file {
            Some((c, text)) if c == region.calling_code => body(text).nth(region.index),
            Some(_) => None,
            None => region_line(region.calling_code, region.index),
        }?;
        let (_, patterns) = line.split_once('\t')?;
        let mut f = patterns.split(';');
        let general = f.next()?;
        let mut types = [("", ""); 10];
        for (slot, field) in types.iter_mut().zip(f.by_ref()) {
            *slot = field.split_once('!').unwrap_or((field, ""));
        }
        f.next().is_none().then_some(RegionPatterns {
            code: region.code,
            general,
            types,
        })
    }
}
