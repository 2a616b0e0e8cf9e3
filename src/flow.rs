//! The verification flow as a pure state machine.
//!
//! [`step`] takes the current [`State`], an [`Event`] and the current time, and returns the next
//! state and the [`Effect`]s the shell must carry out (HTTP requests, focus moves). Nothing here
//! reads a clock or touches the browser, so every path is tested natively.
//!
//! Invariants (checked by the property test in `tests/flow.rs`):
//! - at most one request is in flight: a send or verify is only started from a resting phase;
//! - the attempts left never rise, except when a new code is sent;
//! - `Verified` is final: only [`Event::Reset`] (the host page's reset) leaves it;
//! - nothing the person typed is lost on an error: the phone text and the code survive every
//!   failure outcome.

use crate::code;
use crate::countries::Countries;
use crate::dialect::{Channel, Outcome, Session};
use crate::phone::format::as_you_type;
use crate::phone::parse::parse;
use crate::phone::validate::{check, validate, Invalid, NumberTypes, Problem};
use crate::phone::Region;
use crate::time::Millis;

/// Where the flow is.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Phase {
    /// Typing the phone number.
    #[default]
    Entry,
    /// A send is in flight; `resend` when it started from the code step.
    Sending { resend: bool },
    /// A code was sent; waiting for the person to type it.
    CodeSent,
    /// A verify is in flight.
    Verifying,
    /// The code was right. Final.
    Verified,
    /// The code's time ran out; a new code can be sent.
    Expired,
    /// No attempts left; a new code can be sent.
    Locked,
    /// The code was already used.
    AlreadyUsed,
    /// The backend lost the verification.
    NotFound,
}

impl Phase {
    /// A stable kebab-case name, for `data-state` and the element's `state` property.
    pub fn name(&self) -> &'static str {
        match self {
            Phase::Entry => "entry",
            Phase::Sending { .. } => "sending",
            Phase::CodeSent => "code-sent",
            Phase::Verifying => "verifying",
            Phase::Verified => "verified",
            Phase::Expired => "expired",
            Phase::Locked => "locked",
            Phase::AlreadyUsed => "already-used",
            Phase::NotFound => "not-found",
        }
    }
}

/// Which step of the widget is on screen for a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The phone number (also while the first send is in flight).
    Entry,
    /// The code field (also while a code is checked or a new one is sent).
    Code,
    /// A final message: verified, expired, locked, already used, not found.
    End,
}

impl Phase {
    /// The step that shows this phase.
    ///
    /// ```
    /// use phone_otp::flow::{Phase, Step};
    /// assert_eq!(Phase::Sending { resend: true }.step(), Step::Code);
    /// assert_eq!(Phase::Locked.step(), Step::End);
    /// ```
    pub fn step(&self) -> Step {
        match self {
            Phase::Entry | Phase::Sending { resend: false } => Step::Entry,
            Phase::CodeSent | Phase::Verifying | Phase::Sending { resend: true } => Step::Code,
            _ => Step::End,
        }
    }
}

/// A message shown beside the controls, cleared by the next action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The code was wrong.
    WrongCode {
        attempts_remaining: Option<u32>,
    },
    /// Something other than digits was typed into the code field.
    CodeRefused,
    /// Verify was asked for before the whole code (`length` digits) was typed.
    CodeIncomplete {
        length: usize,
    },
    /// More digits arrived than a code has (`length`): kept cut to length, not submitted.
    CodeTooLong {
        length: usize,
    },
    /// A new code was sent from the code step.
    CodeResent,
    /// The number cannot be sent: what is wrong, and for which region.
    Phone(Invalid),
    /// Too many requests; sending is possible again at `until`.
    RateLimited {
        until: Option<Millis>,
    },
    /// The backend refused the number, with its message.
    Rejected {
        message: Option<String>,
    },
    Network,
    Timeout,
    Offline,
    /// The backend failed or answered something we could not read.
    Server,
}

