//! Every option of the widget, its default, and how it is read from attributes.

/// The `countries` options of [`Settings`], here too for code that builds a [`Config`].
pub use crate::countries::Countries;
use crate::dialect::{Backend, Dialect};
use crate::flow::Settings;
use crate::json::Json;
use crate::phone::validate::NumberTypes;
use crate::phone::Region;
use std::time::Duration;

/// The widget's options. The `<phone-otp>` element reads them from its attributes; the Leptos
/// component takes them as a prop.
///
/// ```
/// use phone_otp::config::Config;
/// let attributes = |name: &str| match name {
///     "dialect" => Some("verifyhq".into()),
///     "user-id" => Some("user_123".into()),
///     "code-length" => Some("8".into()),
///     _ => None,
/// };
/// // The element passes the browser's `JSON.parse`; this page has no JSON attributes.
/// let config = Config::from_attributes(attributes, |_| None);
/// assert_eq!(config.backend.dialect.name(), "verifyhq");
/// assert_eq!(config.settings.code_length, 8);
/// assert_eq!(config.endpoint, "/api");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the backend (`endpoint`, default `/api`).
    pub endpoint: String,
    /// The API it speaks (`dialect` and its options, `send-path`, `verify-path`).
    pub backend: Backend,
    /// `code-length` (4–10, default 6), `resend-after` (seconds, default 30), `expires-after`
    /// (seconds, default 600), `max-attempts` (wrong codes allowed, counted by the widget; unset:
    /// not counted): used when the backend does not say; `channels` (`sms` or `sms,voice`):
    /// whether "Call me instead" is offered; `default-country`, `countries` and
    /// `preferred-countries`, and whether a fixed line is called; `number-types`:
    /// the types of number that may get a code (names in
    /// [`crate::phone::validate::NumberType::name`]; default: all but premium rate, shared cost,
    /// toll free, UAN, pager and voicemail).
    pub settings: Settings,
    /// `timeout` in seconds for each request (default 15).
    pub timeout: Duration,
    /// `credentials`: `same-origin` (default), `include` or `omit`, as in `fetch`.
    pub credentials: Credentials,
    /// `locale`: the UI language as a BCP 47 tag (`fr`, `pt-BR`, `ar`); default: the browser's.
    pub locale: Option<String>,
    /// `messages`: the host page's own texts by key name, replacing the catalog's
    /// (`'{"SendCode": "Text me a code"}'`; key names in [`crate::i18n::Key::name`]).
    pub messages: Vec<(String, String)>,
    /// `request-headers`: extra headers on every request, such as a CSRF token, given as a JSON
    /// object of strings.
    pub request_headers: Vec<(String, String)>,
    /// Where the code step is kept across reloads: the element's `storage-key` attribute, else
    /// its `id`, else its `name`. `None`: nothing is kept (a page may have several widgets, and
    /// one without a name cannot tell its step from another's).
    pub storage_key: Option<String>,
    /// What the developer got wrong in the options (an unknown `dialect`, a country code that
    /// does not exist…), one sentence each; the widget writes each with `console.warn`.
    pub warnings: Vec<String>,
    /// The colour theme, for the Leptos component. The element's `theme` attribute is read by
    /// the stylesheet from the element itself (`:host([theme=dark])`), so attributes leave it
    /// at its default and the page's own custom properties on the element still win.
    pub theme: Theme,
}

/// Light or dark colours; `Auto` follows `prefers-color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Auto,
}

impl Theme {
    /// The root's `data-theme` attribute the stylesheet keys on; none for the default.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::Light => None,
            Theme::Dark => Some("dark"),
            Theme::Auto => Some("auto"),
        }
    }
}

/// Whether requests carry cookies, as `fetch`'s `credentials` option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Credentials {
    #[default]
    SameOrigin,
    Include,
    Omit,
}

/// The string members of a JSON object, as `(name, text)` pairs; anything else is left out.
pub fn strings_from_json(json: &Json) -> Vec<(String, String)> {
    match json {
        Json::Object(members) => members
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect(),
        _ => Vec::new(),
    }
}

/// The string members of a JSON object, as header pairs; anything else is left out.
///
/// ```
/// use phone_otp::{config::headers_from_json, json::Json};
/// let json = Json::object([("X-CSRF-Token", Json::from("abc")), ("n", Json::Number(1.0))]);
/// assert_eq!(headers_from_json(&json), vec![("X-CSRF-Token".to_string(), "abc".to_string())]);
/// ```
pub fn headers_from_json(json: &Json) -> Vec<(String, String)> {
    let mut pairs = strings_from_json(json);
    pairs.retain(|(k, _)| !k.is_empty() && k.bytes().all(|b| b.is_ascii_graphic() && b != b':'));
    pairs
}

