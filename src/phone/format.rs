//! As-you-type formatting: grouping the digits the way the region writes them, and keeping the
//! caret where the person expects it.

use super::parse::{parse, Parsed};
use super::pattern::{matches, Mode};
use super::positions;
use super::region::{Format, Region};

/// Fewer national digits than this are shown ungrouped, and so are digits that do not yet fill
/// the format's first group: groups that jump about on the first keystrokes are worse than none
/// (libphonenumber-js's AsYouType shows "26", then "(268)", and "06 1" in France).
const MIN_DIGITS_TO_GROUP: usize = 2;

/// The number in `text` laid out as `selected` (or, for an international number, its own
/// region) writes it; `text` itself when it is not a number, so nothing typed is lost.
///
/// ```
/// use phone_otp::phone::{format::as_you_type, Region};
/// let gb = Region::get("GB").unwrap();
/// assert_eq!(as_you_type("07911123456", gb), "07911 123456");
/// assert_eq!(as_you_type("+447911123456", gb), "+44 7911 123456");
/// assert_eq!(as_you_type("+4479", gb), "+44 79");
/// let us = Region::get("US").unwrap();
/// assert_eq!(as_you_type("4155552", us), "(415) 555-2");
/// assert_eq!(as_you_type("14155552671", us), "1 (415) 555-2671");
/// assert_eq!(as_you_type("12ab", us), "12ab");
/// ```
pub fn as_you_type(text: &str, selected: Region) -> String {
    match parse(text, selected) {
        Some(parsed) => layout(&parsed),
        None => text.to_owned(),
    }
}

/// The display form of a parsed number.
pub fn layout(p: &Parsed) -> String {
    // "+44 ", "00 44 ", or the national prefix as the format writes it.
    let mut out = p.prefix.clone();
    // "00 44 7…", but "07…": a national prefix stays against the digits until they are grouped,
    // so "0", "07", "079" grow without a jump (as libphonenumber-js's AsYouType).
    let spaced = |out: &mut String| {
        if !out.is_empty() && out != "+" && !p.typed.is_empty() && p.international {
            out.push(' ');
        }
    };
    let Some(region) = p.region else {
        // An unknown calling code: the digits as typed.
        spaced(&mut out);
        out.push_str(&p.typed);
        return out;
    };
    let national_prefix = match p.international {
        true => {
            if p.prefix != "+" {
                out.push(' ');
            }
            out.push_str(region.calling_code);
            ""
        }
        false => p.prefix.as_str(),
    };
    // A rewritten number is shown as typed, so the field never shows digits nobody typed,
    // unless the region has a layout that writes exactly the digits typed (Argentina's 15).
    if p.transformed && !p.international {
        if let Some(text) = rewritten(p, region) {
            return text;
        }
    }
    if !p.transformed {
        if let Some(text) = grouped(&p.national, region, p.international, national_prefix) {
            let head = if p.international { out.len() } else { 0 };
            out.truncate(head);
            spaced(&mut out);
            out.push_str(&text);
            return out;
        }
    }
    spaced(&mut out);
    out.push_str(&p.typed);
    out
}

/// The format that fits `national` as typed so far: its leading digits could still match and
/// it has room for every digit.
pub fn format_for(national: &str, region: Region, international: bool) -> Option<Format> {
    formats_for(national, region, international, false)
}

/// As [`format_for`]; after a typed national prefix, only formats that write one (as
/// libphonenumber-js's AsYouType: Korea's 010-2000-0000, not 0 1020-0000).
fn formats_for(
    national: &str,
    region: Region,
    international: bool,
    prefix_typed: bool,
) -> Option<Format> {
    region.formats().find(|f| {
        !(prefix_typed && !international && f.not_after_prefix)
            && f.layout(international).is_some()
            && (f.leading_digits.is_empty() || matches(f.leading_digits, national, Mode::Partial))
            && national.len() <= f.groups().iter().map(|g| g.1).sum()
    })
}

/// `national` grouped by its format, with the national prefix written as the format says;
/// `None` when no format fits. A bracket opened is closed: "(268)" while the next group is still
/// to come, not "(268".
fn grouped(
    national: &str,
    region: Region,
    international: bool,
    national_prefix: &str,
) -> Option<String> {
    let mut out = open_grouped(national, region, international, national_prefix)?;
    let count = |c: u8| out.bytes().filter(|&b| b == c).count();
    if count(b'(') > count(b')') {
        out.push(')');
    }
    Some(out)
}

