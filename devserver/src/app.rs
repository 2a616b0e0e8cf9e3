//! The router, built in one place, and the state every handler shares.

use crate::client::{self, Client, ClientLimit};
use crate::clock::{rfc3339, Clock};
use crate::cors;
use crate::dev::{self, Message, Outbox};
use crate::error::ApiError;
use crate::faults::{self, Faults};
use crate::native;
use crate::providers;
use crate::store::{new_code, Store, Verification};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use serde_json::json;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::Mutex;
use tower_http::services::ServeDir;

/// How the server was started.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Print codes, keep the outbox, allow the clock to move.
    pub dev: bool,
    /// A folder to serve at `/`, so the page and the API share one origin.
    pub static_dir: Option<PathBuf>,
    /// Headers added to every response (`--header`), such as a Content-Security-Policy.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// Codes one client address may ask for per [`CLIENT_WINDOW`] (`--client-limit`); `None`
    /// for the default: [`CLIENT_LIMIT`], or no limit in dev mode (tests send from one address).
    pub client_limit: Option<u32>,
    /// Origins allowed to call the API from another origin (`--allow-origin`).
    pub allow_origins: Vec<HeaderValue>,
}

/// Codes per client address per [`CLIENT_WINDOW`] outside dev mode.
pub const CLIENT_LIMIT: u32 = 20;
/// The window of the per-client limit: 10 minutes.
pub const CLIENT_WINDOW: i64 = 600_000;

/// Shared by every handler.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

/// What [`AppState`] holds.
pub struct Inner {
    pub dev: bool,
    pub clock: Clock,
    pub store: Store,
    pub outbox: Outbox,
    pub faults: Faults,
    /// Native sends by `Idempotency-Key`: a retried send gets the same verification.
    pub idempotency: Mutex<HashMap<String, String>>,
    /// Codes per client address.
    pub client_limit: ClientLimit,
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    /// A fresh state; `client_limit` codes per client address per [`CLIENT_WINDOW`].
    pub fn new(dev: bool, client_limit: Option<u32>) -> Self {
        AppState(Arc::new(Inner {
            dev,
            clock: Clock::default(),
            store: Store::default(),
            outbox: Outbox::default(),
            faults: Faults::default(),
            idempotency: Mutex::default(),
            client_limit: ClientLimit::new(client_limit, CLIENT_WINDOW),
        }))
    }

    /// Starts a verification and "delivers" its code: printed and kept in the outbox in dev
    /// mode, dropped otherwise (no SMS gateway here). Shared by every dialect. Limited per
    /// number (the resend wait) and per `client` address.
    pub fn start(
        &self,
        phone: &str,
        channel: &str,
        owner: &str,
        dialect: &str,
        client: Client,
    ) -> Result<Verification, ApiError> {
        if !native::is_e164(phone) {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                json!({ "status": "invalid_phone", "message": "phone must be in E.164 form, like +60182258491" }),
            ));
        }
        let now = self.clock.now();
        let wait = self
            .store
            .resend_wait(phone, now)
            .map_or_else(|| self.client_limit.take(client, now).err(), Some);
        if let Some(wait) = wait {
            let secs = (wait as u64).div_ceil(1000);
            return Err(ApiError {
                retry_after: Some(secs),
                ..ApiError::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    json!({ "status": "rate_limited", "message": "wait before asking for another code", "retryAfter": secs }),
                )
            });
        }
        let code = new_code();
        let v = self.store.create(&self.clock, phone, channel, owner, &code);
        if self.dev {
            println!("code for {phone}: {code}");
            self.outbox.push(Message {
                id: v.id.clone(),
                phone: phone.to_owned(),
                channel: channel.to_owned(),
                code,
                dialect: dialect.to_owned(),
                at: rfc3339(now),
            });
        }
        Ok(v)
    }
}

/// The whole application.
pub fn router(options: &Options) -> Router {
    let limit = match options.client_limit {
        Some(0) => None,
        Some(n) => Some(n),
        None if options.dev => None,
        None => Some(CLIENT_LIMIT),
    };
    let state = AppState::new(options.dev, limit);
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
            .route_layer(axum::middleware::from_fn_with_state(
                state.clone(),
                faults::inject,
            ))
            .route_layer(axum::middleware::from_fn_with_state(
                state.clone(),
                dev::date_header,
            ))
            .route("/__dev/outbox", get(dev::outbox))
            .route("/__dev/clock", post(dev::clock))
            .route("/__dev/faults", post(faults::add).delete(faults::clear));
    }
    let app = app
        .layer(axum::middleware::from_fn(client::identify))
        .with_state(state);
    let app = match &options.static_dir {
        Some(dir) => app.fallback_service(ServeDir::new(dir)),
        None => app,
    };
    let origins: cors::Origins = Arc::new(options.allow_origins.clone());
    let app = app.layer(axum::middleware::from_fn_with_state(origins, cors::cors));
    let headers = options.headers.clone();
    app.layer(axum::middleware::map_response(
        move |mut res: axum::response::Response| {
            let headers = headers.clone();
            async move {
                for (name, value) in headers {
                    res.headers_mut().insert(name, value);
                }
                res
            }
        },
    ))
}