/// Options the flow needs, from the widget's configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Digits in a code when the backend does not say (4–10).
    pub code_length: u8,
    /// Wait before a resend when the backend does not say.
    pub resend_after: Millis,
    /// Life of a code when the backend does not say.
    pub expires_after: Millis,
    /// Whether "Call me instead" is offered once the first resend wait is over
    /// (`channels="sms,voice"`).
    pub voice: bool,
    /// The country selected at the start and after a reset.
    pub country: Region,
    /// The countries offered (`countries`, `preferred-countries`, `default-country`): only
    /// their numbers are taken.
    pub countries: Countries,
    /// Wrong codes allowed per code when the backend does not report the attempts left
    /// (`max-attempts`); `None`: not counted.
    pub max_attempts: Option<u32>,
    /// The verified screen is final (`lock-verified`): no "Change number" once verified.
    pub lock_verified: bool,
    /// The number types that may get a code (`number-types`), once the patterns are loaded.
    pub number_types: NumberTypes,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            code_length: 6,
            resend_after: 30_000,
            expires_after: 600_000,
            voice: false,
            country: Region::default(),
            countries: Countries::default(),
            max_attempts: None,
            lock_verified: false,
            number_types: NumberTypes::default(),
        }
    }
}

impl Settings {
    /// Whether numbers of `region` are taken (the `countries` option).
    pub fn offers(&self, region: Region) -> bool {
        self.countries.allows(region)
    }
}

/// The whole state of one widget.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub phase: Phase,
    /// The phone number as typed, formatted as typed.
    pub phone: String,
    /// The country selected: national numbers are read as its numbers.
    pub country: Region,
    /// The code digits typed so far.
    pub code: String,
    pub channel: Channel,
    /// The verification in progress, with times on our clock and defaults filled in.
    pub session: Option<Session>,
    pub notice: Option<Notice>,
    /// No send before this moment (a resend wait or a 429)...
    pub send_blocked_until: Option<Millis>,
    /// ...to this number (E.164); `None`: to any number.
    pub send_blocked_for: Option<String>,
    /// The attempts left are the widget's own count (`max-attempts`), not the backend's.
    pub attempts_counted: bool,
    pub settings: Settings,
    /// The backend's success body, once verified, for the host page.
    pub result: Option<crate::json::Json>,
}

/// What happens to the flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The phone field changed (already formatted by [`crate::phone::format::edit`]).
    PhoneInput(String),
    /// The phone field lost focus: the number is checked now, not on every keystroke.
    PhoneBlur,
    /// A country was picked in the selector.
    Country(Region),
    /// The person asked for a code (first time, resend, or a new code after an end state).
    Send(Channel),
    /// The send request finished.
    SendDone(Outcome),
    /// The code field changed, raw; the flow keeps only digits.
    CodeInput(String),
    /// The person asked to check the code.
    Verify,
    /// The verify request finished.
    VerifyDone(Outcome),
    /// Back to the phone number, keeping it.
    ChangeNumber,
    /// Time passed; the shell sends this from its countdown timer.
    Tick,
    /// The browser came back online: an action that failed for being offline is tried again.
    Online,
    /// The host page reset the widget.
    Reset,
}

/// What the shell must do after a step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Ask the backend to send a code.
    Send { phone: String, channel: Channel },
    /// Ask the backend to check a code.
    Verify { id: String, code: String },
    /// Move focus to the code field.
    FocusCode,
    /// Move focus to the phone field.
    FocusPhone,
    /// Move focus to the end-state message.
    FocusMessage,
}

impl State {
    /// A fresh flow with these settings.
    pub fn new(settings: Settings) -> Self {
        State {
            country: settings.country,
            settings,
            ..State::default()
        }
    }

    /// The code length in force: the backend's, else the configured one.
    pub fn code_length(&self) -> usize {
        self.session
            .as_ref()
            .and_then(|s| s.code_length)
            .unwrap_or(self.settings.code_length)
            .clamp(4, 10) as usize
    }

    /// Whether a request is in flight.
    pub fn busy(&self) -> bool {
        matches!(self.phase, Phase::Sending { .. } | Phase::Verifying)
    }

    /// How long until a send of the number typed is allowed, when a wait applies to it now.
    /// A resend wait or a 429 holds the number it was set for, not a different one.
    pub fn send_wait(&self, now: Millis) -> Option<Millis> {
        let until = self.send_blocked_until.filter(|t| *t > now)?;
        let applies = match (&self.send_blocked_for, self.phase.step()) {
            (None, _) => true,
            // The code and end steps send to the session's number, which is the one held.
            (Some(_), Step::Code | Step::End) => true,
            (Some(held), Step::Entry) => self.checked_phone().is_ok_and(|p| p == *held),
        };
        applies.then_some(until - now)
    }

