//! Contract tests: each provider dialect against the request and response examples in
//! `docs/providers.md` (copied here verbatim) and every documented error status.

use phone_otp::dialect::{
    Backend, Channel, Dialect, HttpResponse, Method, Outcome, Read, SendRequest, Session,
};
use phone_otp::json::Json;

fn res(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![],
        body: serde_json::from_str::<Json>(body).ok(),
    }
}

fn json(text: &str) -> Json {
    serde_json::from_str(text).unwrap()
}

fn backend(dialect: Dialect) -> Backend {
    Backend {
        dialect,
        ..Backend::default()
    }
}

fn send_req(phone: &str) -> SendRequest {
    SendRequest {
        phone: phone.into(),
        channel: Channel::Sms,
    }
}

fn sent_id(outcome: Outcome) -> String {
    match outcome {
        Outcome::Sent(s) => s.id,
        other => panic!("not sent: {other:?}"),
    }
}

fn done(read: Read) -> Outcome {
    match read {
        Read::Done(o) => o,
        Read::Then(req) => panic!("asked for {req:?}"),
    }
}

// ---- IDmeta ----

fn idmeta() -> Backend {
    backend(Dialect::IdMeta {
        trust_flow_id: "0".into(),
        trust_validation_id: "{your_trust_validation_id}".into(),
    })
}

const IDMETA_SEND: &str = r#"{
  "success": true,
  "message": "Phone verification code sent successfully",
  "data": {
    "referenceId": "0123456789ABCDEF0123456789ABCDEF",
    "submitTime": "2026-05-14T10:00:00.000Z",
    "status": { "updatedOn": "2026-05-14T10:00:00.000Z", "code": 103, "description": "Call in progress" },
    "verify": { "codeState": "UNKNOWN", "inputPhoneNumber": "+60182258491" }
  },
  "verificationStatus": "PENDING",
  "verificationStatusCode": 0,
  "trustFlowId": 0,
  "trustValidationId": "{your_trust_validation_id}",
  "verificationType": "sms_verification",
  "metadata": null
}"#;

const IDMETA_VERIFY: &str = r#"{
  "success": true,
  "message": "Phone verification processed successfully",
  "data": {
    "referenceId": "0123456789ABCDEF0123456789ABCDEF",
    "submitTime": "2026-05-14T10:01:00.000Z",
    "status": { "code": 200, "description": "Verify success" },
    "verify": { "codeState": "VALID", "inputPhoneNumber": "+60182258491" }
  },
  "verificationStatus": "VERIFIED",
  "verificationStatusCode": 3,
  "trustFlowId": 0,
  "trustValidationId": "{your_trust_validation_id}",
  "verificationType": "sms_verification",
  "metadata": null
}"#;

#[test]
fn idmeta_requests_follow_the_seed() {
    let b = idmeta();
    let req = b.send(&send_req("+60182258491"));
    assert_eq!(req.method, Method::Post);
    assert_eq!(req.path, "/api/v3/verifications/phone-verification/send");
    assert_eq!(
        req.body.unwrap(),
        json(
            r#"{"country_code":"+60","phone_number":"182258491","trustFlowId":0,"trustValidationId":"{your_trust_validation_id}"}"#
        )
    );
    let session = Session {
        id: "0123456789ABCDEF0123456789ABCDEF".into(),
        phone: "+60182258491".into(),
        ..Session::default()
    };
    let req = b.verify(&session, "123456");
    assert_eq!(req.path, "/api/v3/verifications/phone-verification/verify");
    assert_eq!(
        req.body.unwrap(),
        json(
            r#"{"otp":"123456","trustFlowId":0,"trustValidationId":"{your_trust_validation_id}","ref_id":"0123456789ABCDEF0123456789ABCDEF"}"#
        )
    );
}

