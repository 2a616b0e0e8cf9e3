//! Dev mode only: the outbox of sent codes and the movable clock. None of this is routed
//! without `--dev`.

use crate::app::AppState;
use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;

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
}

/// Every message sent since start, oldest first.
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Message>> {
        self.messages.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `GET /__dev/outbox`
pub async fn outbox(State(state): State<AppState>) -> Json<Vec<Message>> {
    Json(state.outbox.all())
}

/// Middleware: the `Date` header follows the dev clock, so a client that corrects for clock skew
/// (the widget does) sees the moved clock as a server that runs ahead, as it would in the wild.
pub async fn date_header(
    State(state): State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let mut res = next.run(req).await;
    let now =
        std::time::UNIX_EPOCH + std::time::Duration::from_millis(state.clock.now().max(0) as u64);
    if let Ok(value) = axum::http::HeaderValue::from_str(&httpdate::fmt_http_date(now)) {
        res.headers_mut().insert(axum::http::header::DATE, value);
    }
    res
}

/// Body of `POST /__dev/clock`.
#[derive(Deserialize)]
pub struct Advance {
    /// Seconds to move the clock forward.
    pub advance: i64,
}

/// `POST /__dev/clock` `{"advance": 600}`: moves the server's clock forward.
pub async fn clock(
    State(state): State<AppState>,
    Json(body): Json<Advance>,
) -> Json<serde_json::Value> {
    state.clock.advance(body.advance.saturating_mul(1000));
    Json(serde_json::json!({ "now": crate::clock::rfc3339(state.clock.now()) }))
}
