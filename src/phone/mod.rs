//! Phone numbers: every region's metadata, parsing what people type, formatting as they type,
//! and checking the length before a send.
//!
//! All of it is pure: the metadata and the validation patterns are generated text files
//! (`scripts/phone-data.mjs`), compiled in or loaded by a page ([`data`] says how), and their
//! patterns run on the small matcher in [`pattern`].

pub mod data;
mod e164;
pub mod format;
mod generated;
pub mod parse;
pub mod pattern;
mod region;
pub mod search;
pub mod validate;

pub use e164::is_e164;
pub use region::{Format, Region};

/// Splits an E.164 number into its calling code with `+` and the national number.
///
/// ```
/// use phone_otp::phone::split_calling_code;
/// assert_eq!(split_calling_code("+50762647737"), Some(("+507", "62647737")));
/// assert_eq!(split_calling_code("+60182258491"), Some(("+60", "182258491")));
/// assert_eq!(split_calling_code("+14155552671"), Some(("+1", "4155552671")));
/// assert_eq!(split_calling_code("60182258491"), None);
/// // No region has +999.
/// assert_eq!(split_calling_code("+99912345678"), None);
/// ```
pub fn split_calling_code(e164: &str) -> Option<(&str, &str)> {
    if !is_e164(e164) {
        return None;
    }
    let digits = e164.get(1..)?;
    // Calling codes are a prefix code (ITU-T E.164), so the one the table knows is the one.
    let len = (1..=3).find(|&n| {
        digits
            .get(..n)
            .is_some_and(|code| Region::with_calling_code(code).next().is_some())
    })?;
    e164.split_at_checked(len + 1)
}

/// Where `needle` occurs in `text`, as byte offsets, first to last (overlapping ones included);
/// nothing for an empty needle.
///
/// A byte search rather than `str::contains` or `str::replace`: std's two-way string searcher and
/// the panic paths of string slicing cost about 6 KB of wasm, for searches among a few dozen
/// bytes. Matches of a whole UTF-8 needle always start and end on character boundaries.
///
/// ```
/// use phone_otp::phone::positions;
/// assert_eq!(positions("bosnia and herzegovina", "a").collect::<Vec<_>>(), [5, 7, 21]);
/// assert_eq!(positions("0$1", "$1").next(), Some(1));
/// assert_eq!(positions("abc", "").next(), None);
/// ```
pub fn positions<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let needle = needle.as_bytes();
    text.as_bytes()
        .windows(needle.len().max(1))
        .enumerate()
        .filter(move |(_, w)| !needle.is_empty() && *w == needle)
        .map(|(i, _)| i)
}
