//! The E.164 check, in a file of its own with no dependencies: the devserver compiles this same
//! file (`devserver/src/phone.rs`), so the widget and its backend never disagree on a number.

/// Whether `phone` is an E.164 number: `+`, a non-zero digit, 7 to 15 digits in all.
///
/// ```
/// assert!(phone_otp::phone::is_e164("+60182258491"));
/// assert!(!phone_otp::phone::is_e164("0182258491"));
/// ```
pub fn is_e164(phone: &str) -> bool {
    let Some(digits) = phone.strip_prefix('+') else {
        return false;
    };
    (7..=15).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0')
}