#[test]
fn idmeta_reads_the_seed_responses() {
    let b = idmeta();
    let id = sent_id(b.read_send(&send_req("+60182258491"), &res(200, IDMETA_SEND), 0));
    assert_eq!(id, "0123456789ABCDEF0123456789ABCDEF");
    let session = Session {
        id,
        ..Session::default()
    };
    assert!(matches!(
        done(b.read_verify(&session, &res(200, IDMETA_VERIFY), 0)),
        Outcome::Approved(_)
    ));
    // The pending answer to a verify is not a success.
    assert_eq!(
        done(b.read_verify(&session, &res(200, IDMETA_SEND), 0)),
        Outcome::Invalid {
            attempts_remaining: None
        }
    );
    let failed =
        r#"{"success":false,"message":"Invalid code","data":{"verify":{"codeState":"INVALID"}}}"#;
    assert_eq!(
        done(b.read_verify(&session, &res(400, failed), 0)),
        Outcome::Invalid {
            attempts_remaining: None
        }
    );
    let expired = r#"{"success":false,"data":{"verify":{"codeState":"EXPIRED"}}}"#;
    assert_eq!(
        done(b.read_verify(&session, &res(400, expired), 0)),
        Outcome::Expired
    );
    assert_eq!(
        b.read_send(
            &send_req("+60182258491"),
            &res(200, r#"{"success":false,"message":"Bad number"}"#),
            0
        ),
        Outcome::Rejected {
            message: Some("Bad number".into())
        }
    );
}

// ---- Verifik ----

fn verifik() -> Backend {
    backend(Dialect::Verifik {
        project: Some("507f1f77bcf86cd799439011".into()),
        project_flow: Some("507f1f77bcf86cd799439015".into()),
        gateway: Some("whatsapp".into()),
    })
}

#[test]
fn verifik_requests_follow_the_docs() {
    let b = verifik();
    let req = b.send(&send_req("+50762647737"));
    assert_eq!(req.path, "/v2/phone-validations");
    assert_eq!(
        req.body.unwrap(),
        json(
            r#"{"validationMethod":"verificationCode","phone":"62647737","countryCode":"+507","type":"validation",
                 "project":"507f1f77bcf86cd799439011","projectFlow":"507f1f77bcf86cd799439015","phoneGateway":"whatsapp"}"#
        )
    );
    let session = Session {
        id: "674de8df21c72be3cc42b8a7".into(),
        phone: "+50762647737".into(),
        ..Session::default()
    };
    let req = b.verify(&session, "123456");
    assert_eq!(req.path, "/v2/phone-validations/validate");
    // Verifik's "Advanced Validation with Project Details" example, field for field.
    assert_eq!(
        req.body.unwrap(),
        json(
            r#"{"phone":"62647737","countryCode":"+507","otp":123456,"project":"507f1f77bcf86cd799439011",
                 "projectFlow":"507f1f77bcf86cd799439015","phoneGateway":"whatsapp"}"#
        )
    );
    let basic = backend(Dialect::Verifik {
        project: None,
        project_flow: None,
        gateway: None,
    });
    assert_eq!(
        basic.verify(&session, "123456").body.unwrap(),
        json(r#"{"phone":"62647737","countryCode":"+507","otp":123456}"#)
    );
}

