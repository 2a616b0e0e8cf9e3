//! The phone data: every region's metadata and its number patterns, where they come from and
//! how a page loads them.
//!
//! # The files
//!
//! `scripts/phone-data.mjs` generates both from libphonenumber-js into `www/phone/`; the release
//! build copies them to `dist/phone/`, beside `element.js` (and `wasm/`). Both are UTF-8 text, one
//! line per region, fields separated by `;`. Lines starting with `#` are comments, except that
//! the third line is the header `# phone-otp <kind> <format> <libphonenumber-js version>`, which
//! the decoder checks: a file of another kind, format or version (a stale cache) is refused, and
//! the widget goes on without it.
//!
//! - `metadata.txt` (about 10.5 KB gzip): what parsing and as-you-type need.
//!   `ISO;calling code;international prefix;national prefix;national prefix for parsing;its
//!   transform;leading digits;national number pattern of a shared region;possible lengths;formats…`,
//!   each format `group sizes!national layout!leading digits!national prefix rule!international
//!   layout[!typed layout[!1 when not for a number typed with its national prefix]]` (see [`super::Region`] and [`super::Format`]). Regions that share a calling code follow
//!   each other, the main region first.
//! - `patterns.txt` (about 22 KB gzip, format 2): what validation adds. `ISO;national number
//!   pattern;fixed line;mobile;toll free;premium rate;personal;voicemail;UAN;pager;VoIP;shared
//!   cost`, each type `pattern` or `pattern!lengths` when its lengths differ from the region's;
//!   empty for a type the region does not have (trailing empty fields are left out). The
//!   national number pattern is empty where the types decide alone (see
//!   [`RegionPatterns::general`]). Only what the metadata lacks: the regions, calling codes,
//!   lengths and formats are not repeated.
//!
//! Both files spell their patterns short, as [`super::pattern`] reads them: `d` for `\d`, and
//! `(…)` for `(?:…)` where no one reads a group's digits (all but the prefix for parsing).
//!
//! # Loading
//!
//! With the `phone-metadata` and `phone-patterns` features (both default: native tests and Rust
//! apps) the files are compiled in and there is nothing to load. Without them (the script-tag
//! and npm bundles), JavaScript fetches the files relative to the script, as it finds the wasm,
//! and hands the text to [`install_metadata`] / [`install_patterns`] (the wasm export is
//! `crate::element::install_phone_data(kind, text)`). Each may be installed once; neither blocks
//! anything:
//!
//! - before the metadata, [`super::Region::all`] is empty and [`super::Region::default`] (the United States) is
//!   the only region: the field takes input and formats nothing; if it never comes (a failed
//!   fetch), only numbers typed with their country code can be sent (see
//!   [`super::validate::international`]), and the hint says so;
//! - before the patterns, [`super::validate`] checks lengths only, as it always did; after, it
//!   checks each region's patterns and knows the number type.
//!
//! ```
//! use phone_otp::phone::data;
//! // Compiled in here (default features); a second install is refused.
//! assert!(data::patterns().is_some());
//! assert!(data::install_patterns("# phone-otp patterns 2 0.0\n".into()).is_err());
//! ```

use super::generated::VERSION;
use std::sync::OnceLock;

pub use super::generated::VERSION as LIBPHONENUMBER_JS;

/// Why a data file was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataError {
    /// Not a file of this kind, format and version (its third line is not the expected header).
    Header,
    /// The data is already there (compiled in or installed before).
    Installed,
}

static METADATA: OnceLock<&'static str> = OnceLock::new();
static PATTERNS_TEXT: OnceLock<&'static str> = OnceLock::new();

#[cfg(feature = "phone-metadata")]
const METADATA_FILE: Option<&str> = Some(include_str!("../../www/phone/metadata.txt"));
#[cfg(not(feature = "phone-metadata"))]
const METADATA_FILE: Option<&str> = None;
#[cfg(feature = "phone-patterns")]
const PATTERNS_FILE: Option<&str> = Some(include_str!("../../www/phone/patterns.txt"));
#[cfg(not(feature = "phone-patterns"))]
const PATTERNS_FILE: Option<&str> = None;

