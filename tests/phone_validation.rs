//! Validation with the number patterns, natively: the data files' decoder, the number types,
//! what may get a code, and properties over open-ended input; and what is judged when the
//! metadata is missing (its fetch failed: [`international`]). The differential test against
//! libphonenumber-js is `tests/phone_diff.test.mjs`.

use phone_otp::phone::data::{self, DataError, Patterns};
use phone_otp::phone::validate::{
    check, international, number_type, NumberType, NumberTypes, Problem,
};
use phone_otp::phone::Region;
use proptest::prelude::*;

fn region(code: &str) -> Region {
    Region::get(code).unwrap_or_else(|| panic!("no region {code}"))
}

fn patterns() -> Patterns {
    data::patterns().expect("compiled in by the default features")
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

const HEADER: &str = "# a\n# b\n# phone-otp calling-code 6 ";

#[test]
fn the_patterns_file_has_every_region_of_the_metadata() {
    for r in Region::all() {
        let rp = patterns()
            .region(r.code)
            .unwrap_or_else(|| panic!("{}", r.code));
        assert!(rp.types.iter().any(|(p, _)| !p.is_empty()), "{}", r.code);
        assert!(patterns().has(r.calling_code), "{}", r.code);
    }
}

#[test]
fn the_decoder_refuses_other_files_and_bad_lines() {
    // A line per region of the calling code, in the metadata's order (GB, GG, IM, JE under
    // +44): its formats, a tab, its patterns.
    let ok = leak(format!(
        "{HEADER}{} 44\n4 6!$1 $2!!0$1!\t;\\d{{10}};\\d{{10}}!10\n\t;d{{9}}\n",
        data::LIBPHONENUMBER_JS
    ));
    let p = Patterns::decode(ok).unwrap();
    assert_eq!(p.region("GB").unwrap().types[0], ("\\d{10}", ""));
    assert_eq!(p.region("GB").unwrap().types[1], ("\\d{10}", "10"));
    assert_eq!(p.region("GG").unwrap().types[0], ("d{9}", ""));
    assert!(p.region("IM").is_none());
    assert!(p.region("FR").is_none(), "not of this file's calling code");
    assert!(p.has("44") && !p.has("33"));
    // Another kind, format or version of file: a stale cache, or a file of before.
    for header in [
        "# phone-otp patterns 6 1.13.16 44",
        "# phone-otp calling-code 5 1.13.16 44",
        "# phone-otp calling-code 6 0.0.1 44",
        "# phone-otp calling-code 6 1.13.16",
        "# phone-otp calling-code 6 1.13.16 4x",
        "# phone-otp metadata 6 1.13.16",
        "",
    ] {
        let text = leak(format!("#\n#\n{header}\n\t;\\d{{10}}\n"));
        assert_eq!(
            Patterns::decode(text).unwrap_err(),
            DataError::Header,
            "{header}"
        );
    }
    // A line that cannot be read gives a region without patterns: its numbers are invalid.
    let eleven = ";x".repeat(11);
    for lines in [
        format!("\t\\d{eleven}"),
        "4 6!$1 $2!!0$1!;\\d{10}".into(),
        "".into(),
    ] {
        let text = leak(format!("{HEADER}{} 44\n{lines}\n", data::LIBPHONENUMBER_JS));
        let p = Patterns::decode(text).unwrap();
        assert_eq!(p.region("GB"), None, "{lines}");
    }
    // Compiled in already: an install is refused, and the table stays.
    for again in [
        format!(
            "# a\n# b\n# phone-otp metadata 6 {}\n",
            data::LIBPHONENUMBER_JS
        ),
        format!("{HEADER}{} 44\n\t;d{{9}}\n", data::LIBPHONENUMBER_JS),
    ] {
        assert_eq!(data::install(again), Err(DataError::Installed));
    }
    assert_eq!(data::install(String::new()), Err(DataError::Header));
    assert!(patterns().region("GB").is_some());
    assert!(!data::wanted("44"));
}

#[test]
fn numbers_that_no_region_has_are_refused() {
    let us = region("US");
    for (typed, from) in [
        ("+1 123 456 7890", "US"),
        ("123 456 7890", "US"),
        ("+1 555 123 4567", "US"),
        ("+61 5 1234 5678", "AU"),
        ("+44 6123 456789", "GB"),
    ] {
        let e = check(typed, us, Some(patterns())).unwrap_err();
        assert_eq!(
            (e.problem, e.region),
            (Problem::InvalidForRegion, Some(from)),
            "{typed}"
        );
        // Without the patterns, only the length is checked: these pass (but "123 456 7890",
        // read as 1 and nine digits, is too short).
        assert_eq!(
            check(typed, us, None).is_ok(),
            typed.starts_with('+'),
            "{typed}"
        );
    }
}

#[test]
fn each_number_gets_its_type_and_region() {
    let fr = region("FR");
    for (typed, e164, code, t) in [
        (
            "+44 901 234 5678",
            "+449012345678",
            "GB",
            NumberType::PremiumRate,
        ),
        (
            "+44 20 7946 0958",
            "+442079460958",
            "GB",
            NumberType::FixedLine,
        ),
        ("+44 7400 123456", "+447400123456", "GB", NumberType::Mobile),
        (
            "+44 800 123 4567",
            "+448001234567",
            "GB",
            NumberType::TollFree,
        ),
        ("+44 7797 712345", "+447797712345", "JE", NumberType::Mobile),
        (
            "+1 201 555 0123",
            "+12015550123",
            "US",
            NumberType::FixedLineOrMobile,
        ),
        (
            "+1 613 555 0123",
            "+16135550123",
            "CA",
            NumberType::FixedLineOrMobile,
        ),
        (
            "+1 800 555 0123",
            "+18005550123",
            "US",
            NumberType::TollFree,
        ),
        (
            "+1 900 555 0123",
            "+19005550123",
            "US",
            NumberType::PremiumRate,
        ),
        ("06 12 34 56 78", "+33612345678", "FR", NumberType::Mobile),
        (
            "01 23 45 67 89",
            "+33123456789",
            "FR",
            NumberType::FixedLine,
        ),
        (
            "08 36 12 34 56",
            "+33836123456",
            "FR",
            NumberType::PremiumRate,
        ),
        ("+60 18-225 8491", "+60182258491", "MY", NumberType::Mobile),
    ] {
        let v = check(typed, fr, Some(patterns())).unwrap_or_else(|e| panic!("{typed}: {e:?}"));
        assert_eq!(
            (v.e164.as_str(), v.region, v.number_type),
            (e164, code, Some(t)),
            "{typed}"
        );
    }
}

#[test]
fn what_may_get_a_code() {
    let us = region("US");
    let get = |typed: &str, allowed: NumberTypes, voice: bool| {
        check(typed, us, Some(patterns()))
            .map_err(|e| e.problem)
            .and_then(|v| v.delivery(allowed, voice))
    };
    let default = NumberTypes::default();
    assert_eq!(get("+44 7400 123456", default, false), Ok(false));
    assert_eq!(get("+1 201 555 0123", default, false), Ok(false));
    // A fixed line, where the region tells it apart, is called.
    assert_eq!(get("+44 20 7946 0958", default, true), Ok(true));
    assert_eq!(
        get("+44 20 7946 0958", default, false),
        Err(Problem::NoTextMessages)
    );
    for (typed, t) in [
        ("+44 901 234 5678", NumberType::PremiumRate),
        ("+44 800 123 4567", NumberType::TollFree),
        ("+1 900 555 0123", NumberType::PremiumRate),
    ] {
        assert_eq!(get(typed, default, true), Err(Problem::Type(t)), "{typed}");
        assert_eq!(
            get(typed, NumberTypes::of(&NumberType::ALL), false),
            Ok(false)
        );
    }
    let mobile_only = NumberTypes::parse("mobile");
    assert_eq!(
        get("+1 201 555 0123", mobile_only, true),
        Err(Problem::Type(NumberType::FixedLineOrMobile))
    );
    assert_eq!(
        get("+44 20 7946 0958", mobile_only, true),
        Err(Problem::Type(NumberType::FixedLine))
    );
}

#[test]
fn the_default_types_are_the_issues() {
    let d = NumberTypes::default();
    let refused: Vec<_> = NumberType::ALL
        .into_iter()
        .filter(|&t| !d.contains(t))
        .collect();
    assert_eq!(
        refused,
        [
            NumberType::TollFree,
            NumberType::PremiumRate,
            NumberType::SharedCost,
            NumberType::Pager,
            NumberType::Uan,
            NumberType::Voicemail
        ]
    );
    for t in NumberType::ALL {
        assert_eq!(NumberType::from_name(t.name()), Some(t));
        assert_eq!(NumberTypes::parse(t.name()), NumberTypes::of(&[t]));
    }
    assert_eq!(NumberTypes::parse(""), d);
    assert_eq!(
        NumberTypes::parse(" mobile,voip "),
        NumberTypes::of(&[NumberType::Mobile, NumberType::Voip])
    );
}

#[test]
fn a_length_problem_is_said_of_the_digits_typed() {
    // libphonenumber keeps the 0 of "07911 2345" (too short without it) and then calls the
    // number invalid; the person is told its length is wrong, which is what they can fix.
    let e = check("07911 2345", region("GB"), Some(patterns())).unwrap_err();
    assert_eq!(e.problem, Problem::InvalidLength);
}

#[test]
fn without_the_metadata_an_international_number_is_sent_as_typed() {
    for (typed, e164) in [
        ("+44 7911 123456", "+447911123456"),
        ("+44-7911-123-456", "+447911123456"),
        ("+44 (7911) 123456", "+447911123456"),
        ("(+44) 7911 123456", "+447911123456"),
        (" +44 (0)7911 123456 ", "+447911123456"),
        ("+49 (0) 151 23456789", "+4915123456789"),
        ("0044 7911 123456", "+447911123456"),
        ("00 60 18-225 8491", "+60182258491"),
        ("+1 (415) 555-2671", "+14155552671"),
        ("+1.415.555.2671", "+14155552671"),
        ("＋４４ ７９１１ １２３４５６", "+447911123456"),
        // The shortest and longest E.164 allows here: 8 and 15 digits.
        ("+12345678", "+12345678"),
        ("+123 456 789 012 345", "+123456789012345"),
    ] {
        let v = international(typed).unwrap_or_else(|e| panic!("{typed}: {e:?}"));
        assert_eq!(v.e164, e164, "{typed}");
        // No region and no type: the backend judges the number.
        assert_eq!((v.region, v.number_type), ("", None), "{typed}");
        // So no number-types option refuses it, and it gets a text message.
        assert_eq!(v.delivery(NumberTypes::parse("mobile"), false), Ok(false));
    }
}

#[test]
fn without_the_metadata_anything_else_asks_for_the_country_code() {
    for typed in [
        // National numbers: no table to read them with.
        "07911 123456",
        "7911 123456",
        "(415) 555-2671",
        "018-225 8491",
        // Too short, too long, or no calling code after the prefix.
        "+",
        "00",
        "+44 7911",
        "+1234567",
        "+1234 5678 9012 3456",
        "0044 7911 123 456 789 0",
        "+0 44 7911 123456",
        "000 44 7911 123456",
    ] {
        let e = international(typed).unwrap_err();
        // Never "that country code does not exist": the missing table is not the person's fault.
        assert_eq!(
            (e.problem, e.region),
            (Problem::NeedsCountryCode, None),
            "{typed}"
        );
    }
    assert_eq!(international("").unwrap_err().problem, Problem::Empty);
    assert_eq!(international(" - ").unwrap_err().problem, Problem::Empty);
    assert_eq!(
        international("+44 7911 12345x").unwrap_err().problem,
        Problem::NotANumber
    );
    assert_eq!(
        international("44+7911").unwrap_err().problem,
        Problem::NotANumber
    );
}

proptest! {
    #[test]
    fn without_the_metadata_a_plus_and_8_to_15_digits_is_its_e164(
        first in "[1-9]",
        rest in proptest::collection::vec(("[0-9]", "( |-|\\.|\\(|\\)|)"), 7..=14),
        idd in proptest::bool::ANY,
    ) {
        let mut typed = String::from(if idd { "00" } else { "+" });
        typed.push_str(&first);
        let mut digits = first.clone();
        for (d, sep) in &rest {
            typed.push_str(sep);
            typed.push_str(d);
            digits.push_str(d);
        }
        // A "(0)" can only come from the separators here when a "(" and ")" surround a 0 digit.
        prop_assume!(!typed.contains("(0)"));
        let v = international(&typed).unwrap();
        prop_assert_eq!(v.e164, format!("+{digits}"));
    }

    #[test]
    fn without_the_metadata_a_number_is_sent_or_asked_for_its_country_code(
        text in "[+0-9 ()-]{0,24}",
    ) {
        match international(&text) {
            Ok(v) => prop_assert!(phone_otp::phone::is_e164(&v.e164) && v.e164.len() >= 9, "{text}"),
            Err(e) => prop_assert!(
                matches!(e.problem, Problem::Empty | Problem::NotANumber | Problem::NeedsCountryCode),
                "{text}: {e:?}"
            ),
        }
    }

    #[test]
    fn without_the_metadata_a_national_number_asks_for_the_country_code(
        national in "[1-9][0-9 -]{0,16}|0[ -]?[1-9][0-9 -]{0,15}",
    ) {
        let e = international(&national).unwrap_err();
        prop_assert_eq!(e.problem, Problem::NeedsCountryCode);
    }

    #[test]
    fn checking_never_panics_and_a_valid_number_is_valid_again(
        text in "[+0-9 ()-]{0,20}",
        i in 0usize..245,
    ) {
        let selected = Region::all().nth(i).unwrap_or_default();
        if let Ok(v) = check(&text, selected, Some(patterns())) {
            // Its E.164 form is the same valid number, from any region.
            let again = check(&v.e164, region("FR"), Some(patterns())).unwrap();
            prop_assert_eq!(&again.e164, &v.e164);
            prop_assert_eq!(again.number_type, v.number_type);
            // And it has a possible length: the patterns only take away.
            prop_assert!(check(&text, selected, None).is_ok());
        }
    }

    #[test]
    fn a_typed_number_is_of_the_region_its_patterns_say(
        digits in "[0-9]{4,13}",
        i in 0usize..245,
    ) {
        let r = Region::all().nth(i).unwrap_or_default();
        if let Some(t) = number_type(r, &digits, patterns()) {
            prop_assert!(r.possible_lengths().any(|l| l == digits.len()), "{} {digits} {t:?}", r.code);
        }
    }

    #[test]
    fn the_decoder_never_panics(text in "(# phone-otp calling-code 6 1.13.16 44\n)?[A-Z;!0-9\\\\d{}|\t\n]{0,200}") {
        let _ = Patterns::decode(Box::leak(text.into_boxed_str()));
    }
}
