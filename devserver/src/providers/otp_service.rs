//! The OTP messaging service (docs/providers.md): `POST /v1/messaging/otp/request` (its
//! documentation names the call, not the path; this is the widget's default) and `POST /v1/messaging/otp/verify` with its six statuses.

use crate::client::Client;
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

/// The routes, relative to `/api/otp-service`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/messaging/otp/request", post(request))
        .route("/v1/messaging/otp/verify", post(verify))
}

#[derive(Deserialize)]
struct RequestBody {
    phone: String,
    #[serde(default)]
    channel: Option<String>,
}

async fn request(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    ApiJson(body): ApiJson<RequestBody>,
) -> Result<Json<Value>, ApiError> {
    let channel = body.channel.as_deref().unwrap_or("sms");
    let v = verification::start(&state, &body.phone, channel, "", "otp-service", client)?;
    Ok(Json(json!({
        "success": true,
        "message": "OTP sent",
        "data": { "sessionId": v.id, "status": "PENDING" }
    })))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct VerifyBody {
    session_id: String,
    code: String,
}

async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyBody>,
) -> (StatusCode, Json<Value>) {
    let (http, status, message) =
        match state
            .store
            .check(&body.session_id, &body.code, state.clock.now())
        {
            Check::Approved => (StatusCode::OK, "APPROVED", "OTP verified successfully"),
            Check::Invalid { .. } => (StatusCode::BAD_REQUEST, "INVALID", "Invalid OTP"),
            Check::Expired => (StatusCode::GONE, "EXPIRED", "OTP expired"),
            Check::MaxAttempts => (
                StatusCode::LOCKED,
                "MAX_ATTEMPTS_REACHED",
                "Maximum verification attempts reached",
            ),
            Check::AlreadyUsed => (StatusCode::CONFLICT, "ALREADY_USED", "OTP already used"),
            Check::NotFound => (StatusCode::NOT_FOUND, "NOT_FOUND", "OTP session not found"),
        };
    let ok = http == StatusCode::OK;
    (
        http,
        Json(json!({
            "success": ok,
            "message": message,
            "data": { "sessionId": body.session_id, "status": status, "verified": ok, "message": message }
        })),
    )
}
