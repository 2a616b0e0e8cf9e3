//! CORS for the origins given with `--allow-origin`, and for no other: a page elsewhere can call
//! the API only when the operator said so. tower-http's [`CorsLayer`] writes the headers;
//! [`preflight_guard`] adds what it leaves out: a 403 for a preflight from any other origin
//! (so the refusal is visible in the network panel), and 204 for an allowed one.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Duration;
use tower_http::cors::{AllowCredentials, AllowHeaders, AllowOrigin, CorsLayer};

/// The allowed origins, exactly as browsers send them (`https://shop.example`).
pub type Origins = Arc<Vec<HeaderValue>>;

/// The CORS headers for `origins`: credentials allowed, `Retry-After` exposed so the widget can
/// count down, the request's headers mirrored, preflights cached for 10 minutes.
pub fn layer(origins: &Origins) -> CorsLayer {
    let allowed = origins.clone();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins.iter().cloned()))
        .allow_credentials(AllowCredentials::predicate(move |origin, _| {
            allowed.contains(origin)
        }))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(AllowHeaders::mirror_request())
        .expose_headers([header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Middleware outside [`layer`]: refuses preflights from origins not in the list, answers
/// allowed ones with 204 No Content.
pub async fn preflight_guard(State(origins): State<Origins>, req: Request, next: Next) -> Response {
    let preflight = req.method() == Method::OPTIONS
        && req
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if !preflight {
        return next.run(req).await;
    }
    let allowed = req
        .headers()
        .get(header::ORIGIN)
        .is_some_and(|o| origins.contains(o));
    if !allowed {
        // No CORS headers: the browser refuses the real request.
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut res = next.run(req).await;
    *res.status_mut() = StatusCode::NO_CONTENT;
    res
}
