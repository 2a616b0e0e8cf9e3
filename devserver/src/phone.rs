//! Phone number checks the devserver makes before it starts a verification.

/// Whether `phone` is E.164: `+`, then 7 to 15 digits, the first not zero.
pub fn is_e164(phone: &str) -> bool {
    phone.strip_prefix('+').is_some_and(|d| {
        (7..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) && !d.starts_with('0')
    })
}
