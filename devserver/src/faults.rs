//! Dev mode only: fault injection for the next N API requests, so tests can see the widget meet
//! a slow, failing, rude or dropped backend. `POST /__dev/faults` with a [`Fault`] queues it;
//! `DELETE /__dev/faults` clears the queue.

use crate::extract::ApiJson;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::Mutex;
use std::time::Duration;

/// What to do to the next `count` requests whose path starts with `path`.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Fault {
    /// How many requests it applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    /// Only requests under this path (default `/api`).
    #[serde(default = "api")]
    pub path: String,
    /// Wait this long before answering (or before the other fault).
    #[serde(default)]
    pub delay_ms: u64,
    /// Answer with this status instead of the real handler.
    #[serde(default)]
    pub status: Option<u16>,
    /// Answer with this raw body (sent as `application/json`, whatever it is).
    #[serde(default)]
    pub body: Option<String>,
    /// `Retry-After` seconds on the fault's answer.
    #[serde(default)]
    pub retry_after: Option<u64>,
    /// Break the connection instead of answering.
    #[serde(default)]
    pub drop: bool,
}

fn one() -> u32 {
    1
}

fn api() -> String {
    "/api".into()
}

/// The queue of faults.
#[derive(Default)]
pub struct Faults {
    queue: Mutex<Vec<Fault>>,
}

impl Faults {
    fn take(&self, path: &str) -> Option<Fault> {
        let mut queue = self.queue.lock().unwrap_or_else(|e| e.into_inner());
        let i = queue.iter().position(|f| path.starts_with(&f.path))?;
        let fault = queue[i].clone();
        queue[i].count -= 1;
        if queue[i].count == 0 {
            queue.remove(i);
        }
        Some(fault)
    }
}

/// `POST /__dev/faults`
pub async fn add(State(state): State<AppState>, ApiJson(fault): ApiJson<Fault>) -> StatusCode {
    if fault.count > 0 {
        state
            .faults
            .queue
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fault);
    }
    StatusCode::NO_CONTENT
}

/// `DELETE /__dev/faults`
pub async fn clear(State(state): State<AppState>) -> StatusCode {
    state
        .faults
        .queue
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    StatusCode::NO_CONTENT
}

/// Middleware: applies the first queued fault that matches the request.
pub async fn inject(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let Some(fault) = state.faults.take(req.uri().path()) else {
        return next.run(req).await;
    };
    println!(
        "fault on {} {}: {:?}",
        req.method(),
        req.uri().path(),
        fault
    );
    if fault.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
    }
    if fault.drop {
        // A body that fails mid-way makes hyper abort the connection.
        let broken = futures_util::stream::once(async {
            Err::<bytes::Bytes, _>(std::io::Error::other(
                "connection dropped by fault injection",
            ))
        });
        return Response::new(Body::from_stream(broken));
    }
    if fault.status.is_none() && fault.body.is_none() {
        return next.run(req).await;
    }
    let status = fault
        .status
        .and_then(|s| StatusCode::from_u16(s).ok())
        .unwrap_or(StatusCode::OK);
    let body = fault
        .body
        .unwrap_or_else(|| r#"{"status":"fault","message":"injected fault"}"#.into());
    let mut res = (status, body).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(secs) = fault.retry_after {
        res.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    res
}