/// `national` grouped by its format, with the national prefix written as the format says;
/// `None` when no format fits.
fn open_grouped(
    national: &str,
    region: Region,
    international: bool,
    national_prefix: &str,
) -> Option<String> {
    if national.len() < MIN_DIGITS_TO_GROUP {
        return None;
    }
    let format = formats_for(national, region, international, !national_prefix.is_empty())?;
    if format
        .groups()
        .first()
        .is_some_and(|g| national.len() < g.0)
    {
        return None;
    }
    let mut template = format.layout(international)?.to_owned();
    let mut before = "";
    // The rule writes the national prefix its own way ("0$1", "(0$1)"), but only the digits typed
    // may appear: Belarus's "8 0$1" is not for someone who typed just "0". A rule without
    // digits ("($1)") is only punctuation and applies whether a prefix was typed or not.
    let rule = format.national_prefix_rule;
    // The digits of the rule, but not the 1 of its "$1".
    let mut after_dollar = false;
    let rule_digits: String = rule
        .chars()
        .filter(|&c| {
            let digit = c.is_ascii_digit() && !after_dollar;
            after_dollar = c == '$';
            digit
        })
        .collect();
    if !international && !rule.is_empty() && rule_digits == national_prefix {
        let at = positions(&template, "$1").next();
        if let Some(i) = at {
            template.replace_range(i..i + 2, rule);
        }
    } else if !national_prefix.is_empty() {
        before = national_prefix;
    }
    let groups = split(national, &format.groups());
    let mut out = String::from(before);
    if !before.is_empty() {
        out.push(' ');
    }
    let mut pending = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        let n = chars.peek().and_then(|d| d.to_digit(10));
        match (c, n) {
            ('$', Some(n)) => {
                chars.next();
                let Some(group) = groups.get((n as usize).wrapping_sub(1)) else {
                    // Groups still to be typed: what lies between them waits for their digits.
                    return Some(out);
                };
                if international {
                    // International numbers are grouped with spaces only (+1 201 555 0123), as
                    // libphonenumber-js writes them: the dashes and brackets are national habits.
                    if !pending.is_empty() && !out.is_empty() {
                        out.push(' ');
                    }
                } else {
                    out.push_str(&pending);
                }
                out.push_str(group);
                pending.clear();
            }
            _ => pending.push(c),
        }
    }
    if !international {
        out.push_str(&pending);
    }
    Some(out)
}

/// A number the region's prefix transform rewrote (Argentina's 011 15-2345-6789 is
/// +54 9 11 2345-6789), once whole, laid out by the format's own national layout when that shows
/// exactly the digits typed, in order; `None` otherwise.
fn rewritten(p: &Parsed, region: Region) -> Option<String> {
    let national = p.national.as_str();
    let format = region.formats().find(|f| {
        !f.typed.is_empty()
            && (f.leading_digits.is_empty() || matches(f.leading_digits, national, Mode::Partial))
            && national.len() <= f.groups().iter().map(|g| g.1).sum()
    })?;
    let sizes = format.groups();
    let groups = split(national, &sizes);
    // Until the number is whole it is shown as typed, as libphonenumber-js does.
    if groups.len() < sizes.len() || national.len() < sizes.iter().map(|g| g.0).sum() {
        return None;
    }
    // The national prefix rule ("0$1") writes the prefix before the first group shown (the only
    // such layouts, Argentina's, start with a group).
    let rule = format.national_prefix_rule;
    let mut template = String::from(rule.get(..positions(rule, "$1").next().unwrap_or(0))?);
    template.push_str(format.typed);
    let mut out = String::new();
    let mut pending = String::new();
    let mut chars = template.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek().and_then(|d| d.to_digit(10))) {
            ('$', Some(n)) => {
                chars.next();
                let Some(group) = groups.get((n as usize).wrapping_sub(1)) else {
                    break;
                };
                out.push_str(&pending);
                out.push_str(group);
                pending.clear();
            }
            _ => pending.push(c),
        }
    }
    // Only a layout that shows all the digits typed, in order, is used.
    let shown = out.bytes().filter(u8::is_ascii_digit);
    shown.eq(p.typed.bytes()).then_some(out)
}

