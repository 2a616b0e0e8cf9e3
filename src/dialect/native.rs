//! phone-otp's own protocol (`dialect="native"`), served by the devserver and described in
//! `openapi.json`.
//!
//! - `POST {endpoint}/send` `{"phone", "channel"}` → 200 `{"id", "status": "pending",
//!   "expiresAt", "resendAt", "attemptsRemaining", "codeLength"}`
//! - `POST {endpoint}/verify` `{"id", "code"}` → 200 `{"id", "status": "approved"}`, or 400
//!   `invalid`, 410 `expired`, 423 `max_attempts`, 409 `already_used`, 404 `not_found`, each with
//!   `status` and `attemptsRemaining`; 429 with `Retry-After`.
//!
//! The body's `status` decides; the HTTP status is only read when the body has none, so a proxy
//! that rewrites codes does not change the meaning.

use super::{HttpRequest, HttpResponse, Method, Outcome, SendRequest, Session};
use crate::json::Json;
use crate::time::Millis;

/// The send request.
///
/// ```
/// use phone_otp::dialect::{native, Channel, SendRequest};
/// let req = native::send(&SendRequest { phone: "+60182258491".into(), channel: Channel::Sms });
/// assert_eq!(req.path, "/send");
/// assert_eq!(req.body.unwrap().to_string(), r#"{"phone":"+60182258491","channel":"sms"}"#);
/// ```
pub fn send(req: &SendRequest) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: "/send".into(),
        body: Some(Json::object([
            ("phone", Json::from(req.phone.as_str())),
            ("channel", Json::from(req.channel.as_str())),
        ])),
        retry_safe: true,
    }
}

/// Reads the send response.
pub fn read_send(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    // A failed send is read by its status alone: the verify statuses (a 404 for "not_found")
    // mean nothing here, and a 404 on send is a wrong endpoint.
    if res.status != 200 && res.status != 201 {
        return Outcome::from_status(res, now);
    }
    let Some(id) = body.get("id").as_str().filter(|id| !id.is_empty()) else {
        return Outcome::BadResponse;
    };
    Outcome::Sent(Session {
        id: id.to_owned(),
        expires_at: res.server_time(body.get("expiresAt"), now),
        resend_at: res.server_time(body.get("resendAt"), now),
        attempts_remaining: body.get("attemptsRemaining").as_u32(),
        code_length: body
            .get("codeLength")
            .as_u32()
            .filter(|n| (4..=10).contains(n))
            .map(|n| n as u8),
        ..Session::default()
    })
}

/// The verify request.
///
/// ```
/// use phone_otp::dialect::native;
/// let req = native::verify("v1", "012345");
/// assert_eq!(req.body.unwrap().to_string(), r#"{"id":"v1","code":"012345"}"#);
/// assert!(!req.retry_safe);
/// ```
pub fn verify(id: &str, code: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: "/verify".into(),
        body: Some(Json::object([
            ("id", Json::from(id)),
            ("code", Json::from(code)),
        ])),
        retry_safe: false,
    }
}

/// Reads the verify response.
pub fn read_verify(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    match (res.status, body.get("status").as_str()) {
        (200, Some("approved")) => Outcome::Approved(body.clone()),
        (200, _) => Outcome::BadResponse,
        _ => read_failure(res, now),
    }
}

fn read_failure(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let attempts_remaining = body.get("attemptsRemaining").as_u32();
    let status = body.get("status").as_str().unwrap_or(match res.status {
        400 => "invalid",
        404 => "not_found",
        409 => "already_used",
        410 => "expired",
        423 => "max_attempts",
        _ => "",
    });
    match status {
        "invalid" if attempts_remaining == Some(0) => Outcome::Locked,
        "invalid" => Outcome::Invalid { attempts_remaining },
        "expired" => Outcome::Expired,
        "max_attempts" => Outcome::Locked,
        "already_used" => Outcome::AlreadyUsed,
        "not_found" => Outcome::NotFound,
        _ => Outcome::from_status(res, now),
    }
}
