//! Finding a country in the selector by what the person types: its name (in the page's language
//! or in English), its ISO code, or its calling code.

use super::{positions, Region};

/// How well `query` finds `region`, best first (`0` is best), or `None` when it does not.
/// `names` are the country's names, already lower-cased and stripped of accents by the caller
/// (the browser does that best), and so must `query` be.
///
/// ```
/// use phone_otp::phone::{search::rank, Region};
/// let my = Region::get("MY").unwrap();
/// let names = ["malaysia"];
/// assert_eq!(rank("+60", my, &names), Some(0));
/// assert_eq!(rank("60", my, &names), Some(0));
/// assert_eq!(rank("6", my, &names), Some(1));
/// assert_eq!(rank("my", my, &names), Some(1));
/// assert_eq!(rank("mal", my, &names), Some(1));
/// assert_eq!(rank("lays", my, &names), Some(3));
/// assert_eq!(rank("france", my, &names), None);
/// assert_eq!(rank("", my, &names), Some(4));
/// ```
pub fn rank(query: &str, region: Region, names: &[&str]) -> Option<u8> {
    let query = query.trim();
    if query.is_empty() {
        return Some(4);
    }
    let dial = query.strip_prefix('+').unwrap_or(query);
    if !dial.is_empty() && dial.bytes().all(|b| b.is_ascii_digit()) {
        return match region.calling_code.strip_prefix(dial) {
            Some("") => Some(0),
            Some(_) => Some(1),
            None => None,
        };
    }
    // An ISO code ranks with the names that start with it: "ma" is Morocco's code, but whoever
    // types it is as likely on the way to "Malaysia".
    if region.code.eq_ignore_ascii_case(query) {
        return Some(1);
    }
    names
        .iter()
        .filter_map(|name| {
            if name.starts_with(query) {
                Some(1)
            } else {
                // One pass over the name: inside it at all (3), or at the start of a word (2).
                let mut found = positions(name, query).peekable();
                let inside = found.peek().is_some();
                let word = found.any(|i| {
                    let before = i.checked_sub(1).and_then(|j| name.as_bytes().get(j));
                    matches!(before, Some(b' ' | b'-' | b'(' | b'\''))
                });
                inside.then_some(if word { 2 } else { 3 })
            }
        })
        .min()
}
