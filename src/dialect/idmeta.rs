//! IDmeta v3 (`dialect="idmeta"`, options `trust-flow-id`, `trust-validation-id`), its API in
//! `docs/providers.md`. The endpoint stands for IDmeta's base URL, so paths start with `/api/v3`.
//!
//! - Send: `POST /api/v3/verifications/phone-verification/send` `{"country_code": "+60",
//!   "phone_number": "182258491", "trustFlowId": 0, "trustValidationId"}` → `{"success": true,
//!   "data": {"referenceId", …}, "verificationStatus": "PENDING"}`. The reference id is the
//!   session id. No expiry or attempt count is documented, so the widget's defaults apply.
//! - Verify: `POST …/verify` `{"otp", "trustFlowId", "trustValidationId", "ref_id"}`. Success is
//!   `verificationStatus: "VERIFIED"` with `data.verify.codeState: "VALID"`, both required.
//!   Failure values are not documented: a `codeState` containing `EXPIRED` is expired, one
//!   containing `ATTEMPT` is locked, one containing `USED` is already used; any other
//!   `codeState`, or `success: false`, is a wrong code with the attempts left unknown; 404, 429
//!   and 5xx are themselves.
//!
//! `trustFlowId` is an integer in IDmeta's schema: the attribute is sent as a number when it is
//! one, else as the string given.

use super::{message, HttpRequest, HttpResponse, Method, Outcome, SendRequest, Session};
use crate::json::Json;
use crate::phone::split_calling_code;
use crate::template::mentions;
use crate::time::Millis;

const PATH: &str = "/api/v3/verifications/phone-verification";

fn flow_id(trust_flow_id: &str) -> Json {
    match trust_flow_id.trim().parse::<u64>() {
        Ok(n) => Json::from(n),
        Err(_) => Json::from(trust_flow_id),
    }
}

/// The send request.
///
/// ```
/// use phone_otp::dialect::{idmeta, Channel, SendRequest};
/// let req = idmeta::send(&SendRequest { phone: "+60182258491".into(), channel: Channel::Sms }, "0", "tv1");
/// assert_eq!(
///     req.body.unwrap().to_string(),
///     r#"{"country_code":"+60","phone_number":"182258491","trustFlowId":0,"trustValidationId":"tv1"}"#
/// );
/// ```
pub fn send(req: &SendRequest, trust_flow_id: &str, trust_validation_id: &str) -> HttpRequest {
    let (cc, national) = split_calling_code(&req.phone).unwrap_or(("", &req.phone));
    HttpRequest {
        method: Method::Post,
        path: format!("{PATH}/send"),
        body: Some(Json::object([
            ("country_code", Json::from(cc)),
            ("phone_number", Json::from(national)),
            ("trustFlowId", flow_id(trust_flow_id)),
            ("trustValidationId", Json::from(trust_validation_id)),
        ])),
        retry_safe: true,
    }
}

/// Reads the send response.
pub fn read_send(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let reference = body.get("data").get("referenceId").as_str();
    match (res.status, body.get("success").as_bool(), reference) {
        (200 | 201, Some(true), Some(id)) if !id.is_empty() => Outcome::Sent(Session {
            id: id.to_owned(),
            ..Session::default()
        }),
        (200 | 201, Some(false), _) => Outcome::Rejected {
            message: message(body.get("message")),
        },
        (200 | 201, _, _) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}

/// The verify request.
pub fn verify(
    session: &Session,
    code: &str,
    trust_flow_id: &str,
    trust_validation_id: &str,
) -> HttpRequest {
    HttpRequest {
        method: Method::Post,
        path: format!("{PATH}/verify"),
        body: Some(Json::object([
            ("otp", Json::from(code)),
            ("trustFlowId", flow_id(trust_flow_id)),
            ("trustValidationId", Json::from(trust_validation_id)),
            ("ref_id", Json::from(session.id.as_str())),
        ])),
        retry_safe: false,
    }
}

/// Reads the verify response.
pub fn read_verify(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let code_state = body.get("data").get("verify").get("codeState").as_str();
    let verified = body.get("verificationStatus").as_str() == Some("VERIFIED");
    match (res.status, code_state) {
        (200, Some("VALID")) if verified && body.get("success").as_bool() != Some(false) => {
            Outcome::Approved(body.clone())
        }
        // Not about the code: a lost verification, a limit, a configuration error, a failure.
        (401 | 403 | 404 | 405 | 429 | 500..=599, _) => Outcome::from_status(res, now),
        (_, Some(state)) if mentions(state, "EXPIRED") => Outcome::Expired,
        (_, Some(state)) if mentions(state, "ATTEMPT") => Outcome::Locked,
        (_, Some(state)) if mentions(state, "USED") => Outcome::AlreadyUsed,
        (200..=499, Some(_)) => Outcome::Invalid {
            attempts_remaining: None,
        },
        (200..=499, None) if body.get("success").as_bool() == Some(false) => Outcome::Invalid {
            attempts_remaining: None,
        },
        (200..=299, None) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}
