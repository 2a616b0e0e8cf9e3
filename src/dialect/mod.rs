//! The seam between the flow and a backend's API.
//!
//! A dialect is pure: it turns what the flow wants (send a code, check a code) into an
//! [`HttpRequest`], and the [`HttpResponse`] that comes back into an [`Outcome`]. The transport
//! does the I/O in between, so every dialect is tested natively against its documentation.

pub mod native;

use crate::json::Json;
use crate::time::{self, Millis};

/// How a code reaches the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Channel {
    #[default]
    Sms,
    Voice,
}

impl Channel {
    /// The lower-case wire name, `sms` or `voice`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Sms => "sms",
            Channel::Voice => "voice",
        }
    }
}

/// The HTTP methods the dialects use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
}

/// A request, relative to the configured endpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub method: Method,
    /// Path appended to the endpoint, starting with `/`.
    pub path: String,
    /// JSON body for POST requests.
    pub body: Option<Json>,
    /// Whether the request may be repeated when no response arrived (send: yes, with the same
    /// idempotency key; verify: no, since it may have used up an attempt).
    pub retry_safe: bool,
}

/// A response as the transport received it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    /// The parsed body; `None` when it was empty or not JSON.
    pub body: Option<Json>,
}

impl HttpResponse {
    /// The first value of header `name` (lower case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The body, or `Null` when there was none.
    pub fn json(&self) -> &Json {
        static NULL: Json = Json::Null;
        self.body.as_ref().unwrap_or(&NULL)
    }

    /// How far the server's clock is ahead of ours, from the `Date` header; 0 when unknown.
    /// Applied to the server's timestamps so countdowns are right on a machine whose clock is off.
    pub fn clock_skew(&self, now: Millis) -> Millis {
        self.header("date")
            .and_then(time::parse_http_date)
            // Date has one-second resolution; smaller differences are noise.
            .map(|server| server - now)
            .filter(|skew| skew.abs() > 2_000)
            .unwrap_or(0)
    }

    /// A timestamp field of the server's, moved to our clock.
    pub fn server_time(&self, value: &Json, now: Millis) -> Option<Millis> {
        value
            .as_str()
            .and_then(time::parse_rfc3339)
            .map(|t| t - self.clock_skew(now))
    }

    /// When a 429 or 503 allows the next try, from `Retry-After`.
    pub fn retry_at(&self, now: Millis) -> Option<Millis> {
        // Seconds count from now; a date is on the server's clock. Shifting `now` onto the
        // server's clock and back handles both.
        let skew = self.clock_skew(now);
        time::retry_after(self.header("retry-after")?, now + skew).map(|t| t - skew)
    }
}

/// What the flow asks for when it sends a code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendRequest {
    /// The number in E.164 form, `+60182258491`.
    pub phone: String,
    pub channel: Channel,
}

/// A verification the backend has started: what the code step needs to know.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Session {
    pub id: String,
    /// On our clock.
    pub expires_at: Option<Millis>,
    /// On our clock.
    pub resend_at: Option<Millis>,
    pub attempts_remaining: Option<u32>,
    pub code_length: Option<u8>,
}

/// What a backend's answer means to the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// A code was sent.
    Sent(Session),
    /// The code was right; the backend's success body is kept for the host page.
    Approved(Json),
    /// The code was wrong.
    Invalid { attempts_remaining: Option<u32> },
    /// The code's time ran out.
    Expired,
    /// No attempts are left.
    Locked,
    /// The code was already used.
    AlreadyUsed,
    /// The backend does not know this verification.
    NotFound,
    /// Too many requests; the next one is allowed at `until` (our clock), if the backend said.
    RateLimited { until: Option<Millis> },
    /// The backend refused the request (a number it cannot reach, say), with its message.
    Rejected { message: Option<String> },
    /// The backend failed (5xx).
    ServerError { status: u16 },
    /// The answer could not be understood.
    BadResponse,
    /// No answer: the network failed.
    Network,
    /// No answer in time.
    Timeout,
    /// The browser is offline.
    Offline,
}

impl Outcome {
    /// The outcomes every dialect shares for statuses that carry no dialect meaning: 429, 5xx
    /// and anything else that is not a success.
    pub fn from_status(res: &HttpResponse, now: Millis) -> Outcome {
        match res.status {
            429 => Outcome::RateLimited {
                until: res.retry_at(now),
            },
            500..=599 => Outcome::ServerError { status: res.status },
            400..=499 => Outcome::Rejected {
                message: res
                    .json()
                    .get("message")
                    .as_str()
                    .map(|m| m.chars().take(200).collect()),
            },
            _ => Outcome::BadResponse,
        }
    }
}
