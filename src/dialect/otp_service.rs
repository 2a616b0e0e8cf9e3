//! The OTP messaging service v1 (`dialect="otp-service"`); its API is in
//! `docs/providers.md`.
//!
//! - Send: `POST {endpoint}/v1/messaging/otp/request`. Its documentation shows only verify; its
//!   companion "Request OTP" call is not shown, so the path is a default and can be
//!   changed with `send-path`. The widget sends `{"phone": "+60…", "channel": "sms"}` and reads
//!   `sessionId` from `data` or from the top level; a site whose backend speaks another shape maps
//!   it there. No expiry or attempt count is documented, so the widget's defaults apply.
//! - Verify: `POST {endpoint}/v1/messaging/otp/verify` `{"sessionId", "code"}`. `data.status`
//!   decides (`APPROVED` 200, `INVALID` 400, `EXPIRED` 410, `MAX_ATTEMPTS_REACHED` 423,
//!   `ALREADY_USED` 409, `NOT_FOUND` 404); without it, the HTTP status does. An `APPROVED` without
//!   `verified: true` is not trusted.

use super::{HttpRequest, HttpResponse, Method, Outcome, SendRequest, Session};
use crate::json::Json;
use crate::time::Millis;

/// The send request: the native protocol's body at the service's path.
pub fn send(req: &SendRequest) -> HttpRequest {
    HttpRequest {
        path: "/v1/messaging/otp/request".into(),
        ..super::native::send(req)
    }
}

/// Reads the send response.
pub fn read_send(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let id = body
        .get("data")
        .get("sessionId")
        .as_str()
        .or(body.get("sessionId").as_str())
        .filter(|id| !id.is_empty());
    match (res.status, id) {
        (200 | 201, Some(id)) if body.get("success").as_bool() != Some(false) => {
            Outcome::Sent(Session {
                id: id.to_owned(),
                ..Session::default()
            })
        }
        (200 | 201, _) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}

/// The verify request.
///
/// ```
/// let req = phone_otp::dialect::otp_service::verify("feab6011", "123456");
/// assert_eq!(req.body.unwrap().to_string(), r#"{"sessionId":"feab6011","code":"123456"}"#);
/// ```
pub fn verify(session_id: &str, code: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: "/v1/messaging/otp/verify".into(),
        body: Some(Json::object([
            ("sessionId", Json::from(session_id)),
            ("code", Json::from(code)),
        ])),
        retry_safe: false,
    }
}

/// Reads the verify response.
pub fn read_verify(res: &HttpResponse, now: Millis) -> Outcome {
    let data = res.json().get("data");
    let status = data.get("status").as_str().unwrap_or(match res.status {
        400 => "INVALID",
        404 => "NOT_FOUND",
        409 => "ALREADY_USED",
        410 => "EXPIRED",
        423 => "MAX_ATTEMPTS_REACHED",
        _ => "",
    });
    match (res.status, status) {
        (200, "APPROVED") if data.get("verified").as_bool() == Some(true) => {
            Outcome::Approved(res.json().clone())
        }
        (200, _) => Outcome::BadResponse,
        (_, "INVALID") => Outcome::Invalid {
            attempts_remaining: None,
        },
        (_, "EXPIRED") => Outcome::Expired,
        (_, "MAX_ATTEMPTS_REACHED") => Outcome::Locked,
        (_, "ALREADY_USED") => Outcome::AlreadyUsed,
        (_, "NOT_FOUND") => Outcome::NotFound,
        _ => Outcome::from_status(res, now),
    }
}
