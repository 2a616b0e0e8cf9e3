//! Errors that end a request, as one type that turns into a JSON response.

use axum::extract::rejection::JsonRejection;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// An error response: an HTTP status, a JSON body, and optionally a Retry-After in seconds.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub body: Value,
    pub retry_after: Option<u64>,
}

impl ApiError {
    /// An error with `status` and `body`.
    pub fn new(status: StatusCode, body: Value) -> Self {
        ApiError {
            status,
            body,
            retry_after: None,
        }
    }
}

/// A body the API cannot read, in the API's error shape (`{"status", "message"}`) instead of
/// axum's text/plain: 415 without a JSON content type, 413 when too large, and 400 for JSON
/// that does not parse or does not fit the operation.
impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let (status, name) = match &rejection {
            JsonRejection::MissingJsonContentType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                (StatusCode::PAYLOAD_TOO_LARGE, "too_large")
            }
            _ => (StatusCode::BAD_REQUEST, "invalid_request"),
        };
        ApiError::new(
            status,
            json!({ "status": name, "message": rejection.body_text() }),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}
