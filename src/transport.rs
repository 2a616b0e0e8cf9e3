//! The only code that does HTTP: sends a dialect's [`HttpRequest`] and hands back the
//! [`HttpResponse`], or the [`Outcome`] that explains why there is none.

use crate::dialect::{HttpRequest, HttpResponse, Method, Outcome};
use crate::json::Json;
use gloo_net::http::Request;
use std::time::Duration;

/// Bodies above this size are not read: no verification answer is anywhere near it, and a
/// hostile backend must not make the page parse megabytes.
const MAX_BODY: usize = 64 * 1024;

/// The headers the dialects read; others are not copied out of the browser.
const READ_HEADERS: [&str; 2] = ["date", "retry-after"];

/// Sends `req` to `endpoint` + `req.path`, giving up after `timeout`.
pub async fn fetch(
    endpoint: &str,
    req: &HttpRequest,
    timeout: Duration,
) -> Result<HttpResponse, Outcome> {
    if !web_sys::window().is_none_or(|w| w.navigator().on_line()) {
        return Err(Outcome::Offline);
    }
    let url = format!("{}{}", endpoint.trim_end_matches('/'), req.path);
    let controller = web_sys::AbortController::new().map_err(|_| Outcome::Network)?;
    let signal = controller.signal();
    let builder = match req.method {
        Method::Get => Request::get(&url),
        Method::Post => Request::post(&url),
    }
    .header("accept", "application/json")
    .abort_signal(Some(&signal));
    let request = match &req.body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body.to_string()),
        None => builder.build(),
    }
    .map_err(|_| Outcome::Network)?;

    let timer = {
        let controller = controller.clone();
        leptos::prelude::set_timeout_with_handle(move || controller.abort(), timeout).ok()
    };
    let result = read(request).await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|failure| {
        if signal.aborted() {
            Outcome::Timeout
        } else {
            failure
        }
    })
}

async fn read(request: Request) -> Result<HttpResponse, Outcome> {
    let response = request.send().await.map_err(|_| Outcome::Network)?;
    let headers = response.headers();
    let headers = READ_HEADERS
        .iter()
        .filter_map(|name| headers.get(name).map(|v| ((*name).to_owned(), v)))
        .collect();
    let too_long = response
        .headers()
        .get("content-length")
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_BODY);
    if too_long {
        return Err(Outcome::BadResponse);
    }
    let text = response.text().await.map_err(|_| Outcome::Network)?;
    if text.len() > MAX_BODY {
        return Err(Outcome::BadResponse);
    }
    Ok(HttpResponse {
        status: response.status(),
        headers,
        body: parse(&text),
    })
}

/// Parses with the browser's own JSON parser; `None` for anything that is not JSON.
fn parse(text: &str) -> Option<Json> {
    if text.trim().is_empty() {
        return None;
    }
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
}