    /// Whether a send is allowed at `now`.
    pub fn can_send(&self, now: Millis) -> bool {
        !self.busy() && self.phase != Phase::Verified && self.send_wait(now).is_none()
    }

    /// The attempts left, if known.
    pub fn attempts_remaining(&self) -> Option<u32> {
        self.session.as_ref().and_then(|s| s.attempts_remaining)
    }
}

impl State {
    /// The number as it will be sent, or what is wrong with it.
    pub fn checked_phone(&self) -> Result<String, Invalid> {
        self.sendable().map(|(e164, _)| e164)
    }

    /// The number as it will be sent and whether only a voice call can take it the code (a
    /// fixed line, with `channels="sms,voice"`), or what is wrong with it.
    pub fn sendable(&self) -> Result<(String, bool), Invalid> {
        let valid = check(&self.phone, self.country, crate::phone::data::patterns())?;
        let region = parse(&self.phone, self.country).and_then(|p| p.region);
        match region {
            Some(r) if !self.settings.offers(r) => Err(Invalid {
                problem: Problem::NotOffered,
                region: Some(r.code),
            }),
            _ => match valid.delivery(self.settings.number_types, self.settings.voice) {
                Ok(voice) => Ok((valid.e164, voice)),
                Err(problem) => Err(Invalid {
                    problem,
                    region: Some(valid.region),
                }),
            },
        }
    }
}

/// The region an international number switches the selector to: its own, once its calling code
/// differs from the selected region's or its digits name a region positively; `None` to stay.
fn switched_country(s: &State) -> Option<Region> {
    let p = parse(&s.phone, s.country)?;
    let r = match p.region {
        Some(r) if p.international && r.calling_code != s.country.calling_code => r,
        // Within the calling code (+1, +44), the country follows the digits as they are typed,
        // as intl-tel-input does: 204 is Canada, 415 the United States, 1481 Guernsey. A
        // country that dials its own numbers without the area code (Antigua's 464-1234) keeps
        // them until they are complete, unless a national prefix says they are not local.
        None if p.international => return None,
        _ if !p.international
            && p.prefix.is_empty()
            && !s.country.prefix_transform.is_empty()
            && validate(&s.phone, s.country).is_err() =>
        {
            return None
        }
        _ => Region::of_typed(s.country.calling_code, &p.national)?,
    };
    (r != s.country && s.settings.offers(r)).then_some(r)
}

