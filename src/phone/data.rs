//! The phone data: every region's metadata and its number patterns, where they come from and
//! how a page loads them.
//!
//! # The file
//!
//! `scripts/phone-data.mjs` generates `www/phone/metadata.txt` from libphonenumber-js; the release
//! build copies it to `dist/phone/`, beside `element.js` (and `wasm/`). It is UTF-8 text, one line
//! per region after a line of their ISO codes (`US;AG;…`, in the lines' order: apart from the
//! lines, where they break what gzip finds alike, they cost 400 B less). Lines starting with
//! `#` are comments, except that the third line is the header
//! `# phone-otp metadata <format> <libphonenumber-js version>`, which the decoder checks: a file
//! of another kind, format or version (a stale cache) is refused, and the widget goes on without
//! it.
//!
//! A region's line (the file is about 29 KB gzip) is what parsing and as-you-type need, a tab, then
//! what validation adds; one file rather than two, because gzip then finds what a region's
//! formats and patterns share (and the shared regions' patterns their main region's), 1.6 KB
//! less than two files:
//!
//! - `calling code;international prefix;national prefix;national prefix for parsing;its
//!   transform;leading digits;national number pattern of a shared region;possible lengths;formats…`,
//!   each format `group sizes!national layout!leading digits!national prefix rule!international
//!   layout[!typed layout[!1 when not for a number typed with its national prefix]]` (see
//!   [`super::Region`] and [`super::Format`]). Regions that share a calling code follow each
//!   other, the main region first.
//! - then `national number pattern;fixed line;mobile;toll free;premium rate;personal;voicemail;
//!   UAN;pager;VoIP;shared cost`, each type `pattern` or `pattern!lengths` when the lengths it
//!   checks differ from the region's; empty for a type the region does not have (trailing empty
//!   fields are left out). The national number pattern is empty where the types decide alone
//!   (see [`RegionPatterns::general`]).
//!
//! Patterns are spelt short, as [`super::pattern`] reads them: `d` for `\d`, and `(…)` for
//! `(?:…)` where no one reads a group's digits (all but the prefix for parsing).
//!
//! # Loading
//!
//! With the `phone-metadata` feature (a default: native tests and Rust apps) the file is compiled
//! in and there is nothing to load. Without it (the script-tag and npm bundles), JavaScript
//! fetches it relative to the script, in parallel with the wasm, and hands the text to
//! [`install_metadata`] (the wasm export is `crate::element::install_phone_data(text)`). It may
//! be installed once, and blocks nothing: before it, [`super::Region::all`] is empty and
//! [`super::Region::default`] (the United States) is the only region: the field takes input and
//! formats nothing; if it never comes (a failed fetch), only numbers typed with their country
//! code can be sent (see [`super::validate::international`]), and the hint says so. With it come
//! the patterns: [`super::validate`] checks each region's patterns and knows the number type
//! ([`patterns`] is `None` only while there is no metadata).
//!
//! ```
//! use phone_otp::phone::data;
//! // Compiled in here (default features); a second install is refused.
//! assert!(data::patterns().is_some());
//! assert!(data::install_metadata("# phone-otp metadata 5 0.0\n".into()).is_err());
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

#[cfg(feature = "phone-metadata")]
const METADATA_FILE: Option<&str> = Some(include_str!("../../www/phone/metadata.txt"));
#[cfg(not(feature = "phone-metadata"))]
const METADATA_FILE: Option<&str> = None;

/// The metadata text, compiled in or installed; `None` while it is not loaded.
pub fn metadata() -> Option<&'static str> {
    METADATA.get().copied().or(METADATA_FILE)
}

/// The number patterns, which come with the metadata; `None` while it is not loaded.
pub fn patterns() -> Option<Patterns> {
    metadata().map(|text| Patterns { text })
}

/// Takes the text of `metadata.txt`.
pub fn install_metadata(text: String) -> Result<(), DataError> {
    if metadata().is_some() {
        return Err(DataError::Installed);
    }
    let _ = body(&text)?;
    // Regions borrow from the text for the life of the page: it is loaded once.
    METADATA
        .set(Box::leak(text.into_boxed_str()))
        .map_err(|_| DataError::Installed)
}

/// The lines after the header, when `text` is a metadata file in this format and version.
fn body(text: &str) -> Result<impl Iterator<Item = &str>, DataError> {
    let header = text.lines().nth(2).unwrap_or_default();
    let mut words = header.split(' ');
    // Format 5: one file, each region's patterns after a tab on its line, the ISO codes first.
    let expected = ["#", "phone-otp", "metadata", "5", VERSION];
    if !expected.iter().all(|w| words.next() == Some(w)) {
        return Err(DataError::Header);
    }
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty()))
}

/// Every region's number patterns: the text of `metadata.txt`, read a region at a time.
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
    /// Takes the text of `metadata.txt`, when it is one of this format and version. Its lines
    /// are read when a region's patterns are looked up: a line that cannot be read gives a
    /// region without patterns, whose numbers are then all invalid.
    pub fn decode(text: &'static str) -> Result<Patterns, DataError> {
        let _ = body(text)?;
        Ok(Patterns { text })
    }

    /// The patterns of region `code` (upper case ISO).
    pub fn region(&self, code: &str) -> Option<RegionPatterns> {
        // The ISO codes come first, in the order of the lines.
        let mut lines = body(self.text).ok()?;
        let codes = lines.next()?.split(';');
        let (code, line) = codes.zip(lines).find(|(c, _)| *c == code)?;
        let (_, patterns) = line.split_once('\t')?;
        let mut f = patterns.split(';');
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
