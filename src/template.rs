//! `{name}` placeholders, filled without a substring search: one pass over the template.

/// `template` with each `{name}` replaced by its value in `args`; unknown names stay as written.
///
/// ```
/// use phone_otp::template::fill;
/// assert_eq!(fill("{n} attempts left", &[("n", "2")]), "2 attempts left");
/// assert_eq!(fill("/v/{id}/check {x}", &[("id", "a")]), "/v/a/check {x}");
/// ```
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            rest = rest.get(open..).unwrap_or_default();
            break;
        };
        let name = after.get(..close).unwrap_or_default();
        match args.iter().find(|(k, _)| *k == name) {
            Some((_, value)) => out.push_str(value),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Whether `haystack` contains `needle`, ignoring ASCII case.
///
/// ```
/// assert!(phone_otp::template::mentions("OTP has Expired", "expired"));
/// ```
pub fn mentions(haystack: &str, needle: &str) -> bool {
    !needle.is_empty()
        && haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}