/// Moves the flow one step.
///
/// ```
/// use phone_otp::flow::{step, Effect, Event, Phase, State};
/// use phone_otp::dialect::Channel;
/// let s = State::default();
/// let (s, _) = step(&s, Event::PhoneInput("+60 18 225 8491".into()), 0);
/// assert_eq!(s.country.code, "MY");
/// let (s, effects) = step(&s, Event::Send(Channel::Sms), 0);
/// assert_eq!(s.phase, Phase::Sending { resend: false });
/// assert_eq!(effects, vec![Effect::Send { phone: "+60182258491".into(), channel: Channel::Sms }]);
/// ```
pub fn step(state: &State, event: Event, now: Millis) -> (State, Vec<Effect>) {
    let mut s = state.clone();
    let mut fx = Vec::new();
    match event {
        Event::Reset => return (State::new(s.settings), vec![]),
        // Once verified only "Change number" moves on, unless the host locked the result.
        _ if s.phase == Phase::Verified
            && (s.settings.lock_verified || !matches!(event, Event::ChangeNumber)) => {}
        Event::PhoneInput(text) => {
            if s.phase == Phase::Entry {
                s.phone = text;
                if matches!(s.notice, Some(Notice::Phone(_))) {
                    s.notice = None;
                }
                if let Some(r) = switched_country(&s) {
                    s.country = r;
                }
            }
        }
        Event::PhoneBlur => {
            if s.phase == Phase::Entry && !s.phone.trim().is_empty() {
                if let Err(invalid) = s.checked_phone() {
                    s.notice = Some(Notice::Phone(invalid));
                }
            }
        }
        Event::Country(region) => {
            if s.phase == Phase::Entry {
                // An international number takes the new calling code; the rest stays as typed.
                if let Some(p) = parse(&s.phone, s.country).filter(|p| p.international) {
                    s.phone = format!("+{}{}", region.calling_code, p.typed);
                }
                s.country = region;
                s.phone = as_you_type(&s.phone, region);
                if matches!(s.notice, Some(Notice::Phone(_))) {
                    s.notice = None;
                }
                fx.push(Effect::FocusPhone);
            }
        }
        Event::Send(channel) => {
            if s.can_send(now) {
                match s.sendable() {
                    Err(invalid) => {
                        s.notice = Some(Notice::Phone(invalid));
                        s.phase = Phase::Entry;
                        fx.push(Effect::FocusPhone);
                    }
                    Ok((phone, voice)) => {
                        // A fixed line cannot read a text: it is called.
                        let channel = if voice { Channel::Voice } else { channel };
                        let resend = s.phase != Phase::Entry;
                        s.phase = Phase::Sending { resend };
                        s.channel = channel;
                        s.notice = None;
                        fx.push(Effect::Send { phone, channel });
                    }
                }
            }
        }
        Event::SendDone(outcome) => {
            if let Phase::Sending { resend } = s.phase {
                sent(&mut s, resend, outcome, now, &mut fx);
            }
        }
        Event::CodeInput(raw) => {
            if s.phase == Phase::CodeSent {
                let clean = code::read(&raw, s.code_length());
                let changed = clean.digits != s.code;
                s.code = clean.digits;
                if clean.refused {
                    s.notice = Some(Notice::CodeRefused);
                } else if clean.truncated {
                    s.notice = Some(Notice::CodeTooLong {
                        length: s.code_length(),
                    });
                } else if changed || matches!(s.notice, Some(Notice::CodeIncomplete { .. })) {
                    s.notice = None;
                }
                // A complete code submits itself, once per change, so a wrong code left in the
                // field is not sent again and again; a cut one does not: it is not what arrived.
                if changed && !clean.truncated && s.code.len() == s.code_length() {
                    start_verify(&mut s, &mut fx);
                }
            }
        }
        Event::Verify => {
            if s.phase == Phase::CodeSent {
                if s.code.len() == s.code_length() {
                    start_verify(&mut s, &mut fx);
                } else {
                    s.notice = Some(Notice::CodeIncomplete {
                        length: s.code_length(),
                    });
                    fx.push(Effect::FocusCode);
                }
            }
        }
        Event::VerifyDone(outcome) => {
            if s.phase == Phase::Verifying {
                verified(&mut s, outcome, &mut fx);
            }
        }
        Event::ChangeNumber => {
            if !s.busy() {
                s.phase = Phase::Entry;
                s.session = None;
                s.code.clear();
                s.notice = None;
                fx.push(Effect::FocusPhone);
            }
        }
        Event::Online => {
            if s.notice == Some(Notice::Offline) {
                s.notice = None;
                let retry = match s.phase {
                    Phase::Entry => Some(Event::Send(s.channel)),
                    Phase::CodeSent if s.code.len() == s.code_length() => Some(Event::Verify),
                    _ => None,
                };
                if let Some(retry) = retry {
                    return step(&s, retry, now);
                }
            }
        }
        Event::Tick => {
            let expired = s
                .session
                .as_ref()
                .and_then(|x| x.expires_at)
                .is_some_and(|t| now >= t);
            if s.phase == Phase::CodeSent && expired {
                s.phase = Phase::Expired;
                s.notice = None;
                fx.push(Effect::FocusMessage);
            }
            if s.send_blocked_until.is_some_and(|t| now >= t) {
                s.send_blocked_until = None;
                s.send_blocked_for = None;
                if matches!(s.notice, Some(Notice::RateLimited { .. })) {
                    s.notice = None;
                }
            }
        }
    }
    (s, fx)
}

fn start_verify(s: &mut State, fx: &mut Vec<Effect>) {
    if let Some(session) = &s.session {
        fx.push(Effect::Verify {
            id: session.id.clone(),
            code: s.code.clone(),
        });
        s.phase = Phase::Verifying;
        s.notice = None;
    }
}

/// The phase a failed request returns to.
fn rest_phase(resend: bool) -> Phase {
    if resend {
        Phase::CodeSent
    } else {
        Phase::Entry
    }
}

