//! Reading the times backends send: RFC 3339 timestamps (`expiresAt`) and HTTP dates (`Date`,
//! `Retry-After`). All times in the crate are milliseconds since the Unix epoch, as `i64`.
//! A hand-written reader keeps a date library out of the wasm; only what these headers and
//! fields use is accepted, in their fixed layouts, anything else is `None`.

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

/// The number the ASCII digits of `s` spell; `None` for anything else or a number past `i64`.
/// Read byte by byte: `str::parse` and `str::split` bring in code the widget has no other use for.
fn num(s: &[u8]) -> Option<i64> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0i64, |n, &b| {
        let digit = b.checked_sub(b'0').filter(|d| *d < 10)?;
        n.checked_mul(10)?.checked_add(i64::from(digit))
    })
}

/// `HH:MM:SS` as hours, minutes, seconds.
fn hms(s: &[u8]) -> Option<(i64, i64, i64)> {
    let [h0, h1, b':', m0, m1, b':', s0, s1] = s else {
        return None;
    };
    Some((num(&[*h0, *h1])?, num(&[*m0, *m1])?, num(&[*s0, *s1])?))
}

fn to_millis(y: i64, mo: i64, d: i64, (h, mi, s): (i64, i64, i64)) -> Option<Millis> {
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
    let s = s.trim().as_bytes();
    // YYYY-MM-DD, T, HH:MM:SS: fixed places.
    let (head, mut zone) = s.split_at_checked(19)?;
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, b'T' | b't' | b' ', time @ ..] = head else {
        return None;
    };
    let (y, mo, d) = (
        num(&[*y0, *y1, *y2, *y3])?,
        num(&[*m0, *m1])?,
        num(&[*d0, *d1])?,
    );
    let mut ms = 0;
    if let [b'.', frac @ ..] = zone {
        let end = frac
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(frac.len());
        // Milliseconds: the first three digits, padded with zeros.
        ms = frac[..end.min(3)]
            .iter()
            .chain(b"000")
            .take(3)
            .fold(0, |n, b| n * 10 + i64::from(b - b'0'));
        zone = &frac[end..];
    }
    let offset_min = match zone {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h0, h1, b':', m0, m1] => {
            let (oh, om) = (num(&[*h0, *h1])?, num(&[*m0, *m1])?);
            if oh >= 24 || om >= 60 {
                return None;
            }
            (if *sign == b'+' { 1 } else { -1 }) * (oh * 60 + om)
        }
        _ => return None,
    };
    Some(to_millis(y, mo, d, hms(time)?)? + ms - offset_min * 60_000)
}

/// Parses an HTTP date in the preferred IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`.
///
/// ```
/// use phone_otp::time::parse_http_date;
/// assert_eq!(parse_http_date("Thu, 01 Jan 1970 00:01:00 GMT"), Some(60_000));
/// ```
pub fn parse_http_date(s: &str) -> Option<Millis> {
    let mut parts = s
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|p| !p.is_empty());
    let _weekday = parts.next()?;
    let d = num(parts.next()?)?;
    let month = parts.next()?;
    let y = num(parts.next()?)?;
    let time = hms(parts.next()?)?;
    if parts.next()? != b"GMT" {
        return None;
    }
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    let mo = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(month))? as i64 + 1;
    to_millis(y, mo, d, time)
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
    match num(value.as_bytes()) {
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
        // 2026-02-18T13:10:00Z from VerifyHQ's example in docs/providers.md.
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
