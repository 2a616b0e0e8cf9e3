//! The only code that does HTTP: sends a dialect's [`HttpRequest`] with the browser's `fetch`
//! and hands back the [`HttpResponse`], or the [`Outcome`] that explains why there is none.
//!
//! It calls `fetch` through web-sys rather than gloo-net: the few lines here replace a layer
//! whose request builder, method table and error type cost bytes the widget does not use.

use crate::config::Credentials;
use crate::dialect::{HttpRequest, HttpResponse, Method, Outcome};
use crate::json::Json;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Bodies above this size are not read: no verification answer is anywhere near it, and a
/// hostile backend must not make the page parse megabytes.
const MAX_BODY: usize = 64 * 1024;

/// The headers the dialects read; others are not copied out of the browser.
const READ_HEADERS: [&str; 2] = ["date", "retry-after"];

/// How requests are made: the options that come from the widget's configuration.
#[derive(Clone, Debug, Default)]
pub struct Transport {
    pub endpoint: String,
    pub timeout: Duration,
    pub credentials: Credentials,
    /// Sent on every request (`request-headers`).
    pub headers: Vec<(String, String)>,
}

/// Tries after the first, for requests that are safe to repeat.
const RETRIES: u32 = 2;

impl Transport {
    /// Sends `req`, retrying where that is safe: only a request marked `retry_safe`, and only
    /// after a network failure before any response or a 502/503/504, with capped, jittered
    /// backoff. A send carries one `Idempotency-Key` across its retries. Never a verify, which
    /// may have used up an attempt.
    pub async fn send(&self, req: &HttpRequest) -> Result<HttpResponse, Outcome> {
        let key = req.retry_safe.then(idempotency_key);
        let mut tries = 0;
        loop {
            let result = self.once(req, key.as_deref()).await;
            let transient = match &result {
                Err(Outcome::Network) => true,
                Ok(res) => matches!(res.status, 502..=504),
                Err(_) => false,
            };
            if !(req.retry_safe && transient && tries < RETRIES) {
                return result;
            }
            // 400 ms, then 800 ms, each between half and all of it; capped at 3 s.
            let cap = (400u32 << tries).min(3_000) as f64;
            sleep((cap * (0.5 + js_sys::Math::random() / 2.0)) as i32).await;
            tries += 1;
        }
    }

    /// Where `req` goes: the endpoint and the request's path.
    pub fn url(&self, req: &HttpRequest) -> String {
        format!("{}{}", self.endpoint.trim_end_matches('/'), req.path)
    }

    async fn once(&self, req: &HttpRequest, key: Option<&str>) -> Result<HttpResponse, Outcome> {
        let window = web_sys::window().ok_or(Outcome::Network)?;
        if !window.navigator().on_line() {
            return Err(Outcome::Offline);
        }
        let controller = web_sys::AbortController::new().map_err(|_| Outcome::Network)?;
        let signal = controller.signal();
        let init = web_sys::RequestInit::new();
        init.set_method(match req.method {
            Method::Get => "GET",
            Method::Post => "POST",
        });
        init.set_signal(Some(&signal));
        init.set_credentials(match self.credentials {
            Credentials::SameOrigin => web_sys::RequestCredentials::SameOrigin,
            Credentials::Include => web_sys::RequestCredentials::Include,
            Credentials::Omit => web_sys::RequestCredentials::Omit,
        });
        let headers = web_sys::Headers::new().map_err(|_| Outcome::Network)?;
        let _ = headers.set("accept", "application/json");
        // Headers the browser refuses (forbidden names, bad values) are skipped, not fatal.
        for (name, value) in &self.headers {
            let _ = headers.set(name, value);
        }
        if let Some(key) = key {
            let _ = headers.set("idempotency-key", key);
        }
        if let Some(body) = &req.body {
            let _ = headers.set("content-type", "application/json");
            init.set_body(&JsValue::from_str(&body.to_string()));
        }
        init.set_headers(&headers);
        let url = self.url(req);

        let timer =
            leptos::prelude::set_timeout_with_handle(move || controller.abort(), self.timeout).ok();
        let result = read(window.fetch_with_str_and_init(&url, &init)).await;
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
}

/// A random key that names one send across its retries; unique, not secret.
fn idempotency_key() -> String {
    (0..4)
        .map(|_| format!("{:08x}", (js_sys::Math::random() * 4_294_967_296.0) as u32))
        .collect()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

async fn read(pending: js_sys::Promise) -> Result<HttpResponse, Outcome> {
    let response: web_sys::Response = JsFuture::from(pending)
        .await
        .map_err(|_| Outcome::Network)?
        .dyn_into()
        .map_err(|_| Outcome::Network)?;
    let all = response.headers();
    let header = |name: &str| all.get(name).ok().flatten();
    let too_long = header("content-length")
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| n > MAX_BODY);
    if too_long {
        return Err(Outcome::BadResponse);
    }
    let headers = READ_HEADERS
        .iter()
        .filter_map(|name| header(name).map(|v| ((*name).to_owned(), v)))
        .collect();
    let text = JsFuture::from(response.text().map_err(|_| Outcome::Network)?)
        .await
        .map_err(|_| Outcome::Network)?
        .as_string()
        .unwrap_or_default();
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
pub fn parse(text: &str) -> Option<Json> {
    if text.trim().is_empty() {
        return None;
    }
    js_sys::JSON::parse(text).ok().map(from_js)
}

/// Copies a parsed JSON value into a [`Json`]. A walk by hand costs a fraction of the bytes of
/// serde-wasm-bindgen's generic deserializer.
fn from_js(value: wasm_bindgen::JsValue) -> Json {
    from_js_at(value, 0)
}

/// No answer nests this deep; a hostile one must not exhaust the wasm stack.
const MAX_DEPTH: u32 = 32;

fn from_js_at(value: wasm_bindgen::JsValue, depth: u32) -> Json {
    if depth > MAX_DEPTH {
        return Json::Null;
    }
    let from_js = |v| from_js_at(v, depth + 1);
    if let Some(b) = value.as_bool() {
        Json::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Json::Number(n)
    } else if let Some(s) = value.as_string() {
        Json::String(s)
    } else if js_sys::Array::is_array(&value) {
        Json::Array(js_sys::Array::from(&value).iter().map(from_js).collect())
    } else if value.is_object() {
        let entries = js_sys::Object::entries(&js_sys::Object::from(value));
        Json::Object(
            entries
                .iter()
                .map(|pair| {
                    let pair = js_sys::Array::from(&pair);
                    (
                        pair.get(0).as_string().unwrap_or_default(),
                        from_js(pair.get(1)),
                    )
                })
                .collect(),
        )
    } else {
        Json::Null
    }
}
