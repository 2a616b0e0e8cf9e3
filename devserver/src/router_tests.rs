//! The router, driven in process with `tower::ServiceExt::oneshot`: every dialect's routes, the
//! JSON errors, CORS and the dev routes, without a socket.

use crate::app::router;
use crate::options::Options;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

struct App {
    router: Router,
    state: AppState,
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Value,
}

fn app_with(args: &[&str]) -> App {
    let options: Options =
        clap::Parser::parse_from(std::iter::once("devserver").chain(args.iter().copied()));
    let state = AppState::new(options.dev, options.client_limit());
    App {
        router: router(&options, state.clone()),
        state,
    }
}

fn app() -> App {
    app_with(&["--dev"])
}

impl App {
    async fn call(&self, req: Request<Body>) -> Answer {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        let body = if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes).unwrap_or_else(|_| {
                panic!("not JSON: {}", String::from_utf8_lossy(&bytes));
            })
        };
        Answer {
            status,
            headers,
            body,
        }
    }

    async fn post(&self, path: &str, body: Value) -> Answer {
        self.call(
            Request::post(path)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string()))
                .unwrap(),
        )
        .await
    }

    async fn get(&self, path: &str) -> Answer {
        self.call(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// The code the devserver "sent" to `phone` last.
    fn code_for(&self, phone: &str) -> String {
        self.state
            .outbox
            .all()
            .into_iter()
            .rev()
            .find(|m| m.phone == phone)
            .map(|m| m.code)
            .expect("a code was sent")
    }
}

fn wrong(code: &str) -> String {
    if code == "000000" { "111111" } else { "000000" }.into()
}

#[tokio::test]
async fn native_send_verify_status() {
    let app = app();
    let sent = app
        .post("/api/send", json!({ "phone": "+60182258491" }))
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(sent.body["status"], "pending");
    assert_eq!(sent.body["attemptsRemaining"], 3);
    assert_eq!(sent.body["codeLength"], 6);
    assert!(sent.headers.contains_key(header::DATE));
    let id = sent.body["id"].as_str().unwrap().to_owned();
    let code = app.code_for("+60182258491");

    let bad = app
        .post("/api/verify", json!({ "id": id, "code": wrong(&code) }))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        bad.body,
        json!({ "id": id, "status": "invalid", "attemptsRemaining": 2 })
    );
    let status = app.get(&format!("/api/status/{id}")).await;
    assert_eq!(status.body["status"], "pending");
    assert_eq!(status.body["attemptsRemaining"], 2);

    let ok = app
        .post("/api/verify", json!({ "id": id, "code": code }))
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body, json!({ "id": id, "status": "approved" }));
    let again = app
        .post("/api/verify", json!({ "id": id, "code": code }))
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert_eq!(
        app.get(&format!("/api/status/{id}")).await.body["status"],
        "approved"
    );
    let none = app.get("/api/status/v_nope").await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
    assert_eq!(none.body["status"], "not_found");
}

