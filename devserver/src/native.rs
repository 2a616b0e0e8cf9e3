//! The native protocol: `POST /api/send`, `POST /api/verify`, `GET /api/status/{id}`.
//! `openapi.json` at the repository root is the contract.

use crate::client::Client;
use crate::clock::rfc3339;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::{Check, Status, Verification, CODE_LENGTH};
use crate::verification;
use axum::extract::{Extension, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};

/// Body of `POST /api/send`.
#[derive(Deserialize)]
pub struct SendBody {
    pub phone: String,
    #[serde(default)]
    pub channel: Option<String>,
}

/// Body of `POST /api/verify`.
#[derive(Deserialize)]
pub struct VerifyBody {
    pub id: String,
    pub code: String,
}

fn pending_body(v: &Verification) -> Value {
    json!({
        "id": v.id,
        "status": "pending",
        "channel": v.channel,
        "expiresAt": rfc3339(v.expires_at),
        "resendAt": rfc3339(v.resend_at),
        "attemptsRemaining": v.attempts_remaining,
        "codeLength": CODE_LENGTH,
    })
}

/// `POST /api/send`
pub async fn send(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SendBody>,
) -> Result<Json<Value>, ApiError> {
    let key = headers
        .get("idempotency-key")
        .and_then(|k| k.to_str().ok())
        .map(|k| format!("{}:{k}", body.phone));
    if let Some(v) = key.as_deref().and_then(|key| state.store.idempotent(key)) {
        return Ok(Json(pending_body(&v)));
    }
    let channel = body.channel.as_deref().unwrap_or("sms");
    if !matches!(channel, "sms" | "voice") {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            json!({ "status": "invalid_channel", "message": "channel must be sms or voice" }),
        ));
    }
    let v = verification::start(&state, &body.phone, channel, "", "native", client)?;
    if let Some(key) = key {
        state.store.remember(key, v.id.clone());
    }
    Ok(Json(pending_body(&v)))
}

/// `POST /api/verify`
pub async fn verify(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<VerifyBody>,
) -> Result<Json<Value>, ApiError> {
    let now = state.clock.now();
    let remaining = |s: &AppState| {
        s.store
            .get(&body.id)
            .map(|v| v.attempts_remaining)
            .unwrap_or(0)
    };
    let (status, name) = match state.store.check(&body.id, &body.code, now) {
        Check::Approved => {
            return Ok(Json(json!({ "id": body.id, "status": "approved" })));
        }
        Check::Invalid { .. } => (StatusCode::BAD_REQUEST, "invalid"),
        Check::Expired => (StatusCode::GONE, "expired"),
        Check::MaxAttempts => (StatusCode::LOCKED, "max_attempts"),
        Check::AlreadyUsed => (StatusCode::CONFLICT, "already_used"),
        Check::NotFound => (StatusCode::NOT_FOUND, "not_found"),
    };
    Err(ApiError::new(
        status,
        json!({ "id": body.id, "status": name, "attemptsRemaining": remaining(&state) }),
    ))
}

/// `GET /api/status/{id}`
pub async fn status(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    let v = state.store.get(&id).ok_or_else(|| {
        ApiError::new(
            StatusCode::NOT_FOUND,
            json!({ "id": id, "status": "not_found", "attemptsRemaining": 0 }),
        )
    })?;
    let mut body = pending_body(&v);
    body["status"] = json!(match v.status(state.clock.now()) {
        Status::Pending => "pending",
        Status::Approved => "approved",
        Status::Expired => "expired",
        Status::MaxAttempts => "max_attempts",
    });
    Ok(Json(body))
}
