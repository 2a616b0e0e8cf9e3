//! A small JSON value for what crosses the wire.
//!
//! Dialects read backend bodies whose shape they cannot trust, so they work on a loose value and
//! never on a strict struct that fails as a whole. In the browser the body is parsed by the
//! engine's own `JSON.parse` and handed over with `serde-wasm-bindgen`, so the wasm carries no
//! JSON parser of its own; natively the tests use `serde_json` to build the same value.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt::{self, Write};

/// A JSON value. Objects keep their keys in order, which keeps request bodies stable.
///
/// ```
/// use phone_otp::json::Json;
/// let body = Json::object([("code", Json::from("123456"))]);
/// assert_eq!(body.to_string(), r#"{"code":"123456"}"#);
/// assert_eq!(body.get("code").as_str(), Some("123456"));
/// ```
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Json {
    #[default]
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl Json {
    /// Builds an object from key/value pairs.
    pub fn object<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// The member `key` of an object, or `Null` for anything else: lookups chain without checks.
    pub fn get(&self, key: &str) -> &Json {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or(&NULL),
            _ => &NULL,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A non-negative whole number that fits a `u32`, from a number or a numeric string.
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            Json::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n <= u32::MAX as f64 => {
                Some(*n as u32)
            }
            Json::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Self {
        Json::String(s.to_owned())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Self {
        Json::String(s)
    }
}

impl From<u64> for Json {
    fn from(n: u64) -> Self {
        Json::Number(n as f64)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Self {
        Json::Bool(b)
    }
}

fn write_str(out: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    out.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => out.write_str("\\\"")?,
            '\\' => out.write_str("\\\\")?,
            '\n' => out.write_str("\\n")?,
            '\r' => out.write_str("\\r")?,
            '\t' => out.write_str("\\t")?,
            c if (c as u32) < 0x20 => write!(out, "\\u{:04x}", c as u32)?,
            c => out.write_char(c)?,
        }
    }
    out.write_char('"')
}

/// Compact JSON text, as sent in request bodies.
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
            // JSON has no NaN or infinity; null is what JSON.stringify writes for them too.
            Json::Number(n) if !n.is_finite() => f.write_str("null"),
            Json::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => write!(f, "{}", *n as i64),
            // Request bodies only carry whole numbers; fractions get six decimals by hand because
            // core's float formatting costs about 15 KB of wasm.
            Json::Number(n) if n.abs() < 9.0e15 => {
                let micros = (n.abs() * 1e6).round() as u64;
                let sign = if *n < 0.0 { "-" } else { "" };
                let frac = format!("{:06}", micros % 1_000_000);
                let frac = frac.trim_end_matches('0');
                write!(f, "{sign}{}", micros / 1_000_000)?;
                if frac.is_empty() {
                    Ok(())
                } else {
                    write!(f, ".{frac}")
                }
            }
            Json::Number(_) => f.write_str("null"),
            Json::String(s) => write_str(f, s),
            Json::Array(items) => {
                f.write_char('[')?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_char(']')
            }
            Json::Object(members) => {
                f.write_char('{')?;
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_char(',')?;
                    }
                    write_str(f, k)?;
                    write!(f, ":{v}")?;
                }
                f.write_char('}')
            }
        }
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Json, E> {
        Ok(Json::Bool(b))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Json, E> {
        Ok(Json::Number(n as f64))
    }
    fn visit_f64<E>(self, n: f64) -> Result<Json, E> {
        Ok(Json::Number(n))
    }
    fn visit_str<E>(self, s: &str) -> Result<Json, E> {
        Ok(Json::String(s.to_owned()))
    }
    fn visit_string<E>(self, s: String) -> Result<Json, E> {
        Ok(Json::String(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut members = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            members.push((k, v));
        }
        Ok(Json::Object(members))
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_serde_json() {
        let text = r#"{"a":[1,2.5,"x\"y",null,true],"b":{"c":"\u0001"}}"#;
        let v: Json = serde_json::from_str(text).unwrap();
        let again: Json = serde_json::from_str(&v.to_string()).unwrap();
        assert_eq!(v, again);
        assert_eq!(v.get("b").get("c").as_str(), Some("\u{1}"));
        assert_eq!(v.get("missing").get("deeper"), &Json::Null);
    }

    #[test]
    fn writes_fractions_without_core_float_formatting() {
        assert_eq!(Json::Number(-2.5).to_string(), "-2.5");
        assert_eq!(Json::Number(0.125).to_string(), "0.125");
        assert_eq!(Json::Number(1.000_000_01).to_string(), "1");
        assert_eq!(Json::Number(f64::NAN).to_string(), "null");
    }

    #[test]
    fn reads_counts_from_numbers_and_strings() {
        assert_eq!(Json::Number(3.0).as_u32(), Some(3));
        assert_eq!(Json::from("2").as_u32(), Some(2));
        assert_eq!(Json::Number(-1.0).as_u32(), None);
        assert_eq!(Json::Number(1.5).as_u32(), None);
    }
}
