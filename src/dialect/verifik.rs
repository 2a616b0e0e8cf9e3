//! Verifik v2 (`dialect="verifik"`, options `project`, `project-flow`, `gateway`), its API in
//! `docs/providers.md`. The endpoint stands for Verifik's base URL, so paths start with `/v2`.
//!
//! - Send: `POST /v2/phone-validations` `{"project", "validationMethod": "verificationCode",
//!   "phone": "62647737", "countryCode": "+507", "type": "validation"}` plus `projectFlow` and
//!   `phoneGateway` when set → `{"data": {"_id", "status": "sent", "expiresAt"}}`.
//! - Verify: `POST /v2/phone-validations/validate` `{"phone", "countryCode", "otp": 123456}`.
//!   `otp` is a JSON number, as documented, so a code with leading zeros loses them on the wire;
//!   the provider compares numbers, and so does the devserver's simulation.
//!   Success is `data.status: "validated"`. Failures are not documented: a 404 is not found, a
//!   410 or a message that says "expired" is expired, a message that says "attempts" is locked,
//!   one that says "already" is already used, 429 and 5xx are themselves, and any other 4xx is a
//!   wrong code with the attempts left unknown (the safe reading: the person may try again or
//!   ask for a new code).

use super::{HttpRequest, HttpResponse, Method, Outcome, SendRequest, Session};
use crate::json::Json;
use crate::phone::split_calling_code;
use crate::time::Millis;

fn phone_fields(e164: &str) -> [(&'static str, Json); 2] {
    let (cc, national) = split_calling_code(e164).unwrap_or(("", e164));
    [
        ("phone", Json::from(national)),
        ("countryCode", Json::from(cc)),
    ]
}

fn options(
    project: &Option<String>,
    project_flow: &Option<String>,
    gateway: &Option<String>,
) -> Vec<(&'static str, Json)> {
    [
        ("project", project),
        ("projectFlow", project_flow),
        ("phoneGateway", gateway),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.as_deref().map(|v| (k, Json::from(v))))
    .collect()
}

/// The send request.
pub fn send(
    req: &SendRequest,
    project: &Option<String>,
    project_flow: &Option<String>,
    gateway: &Option<String>,
) -> HttpRequest {
    let mut body = vec![("validationMethod", Json::from("verificationCode"))];
    body.extend(phone_fields(&req.phone));
    body.push(("type", Json::from("validation")));
    body.extend(options(project, project_flow, gateway));
    HttpRequest {
        method: Method::Post,
        path: "/v2/phone-validations".into(),
        body: Some(Json::object(body)),
        retry_safe: true,
    }
}

/// Reads the send response.
pub fn read_send(res: &HttpResponse, now: Millis) -> Outcome {
    let data = res.json().get("data");
    match (res.status, data.get("_id").as_str()) {
        (200 | 201, Some(id)) if !id.is_empty() => Outcome::Sent(Session {
            id: id.to_owned(),
            expires_at: res.server_time(data.get("expiresAt"), now),
            ..Session::default()
        }),
        (200 | 201, _) => Outcome::BadResponse,
        _ => Outcome::from_status(res, now),
    }
}

/// The verify request.
///
/// ```
/// use phone_otp::dialect::{verifik, Session};
/// let s = Session { phone: "+50762647737".into(), ..Session::default() };
/// let req = verifik::verify(&s, "123456", &None, &None, &None);
/// assert_eq!(req.body.unwrap().to_string(), r#"{"phone":"62647737","countryCode":"+507","otp":123456}"#);
/// ```
pub fn verify(
    session: &Session,
    code: &str,
    project: &Option<String>,
    project_flow: &Option<String>,
    gateway: &Option<String>,
) -> HttpRequest {
    let mut body: Vec<(&str, Json)> = phone_fields(&session.phone).into();
    // The code is digits only (the flow sanitizes it), at most 10 of them: it fits exactly.
    let otp = code.parse::<u64>().map(Json::from).unwrap_or(Json::Null);
    body.push(("otp", otp));
    body.extend(options(project, project_flow, gateway));
    HttpRequest {
        method: Method::Post,
        path: "/v2/phone-validations/validate".into(),
        body: Some(Json::object(body)),
        retry_safe: false,
    }
}

/// Reads the verify response.
pub fn read_verify(res: &HttpResponse, now: Millis) -> Outcome {
    let body = res.json();
    let said = |word: &str| {
        body.get("message")
            .as_str()
            .is_some_and(|m| crate::template::mentions(m, word))
    };
    match res.status {
        200 | 201 if body.get("data").get("status").as_str() == Some("validated") => {
            Outcome::Approved(body.clone())
        }
        200 | 201 => Outcome::BadResponse,
        404 => Outcome::NotFound,
        410 => Outcome::Expired,
        // Not about the code: a configuration error, never "wrong code".
        401 | 403 | 405 | 429 => Outcome::from_status(res, now),
        400..=499 if said("expired") => Outcome::Expired,
        400..=499 if said("attempts") => Outcome::Locked,
        400..=499 if said("already") => Outcome::AlreadyUsed,
        400..=499 => Outcome::Invalid {
            attempts_remaining: None,
        },
        _ => Outcome::from_status(res, now),
    }
}
