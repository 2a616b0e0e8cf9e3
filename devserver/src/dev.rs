//! Dev mode only: the outbox of sent codes and the movable clock. None of this is routed
//! without `--dev`.

use crate::extract::ApiJson;
use crate::state::AppState;
use crate::store::KEEP_AFTER_EXPIRY_MS;
use crate::verification;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, UNIX_EPOCH};

/// A message the devserver "sent".
#[derive(Clone, Debug, Serialize)]
pub struct Message {
    pub id: String,
    pub phone: String,
    pub channel: String,
    pub code: String,
    /// Which API asked: `native` or a provider dialect.
    pub dialect: String,
    pub at: String,
    /// When its verification expires: the message is pruned with it.
    #[serde(skip)]
    pub expires_at: i64,
}

/// Every message sent whose verification is still kept, oldest first.
#[derive(Default)]
pub struct Outbox {
    messages: Mutex<Vec<Message>>,
}

impl Outbox {
    /// Adds a message.
    pub fn push(&self, message: Message) {
        self.lock().push(message);
    }

    /// A copy of every message.
    pub fn all(&self) -> Vec<Message> {
        self.lock().clone()
    }

    /// Drops the messages whose verification the store prunes at `now`.
    pub fn prune(&self, now: i64) {
        let mut messages = self.lock();
        let before = messages.len();
        messages.retain(|m| now < m.expires_at + KEEP_AFTER_EXPIRY_MS);
        if messages.len() < before {
            messages.shrink_to_fit();
        }
    }

    /// How many messages it holds.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    fn lock(&self) -> MutexGuard<'_, Vec<Message>> {
        self.messages.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `GET /__dev/outbox`
pub async fn outbox(State(state): State<AppState>) -> Json<Vec<Message>> {
    Json(state.outbox.all())
}

/// Middleware: the `Date` header follows the dev clock, so a client that corrects for clock skew
/// (the widget does) sees the moved clock as a server that runs ahead, as it would in the wild.
pub async fn date_header(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let now = UNIX_EPOCH + Duration::from_millis(state.clock.now().max(0) as u64);
    if let Ok(value) = HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        res.headers_mut().insert(header::DATE, value);
    }
    res
}

/// Body of `POST /__dev/clock`.
#[derive(Deserialize)]
pub struct Advance {
    /// Seconds to move the clock forward.
    pub advance: i64,
}

/// `POST /__dev/clock` `{"advance": 600}`: moves the server's clock forward, then prunes what
/// the move expired.
pub async fn clock(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<Advance>,
) -> Json<serde_json::Value> {
    state.clock.advance(body.advance.saturating_mul(1000));
    let pruned = verification::prune(&state);
    Json(serde_json::json!({
        "now": crate::clock::rfc3339(state.clock.now()),
        "pruned": pruned,
    }))
}

/// `GET /__dev/stats`: what the devserver holds, for the load benchmark.
pub async fn stats(State(state): State<AppState>) -> Json<serde_json::Value> {
    let [pending, approved, expired, max_attempts] = state.store.counts(state.clock.now());
    Json(serde_json::json!({
        "verifications": state.store.len(),
        "pending": pending,
        "approved": approved,
        "expired": expired,
        "maxAttempts": max_attempts,
        "outbox": state.outbox.len(),
    }))
}
