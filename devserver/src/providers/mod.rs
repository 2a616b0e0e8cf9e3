//! Simulations of the provider APIs in `docs/providers.md`, each at its documented paths under
//! `/api/<dialect>/`, sharing the native store: same codes, expiry, attempts and outbox.

pub mod idmeta;
pub mod otp_service;
pub mod verifik;
pub mod verifyhq;

use crate::error::ApiError;
use axum::http::StatusCode;
use serde_json::json;

/// The phone number from a calling code and a national number, as the providers split it.
pub fn join_phone(country_code: &str, national: &str) -> String {
    let digits: String = country_code
        .chars()
        .chain(national.chars())
        .filter(char::is_ascii_digit)
        .collect();
    format!("+{digits}")
}

/// A 400 for a body the simulated provider would refuse.
pub fn bad_request(message: &str) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        json!({ "success": false, "message": message }),
    )
}