fn failure_notice(outcome: Outcome) -> Notice {
    match outcome {
        Outcome::RateLimited { until } => Notice::RateLimited { until },
        Outcome::Rejected { message } => Notice::Rejected { message },
        Outcome::Network => Notice::Network,
        Outcome::Timeout => Notice::Timeout,
        Outcome::Offline => Notice::Offline,
        _ => Notice::Server,
    }
}

fn sent(s: &mut State, resend: bool, outcome: Outcome, now: Millis, fx: &mut Vec<Effect>) {
    match outcome {
        Outcome::Sent(mut session) => {
            session.expires_at = session.expires_at.or(Some(now + s.settings.expires_after));
            session.resend_at = session.resend_at.or(Some(now + s.settings.resend_after));
            // Without the backend's count, the widget's own, when `max-attempts` asks for one.
            s.attempts_counted =
                session.attempts_remaining.is_none() && s.settings.max_attempts.is_some();
            if s.attempts_counted {
                session.attempts_remaining = s.settings.max_attempts;
            }
            s.send_blocked_until = session.resend_at;
            s.send_blocked_for = Some(session.phone.clone()).filter(|p| !p.is_empty());
            s.session = Some(session);
            s.code.clear();
            s.phase = Phase::CodeSent;
            s.notice = resend.then_some(Notice::CodeResent);
            fx.push(Effect::FocusCode);
        }
        other => {
            if let Outcome::RateLimited { until } = other {
                s.send_blocked_until = until;
                s.send_blocked_for = match &s.session {
                    Some(session) if resend => Some(session.phone.clone()),
                    _ => s.checked_phone().ok(),
                };
            }
            // A resend that failed from an end state goes back to that state's offer of a new
            // code, which the code step would no longer match.
            s.phase = match (&s.session, resend) {
                (Some(session), true)
                    if session.expires_at.is_some_and(|t| now >= t)
                        || session.attempts_remaining == Some(0) =>
                {
                    Phase::Expired
                }
                _ => rest_phase(resend && s.session.is_some()),
            };
            s.notice = Some(failure_notice(other));
        }
    }
}

fn verified(s: &mut State, outcome: Outcome, fx: &mut Vec<Effect>) {
    let end = |s: &mut State, phase: Phase, fx: &mut Vec<Effect>| {
        s.phase = phase;
        s.notice = None;
        fx.push(Effect::FocusMessage);
    };
    match outcome {
        Outcome::Approved(body) => {
            s.result = Some(body);
            end(s, Phase::Verified, fx)
        }
        Outcome::Invalid { attempts_remaining } => {
            let known = s.attempts_remaining();
            // Never trust a count that rises; without a count, one attempt was used. The
            // backend's own count, once it gives one, wins over the widget's.
            let left = match (attempts_remaining, known) {
                (Some(a), _) if s.attempts_counted => Some(a),
                (Some(a), Some(k)) => Some(a.min(k.saturating_sub(1))),
                (Some(a), None) => Some(a),
                (None, Some(k)) => Some(k.saturating_sub(1)),
                (None, None) => None,
            };
            s.attempts_counted &= attempts_remaining.is_none();
            if let Some(session) = &mut s.session {
                session.attempts_remaining = left;
            }
            if left == Some(0) {
                end(s, Phase::Locked, fx);
            } else {
                // A rejected code is cleared, so it cannot be sent again by mistake and spend
                // another attempt; focus stays in the field for the next try.
                s.code.clear();
                s.phase = Phase::CodeSent;
                s.notice = Some(Notice::WrongCode {
                    attempts_remaining: left,
                });
                fx.push(Effect::FocusCode);
            }
        }
        Outcome::Expired => end(s, Phase::Expired, fx),
        Outcome::Locked => {
            if let Some(session) = &mut s.session {
                session.attempts_remaining = Some(0);
            }
            end(s, Phase::Locked, fx)
        }
        Outcome::AlreadyUsed => end(s, Phase::AlreadyUsed, fx),
        Outcome::NotFound => end(s, Phase::NotFound, fx),
        other => {
            if let Outcome::RateLimited { until } = other {
                s.send_blocked_until = s.send_blocked_until.max(until);
                s.send_blocked_for = s.session.as_ref().map(|x| x.phone.clone());
            }
            s.phase = Phase::CodeSent;
            s.notice = Some(failure_notice(other));
        }
    }
}