#[tokio::test]
async fn native_limits_expiry_and_idempotency() {
    let app = app();
    let send = |key: &'static str| {
        Request::post("/api/send")
            .header(header::CONTENT_TYPE, "application/json")
            .header("idempotency-key", key)
            .body(Body::from(r#"{"phone":"+14155552671"}"#))
            .unwrap()
    };
    let first = app.call(send("k1")).await;
    let retry = app.call(send("k1")).await;
    assert_eq!(
        retry.status,
        StatusCode::OK,
        "a retried send is not limited"
    );
    assert_eq!(retry.body["id"], first.body["id"]);
    let other = app.call(send("k2")).await;
    assert_eq!(other.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(other.body["status"], "rate_limited");
    assert_eq!(other.headers[header::RETRY_AFTER], "30");

    let id = first.body["id"].as_str().unwrap().to_owned();
    let code = app.code_for("+14155552671");
    app.post("/__dev/clock", json!({ "advance": 600 })).await;
    let late = app
        .post("/api/verify", json!({ "id": id, "code": code }))
        .await;
    assert_eq!(late.status, StatusCode::GONE);
    assert_eq!(late.body["status"], "expired");

    // Ten minutes after expiry the verification is pruned, with its outbox message.
    let moved = app.post("/__dev/clock", json!({ "advance": 600 })).await;
    assert_eq!(moved.body["pruned"], 1);
    assert_eq!(app.state.store.len(), 0);
    assert!(app.state.outbox.all().is_empty());
    assert_eq!(
        app.get(&format!("/api/status/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn native_locks_after_three_wrong_codes() {
    let app = app();
    let sent = app
        .post(
            "/api/send",
            json!({ "phone": "+447400123456", "channel": "voice" }),
        )
        .await;
    assert_eq!(sent.body["channel"], "voice");
    let id = sent.body["id"].as_str().unwrap().to_owned();
    let code = app.code_for("+447400123456");
    for left in [2, 1, 0] {
        let bad = app
            .post("/api/verify", json!({ "id": id, "code": wrong(&code) }))
            .await;
        assert_eq!(bad.body["attemptsRemaining"], left);
    }
    let locked = app
        .post("/api/verify", json!({ "id": id, "code": code }))
        .await;
    assert_eq!(locked.status, StatusCode::LOCKED);
    assert_eq!(locked.body["status"], "max_attempts");
}

#[tokio::test]
async fn bad_bodies_get_the_api_json_error() {
    let app = app();
    let cases = [
        (
            "text/plain",
            "{}",
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        ),
        (
            "application/json",
            "{not json",
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "application/json",
            r#"{"phone": 5}"#,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            "application/json",
            "{}",
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
    ];
    for (kind, body, status, name) in cases {
        let res = app
            .call(
                Request::post("/api/send")
                    .header(header::CONTENT_TYPE, kind)
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
        assert_eq!(res.status, status, "{kind} {body}");
        assert_eq!(res.headers[header::CONTENT_TYPE], "application/json");
        assert_eq!(res.body["status"], name);
        assert!(res.body["message"].is_string());
    }
    let phone = app
        .post("/api/send", json!({ "phone": "0182258491" }))
        .await;
    assert_eq!(phone.body["status"], "invalid_phone");
    let channel = app
        .post(
            "/api/send",
            json!({ "phone": "+60182258491", "channel": "fax" }),
        )
        .await;
    assert_eq!(channel.body["status"], "invalid_channel");
    // A provider's route answers a bad body the same way.
    let res = app
        .post("/api/verifyhq/v1/verifications/phone", json!({}))
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.body["status"], "invalid_request");
}

#[tokio::test]
async fn idmeta_send_and_verify() {
    let app = app();
    let base = "/api/idmeta/api/v3/verifications/phone-verification";
    let sent = app
        .post(
            &format!("{base}/send"),
            json!({ "country_code": "60", "phone_number": "182258491", "trustFlowId": 0, "trustValidationId": "tv" }),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(sent.body["success"], true);
    assert_eq!(sent.body["verificationStatus"], "PENDING");
    assert_eq!(
        sent.body["data"]["verify"]["inputPhoneNumber"],
        "+60182258491"
    );
    let id = sent.body["data"]["referenceId"]
        .as_str()
        .unwrap()
        .to_owned();
    let code = app.code_for("+60182258491");
    let verify = |otp: String| json!({ "otp": otp, "trustFlowId": 0, "trustValidationId": "tv", "ref_id": id });
    let bad = app
        .post(&format!("{base}/verify"), verify(wrong(&code)))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["data"]["verify"]["codeState"], "INVALID");
    let ok = app.post(&format!("{base}/verify"), verify(code)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body["verificationStatus"], "VERIFIED");
    assert_eq!(ok.body["data"]["verify"]["codeState"], "VALID");
}

#[tokio::test]
async fn verifik_create_and_validate() {
    let app = app();
    let base = "/api/verifik/v2/phone-validations";
    let sent = app
        .post(base, json!({ "phone": "3001234567", "countryCode": "+57" }))
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(sent.body["data"]["status"], "sent");
    let code = app.code_for("+573001234567");
    let validate = |otp: &str| json!({ "phone": "3001234567", "countryCode": "+57", "otp": otp.parse::<u64>().unwrap() });
    let bad = app
        .post(&format!("{base}/validate"), validate(&wrong(&code)))
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["message"], "Invalid OTP");
    // The number loses its leading zeros on the wire; the check restores them.
    let ok = app.post(&format!("{base}/validate"), validate(&code)).await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body["data"]["status"], "validated");
    let unknown = app
        .post(
            &format!("{base}/validate"),
            json!({ "phone": "3009999999", "countryCode": "+57", "otp": 1 }),
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn otp_service_request_and_verify() {
    let app = app();
    let base = "/api/otp-service/v1/messaging/otp";
    let sent = app
        .post(
            &format!("{base}/request"),
            json!({ "phone": "+60182258491" }),
        )
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(sent.body["data"]["status"], "PENDING");
    let session = sent.body["data"]["sessionId"].as_str().unwrap().to_owned();
    let code = app.code_for("+60182258491");
    let bad = app
        .post(
            &format!("{base}/verify"),
            json!({ "sessionId": session, "code": wrong(&code) }),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.body["data"]["status"], "INVALID");
    let ok = app
        .post(
            &format!("{base}/verify"),
            json!({ "sessionId": session, "code": code }),
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body["data"]["verified"], true);
    let used = app
        .post(
            &format!("{base}/verify"),
            json!({ "sessionId": session, "code": code }),
        )
        .await;
    assert_eq!(used.status, StatusCode::CONFLICT);
    let none = app
        .post(
            &format!("{base}/verify"),
            json!({ "sessionId": "nope", "code": code }),
        )
        .await;
    assert_eq!(none.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn verifyhq_create_verify_read() {
    let app = app();
    let base = "/api/verifyhq/v1/verifications/phone";
    let sent = app
        .post(
            base,
            json!({ "phoneNumber": "+60182258491", "userId": "u_1", "channel": "SMS" }),
        )
        .await;
    assert_eq!(sent.status, StatusCode::CREATED);
    assert_eq!(sent.body["status"], "PENDING");
    assert_eq!(sent.body["userId"], "u_1");
    assert!(sent.body.get("attemptsRemaining").is_none());
    let id = sent.body["id"].as_str().unwrap().to_owned();
    let code = app.code_for("+60182258491");
    let bad = app
        .post(
            &format!("{base}/{id}/verify"),
            json!({ "code": wrong(&code) }),
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let read = app.get(&format!("{base}/{id}")).await;
    assert_eq!(read.body["attemptsRemaining"], 2);
    let ok = app
        .post(&format!("{base}/{id}/verify"), json!({ "code": code }))
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.body["status"], "VERIFIED");
    assert_eq!(
        app.get(&format!("{base}/{id}")).await.body["status"],
        "VERIFIED"
    );
    assert_eq!(
        app.get(&format!("{base}/nope")).await.status,
        StatusCode::NOT_FOUND
    );
    let fax = app
        .post(
            base,
            json!({ "phoneNumber": "+60182258492", "userId": "u_1", "channel": "FAX" }),
        )
        .await;
    assert_eq!(fax.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn cors_only_for_configured_origins() {
    let app = app_with(&["--allow-origin", "https://shop.example"]);
    let send = |origin: &str| {
        Request::post("/api/send")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, origin)
            .body(Body::from(r#"{"phone":"+60182258491"}"#))
            .unwrap()
    };
    let ok = app.call(send("https://shop.example")).await;
    assert_eq!(
        ok.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://shop.example"
    );
    assert_eq!(ok.headers[header::ACCESS_CONTROL_ALLOW_CREDENTIALS], "true");
    assert!(ok.headers[header::ACCESS_CONTROL_EXPOSE_HEADERS]
        .to_str()
        .unwrap()
        .to_ascii_lowercase()
        .contains("retry-after"));
    let other = app.call(send("https://evil.example")).await;
    assert!(!other
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
    assert!(!other
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_CREDENTIALS));

    let preflight = |origin: &str| {
        Request::builder()
            .method(Method::OPTIONS)
            .uri("/api/send")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(
                header::ACCESS_CONTROL_REQUEST_HEADERS,
                "content-type,idempotency-key",
            )
            .body(Body::empty())
            .unwrap()
    };
    let yes = app.call(preflight("https://shop.example")).await;
    assert_eq!(yes.status, StatusCode::NO_CONTENT);
    assert_eq!(
        yes.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        "https://shop.example"
    );
    assert!(yes.headers[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap()
        .contains("idempotency-key"));
    assert_eq!(yes.headers[header::ACCESS_CONTROL_MAX_AGE], "600");
    let no = app.call(preflight("https://evil.example")).await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
    assert!(!no.headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));

    // Without --allow-origin no page elsewhere gets CORS at all.
    let closed = app_with(&[]);
    let no = closed.call(preflight("https://shop.example")).await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn dev_routes_only_in_dev_mode_and_headers_on_every_answer() {
    let prod = app_with(&["--header", "X-Test: yes"]);
    assert_eq!(
        prod.get("/__dev/outbox").await.status,
        StatusCode::NOT_FOUND
    );
    let sent = prod
        .post("/api/send", json!({ "phone": "+60182258491" }))
        .await;
    assert_eq!(sent.status, StatusCode::OK);
    assert_eq!(sent.headers["x-test"], "yes");
    assert!(
        prod.state.outbox.all().is_empty(),
        "no outbox outside dev mode"
    );

    let dev = app();
    let fault = dev
        .post(
            "/__dev/faults",
            json!({ "path": "/api/send", "status": 503 }),
        )
        .await;
    assert_eq!(fault.status, StatusCode::NO_CONTENT);
    let failed = dev
        .post("/api/send", json!({ "phone": "+60182258491" }))
        .await;
    assert_eq!(failed.status, StatusCode::SERVICE_UNAVAILABLE);
    let next = dev
        .post("/api/send", json!({ "phone": "+60182258491" }))
        .await;
    assert_eq!(next.status, StatusCode::OK, "the fault applied once");
    let stats = dev.get("/__dev/stats").await;
    assert_eq!(
        stats.body,
        json!({ "verifications": 1, "pending": 1, "approved": 0, "expired": 0, "maxAttempts": 0, "outbox": 1 })
    );
}
