//! Every text the widget shows, by key, per language.
//!
//! Each language is a `match` over [`Key`], so a catalog that lacks a key does not compile.

mod en;

/// A text the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    PhoneLabel,
    PhoneHint,
    SendCode,
    Sending,
    /// `{n}` digits, sent to `{phone}`.
    CodeLabel,
    Verify,
    Verifying,
    Verified,
    WrongCode,
    AttemptsLeftOne,
    /// `{n}` attempts.
    AttemptsLeft,
    Expired,
    Locked,
    AlreadyUsed,
    NotFound,
    NewCode,
    Resend,
    /// `{time}` as m:ss.
    ResendIn,
    /// `{time}` as m:ss.
    ExpiresIn,
    ChangeNumber,
    CallMe,
    /// `{time}` as m:ss.
    RateLimited,
    RateLimitedLater,
    Network,
    Timeout,
    Offline,
    Server,
    BadPhone,
    CodeRefused,
    Rejected,
}

/// The text for `key` in English.
///
/// ```
/// use phone_otp::i18n::{text, Key};
/// assert_eq!(text(Key::SendCode), "Send code");
/// ```
pub fn text(key: Key) -> &'static str {
    en::text(key)
}

/// `text(key)` with `{name}` placeholders filled in.
///
/// ```
/// use phone_otp::i18n::{fill, Key};
/// assert_eq!(fill(Key::AttemptsLeft, &[("n", "2")]), "2 attempts left");
/// ```
pub fn fill(key: Key, args: &[(&str, &str)]) -> String {
    crate::template::fill(text(key), args)
}

/// "2 attempts left", "1 attempt left".
pub fn attempts_left(n: u32) -> String {
    match n {
        1 => text(Key::AttemptsLeftOne).to_owned(),
        n => fill(Key::AttemptsLeft, &[("n", &n.to_string())]),
    }
}

/// A duration as `m:ss`, rounded up so a countdown reaches 0:00 only when time is up.
///
/// ```
/// assert_eq!(phone_otp::i18n::clock(581_001), "9:42");
/// assert_eq!(phone_otp::i18n::clock(-5), "0:00");
/// ```
pub fn clock(ms: i64) -> String {
    let secs = (ms.max(0) + 999) / 1000;
    format!("{}:{:02}", secs / 60, secs % 60)
}
