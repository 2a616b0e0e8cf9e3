//! Turning whatever arrives in the code field (typing, paste, SMS autofill, a password manager)
//! into the digits of a one-time code.

/// What the code field holds after sanitizing.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct CleanCode {
    /// ASCII digits only, at most the code length; leading zeros kept.
    pub digits: String,
    /// Some input was neither a digit nor a separator (a letter, say) and was dropped.
    pub refused: bool,
    /// More digits arrived than the code has; the rest were dropped.
    pub truncated: bool,
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
            } else {
                out.truncated = true;
            }
        } else if !is_separator(c) {
            out.refused = true;
        }
    }
    out
}

/// A letter, for telling a code from digits glued to a word: ASCII letters, and any other
/// character outside ASCII that is neither a digit nor a separator (cheaper in the wasm than
/// `char::is_alphabetic`'s Unicode tables, and right for the scripts SMS codes arrive in).
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && ascii_digit(c).is_none() && !is_separator(c))
}

/// The code in a text such as a whole SMS, the way phones find it: the first run of exactly
/// `len` digits (separators such as spaces or dashes allowed between them), ignoring runs glued
/// to letters ("ab123456", "123456th"). `None` when there is no such run.
///
/// ```
/// use phone_otp::code::find;
/// let sms = "Your phone-otp code is 123456. It expires in 10 minutes.";
/// assert_eq!(find(sms, 6).as_deref(), Some("123456"));
/// assert_eq!(find("G-482 910 is your code", 6).as_deref(), Some("482910"));
/// assert_eq!(find("ref AB123456", 6), None);
/// assert_eq!(find("1234567", 6), None);
/// ```
pub fn find(text: &str, len: usize) -> Option<String> {
    let mut run = String::new();
    // The run started right after a letter; separators seen since its last digit.
    let (mut glued, mut gap) = (false, 0);
    let mut before = ' ';
    for c in text.chars().chain(['\0']) {
        if let Some(d) = ascii_digit(c) {
            if run.is_empty() {
                glued = is_letter(before);
            }
            run.push(d);
            gap = 0;
        } else if !run.is_empty() && is_separator(c) && gap < 2 {
            gap += 1;
        } else {
            // The run ends at its last digit: glued if a letter follows that digit at once.
            let glued_after = gap == 0 && is_letter(c);
            if run.len() == len && !glued && !glued_after {
                return Some(run);
            }
            run.clear();
            gap = 0;
        }
        before = c;
    }
    None
}

/// What the code field holds after an input event: a whole code found in pasted text (an SMS)
/// when the text holds more than a code's digits or other characters, else the sanitized digits.
///
/// ```
/// use phone_otp::code::read;
/// assert_eq!(read("Your code is 123456. It expires in 10 minutes.", 6).digits, "123456");
/// let typed = read("12ab", 6);
/// assert_eq!((typed.digits.as_str(), typed.refused), ("12", true));
/// let long = read("1234567", 6);
/// assert_eq!((long.digits.as_str(), long.truncated), ("123456", true));
/// ```
pub fn read(input: &str, len: usize) -> CleanCode {
    let clean = sanitize(input, len);
    if clean.refused || clean.truncated {
        if let Some(digits) = find(input, len) {
            return CleanCode {
                digits,
                ..CleanCode::default()
            };
        }
    }
    clean
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

    #[test]
    fn finds_the_code_in_an_sms() {
        for (sms, code) in [
            (
                "Your phone-otp code is 123456. It expires in 10 minutes.",
                Some("123456"),
            ),
            ("123456 is your verification code", Some("123456")),
            ("Code: 123-456", Some("123456")),
            ("@example.com #482910", Some("482910")),
            ("Order 12345678 code 654321", Some("654321")),
            ("Votre code : ١٢٣٤٥٦", Some("123456")),
            ("Use 4821 within 5 min", None),
            ("abc123456", None),
            ("123456abc", None),
            ("", None),
        ] {
            assert_eq!(find(sms, 6).as_deref(), code, "{sms:?}");
        }
        assert_eq!(find("Use 4821 within 5 min", 4).as_deref(), Some("4821"));
    }

    proptest! {
        #[test]
        fn digits_only_and_bounded(s in "\\PC*", len in 4usize..=10) {
            for clean in [sanitize(&s, len), read(&s, len)] {
                prop_assert!(clean.digits.len() <= len);
                prop_assert!(clean.digits.bytes().all(|b| b.is_ascii_digit()));
            }
        }

        #[test]
        fn a_code_anywhere_in_a_message_is_found(
            before in "([A-Za-z]+[ .:,]+)*",
            code in "[0-9]{4,10}",
            after in "([ .,]+[A-Za-z]+)*",
        ) {
            let text = format!("{before}{code}{after}");
            prop_assert_eq!(find(&text, code.len()), Some(code.clone()));
            prop_assert_eq!(read(&text, code.len()).digits, code);
        }

        #[test]
        fn a_run_glued_to_letters_is_not_a_code(word in "[A-Za-z]{1,5}", code in "[0-9]{4,10}") {
            prop_assert_eq!(find(&format!("{word}{code}"), code.len()), None);
            prop_assert_eq!(find(&format!("{code}{word}"), code.len()), None);
        }

        #[test]
        fn only_a_run_of_the_expected_length_is_found(s in "\\PC*", len in 4usize..=10) {
            if let Some(found) = find(&s, len) {
                prop_assert_eq!(found.len(), len);
            }
        }
    }
}
