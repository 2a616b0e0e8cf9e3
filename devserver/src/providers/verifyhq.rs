//! VerifyHQ v1 (docs/providers.md): create, verify and read a phone verification. The verify failure body
//! is not documented; this simulation answers 400 `{"message"}` and keeps the truth in the read.

use crate::client::Client;
use crate::clock::rfc3339;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::{Check, Status, Verification};
use crate::verification;
use axum::extract::{Extension, Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

/// The routes, relative to `/api/verifyhq`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v1/verifications/phone", post(create))
        .route("/v1/verifications/phone/{id}/verify", post(verify))
        .route("/v1/verifications/phone/{id}", get(read))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    phone_number: String,
    user_id: String,
    #[serde(default)]
    channel: Option<String>,
}

fn body(v: &Verification, now: i64) -> Value {
    let status = match v.status(now) {
        Status::Pending => "PENDING",
        Status::Approved => "VERIFIED",
        Status::MaxAttempts => "FAILED",
        Status::Expired => "EXPIRED",
    };
    json!({
        "id": v.id,
        "userId": v.owner,
        "phoneNumber": v.phone,
        "channel": v.channel.to_uppercase(),
        "status": status,
        "attemptsRemaining": v.attempts_remaining,
        "expiresAt": rfc3339(v.expires_at),
        "createdAt": rfc3339(v.created_at),
    })
}

async fn create(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    ApiJson(req): ApiJson<CreateBody>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let channel = match req.channel.as_deref().unwrap_or("SMS") {
        "SMS" => "sms",
        "VOICE" => "voice",
        _ => return Err(super::bad_request("channel must be SMS or VOICE")),
    };
    if req.user_id.is_empty() {
        return Err(super::bad_request("userId is required"));
    }
    let v = verification::start(
        &state,
        &req.phone_number,
        channel,
        &req.user_id,
        "verifyhq",
        client,
    )?;
    let mut out = body(&v, state.clock.now());
    if let Some(o) = out.as_object_mut() {
        // The documented create response has no attemptsRemaining.
        o.remove("attemptsRemaining");
    }
    Ok((StatusCode::CREATED, Json(out)))
}

#[derive(Deserialize)]
struct VerifyBody {
    code: String,
}

async fn verify(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<VerifyBody>,
) -> (StatusCode, Json<Value>) {
    let now = state.clock.now();
    match state.store.check(&id, &req.code, now) {
        Check::Approved => (
            StatusCode::OK,
            Json(json!({
                "id": id,
                "status": "VERIFIED",
                "phoneNumber": state.store.get(&id).map(|v| v.phone).unwrap_or_default(),
                "verifiedAt": rfc3339(now),
            })),
        ),
        Check::NotFound => (
            StatusCode::NOT_FOUND,
            Json(json!({ "message": "Not found" })),
        ),
        _ => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "message": "Verification failed" })),
        ),
    }
}

async fn read(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state
        .store
        .get(&id)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, json!({ "message": "Not found" })))?;
    Ok(Json(body(&v, state.clock.now())))
}