/// The metadata text, compiled in or installed; `None` while it is not loaded.
pub fn metadata() -> Option<&'static str> {
    METADATA.get().copied().or(METADATA_FILE)
}

/// The number patterns, compiled in or installed; `None` while they are not loaded.
pub fn patterns() -> Option<Patterns> {
    PATTERNS_TEXT
        .get()
        .copied()
        .or(PATTERNS_FILE)
        .map(|text| Patterns { text })
}

/// Takes the text of `metadata.txt`.
pub fn install_metadata(text: String) -> Result<(), DataError> {
    install(text, "metadata", &METADATA, metadata().is_some())
}

/// Takes the text of `patterns.txt`.
pub fn install_patterns(text: String) -> Result<(), DataError> {
    install(text, "patterns", &PATTERNS_TEXT, patterns().is_some())
}

fn install(
    text: String,
    kind: &str,
    slot: &OnceLock<&'static str>,
    there: bool,
) -> Result<(), DataError> {
    if there {
        return Err(DataError::Installed);
    }
    let _ = body(&text, kind)?;
    // Regions borrow from the text for the life of the page: it is loaded once.
    slot.set(Box::leak(text.into_boxed_str()))
        .map_err(|_| DataError::Installed)
}

/// The lines after the header, when `text` is a file of `kind` in this format and version.
fn body<'a>(text: &'a str, kind: &str) -> Result<impl Iterator<Item = &'a str>, DataError> {
    let header = text.lines().nth(2).unwrap_or_default();
    let mut words = header.split(' ');
    // One format number for both files: 2 since patterns.txt leaves out the national number
    // pattern where the number types decide alone.
    let expected = ["#", "phone-otp", kind, "2", VERSION];
    if !expected.iter().all(|w| words.next() == Some(w)) {
        return Err(DataError::Header);
    }
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty()))
}

/// Every region's number patterns: the text of `patterns.txt`, read a region at a time.
#[derive(Clone, Copy, Debug)]
pub struct Patterns {
    text: &'static str,
}

/// One region's patterns: its whole national numbers, and those of each number type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegionPatterns {
    /// ISO code of the region.
    pub code: &'static str,
    /// The national number pattern: every valid number matches it. Empty where the number
    /// types decide alone (every type's numbers match it, and none starts as the national
    /// prefix does: `scripts/phone-data.mjs` proves it region by region).
    pub general: &'static str,
    /// Each type's `(pattern, lengths)` in the file's order (see
    /// [`super::validate::NumberType::FIELDS`]); empty pattern for a type the region does not
    /// have, empty lengths for the region's own.
    pub types: [(&'static str, &'static str); 10],
}

impl Patterns {
    /// Takes the text of `patterns.txt`, when it is one of this format and version. Its lines
    /// are read when a region's patterns are looked up: a line that cannot be read gives a
    /// region without patterns, whose numbers are then all invalid.
    pub fn decode(text: &'static str) -> Result<Patterns, DataError> {
        let _ = body(text, "patterns")?;
        Ok(Patterns { text })
    }

    /// The patterns of region `code` (upper case ISO).
    pub fn region(&self, code: &str) -> Option<RegionPatterns> {
        let line = body(self.text, "patterns")
            .ok()?
            .find(|l| l.get(..2) == Some(code) && l.get(2..3) == Some(";"))?;
        let mut f = line.split(';');
        let code = f.next()?;
        let general = f.next()?;
        let mut types = [("", ""); 10];
        for (slot, field) in types.iter_mut().zip(f.by_ref()) {
            *slot = field.split_once('!').unwrap_or((field, ""));
        }
        f.next().is_none().then_some(RegionPatterns {
            code,
            general,
            types,
        })
    }
}