#[test]
fn verifik_reads_responses() {
    let b = verifik();
    let sent = r#"{"data":{"_id":"674de8df21c72be3cc42b8a7","status":"sent","phoneGateway":"sms","phone":"62647737",
                   "countryCode":"+507","expiresAt":"2026-02-18T13:10:00Z"}}"#;
    let Outcome::Sent(session) = b.read_send(&send_req("+50762647737"), &res(200, sent), 0) else {
        panic!()
    };
    assert_eq!(session.id, "674de8df21c72be3cc42b8a7");
    assert_eq!(session.phone, "+50762647737");
    assert!(session.expires_at.is_some());
    let validated = r#"{"data":{"_id":"674de8df21c72be3cc42b8a7","status":"validated","countryCode":"+507",
                        "phone":"62647737","type":"validation","showFaceLivenessRecommendation":false}}"#;
    assert!(matches!(
        done(b.read_verify(&session, &res(200, validated), 0)),
        Outcome::Approved(_)
    ));
    assert_eq!(
        done(b.read_verify(&session, &res(400, r#"{"message":"Invalid OTP"}"#), 0)),
        Outcome::Invalid {
            attempts_remaining: None
        }
    );
    assert_eq!(
        done(b.read_verify(
            &session,
            &res(400, r#"{"message":"The OTP has expired"}"#),
            0
        )),
        Outcome::Expired
    );
    assert_eq!(
        done(b.read_verify(&session, &res(404, "{}"), 0)),
        Outcome::NotFound
    );
    assert_eq!(
        done(b.read_verify(&session, &res(200, r#"{"data":{"status":"sent"}}"#), 0)),
        Outcome::BadResponse
    );
}

// ---- OTP messaging service ----

fn otp_verify_body(status: &str, verified: bool, message: &str) -> String {
    format!(
        r#"{{"success":{verified},"message":"{message}","data":{{"sessionId":"feab6011-2469-4804-ace5-ee9dcb5b9ef2",
            "status":"{status}","verified":{verified},"message":"{message}"}}}}"#
    )
}

#[test]
fn otp_service_follows_the_seed() {
    let b = backend(Dialect::OtpService);
    let session = Session {
        id: "feab6011-2469-4804-ace5-ee9dcb5b9ef2".into(),
        ..Session::default()
    };
    let req = b.verify(&session, "123456");
    assert_eq!(req.path, "/v1/messaging/otp/verify");
    assert_eq!(
        req.body.unwrap(),
        json(r#"{"sessionId":"feab6011-2469-4804-ace5-ee9dcb5b9ef2","code":"123456"}"#)
    );
    assert_eq!(
        b.send(&send_req("+60182258491")).path,
        "/v1/messaging/otp/request"
    );

    let cases = [
        (
            200,
            "APPROVED",
            true,
            "OTP verified successfully",
            "approved",
        ),
        (400, "INVALID", false, "Invalid OTP", "invalid"),
        (410, "EXPIRED", false, "OTP expired", "expired"),
        (
            423,
            "MAX_ATTEMPTS_REACHED",
            false,
            "Maximum verification attempts reached",
            "locked",
        ),
        (
            409,
            "ALREADY_USED",
            false,
            "OTP already verified",
            "already_used",
        ),
        (
            404,
            "NOT_FOUND",
            false,
            "OTP session not found",
            "not_found",
        ),
    ];
    for (http, status, verified, message, want) in cases {
        let body = otp_verify_body(status, verified, message);
        // Without a body the HTTP status decides, except that a bare 200 proves nothing.
        let bare_want = if http == 200 { "bad" } else { want };
        for (response, want) in [(res(http, &body), want), (res(http, ""), bare_want)] {
            let got = match done(b.read_verify(&session, &response, 0)) {
                Outcome::Approved(_) => "approved",
                Outcome::Invalid {
                    attempts_remaining: None,
                } => "invalid",
                Outcome::Expired => "expired",
                Outcome::Locked => "locked",
                Outcome::AlreadyUsed => "already_used",
                Outcome::NotFound => "not_found",
                Outcome::BadResponse => "bad",
                other => panic!("{http} {status}: {other:?}"),
            };
            assert_eq!(got, want, "{http} {status}");
        }
    }
    // APPROVED without verified: true is not trusted.
    let odd = otp_verify_body("APPROVED", false, "?");
    assert_eq!(
        done(b.read_verify(&session, &res(200, &odd), 0)),
        Outcome::BadResponse
    );
    let sent = r#"{"success":true,"data":{"sessionId":"feab6011-2469-4804-ace5-ee9dcb5b9ef2"}}"#;
    assert_eq!(
        sent_id(b.read_send(&send_req("+60182258491"), &res(200, sent), 0)),
        session.id
    );
}

// ---- VerifyHQ ----

#[test]
fn verifyhq_follows_the_seed() {
    let b = backend(Dialect::VerifyHq {
        user_id: "user_123".into(),
    });
    let req = b.send(&send_req("+2250700000000"));
    assert_eq!(req.path, "/v1/verifications/phone");
    assert_eq!(
        req.body.unwrap(),
        json(r#"{"phoneNumber":"+2250700000000","userId":"user_123","channel":"SMS"}"#)
    );
    let created = r#"{"id":"pv_abc123","userId":"user_123","phoneNumber":"+2250700000000","channel":"SMS",
                      "status":"PENDING","expiresAt":"2026-02-18T13:10:00Z","createdAt":"2026-02-18T13:00:00Z"}"#;
    let Outcome::Sent(session) = b.read_send(&send_req("+2250700000000"), &res(201, created), 0)
    else {
        panic!()
    };
    assert_eq!(session.id, "pv_abc123");
    assert_eq!(session.attempts_remaining, Some(3));
    assert_eq!(session.code_length, Some(6));

    let req = b.verify(&session, "482910");
    assert_eq!(req.path, "/v1/verifications/phone/pv_abc123/verify");
    assert_eq!(req.body.unwrap(), json(r#"{ "code": "482910" }"#));
    let verified = r#"{"id":"pv_abc123","status":"VERIFIED","phoneNumber":"+2250700000000","verifiedAt":"2026-02-18T13:02:15Z"}"#;
    assert!(matches!(
        done(b.read_verify(&session, &res(200, verified), 0)),
        Outcome::Approved(_)
    ));

    // A failed check reads the status.
    let Read::Then(status_req) = b.read_verify(&session, &res(400, "{}"), 0) else {
        panic!()
    };
    assert_eq!(status_req.method, Method::Get);
    assert_eq!(status_req.path, "/v1/verifications/phone/pv_abc123");
    let status = |s: &str, left: u32| {
        format!(
            r#"{{"id":"pv_abc123","status":"{s}","attemptsRemaining":{left},"expiresAt":"2026-02-18T13:10:00Z"}}"#
        )
    };
    assert_eq!(
        b.read_follow_up(&res(200, &status("PENDING", 2)), 0),
        Outcome::Invalid {
            attempts_remaining: Some(2)
        }
    );
    assert_eq!(
        b.read_follow_up(&res(200, &status("PENDING", 0)), 0),
        Outcome::Locked
    );
    assert_eq!(
        b.read_follow_up(&res(200, &status("FAILED", 0)), 0),
        Outcome::Locked
    );
    assert_eq!(
        b.read_follow_up(&res(200, &status("EXPIRED", 3)), 0),
        Outcome::Expired
    );
    assert_eq!(
        b.read_follow_up(&res(200, &status("VERIFIED", 2)), 0),
        Outcome::AlreadyUsed
    );
    assert_eq!(b.read_follow_up(&res(404, "{}"), 0), Outcome::NotFound);
}

#[test]
fn path_overrides_apply_to_every_dialect() {
    for dialect in [
        Dialect::Native,
        Dialect::OtpService,
        Dialect::VerifyHq {
            user_id: "u".into(),
        },
    ] {
        let b = Backend {
            dialect,
            send_path: Some("/otp/start".into()),
            verify_path: Some("/otp/{id}/check".into()),
        };
        assert_eq!(b.send(&send_req("+60182258491")).path, "/otp/start");
        let s = Session {
            id: "a/b".into(),
            ..Session::default()
        };
        assert_eq!(b.verify(&s, "123456").path, "/otp/a%2Fb/check");
    }
}

#[test]
fn no_dialect_panics_on_any_body() {
    let dialects = [
        backend(Dialect::Native),
        idmeta(),
        verifik(),
        backend(Dialect::OtpService),
        backend(Dialect::VerifyHq {
            user_id: "u".into(),
        }),
    ];
    let bodies = [
        "",
        "null",
        "[]",
        "1",
        "\"x\"",
        "{}",
        r#"{"data":[]}"#,
        r#"{"status":7,"data":{"status":null}}"#,
        r#"{"id":"","data":{"_id":"","sessionId":"","referenceId":""}}"#,
        "<html>",
    ];
    for b in &dialects {
        for status in [
            0, 200, 201, 204, 301, 400, 401, 404, 409, 410, 423, 429, 500, 503, 999,
        ] {
            for body in bodies {
                let r = res(status, body);
                let _ = b.read_send(&send_req("+60182258491"), &r, 0);
                let _ = b.read_verify(&Session::default(), &r, 0);
                let _ = b.read_follow_up(&r, 0);
            }
        }
    }
}
