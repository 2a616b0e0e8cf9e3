//! IDmeta v3 (docs/providers.md): send and verify under `/api/v3/verifications/phone-verification`,
//! in IDmeta's envelope. Failure values are not documented; this simulation answers 400 with
//! `success: false` and a `codeState` of `INVALID`, `EXPIRED`, `MAX_ATTEMPTS_REACHED` or
//! `ALREADY_USED`, and 404 for an unknown `ref_id`.

use crate::client::Client;
use crate::clock::rfc3339;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::Check;
use crate::verification;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Extension;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

/// The routes, relative to `/api/idmeta`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v3/verifications/phone-verification/send", post(send))
        .route(
            "/api/v3/verifications/phone-verification/verify",
            post(verify),
        )
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SendBody {
    #[serde(rename = "country_code")]
    country_code: String,
    #[serde(rename = "phone_number")]
    phone_number: String,
    trust_flow_id: Value,
    trust_validation_id: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyBody {
    otp: String,
    trust_flow_id: Value,
    trust_validation_id: String,
    #[serde(rename = "ref_id", default)]
    ref_id: Option<String>,
}

#[allow(clippy::too_many_arguments)]
fn envelope(
    success: bool,
    message: &str,
    reference: &str,
    at: i64,
    status: Value,
    verify: Value,
    verification_status: &str,
    code: u32,
    flow: &Value,
    validation: &str,
) -> Value {
    json!({
        "success": success,
        "message": message,
        "data": {
            "referenceId": reference,
            "submitTime": rfc3339(at),
            "status": status,
            "verify": verify,
        },
        "verificationStatus": verification_status,
        "verificationStatusCode": code,
        "trustFlowId": flow,
        "trustValidationId": validation,
        "verificationType": "sms_verification",
        "metadata": null,
    })
}

async fn send(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    ApiJson(body): ApiJson<SendBody>,
) -> Result<Json<Value>, ApiError> {
    let phone = super::join_phone(&body.country_code, &body.phone_number);
    let v = verification::start(
        &state,
        &phone,
        "sms",
        &body.trust_validation_id,
        "idmeta",
        client,
    )?;
    let now = state.clock.now();
    Ok(Json(envelope(
        true,
        "Phone verification code sent successfully",
        &v.id,
        now,
        json!({ "updatedOn": rfc3339(now), "code": 103, "description": "Call in progress" }),
        json!({ "codeState": "UNKNOWN", "inputPhoneNumber": phone }),
        "PENDING",
        0,
        &body.trust_flow_id,
        &body.trust_validation_id,
    )))
}

async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyBody>,
) -> (StatusCode, Json<Value>) {
    let now = state.clock.now();
    let id = body.ref_id.clone().unwrap_or_default();
    let phone = state.store.get(&id).map(|v| v.phone).unwrap_or_default();
    let (http, state_name, message) = match state.store.check(&id, &body.otp, now) {
        Check::Approved => (
            StatusCode::OK,
            "VALID",
            "Phone verification processed successfully",
        ),
        Check::Invalid { .. } => (
            StatusCode::BAD_REQUEST,
            "INVALID",
            "Invalid verification code",
        ),
        Check::Expired => (
            StatusCode::BAD_REQUEST,
            "EXPIRED",
            "Verification code expired",
        ),
        Check::MaxAttempts => (
            StatusCode::BAD_REQUEST,
            "MAX_ATTEMPTS_REACHED",
            "Too many attempts",
        ),
        Check::AlreadyUsed => (StatusCode::BAD_REQUEST, "ALREADY_USED", "Code already used"),
        Check::NotFound => (StatusCode::NOT_FOUND, "UNKNOWN", "Verification not found"),
    };
    let ok = http == StatusCode::OK;
    (
        http,
        Json(envelope(
            ok,
            message,
            &id,
            now,
            json!({ "code": http.as_u16(), "description": if ok { "Verify success" } else { "Verify failed" } }),
            json!({ "codeState": state_name, "inputPhoneNumber": phone }),
            if ok { "VERIFIED" } else { "FAILED" },
            if ok { 3 } else { 2 },
            &body.trust_flow_id,
            &body.trust_validation_id,
        )),
    )
}
