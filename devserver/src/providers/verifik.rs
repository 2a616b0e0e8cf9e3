//! Verifik v2 (docs/providers.md): `POST /v2/phone-validations` and
//! `POST /v2/phone-validations/validate`, in Verifik's `{"data": …}` envelope. `otp` is a number,
//! compared as one: the code's leading zeros are restored before the check. Failure shapes are not
//! documented; this simulation answers 400 `{"message"}` ("Invalid OTP", "OTP expired", …) and
//! 404 when no validation matches the phone.

use crate::client::Client;
use crate::clock::rfc3339;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::{Check, CODE_LENGTH};
use crate::verification;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Extension;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

/// The routes, relative to `/api/verifik`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/v2/phone-validations", post(create))
        .route("/v2/phone-validations/validate", post(validate))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CreateBody {
    phone: String,
    country_code: String,
    #[serde(default)]
    phone_gateway: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ValidateBody {
    phone: String,
    country_code: String,
    otp: u64,
}

async fn create(
    State(state): State<AppState>,
    Extension(client): Extension<Client>,
    ApiJson(body): ApiJson<CreateBody>,
) -> Result<Json<Value>, ApiError> {
    let phone = super::join_phone(&body.country_code, &body.phone);
    let gateway = body.phone_gateway.unwrap_or_else(|| "sms".into());
    let v = verification::start(&state, &phone, &gateway, "", "verifik", client)?;
    Ok(Json(json!({
        "data": {
            "_id": v.id,
            "status": "sent",
            "phoneGateway": gateway,
            "phone": body.phone,
            "countryCode": body.country_code,
            "expiresAt": rfc3339(v.expires_at),
        }
    })))
}

async fn validate(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<ValidateBody>,
) -> (StatusCode, Json<Value>) {
    let phone = super::join_phone(&body.country_code, &body.phone);
    // Verifik finds the validation by phone: the newest one for this number.
    let Some(v) = state.store.latest_for(&phone) else {
        return (
            StatusCode::NOT_FOUND,
            Json(json!({ "message": "Phone validation not found" })),
        );
    };
    let code = format!("{:0width$}", body.otp, width = CODE_LENGTH);
    let message = match state.store.check(&v.id, &code, state.clock.now()) {
        Check::Approved => {
            return (
                StatusCode::OK,
                Json(json!({
                    "data": {
                        "_id": v.id,
                        "status": "validated",
                        "countryCode": body.country_code,
                        "phone": body.phone,
                        "type": "validation",
                        "showFaceLivenessRecommendation": false,
                    }
                })),
            )
        }
        Check::Invalid { .. } => "Invalid OTP",
        Check::Expired => "OTP expired",
        Check::MaxAttempts => "Maximum attempts reached",
        Check::AlreadyUsed => "Phone validation already validated",
        Check::NotFound => "Phone validation not found",
    };
    (StatusCode::BAD_REQUEST, Json(json!({ "message": message })))
}