impl Default for Config {
    fn default() -> Self {
        Config {
            endpoint: "/api".into(),
            backend: Backend::default(),
            settings: Settings::default(),
            timeout: Duration::from_secs(15),
            credentials: Credentials::SameOrigin,
            locale: None,
            messages: Vec::new(),
            request_headers: Vec::new(),
            storage_key: None,
            warnings: Vec::new(),
            theme: Theme::Light,
        }
    }
}

impl Config {
    /// Reads the options from attributes; `get(name)` returns an attribute's value and
    /// `json(text)` parses the JSON ones (`messages`, `request-headers`; the element passes the
    /// browser's parser, which this pure module cannot call). Values that do not parse keep
    /// their default, so a typo never breaks the widget.
    pub fn from_attributes(
        get: impl Fn(&str) -> Option<String>,
        json: impl Fn(&str) -> Option<Json>,
    ) -> Config {
        let text = |name: &str| {
            get(name)
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
        };
        let number = |name: &str| text(name).and_then(|v| v.parse::<u64>().ok());
        let defaults = Config::default();
        let mut warnings = Vec::new();
        let dialect = match text("dialect").as_deref() {
            Some("idmeta") => Dialect::IdMeta {
                trust_flow_id: text("trust-flow-id").unwrap_or_else(|| "0".into()),
                trust_validation_id: text("trust-validation-id").unwrap_or_default(),
            },
            Some("verifik") => Dialect::Verifik {
                project: text("project"),
                project_flow: text("project-flow"),
                gateway: text("gateway"),
            },
            Some("otp-service") => Dialect::OtpService,
            Some("verifyhq") => Dialect::VerifyHq {
                user_id: text("user-id").unwrap_or_default(),
            },
            Some("native") | None => Dialect::Native,
            Some(other) => {
                warnings.push(format!(
                    "unknown dialect \"{other}\": use native, idmeta, verifik, otp-service or verifyhq; speaking native"
                ));
                Dialect::Native
            }
        };
        for name in ["default-country", "countries", "preferred-countries"] {
            for code in text(name).unwrap_or_default().split(',').map(str::trim) {
                if !code.is_empty() && Region::get(code).is_none() {
                    warnings.push(format!(
                        "{name}: \"{code}\" is not an ISO 3166-1 alpha-2 country code; left out"
                    ));
                }
            }
        }
        let mut object = |name: &str| {
            let text = get(name)?;
            let parsed = json(&text).filter(|j| matches!(j, Json::Object(_)));
            if parsed.is_none() {
                warnings.push(format!(
                    "{name} is not a JSON object of strings: {text}; left out"
                ));
            }
            parsed
        };
        let request_headers =
            object("request-headers").map_or(Vec::new(), |j| headers_from_json(&j));
        let messages = object("messages").map_or(Vec::new(), |j| strings_from_json(&j));
        Config {
            endpoint: text("endpoint").unwrap_or(defaults.endpoint),
            backend: Backend {
                dialect,
                send_path: text("send-path"),
                verify_path: text("verify-path"),
            },
            settings: Settings {
                code_length: number("code-length")
                    .filter(|n| (4..=10).contains(n))
                    .map_or(defaults.settings.code_length, |n| n as u8),
                resend_after: number("resend-after").map_or(defaults.settings.resend_after, |s| {
                    s.min(86_400) as i64 * 1000
                }),
                expires_after: number("expires-after")
                    .map_or(defaults.settings.expires_after, |s| {
                        s.min(86_400) as i64 * 1000
                    }),
                voice: text("channels").is_some_and(|c| c.split(',').any(|c| c.trim() == "voice")),
                max_attempts: number("max-attempts")
                    .filter(|n| (1..=100).contains(n))
                    .map(|n| n as u32),
                lock_verified: get("lock-verified").is_some_and(|v| v.trim() != "false"),
                number_types: text("number-types")
                    .map_or(defaults.settings.number_types, |t| NumberTypes::parse(&t)),
                countries: Countries::from_lists(
                    text("default-country").as_deref(),
                    text("countries").as_deref(),
                    text("preferred-countries").as_deref(),
                ),
                // Picked from `countries` by the widget, which knows the browser's language.
                ..defaults.settings
            },
            timeout: number("timeout")
                .filter(|s| *s > 0)
                .map_or(defaults.timeout, |s| Duration::from_secs(s.min(600))),
            credentials: match text("credentials").as_deref() {
                Some("include") => Credentials::Include,
                Some("omit") => Credentials::Omit,
                _ => Credentials::SameOrigin,
            },
            locale: text("locale"),
            messages,
            request_headers,
            storage_key: text("storage-key").or(text("id")).or(text("name")),
            warnings,
            theme: Theme::Light,
        }
    }
}
