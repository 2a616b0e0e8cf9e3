//! The words on screen: the widget's catalog behind a `Copy` handle, and the text of each notice
//! and end state.

use super::names::CountryNames;
use crate::flow::{Notice, Phase};
use crate::i18n::{self, Key, Texts};
use crate::phone::validate::{Invalid, NumberType, Problem};
use crate::time::Millis;
use leptos::prelude::*;

/// The words a widget shows: its catalog and the country names of its language.
pub struct Words {
    pub texts: Texts,
    pub names: CountryNames,
}

/// The widget's words, `Copy` so every view closure can hold them.
///
/// ```ignore
/// let words = Words { texts: Texts::new(Locale::En, []), names: CountryNames::new("en") };
/// let tx = Tx(StoredValue::new_local(words));
/// assert_eq!(tx.text(Key::Verify), "Verify");
/// ```
#[derive(Clone, Copy)]
pub struct Tx(pub StoredValue<Words, LocalStorage>);

impl Tx {
    /// The text for `key`.
    pub fn text(self, key: Key) -> String {
        self.0.with_value(|w| w.texts.text(key).to_owned())
    }
    /// The text for `key` with its `{name}` placeholders filled.
    pub fn fill(self, key: Key, args: &[(&str, &str)]) -> String {
        self.0.with_value(|w| w.texts.fill(key, args))
    }
    /// "2 attempts left".
    pub fn attempts_left(self, n: u32) -> String {
        self.0.with_value(|w| w.texts.attempts_left(n))
    }
    /// The name of the region `code` (ISO 3166-1) in the page's language; empty once the widget
    /// is gone.
    pub fn country(self, code: &str) -> String {
        self.0
            .try_with_value(|w| w.names.name(code))
            .unwrap_or_default()
    }
}

/// What `notice` says at `now`.
pub fn notice_text(tx: Tx, notice: &Notice, now: Millis) -> String {
    match notice {
        Notice::WrongCode {
            attempts_remaining: Some(n),
        } => format!("{} {}.", tx.text(Key::WrongCode), tx.attempts_left(*n)),
        Notice::WrongCode { .. } => tx.text(Key::WrongCode),
        Notice::CodeRefused => tx.text(Key::CodeRefused),
        Notice::CodeIncomplete { length } => {
            tx.fill(Key::CodeIncomplete, &[("n", &length.to_string())])
        }
        Notice::CodeTooLong { length } => tx.fill(Key::CodeTooLong, &[("n", &length.to_string())]),
        Notice::CodeResent => tx.text(Key::CodeResent),
        Notice::Phone(invalid) => phone_text(tx, invalid),
        Notice::RateLimited { until: Some(t) } if *t > now => {
            tx.fill(Key::RateLimited, &[("time", &i18n::clock(t - now))])
        }
        Notice::RateLimited { .. } => tx.text(Key::RateLimitedLater),
        // The backend's own words are shown as text, never as markup.
        Notice::Rejected {
            message: Some(message),
        } => format!("{} {message}", tx.text(Key::Rejected)),
        Notice::Rejected { message: None } => tx.text(Key::Rejected),
        Notice::Network => tx.text(Key::Network),
        Notice::Timeout => tx.text(Key::Timeout),
        Notice::Offline => tx.text(Key::Offline),
        Notice::Server => tx.text(Key::Server),
    }
}

/// What is wrong with the number, naming the country it was judged for.
fn phone_text(tx: Tx, invalid: &Invalid) -> String {
    let key = match invalid.problem {
        Problem::Empty => Key::PhoneEmpty,
        Problem::NotANumber => Key::BadPhone,
        Problem::CountryCode => Key::PhoneCountryCode,
        Problem::NeedsCountryCode => Key::PhoneWithCountryCode,
        Problem::TooShort => Key::PhoneTooShort,
        Problem::TooLong => Key::PhoneTooLong,
        Problem::InvalidLength => Key::PhoneInvalidLength,
        Problem::NotOffered => Key::PhoneNotOffered,
        Problem::InvalidForRegion => Key::PhoneInvalid,
        Problem::Type(NumberType::PremiumRate | NumberType::SharedCost) => Key::PhonePremium,
        Problem::Type(NumberType::TollFree) => Key::PhoneTollFree,
        Problem::Type(_) => Key::PhoneTypeRefused,
        Problem::NoTextMessages => Key::PhoneNoTexts,
    };
    let country = invalid
        .region
        .map(|code| tx.country(code))
        .unwrap_or_default();
    tx.fill(key, &[("country", &country)])
}

/// The message of an end state, `None` for the other phases.
pub fn end_text(phase: &Phase) -> Option<Key> {
    Some(match phase {
        Phase::Verified => Key::Verified,
        Phase::Expired => Key::Expired,
        Phase::Locked => Key::Locked,
        Phase::AlreadyUsed => Key::AlreadyUsed,
        Phase::NotFound => Key::NotFound,
        _ => return None,
    })
}
