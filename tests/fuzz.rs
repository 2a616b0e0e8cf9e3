//! Property tests that nothing a user or a backend sends can panic the pure core. A short run is
//! part of `cargo test`; the long run is `PROPTEST_CASES=100000 cargo test --test fuzz`.

use phone_otp::code::sanitize;
use phone_otp::dialect::{Backend, Channel, Dialect, HttpResponse, SendRequest, Session};
use phone_otp::json::Json;
use phone_otp::phone::format::{as_you_type, edit, Deletion};
use phone_otp::phone::parse::{digits, parse};
use phone_otp::phone::pattern::{find, Mode};
use phone_otp::phone::validate::validate;
use phone_otp::phone::{split_calling_code, Region};
use phone_otp::template::{fill, mentions};
use phone_otp::time::{parse_http_date, parse_rfc3339, retry_after};
use proptest::prelude::*;

/// Arbitrary JSON, biased towards the field names and values the dialects look at.
fn json() -> impl Strategy<Value = Json> {
    let word = prop_oneof![
        Just("id".to_string()),
        Just("status".to_string()),
        Just("data".to_string()),
        Just("verify".to_string()),
        Just("codeState".to_string()),
        Just("sessionId".to_string()),
        Just("_id".to_string()),
        Just("referenceId".to_string()),
        Just("success".to_string()),
        Just("verified".to_string()),
        Just("attemptsRemaining".to_string()),
        Just("expiresAt".to_string()),
        Just("message".to_string()),
        Just("APPROVED".to_string()),
        Just("VERIFIED".to_string()),
        Just("VALID".to_string()),
        Just("validated".to_string()),
        Just("approved".to_string()),
        Just("2026-02-18T13:10:00Z".to_string()),
        "\\PC{0,12}",
    ];
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<f64>().prop_map(Json::Number),
        (0u32..20).prop_map(|n| Json::Number(n as f64)),
        word.clone().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
            proptest::collection::vec((word.clone(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

fn backends() -> Vec<Backend> {
    [
        Dialect::Native,
        Dialect::IdMeta {
            trust_flow_id: "1".into(),
            trust_validation_id: "t".into(),
        },
        Dialect::Verifik {
            project: None,
            project_flow: None,
            gateway: None,
        },
        Dialect::OtpService,
        Dialect::VerifyHq {
            user_id: "u".into(),
        },
    ]
    .into_iter()
    .map(|dialect| Backend {
        dialect,
        ..Backend::default()
    })
    .collect()
}

proptest! {
    #[test]
    fn dialects_read_any_response(
        status in prop_oneof![Just(200u16), Just(201), Just(400), Just(404), Just(409), Just(410), Just(423), Just(429), Just(503), any::<u16>()],
        body in proptest::option::of(json()),
        date in proptest::option::of("\\PC{0,40}"),
        retry in proptest::option::of("[0-9]{0,12}|\\PC{0,30}"),
        now in any::<i64>(),
    ) {
        let mut headers = vec![];
        if let Some(d) = date { headers.push(("date".to_string(), d)); }
        if let Some(r) = retry { headers.push(("retry-after".to_string(), r)); }
        let res = HttpResponse { status, headers, body };
        let req = SendRequest { phone: "+60182258491".into(), channel: Channel::Sms };
        for b in backends() {
            let _ = b.read_send(&req, &res, now);
            let _ = b.read_verify(&Session::default(), &res, now);
            let _ = b.read_follow_up(&res, now);
        }
    }

    #[test]
    fn dialects_build_requests_for_any_session(id in "\\PC{0,20}", phone in "\\PC{0,20}", code in "[0-9]{0,12}") {
        let session = Session { id, phone: phone.clone(), ..Session::default() };
        for b in backends() {
            let _ = b.send(&SendRequest { phone: phone.clone(), channel: Channel::Voice }).body.map(|j| j.to_string());
            let _ = b.verify(&session, &code).body.map(|j| j.to_string());
        }
    }

    #[test]
    fn text_parsers_never_panic(s in "\\PC{0,64}", n in 0usize..12, now in any::<i64>()) {
        let _ = sanitize(&s, n);
        let _ = split_calling_code(&s);
        let _ = parse_rfc3339(&s);
        let _ = parse_http_date(&s);
        let _ = retry_after(&s, now);
        let _ = fill(&s, &[("n", "2"), ("id", &s)]);
        let _ = mentions(&s, "expired");
    }
}

proptest! {
    #[test]
    fn dates_with_any_numbers_never_overflow(y in any::<u64>(), h in any::<u64>(), off in any::<u64>(), now in any::<i64>()) {
        let _ = parse_rfc3339(&format!("{y}-01-01T{h}:00:00+{off}:00"));
        let _ = parse_http_date(&format!("Sun, 06 Nov {y} {h}:49:37 GMT"));
        let res = HttpResponse {
            status: 429,
            headers: vec![("date".into(), format!("Sun, 06 Nov {y} 08:49:37 GMT")), ("retry-after".into(), y.to_string())],
            body: None,
        };
        let _ = res.retry_at(now);
        let _ = res.clock_skew(now);
    }
}

/// Text as people type or paste it into the phone field, with every digit script and separator.
fn phone_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[0-9]{1,4}",
        1 => Just("+".to_string()),
        1 => Just("00".to_string()),
        1 => "[ ().\\-/]",
        1 => "[０-９٠-٩۰-۹＋（）]",
        1 => "\\PC",
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

fn any_region() -> impl Strategy<Value = Region> {
    let all: Vec<Region> = Region::all().collect();
    proptest::sample::select(all)
}

proptest! {
    #[test]
    fn phone_entry_survives_any_text(text in phone_text(), region in any_region()) {
        let _ = validate(&text, region);
        let shown = as_you_type(&text, region);
        if let Some((_, typed)) = digits(&text) {
            // Formatting never drops or invents a digit, and is stable once applied.
            prop_assert_eq!(digits(&shown).map(|d| d.1), Some(typed));
            prop_assert_eq!(as_you_type(&shown, region), shown.clone());
            prop_assert!(parse(&shown, region).is_some());
        } else {
            prop_assert_eq!(shown, text);
        }
    }

    #[test]
    fn caret_stays_in_the_text(
        previous in phone_text(),
        value in phone_text(),
        caret in 0usize..40,
        deletion in prop_oneof![Just(Deletion::None), Just(Deletion::Backward), Just(Deletion::Forward)],
        region in any_region(),
    ) {
        let (text, at) = edit(&previous, &value, caret, deletion, region);
        prop_assert!(at <= text.encode_utf16().count());
    }

    #[test]
    fn the_pattern_matcher_reads_any_pattern(pattern in "[0-9d\\\\\\[\\]()?:|{},$-]{0,24}", input in "[0-9]{0,20}") {
        for mode in [Mode::Full, Mode::Prefix, Mode::Partial] {
            if let Some(found) = find(&pattern, &input, mode) {
                prop_assert!(found.end <= input.len());
            }
        }
    }
}
