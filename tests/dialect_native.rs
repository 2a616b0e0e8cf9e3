//! Contract tests for the native dialect: the examples in README and openapi.json, read back.

use phone_otp::dialect::{native, HttpResponse, Outcome, Session};
use phone_otp::json::Json;
use phone_otp::time::parse_rfc3339;

fn res(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![],
        body: serde_json::from_str::<Json>(body).ok(),
    }
}

#[test]
fn reads_a_sent_code() {
    let r = res(
        200,
        r#"{"id":"v_1","status":"pending","expiresAt":"2026-02-18T13:10:00Z",
            "resendAt":"2026-02-18T13:00:30Z","attemptsRemaining":3,"codeLength":6}"#,
    );
    assert_eq!(
        native::read_send(&r, 0),
        Outcome::Sent(Session {
            id: "v_1".into(),
            expires_at: parse_rfc3339("2026-02-18T13:10:00Z"),
            resend_at: parse_rfc3339("2026-02-18T13:00:30Z"),
            attempts_remaining: Some(3),
            code_length: Some(6),
            ..Session::default()
        })
    );
}

#[test]
fn moves_server_times_to_our_clock_by_the_date_header() {
    let mut r = res(200, r#"{"id":"v_1","expiresAt":"1970-01-01T00:10:00Z"}"#);
    // The server is one minute ahead of us.
    r.headers = vec![("date".into(), "Thu, 01 Jan 1970 00:01:00 GMT".into())];
    let Outcome::Sent(s) = native::read_send(&r, 0) else {
        panic!("not sent")
    };
    assert_eq!(s.expires_at, Some(540_000));
}

#[test]
fn reads_every_verify_status() {
    let cases = [
        (200, r#"{"id":"v","status":"approved"}"#, "approved"),
        (
            400,
            r#"{"status":"invalid","attemptsRemaining":2}"#,
            "invalid 2",
        ),
        (
            400,
            r#"{"status":"invalid","attemptsRemaining":0}"#,
            "locked",
        ),
        (
            410,
            r#"{"status":"expired","attemptsRemaining":3}"#,
            "expired",
        ),
        (
            423,
            r#"{"status":"max_attempts","attemptsRemaining":0}"#,
            "locked",
        ),
        (409, r#"{"status":"already_used"}"#, "already_used"),
        (404, r#"{"status":"not_found"}"#, "not_found"),
        // No body: the HTTP status decides.
        (410, "", "expired"),
        (404, "<html>", "not_found"),
        (503, "", "server"),
        (200, r#"{"status":"weird"}"#, "bad"),
        (200, "[]", "bad"),
    ];
    for (status, body, want) in cases {
        let got = match native::read_verify(&res(status, body), 0) {
            Outcome::Approved(_) => "approved".to_string(),
            Outcome::Invalid {
                attempts_remaining: Some(n),
            } => format!("invalid {n}"),
            Outcome::Locked => "locked".into(),
            Outcome::Expired => "expired".into(),
            Outcome::AlreadyUsed => "already_used".into(),
            Outcome::NotFound => "not_found".into(),
            Outcome::ServerError { .. } => "server".into(),
            Outcome::BadResponse => "bad".into(),
            other => format!("{other:?}"),
        };
        assert_eq!(got, want, "{status} {body}");
    }
}

#[test]
fn rate_limit_reads_retry_after() {
    let mut r = res(429, r#"{"status":"rate_limited"}"#);
    r.headers = vec![("retry-after".into(), "30".into())];
    assert_eq!(
        native::read_send(&r, 1_000),
        Outcome::RateLimited {
            until: Some(31_000)
        }
    );
}

#[test]
fn a_send_without_an_id_is_a_bad_response() {
    assert_eq!(native::read_send(&res(200, "{}"), 0), Outcome::BadResponse);
    assert_eq!(
        native::read_send(&res(200, "null"), 0),
        Outcome::BadResponse
    );
}

/// The examples in openapi.json, read by the native dialect: the contract and the reader agree.
#[test]
fn reads_the_openapi_examples() {
    let spec: serde_json::Value =
        serde_json::from_str(include_str!("../openapi.json")).expect("openapi.json is JSON");
    let example = |pointer: &str| -> String {
        spec.pointer(pointer)
            .unwrap_or_else(|| panic!("no {pointer}"))
            .to_string()
    };
    let send = example("/paths/~1send/post/responses/200/content/application~1json/example");
    assert!(
        matches!(native::read_send(&res(200, &send), 0), Outcome::Sent(s) if s.attempts_remaining == Some(3))
    );
    let approved = example("/paths/~1verify/post/responses/200/content/application~1json/example");
    assert!(matches!(
        native::read_verify(&res(200, &approved), 0),
        Outcome::Approved(_)
    ));
    let failures = [
        (
            "Invalid",
            400,
            Outcome::Invalid {
                attempts_remaining: Some(2),
            },
        ),
        ("Expired", 410, Outcome::Expired),
        ("MaxAttempts", 423, Outcome::Locked),
        ("AlreadyUsed", 409, Outcome::AlreadyUsed),
        ("NotFound", 404, Outcome::NotFound),
    ];
    for (name, status, want) in failures {
        let body = example(&format!(
            "/components/responses/{name}/content/application~1json/example"
        ));
        assert_eq!(native::read_verify(&res(status, &body), 0), want, "{name}");
    }
    let limited = example("/paths/~1send/post/responses/429/content/application~1json/example");
    assert!(matches!(
        native::read_send(&res(429, &limited), 0),
        Outcome::RateLimited { .. }
    ));
}
