//! Reading the times backends send: RFC 3339 timestamps (`expiresAt`) and HTTP dates (`Date`,
//! `Retry-After`). All times in the crate are milliseconds since the Unix epoch, as `i64`.
//! A hand-written reader keeps a date library out of the wasm; only what these headers and
//! fields use is accepted, anything else is `None`.

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn to_millis(y: i64, mo: i64, d: i64, h: i64, mi: i64, s: i64) -> Option<Millis> {
    let valid = (0..=9999).contains(&y)
        && (1..=12).contains(&mo)
        && (1..=31).contains(&d)
        && (0..24).contains(&h)
        && (0..60).contains(&mi)
        && (0..=60).contains(&s);
    valid.then(|| ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + s * 1000)
}

/// Parses an RFC 3339 timestamp such as `2026-02-18T13:10:00Z` or
/// `2026-05-14T10:00:00.000+08:00`.
///
/// ```
/// use phone_otp::time::parse_rfc3339;
/// assert_eq!(parse_rfc3339("1970-01-01T00:00:01.5Z"), Some(1500));
/// assert_eq!(parse_rfc3339("1970-01-01T08:00:00+08:00"), Some(0));
/// assert_eq!(parse_rfc3339("soon"), None);
/// ```
pub fn parse_rfc3339(s: &str) -> Option<Millis> {
    let s = s.trim();
    let (date, rest) = s.split_at_checked(10)?;
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let mut dp = date.split('-');
    let (y, mo, d) = (num(dp.next()?)?, num(dp.next()?)?, num(dp.next()?)?);
    let (hms, zone) = rest.split_at_checked(8)?;
    let mut tp = hms.split(':');
    let (h, mi, sec) = (num(tp.next()?)?, num(tp.next()?)?, num(tp.next()?)?);
    let mut ms = 0;
    let mut zone = zone;
    if let Some(frac) = zone.strip_prefix('.') {
        let end = frac
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(frac.len());
        let digits = frac.get(..end)?;
        let first3: String = digits.chars().chain("000".chars()).take(3).collect();
        ms = num(&first3)?;
        zone = frac.get(end..)?;
    }
    let offset_min = match zone {
        "Z" | "z" => 0,
        _ => {
            let sign = match zone.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            let (oh, om) = zone.get(1..)?.split_once(':')?;
            let (oh, om) = (num(oh).filter(|h| *h < 24)?, num(om).filter(|m| *m < 60)?);
            sign * (oh * 60 + om)
        }
    };
    Some(to_millis(y, mo, d, h, mi, sec)? + ms - offset_min * 60_000)
}

/// Parses an HTTP date in the preferred IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// ```
/// use phone_otp::time::parse_http_date;
/// assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:01:00 GMT"), Some(60_000));
/// ```
pub fn parse_http_date(s: &str) -> Option<Millis> {
    let mut parts = s.split_whitespace();
    let _weekday = parts.next()?;
    let d = num(parts.next()?)?;
    let month = parts.next()?;
    let y = num(parts.next()?)?;
    let hms = parts.next()?;
    if parts.next()? != "GMT" {
        return None;
    }
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mo = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as i64 + 1;
    let mut tp = hms.split(':');
    let (h, mi, sec) = (num(tp.next()?)?, num(tp.next()?)?, num(tp.next()?)?);
    to_millis(y, mo, d, h, mi, sec)
}

/// Reads a `Retry-After` value, seconds or an HTTP date, into the moment it allows a retry.
///
/// ```
/// use phone_otp::time::retry_after;
/// assert_eq!(retry_after("30", 1_000), Some(31_000));
/// assert_eq!(retry_after("Thu, 01 Jan 1970 00:01:00 GMT", 0), Some(60_000));
/// ```
pub fn retry_after(value: &str, now: Millis) -> Option<Millis> {
    let value = value.trim();
    match num(value) {
        Some(secs) => Some(now.saturating_add(secs.min(86_400 * 365).saturating_mul(1000))),
        None => parse_http_date(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_the_seed_timestamps() {
        // 2026-02-18T13:10:00Z from seed 004.
        assert_eq!(
            parse_rfc3339("2026-02-18T13:10:00Z"),
            Some(1_771_420_200_000)
        );
        assert_eq!(
            parse_rfc3339("2026-05-14T10:00:00.000Z"),
            parse_rfc3339("2026-05-14T10:00:00Z")
        );
    }

    #[test]
    fn refuses_what_it_does_not_know() {
        for bad in [
            "",
            "2026-13-01T00:00:00Z",
            "2026-01-01",
            "2026-01-01T00:00:00",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
        assert_eq!(retry_after("soon", 0), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_rfc3339(&s);
            let _ = parse_http_date(&s);
            let _ = retry_after(&s, 0);
        }
    }
}
