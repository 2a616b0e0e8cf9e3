//! Turning whatever arrives in the code field (typing, paste, SMS autofill, a password manager)
//! into the digits of a one-time code.

/// What the code field holds after sanitizing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CleanCode {
    /// ASCII digits only, at most the code length; leading zeros kept.
    pub digits: String,
    /// Some input was neither a digit nor a separator (a letter, say) and was dropped.
    pub refused: bool,
}

/// The ASCII digit for any decimal digit people type: ASCII, full-width (U+FF10…), Arabic-Indic
/// (U+0660…) and Eastern Arabic-Indic (U+06F0…), since phones in those locales type them.
pub fn ascii_digit(c: char) -> Option<char> {
    let base = match c {
        '0'..='9' => return Some(c),
        '\u{FF10}'..='\u{FF19}' => 0xFF10,
        '\u{0660}'..='\u{0669}' => 0x0660,
        '\u{06F0}'..='\u{06F9}' => 0x06F0,
        _ => return None,
    };
    char::from_digit(c as u32 - base, 10)
}

/// Whether `c` only separates groups of digits (spaces, dashes, dots, brackets).
pub fn is_separator(c: char) -> bool {
    // A match, not `"…".contains(c)`, which brings std's string searcher into the wasm.
    c.is_whitespace()
        || matches!(
            c,
            '-' | '‐'
                | '‑'
                | '‒'
                | '–'
                | '—'
                | '−'
                | '.'
                | '·'
                | '('
                | ')'
                | '['
                | ']'
                | '/'
                | '_'
                | ','
                | '，'
                | '．'
                | '－'
                | '（'
                | '）'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'
                | '\u{202C}'
        )
}

/// Keeps the digits of `input`, up to `max_len` of them.
///
/// ```
/// use phone_otp::code::sanitize;
/// assert_eq!(sanitize(" 123-456 ", 6).digits, "123456");
/// assert_eq!(sanitize("０１２３４５", 6).digits, "012345");
/// let typed = sanitize("12a", 6);
/// assert_eq!((typed.digits.as_str(), typed.refused), ("12", true));
/// ```
pub fn sanitize(input: &str, max_len: usize) -> CleanCode {
    let mut out = CleanCode::default();
    for c in input.chars() {
        if let Some(d) = ascii_digit(c) {
            if out.digits.len() < max_len {
                out.digits.push(d);
            }
        } else if !is_separator(c) {
            out.refused = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_the_shapes_codes_arrive_in() {
        for input in [
            "123456",
            "123 456",
            "123-456",
            " 123456 ",
            "１２３４５６",
            "١٢٣٤٥٦",
        ] {
            let clean = sanitize(input, 6);
            assert_eq!(clean.digits, "123456", "{input:?}");
            assert!(!clean.refused, "{input:?}");
        }
    }

    #[test]
    fn keeps_leading_zeros_and_stops_at_the_length() {
        assert_eq!(sanitize("0012345678", 6).digits, "001234");
    }

    proptest! {
        #[test]
        fn digits_only_and_bounded(s in "\\PC*", len in 4usize..=10) {
            let clean = sanitize(&s, len);
            prop_assert!(clean.digits.len() <= len);
            prop_assert!(clean.digits.bytes().all(|b| b.is_ascii_digit()));
        }
    }
}
