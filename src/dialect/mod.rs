//! The seam between the flow and a backend's API.
//!
//! A dialect is pure: it turns what the flow wants (send a code, check a code) into an
//! [`HttpRequest`], and the [`HttpResponse`] that comes back into an [`Outcome`]. The transport
//! does the I/O in between, so every dialect is tested natively against its documentation.

pub mod idmeta;
pub mod native;
pub mod otp_service;
pub mod verifik;
pub mod verifyhq;

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
            .map(|server| server.saturating_sub(now))
            .filter(|skew| skew.abs() > 2_000)
            .unwrap_or(0)
    }

    /// A timestamp field of the server's, moved to our clock, and never further off than the
    /// server granted: a code that the server gives 600 s from its `Date` counts down from 10:00
    /// at most, whatever the two clocks say (a skew under the noise threshold, `Date`'s whole
    /// seconds).
    pub fn server_time(&self, value: &Json, now: Millis) -> Option<Millis> {
        let t = value.as_str().and_then(time::parse_rfc3339)?;
        let ours = t.saturating_sub(self.clock_skew(now));
        let granted = self
            .header("date")
            .and_then(time::parse_http_date)
            .map(|date| now.saturating_add(t.saturating_sub(date).max(0) / 1000 * 1000));
        Some(granted.map_or(ours, |g| ours.min(g)))
    }

    /// When a 429 or 503 allows the next try, from `Retry-After`.
    pub fn retry_at(&self, now: Millis) -> Option<Millis> {
        // Seconds count from now; a date is on the server's clock. Shifting `now` onto the
        // server's clock and back handles both.
        let skew = self.clock_skew(now);
        time::retry_after(self.header("retry-after")?, now.saturating_add(skew))
            .map(|t| t.saturating_sub(skew))
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
    /// The backend's id for it (native `id`, IDmeta `referenceId`, Verifik `_id`, …).
    pub id: String,
    /// The number it was sent to, E.164; some providers want it again on verify.
    pub phone: String,
    /// On our clock.
    pub expires_at: Option<Millis>,
    /// On our clock.
    pub resend_at: Option<Millis>,
    pub attempts_remaining: Option<u32>,
    pub code_length: Option<u8>,
}

/// Which backend API the widget speaks, with that API's options.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Dialect {
    /// phone-otp's own protocol.
    #[default]
    Native,
    /// IDmeta v3 phone verification.
    IdMeta {
        trust_flow_id: String,
        trust_validation_id: String,
    },
    /// Verifik v2 phone validations.
    Verifik {
        project: Option<String>,
        project_flow: Option<String>,
        gateway: Option<String>,
    },
    /// The OTP messaging service v1.
    OtpService,
    /// VerifyHQ v1 phone verifications.
    VerifyHq { user_id: String },
}

impl Dialect {
    /// The `dialect` attribute's value for this dialect.
    pub fn name(&self) -> &'static str {
        match self {
            Dialect::Native => "native",
            Dialect::IdMeta { .. } => "idmeta",
            Dialect::Verifik { .. } => "verifik",
            Dialect::OtpService => "otp-service",
            Dialect::VerifyHq { .. } => "verifyhq",
        }
    }
}

/// A dialect with the path overrides every dialect accepts.
///
/// ```
/// use phone_otp::dialect::{Backend, Channel, Dialect, SendRequest};
/// let backend = Backend { dialect: Dialect::VerifyHq { user_id: "u1".into() }, ..Backend::default() };
/// let req = backend.send(&SendRequest { phone: "+2250700000000".into(), channel: Channel::Sms });
/// assert_eq!(req.path, "/v1/verifications/phone");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Backend {
    pub dialect: Dialect,
    /// Replaces the dialect's send path.
    pub send_path: Option<String>,
    /// Replaces the dialect's verify path; `{id}` stands for the verification id.
    pub verify_path: Option<String>,
}

/// The result of reading a verify response: an outcome, or one more request to make first
/// (VerifyHQ documents no failure body, so its status is read after a failed check).
#[derive(Clone, Debug, PartialEq)]
pub enum Read {
    Done(Outcome),
    Then(HttpRequest),
}

impl Backend {
    /// The request that sends a code.
    pub fn send(&self, req: &SendRequest) -> HttpRequest {
        let mut http = match &self.dialect {
            Dialect::Native => native::send(req),
            Dialect::IdMeta {
                trust_flow_id,
                trust_validation_id,
            } => idmeta::send(req, trust_flow_id, trust_validation_id),
            Dialect::Verifik {
                project,
                project_flow,
                gateway,
            } => verifik::send(req, project, project_flow, gateway),
            Dialect::OtpService => otp_service::send(req),
            Dialect::VerifyHq { user_id } => verifyhq::send(req, user_id),
        };
        if let Some(path) = &self.send_path {
            http.path = path.clone();
        }
        http
    }

