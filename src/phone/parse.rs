//! Reading a phone number the way people type it: national or international, with any
//! separators and any of the digit scripts phones type.

use super::pattern::{find, Mode};
use super::region::Region;
use crate::code::{ascii_digit, is_separator};

/// A phone number as read from the field, possibly incomplete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The region the number belongs to: the one its calling code and leading digits name, or
    /// the selected one for a national number. `None` while the calling code is unknown.
    pub region: Option<Region>,
    /// What came before the calling code or national number as typed: `+` or the international
    /// call prefix (`00`, `011`); or the national prefix (`0`); or nothing.
    pub prefix: String,
    /// Whether the number was typed in international form.
    pub international: bool,
    /// The national significant number, ASCII digits.
    pub national: String,
    /// The digits after the prefix as typed (the national number before any transform).
    pub typed: String,
    /// The national number is not the digits typed: the region's prefix transform added an
    /// area code to a local number, or a `(0)` inside an international number was dropped.
    pub transformed: bool,
}

impl Parsed {
    /// The number in E.164 form, when the calling code is known and there are digits after it.
    pub fn e164(&self) -> Option<String> {
        let region = self.region?;
        (!self.national.is_empty()).then(|| format!("+{}{}", region.calling_code, self.national))
    }
}

/// The `+` (first thing typed) and the ASCII digits of `text`, or `None` when it holds
/// anything that is not a digit, a separator or a leading `+`.
///
/// ```
/// use phone_otp::phone::parse::digits;
/// assert_eq!(digits(" +44 (0)7911-123.456"), Some((true, "4407911123456".into())));
/// assert_eq!(digits("０７９１１ １２３４５６"), Some((false, "07911123456".into())));
/// assert_eq!(digits("07911 12345x"), None);
/// assert_eq!(digits("079+11"), None);
/// ```
pub fn digits(text: &str) -> Option<(bool, String)> {
    let mut plus = false;
    let mut out = String::new();
    for c in text.chars() {
        if let Some(d) = ascii_digit(c) {
            out.push(d);
        } else if (c == '+' || c == '＋') && !plus && out.is_empty() {
            plus = true;
        } else if !is_separator(c) {
            return None;
        }
    }
    Some((plus, out))
}

/// Reads `text` as a phone number of `selected` (the region chosen in the country list), or
/// `None` when it holds letters or other symbols.
///
/// ```
/// use phone_otp::phone::{parse::parse, Region};
/// let gb = Region::get("GB").unwrap();
/// let p = parse("07911 123456", gb).unwrap();
/// assert_eq!((p.prefix.as_str(), p.national.as_str()), ("0", "7911123456"));
/// assert_eq!(p.e164().unwrap(), "+447911123456");
/// let p = parse("0060 18-225 8491", gb).unwrap();
/// assert_eq!((p.prefix.as_str(), p.region.unwrap().code), ("00", "MY"));
/// assert_eq!(p.e164().unwrap(), "+60182258491");
/// ```
pub fn parse(text: &str, selected: Region) -> Option<Parsed> {
    let (plus, digits) = digits(text)?;
    if plus {
        return Some(international("+", &digits));
    }
    let idd = find(selected.idd, &digits, Mode::Prefix).filter(|f| f.end > 0);
    // `_checked`: the digits are ASCII, but the panicking split brings string slicing's error
    // formatting into the wasm.
    if let Some((prefix, rest)) = idd.and_then(|idd| digits.split_at_checked(idd.end)) {
        return Some(international(prefix, rest));
    }
    Some(national(&digits, selected))
}

/// The region's number for national digits, without the national prefix if one was typed.
fn national(digits: &str, region: Region) -> Parsed {
    let mut parsed = Parsed {
        region: Some(region),
        prefix: String::new(),
        international: false,
        national: digits.to_owned(),
        typed: digits.to_owned(),
        transformed: false,
    };
    let strip = match region.prefix_for_parsing {
        "" => region.national_prefix,
        pattern => pattern,
    };
    let Some(found) = (!strip.is_empty())
        .then(|| find(strip, digits, Mode::Prefix))
        .flatten()
        .filter(|f| f.end > 0)
    else {
        return parsed;
    };
    let rest = digits.get(found.end..).unwrap_or_default();
    let last_group = found.groups.last().copied().flatten();
    if !region.prefix_transform.is_empty() && last_group.is_some() {
        let mut out = String::new();
        let mut template = region.prefix_transform.chars().peekable();
        while let Some(c) = template.next() {
            match (c, template.peek().and_then(|d| d.to_digit(10))) {
                ('$', Some(n)) => {
                    template.next();
                    let group = found.groups.get((n as usize).wrapping_sub(1)).copied();
                    if let Some((a, b)) = group.flatten() {
                        out.push_str(digits.get(a..b).unwrap_or_default());
                    }
                }
                _ => out.push(c),
            }
        }
        out.push_str(rest);
        parsed.national = out;
        parsed.transformed = true;
    } else {
        parsed.prefix = digits.get(..found.end).unwrap_or_default().to_owned();
        parsed.national = rest.to_owned();
    }
    parsed.typed = match parsed.transformed {
        true => digits.to_owned(),
        false => parsed.national.clone(),
    };
    parsed
}

/// An international number: `prefix` (`+`, `00`…) then the calling code and national number.
fn international(prefix: &str, digits: &str) -> Parsed {
    let code = (1..=3)
        .filter_map(|n| digits.get(..n))
        .find(|code| !code.starts_with('0') && Region::with_calling_code(code).next().is_some());
    let Some(code) = code else {
        return Parsed {
            region: None,
            prefix: prefix.to_owned(),
            international: true,
            national: digits.to_owned(),
            typed: digits.to_owned(),
            transformed: false,
        };
    };
    let mut national = digits.get(code.len()..).unwrap_or_default();
    let mut region = Region::of_national(code, national);
    // "+44 (0)7911 123456", "+49 (0) 151 23456789": a national prefix written inside an
    // international number is dropped whenever what follows it is a number of that length, as
    // libphonenumber does; a German 12-digit "015123456789" fits too, but is not the number.
    if let Some(r) = region {
        let fits = |n: &str| r.possible_lengths().any(|l| l == n.len());
        if let Some(rest) = national.strip_prefix(r.national_prefix) {
            if !r.national_prefix.is_empty() && fits(rest) {
                national = rest;
                region = Region::of_national(code, national).or(region);
            }
        }
    }
    let typed = digits.get(code.len()..).unwrap_or_default();
    Parsed {
        region,
        prefix: prefix.to_owned(),
        international: true,
        national: national.to_owned(),
        typed: typed.to_owned(),
        transformed: national != typed,
    }
}