/// `digits` cut into groups of the given `(min, max)` sizes, as a greedy regex would cut a whole
/// number; a number still being typed fills the groups in order, each to its most, and ends
/// early.
fn split<'a>(digits: &'a str, sizes: &[(usize, usize)]) -> Vec<&'a str> {
    // Short of the shortest whole number, each group takes as many digits as it can (as
    // libphonenumber-js's AsYouType template does: Korea's 010-2000 before 010-2000-0000).
    let min: usize = sizes.iter().map(|g| g.0).sum();
    let mut spare = match digits.len() < min {
        true => usize::MAX,
        false => digits.len() - min,
    };
    let mut rest = digits;
    let mut out = Vec::new();
    for &(min, max) in sizes {
        if rest.is_empty() {
            break;
        }
        let extra = spare.min(max - min);
        spare -= extra;
        let Some((group, tail)) = rest.split_at_checked((min + extra).min(rest.len())) else {
            break;
        };
        out.push(group);
        rest = tail;
    }
    out
}

/// Which way an edit deleted, as the `input` event's `inputType` says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// Typing, pasting or autofill.
    None,
    /// Backspace.
    Backward,
    /// The Delete key.
    Forward,
}

/// The field's new text and caret after an edit: `value` and `caret` (in UTF-16 units) as the
/// browser left them, `previous` the text before the edit.
///
/// The caret stays after the same digit it followed, wherever grouping moves it. Deleting a
/// separator deletes the digit beyond it too, so Backspace never sticks on a space.
///
/// ```
/// use phone_otp::phone::{format::{edit, Deletion}, Region};
/// let us = Region::get("US").unwrap();
/// // A digit typed in the middle: the caret stays after it, past the ") " that moved.
/// assert_eq!(edit("(415) 555", "(4159) 555", 5, Deletion::None, us), ("(415) 955-5".into(), 7));
/// // Backspace just after ") " removes the 5 before it.
/// assert_eq!(edit("(415) 555-2671", "(415 555-2671", 4, Deletion::Backward, us), ("(415) 552-671".into(), 3));
/// ```
pub fn edit(
    previous: &str,
    value: &str,
    caret: usize,
    deletion: Deletion,
    selected: Region,
) -> (String, usize) {
    let mut chars: Vec<char> = value.chars().collect();
    let mut at = char_index(&chars, caret);
    let removed_separator_only = significant(previous) == significant(value)
        && value.chars().count() < previous.chars().count();
    if removed_separator_only {
        match deletion {
            Deletion::Backward => {
                if let Some(i) = (0..at).rev().find(|&i| is_significant(chars[i])) {
                    chars.remove(i);
                    at = i;
                }
            }
            Deletion::Forward => {
                if let Some(i) = (at..chars.len()).find(|&i| is_significant(chars[i])) {
                    chars.remove(i);
                }
            }
            Deletion::None => {}
        }
    }
    let value: String = chars.iter().collect();
    let formatted = as_you_type(&value, selected);
    let before = chars
        .iter()
        .take(at)
        .filter(|&&c| is_significant(c))
        .count();
    let caret = if super::parse::digits(&value).is_none() {
        // Left as typed: the caret stays where the browser put it.
        chars.iter().take(at).map(|c| c.len_utf16()).sum()
    } else {
        caret_after(&formatted, before)
    };
    (formatted, caret)
}

fn is_significant(c: char) -> bool {
    c == '+' || c == '＋' || crate::code::ascii_digit(c).is_some()
}

fn significant(text: &str) -> usize {
    text.chars().filter(|&c| is_significant(c)).count()
}

/// The char index of a UTF-16 offset.
fn char_index(chars: &[char], utf16: usize) -> usize {
    let mut units = 0;
    for (i, c) in chars.iter().enumerate() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16();
    }
    chars.len()
}

/// The UTF-16 offset just after the `n`th significant character of `formatted`.
fn caret_after(formatted: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut units = 0;
    for c in formatted.chars() {
        units += c.len_utf16();
        if is_significant(c) {
            seen += 1;
            if seen == n {
                return units;
            }
        }
    }
    units
}