    /// What the send response means.
    pub fn read_send(&self, req: &SendRequest, res: &HttpResponse, now: Millis) -> Outcome {
        let outcome = match &self.dialect {
            Dialect::Native => native::read_send(res, now),
            Dialect::IdMeta { .. } => idmeta::read_send(res, now),
            Dialect::Verifik { .. } => verifik::read_send(res, now),
            Dialect::OtpService => otp_service::read_send(res, now),
            Dialect::VerifyHq { .. } => verifyhq::read_send(res, now),
        };
        match outcome {
            Outcome::Sent(session) => Outcome::Sent(Session {
                phone: req.phone.clone(),
                ..session
            }),
            other => other,
        }
    }

    /// The request that checks `code`.
    pub fn verify(&self, session: &Session, code: &str) -> HttpRequest {
        let mut http = match &self.dialect {
            Dialect::Native => native::verify(&session.id, code),
            Dialect::IdMeta {
                trust_flow_id,
                trust_validation_id,
            } => idmeta::verify(session, code, trust_flow_id, trust_validation_id),
            Dialect::Verifik {
                project,
                project_flow,
                gateway,
            } => verifik::verify(session, code, project, project_flow, gateway),
            Dialect::OtpService => otp_service::verify(&session.id, code),
            Dialect::VerifyHq { .. } => verifyhq::verify(&session.id, code),
        };
        if let Some(path) = &self.verify_path {
            http.path = crate::template::fill(path, &[("id", &encode_path(&session.id))]);
        }
        http
    }

    /// What the verify response means, or the request to make before it is known.
    pub fn read_verify(&self, session: &Session, res: &HttpResponse, now: Millis) -> Read {
        Read::Done(match &self.dialect {
            Dialect::Native => native::read_verify(res, now),
            Dialect::IdMeta { .. } => idmeta::read_verify(res, now),
            Dialect::Verifik { .. } => verifik::read_verify(res, now),
            Dialect::OtpService => otp_service::read_verify(res, now),
            Dialect::VerifyHq { .. } => return verifyhq::read_verify(session, res, now),
        })
    }

    /// What the follow-up response of [`Read::Then`] means.
    pub fn read_follow_up(&self, res: &HttpResponse, now: Millis) -> Outcome {
        match &self.dialect {
            Dialect::VerifyHq { .. } => verifyhq::read_status(res, now),
            _ => Outcome::BadResponse,
        }
    }
}

/// Percent-encodes an id for use as one path segment.
pub fn encode_path(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A short, single-line copy of a backend's message, safe to show as text.
pub fn message(value: &Json) -> Option<String> {
    let mut out = String::new();
    let mut space = false;
    for c in value.as_str()?.chars().take(200) {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
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
    /// The backend failed (5xx), or refused a request that was not about the number (401, 403,
    /// 404, 405…: a configuration error, never the person's fault).
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
    ///
    /// Only a 400 or 422 with the backend's own JSON answer refuses the request's content (the
    /// number, for a send); any other 4xx (a wrong endpoint, a missing CSRF token, a proxy's
    /// error page) is a server or configuration error, so the person is not told that their
    /// number is the problem.
    ///
    /// ```
    /// use phone_otp::dialect::{HttpResponse, Outcome};
    /// let res = |status| HttpResponse { status, ..HttpResponse::default() };
    /// assert_eq!(Outcome::from_status(&res(404), 0), Outcome::ServerError { status: 404 });
    /// ```
    pub fn from_status(res: &HttpResponse, now: Millis) -> Outcome {
        match res.status {
            429 => Outcome::RateLimited {
                until: res.retry_at(now),
            },
            400 | 422 if res.body.is_some() => Outcome::Rejected {
                message: message(res.json().get("message")),
            },
            400..=599 => Outcome::ServerError { status: res.status },
            _ => Outcome::BadResponse,
        }
    }

    /// What the developer should check when this outcome is a misconfiguration or a backend
    /// fault rather than an answer about the number or the code; `None` otherwise.
    ///
    /// ```
    /// use phone_otp::dialect::Outcome;
    /// assert!(Outcome::ServerError { status: 403 }.diagnosis().unwrap().contains("request-headers"));
    /// assert_eq!(Outcome::Expired.diagnosis(), None);
    /// ```
    pub fn diagnosis(&self) -> Option<&'static str> {
        Some(match self {
            Outcome::ServerError { status: 401 | 403 } => {
                "the backend refused the request: check the credentials and request-headers attributes (a missing CSRF token or session cookie?)"
            }
            Outcome::ServerError { status: 404 | 405 } => {
                "no such route: check the endpoint, dialect, send-path and verify-path attributes"
            }
            Outcome::ServerError { status: 500..=599 } => "the backend failed: see its logs",
            Outcome::ServerError { .. } => {
                "the backend refused the request: check the dialect and endpoint attributes"
            }
            Outcome::BadResponse => {
                "the answer is not JSON, or not in the shape the dialect expects: check the dialect and endpoint attributes"
            }
            Outcome::Network => {
                "no response: the backend is down or, for an endpoint on another origin, does not allow this page (CORS: Access-Control-Allow-Origin and -Allow-Headers)"
            }
            _ => return None,
        })
    }
}
