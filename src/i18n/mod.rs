//! Every text the widget shows, by key, per language: English, French, Spanish, Portuguese,
//! Malay, Indonesian and Arabic (right to left).
//!
//! Each language is a `match` over [`Key`], so a catalog that lacks a key does not compile: the
//! "missing key" test is the compiler's exhaustiveness check.
//!
//! Without the `all-locales` feature only English is compiled in; the custom element then passes
//! the page's language from `www/i18n/<lang>.json` as overrides (see [`Texts`]).

#[cfg(feature = "all-locales")]
mod ar;
mod en;
#[cfg(feature = "all-locales")]
mod es;
#[cfg(feature = "all-locales")]
mod fr;
#[cfg(feature = "all-locales")]
mod id;
#[cfg(feature = "all-locales")]
mod ms;
#[cfg(feature = "all-locales")]
mod pt;

impl Key {
    /// The key's name, as the `messages` attribute names it (`"SendCode"`).
    pub fn name(self) -> &'static str {
        Key::NAMES[self as usize]
    }

    /// The key named `name` (as [`Key::name`] spells it), if there is one.
    ///
    /// ```
    /// use phone_otp::i18n::Key;
    /// assert_eq!(Key::from_name("SendCode"), Some(Key::SendCode));
    /// assert_eq!(Key::from_name("SendCodes"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A language the widget speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    En,
    Fr,
    Es,
    Pt,
    Ms,
    Id,
    Ar,
}

impl Locale {
    /// Every language.
    pub const ALL: [Locale; 7] = [
        Locale::En,
        Locale::Fr,
        Locale::Es,
        Locale::Pt,
        Locale::Ms,
        Locale::Id,
        Locale::Ar,
    ];

    /// The locale for a BCP 47 tag such as `pt-BR` or `ar`, by its language; English when the
    /// widget does not speak it.
    ///
    /// ```
    /// use phone_otp::i18n::Locale;
    /// assert_eq!(Locale::from_tag("pt-BR"), Locale::Pt);
    /// assert_eq!(Locale::from_tag("zh-Hant"), Locale::En);
    /// ```
    pub fn from_tag(tag: &str) -> Locale {
        let lang = tag.split(['-', '_']).next().unwrap_or_default();
        match lang.to_ascii_lowercase().as_str() {
            "fr" => Locale::Fr,
            "es" => Locale::Es,
            "pt" => Locale::Pt,
            "ms" => Locale::Ms,
            // "in" is the old code for Indonesian that some Android browsers still send.
            "id" | "in" => Locale::Id,
            "ar" => Locale::Ar,
            _ => Locale::En,
        }
    }

    /// The tag for `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::Pt => "pt",
            Locale::Ms => "ms",
            Locale::Id => "id",
            Locale::Ar => "ar",
        }
    }

    /// Whether the language is written right to left.
    pub fn rtl(self) -> bool {
        self == Locale::Ar
    }

    /// The text for `key`.
    ///
    /// ```
    /// use phone_otp::i18n::{Key, Locale};
    /// assert_eq!(Locale::Fr.text(Key::SendCode), "Envoyer le code");
    /// ```
    pub fn text(self, key: Key) -> &'static str {
        match self {
            Locale::En => en::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Fr => fr::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Es => es::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Pt => pt::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Ms => ms::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Id => id::text(key),
            #[cfg(feature = "all-locales")]
            Locale::Ar => ar::text(key),
            // Lean build: the element supplies the other languages' texts as overrides.
            #[cfg(not(feature = "all-locales"))]
            _ => en::text(key),
        }
    }
}

/// Declares [`Key`] from one list: the enum, each key's name ([`Key::name`]) and [`Key::ALL`].
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident,)*) => {
        /// A text the widget shows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key {
            $($(#[$doc])* $key,)*
        }

        impl Key {
            const NAMES: [&'static str; Key::ALL.len()] = [$(stringify!($key)),*];

            /// Every key, for tests that check each catalog.
            pub const ALL: [Key; [$(Key::$key),*].len()] = [$(Key::$key),*];
        }
    };
}

keys! {
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
    PhoneEmpty,
    PhoneCountryCode,
    /// The phone step's hint, and what is wrong with a national number, while the phone
    /// metadata is missing (its fetch failed): only international numbers can be read.
    PhoneWithCountryCode,
    /// `{country}`: the country's name.
    PhoneTooShort,
    /// `{country}`: the country's name.
    PhoneTooLong,
    /// `{country}`: the country's name.
    PhoneInvalidLength,
    /// `{country}`: the country's name.
    PhoneNotOffered,
    /// `{country}`: the country's name.
    PhoneInvalid,
    PhonePremium,
    PhoneTollFree,
    PhoneTypeRefused,
    /// A fixed line, and no voice call offered.
    PhoneNoTexts,
    /// A fixed line gets its code by a voice call.
    CallingYou,
    Country,
    CountrySearch,
    CountryNone,
    CodeRefused,
    Rejected,
    /// `{time}` as m:ss: the wait before a send button acts again.
    SendAgainIn,
    /// `{n}` digits.
    CodeIncomplete,
    /// `{n}` digits.
    CodeTooLong,
    CodeResent,
    /// "Not received a code?": heads the resend, call and change-number choices.
    NotReceived,
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

/// The texts a widget shows: its language's catalog, with the host page's overrides on top
/// (`messages='{"SendCode": "Text me a code"}'`). Overrides are plain text, shown as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Texts {
    pub lang: Locale,
    pub overrides: Vec<(Key, String)>,
}

impl Texts {
    /// Reads overrides from `(name, text)` pairs; unknown names are ignored.
    ///
    /// ```
    /// use phone_otp::i18n::{Key, Locale, Texts};
    /// let t = Texts::new(Locale::En, [("SendCode".to_string(), "Text me".to_string())]);
    /// assert_eq!(t.text(Key::SendCode), "Text me");
    /// assert_eq!(t.text(Key::Verify), "Verify");
    /// ```
    pub fn new(lang: Locale, pairs: impl IntoIterator<Item = (String, String)>) -> Texts {
        let overrides = pairs
            .into_iter()
            .filter_map(|(name, text)| {
                let key = Key::from_name(&name)?;
                Some((key, text))
            })
            .collect();
        Texts { lang, overrides }
    }

    /// The text for `key`.
    pub fn text(&self, key: Key) -> &str {
        self.overrides
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(self.lang.text(key), |(_, t)| t.as_str())
    }

    /// The text for `key` with `{name}` placeholders filled in.
    pub fn fill(&self, key: Key, args: &[(&str, &str)]) -> String {
        crate::template::fill(self.text(key), args)
    }

    /// "2 attempts left", "1 attempt left".
    pub fn attempts_left(&self, n: u32) -> String {
        match n {
            1 => self.text(Key::AttemptsLeftOne).to_owned(),
            n => self.fill(Key::AttemptsLeft, &[("n", &n.to_string())]),
        }
    }
}
