//! VerifyHQ v1 (`dialect="verifyhq"`, option `user-id`), its API in
//! `docs/providers.md`. The endpoint stands for
//! VerifyHQ's base URL, so paths start with `/v1`.
//!
//! - Send: `POST /v1/verifications/phone` `{"phoneNumber", "userId", "channel": "SMS"|"VOICE"}`
//!   → 201 `{"id", "status": "PENDING", "expiresAt", …}`. Codes are 6 digits with 3 attempts
//!   (documented), so the session says so.
//! - Verify: `POST /v1/verifications/phone/{id}/verify` `{"code"}` → 200 `{"status": "VERIFIED"}`.
//!   The failure body is not documented, so after any other answer the widget reads
//!   `GET /v1/verifications/phone/{id}` and goes by its `status` and `attemptsRemaining`:
//!   `PENDING` is a wrong code, `FAILED` or 0 attempts is locked, `EXPIRED` is expired, `VERIFIED`
//!   means the code was used before, 404 is not found. A 429 or 5xx on verify is reported as is,
//!   without the extra read.

use super::Session;
use super::{encode_path, Channel, HttpRequest, HttpResponse, Method, Outcome, Read, SendRequest};
use crate::json::Json;
use crate::time::Millis;

const PATH: &str = "/v1/verifications/phone";

/// The send request.
pub fn send(req: &SendRequest, user_id: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: PATH.into(),
        body: Some(Json::object([
            ("phoneNumber", Json::from(req.phone.as_str())),
            ("userId", Json::from(user_id)),
            (
                "channel",
                Json::from(match req.channel {
                    Channel::Sms => "SMS",
                    Channel::Voice => "VOICE",
                }),
            ),
        ])),
        retry_safe: true,
    }
}

/// Reads the send response.
pub fn read_send(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    match (res.status, body.get("id").as_str()) {
        (200 | 201, Some(id)) if !id.is_empty() => Outcome::Sent(Session {
            id: id.to_owned(),
            expires_at: res.server_time(body.get("expiresAt"), now),
            attempts_remaining: body.get("attemptsRemaining").as_u32().or(Some(3)),
            code_length: Some(6),
            ..Session::default()
        }),
        (200 | 201, _) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}

/// The verify request.
///
/// ```
/// let req = phone_otp::dialect::verifyhq::verify("pv_abc123", "482910");
/// assert_eq!(req.path, "/v1/verifications/phone/pv_abc123/verify");
/// ```
pub fn verify(id: &str, code: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: format!("{PATH}/{}/verify", encode_path(id)),
        body: Some(Json::object([("code", Json::from(code))])),
        retry_safe: false,
    }
}

/// The status read.
pub fn status(id: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        path: format!("{PATH}/{}", encode_path(id)),
        body: None,
        retry_safe: true,
    }
}

/// Reads the verify response, asking for the status read when it is not a success.
pub fn read_verify(session: &Session, res: &HttpResponse, now: Millis) -> Read {
    match (res.status, res.json().get("status").as_str()) {
        (200, Some("VERIFIED")) => Read::Done(Outcome::Approved(res.json().clone())),
        (429 | 500..=599, _) => Read::Done(Outcome::from_status(res, now)),
        _ => Read::Then(status(&session.id)),
    }
}

/// Reads the status after a failed check.
pub fn read_status(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let attempts_remaining = body.get("attemptsRemaining").as_u32();
    match (res.status, body.get("status").as_str()) {
        (404, _) => Outcome::NotFound,
        (200, Some("PENDING")) if attempts_remaining == Some(0) => Outcome::Locked,
        (200, Some("PENDING")) => Outcome::Invalid { attempts_remaining },
        (200, Some("FAILED")) => Outcome::Locked,
        (200, Some("EXPIRED")) => Outcome::Expired,
        (200, Some("VERIFIED")) => Outcome::AlreadyUsed,
        (200, _) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}
