//! Whether a typed number can be sent, and what is wrong with it when not.

use super::parse::parse;
use super::region::Region;

/// What is wrong with a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Nothing was typed.
    Empty,
    /// Letters or symbols that are not part of a phone number.
    NotANumber,
    /// No country has the calling code after `+`.
    CountryCode,
    /// Fewer digits than any number of the region has.
    TooShort,
    /// More digits than any number of the region has.
    TooLong,
    /// Between the region's lengths, but not one of them.
    InvalidLength,
    /// A region the widget does not take numbers from (its `countries` option); the flow
    /// decides this, not [`validate`].
    NotOffered,
}

/// A number that cannot be sent: the problem, and the region it was judged against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub problem: Problem,
    /// ISO code of the region, when the problem is about one.
    pub region: Option<&'static str>,
}

/// The E.164 form of the number in `text`, read as a number of `selected` unless it is
/// international, or what is wrong with it. Only the length is checked against the region: a
/// number of a possible length is sent, and the backend has the last word.
///
/// ```
/// use phone_otp::phone::{validate::{validate, Problem}, Region};
/// let my = Region::get("MY").unwrap();
/// assert_eq!(validate("018-225 8491", my).unwrap(), "+60182258491");
/// let short = validate("018-225", my).unwrap_err();
/// assert_eq!((short.problem, short.region), (Problem::TooShort, Some("MY")));
/// assert_eq!(validate("+999 1234", my).unwrap_err().problem, Problem::CountryCode);
/// assert_eq!(validate("call me", my).unwrap_err().problem, Problem::NotANumber);
/// ```
pub fn validate(text: &str, selected: Region) -> Result<String, Invalid> {
    let invalid = |problem, region: Option<Region>| Invalid {
        problem,
        region: region.map(|r| r.code),
    };
    let Some(parsed) = parse(text, selected) else {
        return Err(invalid(Problem::NotANumber, None));
    };
    if parsed.national.is_empty() && parsed.prefix.is_empty() {
        return Err(invalid(Problem::Empty, None));
    }
    let Some(region) = parsed.region else {
        return Err(invalid(Problem::CountryCode, None));
    };
    let len = parsed.national.len();
    let lengths: Vec<usize> = region.possible_lengths().collect();
    let problem = if lengths.contains(&len) {
        match parsed.e164() {
            // E.164 allows 15 digits in all.
            Some(e164) if e164.len() <= 16 => return Ok(e164),
            _ => Problem::TooLong,
        }
    } else if lengths.iter().all(|&l| len < l) {
        Problem::TooShort
    } else if lengths.iter().all(|&l| len > l) {
        Problem::TooLong
    } else {
        Problem::InvalidLength
    };
    Err(invalid(problem, Some(region)))
}
