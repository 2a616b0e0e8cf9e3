//! Phone entry, natively: every region's example number, the tricky inputs people type, and the
//! pattern matcher under the metadata.

use phone_otp::phone::format::{as_you_type, edit, format_for, Deletion};
use phone_otp::phone::parse::{digits, parse};
use phone_otp::phone::pattern::{find, matches, Mode};
use phone_otp::phone::validate::{validate, Problem};
use phone_otp::phone::Region;

fn region(code: &str) -> Region {
    Region::get(code).unwrap_or_else(|| panic!("no region {code}"))
}

/// One example number per region, with libphonenumber-js's layouts of it.
struct Example {
    region: Region,
    /// National significant number.
    number: String,
    international: String,
    national: String,
}

fn example_rows() -> Vec<Example> {
    include_str!("data/phone_examples.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Example {
                region: region(f[0]),
                number: f[1].to_owned(),
                international: f[2].to_owned(),
                national: f[3].to_owned(),
            }
        })
        .collect()
}

/// `(region, national significant number)` for every region, from the generated examples.
fn examples() -> Vec<(Region, String)> {
    example_rows()
        .into_iter()
        .map(|e| (e.region, e.number))
        .collect()
}

#[test]
fn every_example_is_laid_out_as_libphonenumber_does() {
    let mut differ = Vec::new();
    for e in example_rows() {
        let intl = as_you_type(&format!("+{}{}", e.region.calling_code, e.number), e.region);
        if intl != e.international {
            differ.push(format!("{}: {intl} / {}", e.region.code, e.international));
        }
        // Typed as the country writes it, it stays so.
        let typed: String = e.national.chars().filter(char::is_ascii_digit).collect();
        let national = as_you_type(&typed, e.region);
        // Argentina writes mobiles nationally as 011 15-2345-6789: "15" in place of the "9" the
        // number has. The field never shows digits other than those typed, so it stays plain.
        if national != e.national && e.region.code != "AR" {
            differ.push(format!("{}: {national} / {}", e.region.code, e.national));
        }
    }
    assert!(
        differ.is_empty(),
        "{} differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

#[test]
fn the_table_has_every_region_once() {
    let mut codes: Vec<_> = Region::all().map(|r| r.code).collect();
    assert_eq!(codes.len(), 245);
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 245);
    assert_eq!(examples().len(), 245);
    for r in Region::all() {
        assert!(
            r.possible_lengths().count() > 0,
            "{} has no lengths",
            r.code
        );
        assert!(r.flag().chars().count() == 2, "{}", r.code);
    }
}

#[test]
fn every_example_validates_in_national_form() {
    for (r, n) in examples() {
        let e164 = format!("+{}{}", r.calling_code, n);
        assert_eq!(validate(&n, r), Ok(e164.clone()), "{} {n}", r.code);
        // Where the region writes this number with its national prefix, it parses with it too.
        let written_with_prefix = format_for(&n, r, false)
            .is_some_and(|f| f.national_prefix_rule.contains(r.national_prefix));
        if !r.national_prefix.is_empty() && written_with_prefix {
            let typed = format!("{}{n}", r.national_prefix);
            assert_eq!(validate(&typed, r), Ok(e164), "{} {typed}", r.code);
        }
    }
}

#[test]
fn every_example_validates_in_international_form_from_anywhere() {
    let elsewhere = region("FR");
    for (r, n) in examples() {
        let e164 = format!("+{}{}", r.calling_code, n);
        assert_eq!(validate(&e164, elsewhere), Ok(e164.clone()), "{}", r.code);
        assert_eq!(
            validate(&format!("00{}{n}", r.calling_code), elsewhere),
            Ok(e164.clone())
        );
        // A main region's numbers stay its own; a smaller region that shares number ranges
        // with it (Åland's mobiles are Finland's) may be named as the main one.
        let found = parse(&e164, elsewhere).unwrap().region.unwrap();
        assert_eq!(found.calling_code, r.calling_code);
        let main = Region::with_calling_code(r.calling_code).next().unwrap();
        if r == main {
            assert_eq!(found, r, "region of {e164}");
        }
    }
}

#[test]
fn every_example_formats_and_reads_back() {
    for (r, n) in examples() {
        let e164 = format!("+{}{}", r.calling_code, n);
        let national = as_you_type(&n, r);
        assert_eq!(digits(&national).unwrap().1, n, "{} {national}", r.code);
        assert_eq!(
            validate(&national, r),
            Ok(e164.clone()),
            "{} {national}",
            r.code
        );
        let intl = as_you_type(&e164, r);
        assert!(intl.starts_with(&format!("+{} ", r.calling_code)), "{intl}");
        assert_eq!(validate(&intl, region("FR")), Ok(e164.clone()), "{intl}");
        // Every prefix of the number, typed a digit at a time, formats without losing digits.
        for end in 1..=n.len() {
            let partial = as_you_type(&n[..end], r);
            assert_eq!(
                digits(&partial).unwrap().1,
                n[..end],
                "{} {partial}",
                r.code
            );
        }
    }
}

#[test]
fn an_obviously_short_or_long_number_fails_for_every_region() {
    for (r, n) in examples() {
        let short = &n[..2];
        let long = format!("{n}{n}");
        assert!(validate(short, r).is_err(), "{} {short}", r.code);
        let long = validate(&long, r).unwrap_err();
        assert_eq!(long.problem, Problem::TooLong, "{}", r.code);
        assert_eq!(long.region, Some(r.code));
    }
}

#[test]
fn national_numbers_with_or_without_the_prefix() {
    let gb = region("GB");
    assert_eq!(validate("07911 123456", gb).unwrap(), "+447911123456");
    assert_eq!(validate("7911 123456", gb).unwrap(), "+447911123456");
    assert_eq!(as_you_type("07911123456", gb), "07911 123456");
    assert_eq!(as_you_type("7911123456", gb), "7911 123456");
    assert_eq!(as_you_type("02079460958", gb), "020 7946 0958");
    let my = region("MY");
    assert_eq!(validate("018-225 8491", my).unwrap(), "+60182258491");
    assert_eq!(as_you_type("0182258491", my), "018-225 8491");
}

#[test]
fn international_numbers_in_every_spelling() {
    let us = region("US");
    let gb = region("GB");
    for typed in [
        "+44 7911 123456",
        "+447911123456",
        "+44 (0)7911 123456",
        "＋４４ ７９１１ １２３４５６",
        "+44.7911.123.456",
    ] {
        assert_eq!(validate(typed, us).unwrap(), "+447911123456", "{typed}");
    }
    assert_eq!(validate("0044 7911 123456", gb).unwrap(), "+447911123456");
    assert_eq!(validate("011 44 7911 123456", us).unwrap(), "+447911123456");
    assert_eq!(as_you_type("0044 7911123456", gb), "00 44 7911 123456");
    assert_eq!(as_you_type("+60182258491", us), "+60 18 225 8491");
    assert_eq!(
        parse("+60182258491", us).unwrap().region,
        Some(region("MY"))
    );
}

#[test]
fn north_american_numbers() {
    let us = region("US");
    for typed in [
        "(415) 555-2671",
        "415.555.2671",
        "415-555-2671",
        "1 415 555 2671",
        "+1 415 555 2671",
    ] {
        assert_eq!(validate(typed, us).unwrap(), "+14155552671", "{typed}");
    }
    assert_eq!(as_you_type("4155552671", us), "(415) 555-2671");
    assert_eq!(as_you_type("+14155552671", us), "+1 415 555 2671");
    assert_eq!(
        parse("+1 613 555 0123", us).unwrap().region,
        Some(region("CA"))
    );
    assert_eq!(
        parse("+1 268 464 1234", us).unwrap().region,
        Some(region("AG"))
    );
    // A seven-digit local number in Antigua gets its area code, and is shown as typed.
    let ag = region("AG");
    assert_eq!(validate("464 1234", ag).unwrap(), "+12684641234");
    assert_eq!(as_you_type("4641234", ag), "4641234");
}

#[test]
fn separators_and_digit_scripts() {
    let fr = region("FR");
    for typed in [
        "06 12 34 56 78",
        "06-12-34-56-78",
        "06.12.34.56.78",
        "(06) 12 34 56 78",
        "٠٦١٢٣٤٥٦٧٨",
        "０６１２３４５６７８",
    ] {
        assert_eq!(validate(typed, fr).unwrap(), "+33612345678", "{typed}");
    }
    assert_eq!(as_you_type("0612345678", fr), "06 12 34 56 78");
}

#[test]
fn what_is_wrong_is_said_precisely() {
    let my = region("MY");
    let e = validate("012 345", my).unwrap_err();
    assert_eq!((e.problem, e.region), (Problem::TooShort, Some("MY")));
    let e = validate("012 3456 78901", my).unwrap_err();
    assert_eq!((e.problem, e.region), (Problem::TooLong, Some("MY")));
    let e = validate("07911 2345", region("GB")).unwrap_err();
    assert_eq!(e.problem, Problem::InvalidLength);
    assert_eq!(validate("  ", my).unwrap_err().problem, Problem::Empty);
    assert_eq!(validate("+", my).unwrap_err().problem, Problem::CountryCode);
    assert_eq!(
        validate("+0 12", my).unwrap_err().problem,
        Problem::CountryCode
    );
    assert_eq!(
        validate("12a45", my).unwrap_err().problem,
        Problem::NotANumber
    );
    // The region in the message is the number's own, not the selected one.
    let e = validate("+44 7911", my).unwrap_err();
    assert_eq!((e.problem, e.region), (Problem::TooShort, Some("GB")));
}

#[test]
fn the_caret_follows_its_digit() {
    let us = region("US");
    // Typing at the end.
    assert_eq!(
        edit("(415) 555-267", "(415) 555-2671", 14, Deletion::None, us),
        ("(415) 555-2671".into(), 14)
    );
    // Typing in the middle: after the 3rd digit, which moves past ") ".
    assert_eq!(
        edit("(415) 555", "(4159) 555", 5, Deletion::None, us),
        ("(415) 955-5".into(), 7)
    );
    // Backspace after ") " removes the 5 and keeps the caret there.
    assert_eq!(
        edit("(415) 555-2671", "(415 555-2671", 4, Deletion::Backward, us),
        ("(415) 552-671".into(), 3)
    );
    // Backspace on a digit.
    assert_eq!(
        edit("(415) 555-2671", "(415) 55-2671", 8, Deletion::Backward, us),
        ("(415) 552-671".into(), 8)
    );
    // Delete before the "-" removes the 2 after it.
    assert_eq!(
        edit("(415) 555-2671", "(415) 5552671", 9, Deletion::Forward, us),
        ("(415) 555-671".into(), 9)
    );
    // Pasting into an empty field puts the caret at the end.
    let (text, caret) = edit("", "+44 7911 123456", 15, Deletion::None, us);
    assert_eq!((text.as_str(), caret), ("+44 7911 123456", 15));
    // Letters are left as typed, caret and all.
    assert_eq!(
        edit("415", "41a5", 3, Deletion::None, us),
        ("41a5".into(), 3)
    );
}

#[test]
fn the_matcher_agrees_with_javascript_regexps() {
    assert!(matches("(?:3[0347]|55)\\d{8}", "3012345678", Mode::Full));
    assert!(!matches("(?:3[0347]|55)\\d{8}", "3512345678", Mode::Full));
    assert!(matches("\\d{4,5}", "1234", Mode::Full));
    assert!(!matches("\\d{4,5}", "123456", Mode::Full));
    assert!(matches("\\d{4,5}", "123456", Mode::Prefix));
    assert!(matches("[25-9]", "6", Mode::Full));
    assert!(!matches("[25-9]", "4", Mode::Full));
    assert!(matches("7(?:0|6[02-9])", "76", Mode::Partial));
    assert!(!matches("7(?:0|6[02-9])", "71", Mode::Partial));
    assert!(matches("0?(?:(11)15)?", "", Mode::Prefix));
    // Alternatives in order, as a JavaScript RegExp takes them.
    let f = find("0|180020", "1800201234", Mode::Prefix).unwrap();
    assert_eq!(f.end, 6);
    let f = find("(\\d)(\\d)?1", "21", Mode::Prefix).unwrap();
    assert_eq!(f.groups, [Some((0, 1)), None]);
    // What it cannot read matches nothing.
    for bad in ["a", "(", "[", "\\w", "x{2}", "\\d{3,1}", "\\d{300}", "*"] {
        assert!(!matches(bad, "123", Mode::Prefix), "{bad}");
    }
}
