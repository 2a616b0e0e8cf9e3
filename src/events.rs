//! What the host page hears: the `phone-otp:*` events, derived from two consecutive flow states.

use crate::flow::{Notice, Phase, State};
use crate::json::Json;

/// An event for the host page. The element turns each into a bubbling, composed `CustomEvent`
/// named `phone-otp:<name>`.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// `phone-otp:state`, on every change of step: `{ state }`.
    State(&'static str),
    /// `phone-otp:sent`: a code is on its way: `{ phone, id }`.
    Sent { phone: String, id: String },
    /// `phone-otp:verified`: `{ phone, id, dialect, response }`.
    Verified {
        phone: String,
        id: String,
        response: Json,
    },
    /// `phone-otp:failed`: a code was refused: `{ reason, attemptsRemaining }`, reason one of
    /// `invalid`, `locked`, `already_used`, `not_found`.
    Failed {
        reason: &'static str,
        attempts_remaining: Option<u32>,
    },
    /// `phone-otp:expired`.
    Expired,
    /// `phone-otp:error`: a request failed or input was refused: `{ kind, message }`, kind one of
    /// `invalid_phone`, `rate_limited`, `rejected`, `network`, `timeout`, `offline`, `server`.
    Error { kind: &'static str },
}

impl WidgetEvent {
    /// The event's name after `phone-otp:`.
    pub fn name(&self) -> &'static str {
        match self {
            WidgetEvent::State(_) => "state",
            WidgetEvent::Sent { .. } => "sent",
            WidgetEvent::Verified { .. } => "verified",
            WidgetEvent::Failed { .. } => "failed",
            WidgetEvent::Expired => "expired",
            WidgetEvent::Error { .. } => "error",
        }
    }
}

fn error_kind(notice: &Notice) -> Option<&'static str> {
    Some(match notice {
        Notice::Phone(_) => "invalid_phone",
        Notice::RateLimited { .. } => "rate_limited",
        Notice::Rejected { .. } => "rejected",
        Notice::Network => "network",
        Notice::Timeout => "timeout",
        Notice::Offline => "offline",
        Notice::Server => "server",
        Notice::WrongCode { .. }
        | Notice::CodeRefused
        | Notice::CodeIncomplete { .. }
        | Notice::CodeTooLong { .. }
        | Notice::CodeResent => return None,
    })
}

/// The events that the step from `prev` to `next` raises, in order.
///
/// ```
/// use phone_otp::{events::{events, WidgetEvent}, flow::{Phase, State}};
/// let prev = State { phase: Phase::Verifying, ..State::default() };
/// let next = State { phase: Phase::Expired, ..State::default() };
/// assert_eq!(events(&prev, &next), vec![WidgetEvent::State("expired"), WidgetEvent::Expired]);
/// ```
pub fn events(prev: &State, next: &State) -> Vec<WidgetEvent> {
    let mut out = Vec::new();
    let session = next.session.as_ref();
    let id = || session.map(|s| s.id.clone()).unwrap_or_default();
    let phone = || session.map(|s| s.phone.clone()).unwrap_or_default();
    if prev.phase.name() != next.phase.name() {
        out.push(WidgetEvent::State(next.phase.name()));
    }
    let sent = matches!(prev.phase, Phase::Sending { .. }) && next.phase == Phase::CodeSent;
    if sent && next.session != prev.session {
        out.push(WidgetEvent::Sent {
            phone: phone(),
            id: id(),
        });
    }
    if prev.phase == Phase::Verifying {
        let failed = match (&next.phase, &next.notice) {
            (Phase::Verified, _) => {
                out.push(WidgetEvent::Verified {
                    phone: phone(),
                    id: id(),
                    response: next.result.clone().unwrap_or_default(),
                });
                None
            }
            (Phase::CodeSent, Some(Notice::WrongCode { attempts_remaining })) => {
                Some(("invalid", *attempts_remaining))
            }
            (Phase::Locked, _) => Some(("locked", Some(0))),
            (Phase::AlreadyUsed, _) => Some(("already_used", next.attempts_remaining())),
            (Phase::NotFound, _) => Some(("not_found", next.attempts_remaining())),
            _ => None,
        };
        if let Some((reason, attempts_remaining)) = failed {
            out.push(WidgetEvent::Failed {
                reason,
                attempts_remaining,
            });
        }
    }
    if next.phase == Phase::Expired && prev.phase != Phase::Expired {
        out.push(WidgetEvent::Expired);
    }
    if next.notice != prev.notice {
        if let Some(kind) = next.notice.as_ref().and_then(error_kind) {
            out.push(WidgetEvent::Error { kind });
        }
    }
    out
}
