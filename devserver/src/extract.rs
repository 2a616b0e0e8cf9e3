//! [`ApiJson`]: axum's `Json` extractor with the API's own rejection.

use crate::error::ApiError;
use axum::extract::{FromRequest, Request};
use axum::Json;

/// A JSON request body. Unlike `axum::Json`, a body it cannot read is answered in the API's JSON
/// error shape ([`ApiError`]), so clients and the contract see one kind of error.
///
/// ```ignore
/// async fn send(ApiJson(body): ApiJson<SendBody>) -> Result<Json<Value>, ApiError> { … }
/// ```
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    Json<T>: FromRequest<S, Rejection = axum::extract::rejection::JsonRejection>,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        let Json(value) = Json::<T>::from_request(req, state).await?;
        Ok(ApiJson(value))
    }
}
