//! The router, built in one function: every route, then the layers around them.

use crate::options::Options;
use crate::state::AppState;
use crate::{client, cors, dev, faults, native, providers};
use axum::http::HeaderValue;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{middleware, Router};
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The whole application, on `state`.
pub fn router(options: &Options, state: AppState) -> Router {
    let mut app = Router::new()
        .route("/api/send", post(native::send))
        .route("/api/verify", post(native::verify))
        .route("/api/status/{id}", get(native::status))
        .nest("/api/idmeta", providers::idmeta::routes())
        .nest("/api/verifik", providers::verifik::routes())
        .nest("/api/otp-service", providers::otp_service::routes())
        .nest("/api/verifyhq", providers::verifyhq::routes());
    if options.dev {
        app = app
            .route_layer(middleware::from_fn_with_state(
                state.clone(),
                faults::inject,
            ))
            .route_layer(middleware::from_fn_with_state(
                state.clone(),
                dev::date_header,
            ))
            .route("/__dev/outbox", get(dev::outbox))
            .route("/__dev/stats", get(dev::stats))
            .route("/__dev/clock", post(dev::clock))
            .route("/__dev/faults", post(faults::add).delete(faults::clear));
    }
    let mut app = app
        .layer(middleware::from_fn(client::identify))
        .with_state(state);
    if let Some(dir) = &options.static_dir {
        app = app.fallback_service(ServeDir::new(dir));
    }
    let origins: cors::Origins = Arc::new(options.allow_origins.clone());
    if !origins.is_empty() {
        app = app.layer(cors::layer(&origins));
    }
    let app = app.layer(middleware::from_fn_with_state(
        origins,
        cors::preflight_guard,
    ));
    let headers: Arc<Vec<(_, HeaderValue)>> = Arc::new(
        options
            .headers
            .iter()
            .map(|h| (h.0.clone(), h.1.clone()))
            .collect(),
    );
    app.layer(middleware::map_response(move |mut res: Response| {
        let headers = headers.clone();
        async move {
            for (name, value) in headers.iter() {
                res.headers_mut().insert(name.clone(), value.clone());
            }
            res
        }
    }))
}
