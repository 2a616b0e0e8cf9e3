//! What survives a reload: the code step and its timers, kept in `sessionStorage` by the shell.
//! Never the code: a snapshot holds the phone, the verification and its times only.

use crate::dialect::{Channel, Session};
use crate::flow::{Phase, Settings, State};
use crate::json::Json;
use crate::time::Millis;

/// The `sessionStorage` key for a widget: its endpoint and its `owner` (the element's
/// `storage-key`, else its `id`, else its `name`), so two widgets on one page, even for the same
/// backend, keep separate steps. A widget without an owner keeps nothing: it cannot tell its
/// step from another's.
///
/// ```
/// use phone_otp::persist::storage_key;
/// assert_eq!(storage_key("/api", Some("signup")).as_deref(), Some("phone-otp:/api#signup"));
/// assert_eq!(storage_key("/api", None), None);
/// ```
pub fn storage_key(endpoint: &str, owner: Option<&str>) -> Option<String> {
    let owner = owner.filter(|o| !o.is_empty())?;
    Some(format!("phone-otp:{endpoint}#{owner}"))
}

fn num(n: Option<i64>) -> Json {
    n.map_or(Json::Null, |n| Json::Number(n as f64))
}

fn millis(j: &Json) -> Option<Millis> {
    match j {
        Json::Number(n) if n.is_finite() && n.fract() == 0.0 => Some(*n as Millis),
        _ => None,
    }
}

/// The part of `state` worth keeping across a reload, or `None` when there is nothing to keep
/// (no code sent, or the flow has ended).
///
/// ```
/// use phone_otp::{flow::State, persist::snapshot};
/// assert_eq!(snapshot(&State::default()), None);
/// ```
pub fn snapshot(state: &State) -> Option<Json> {
    let keep = matches!(
        state.phase,
        Phase::CodeSent | Phase::Verifying | Phase::Sending { resend: true }
    );
    let s = state.session.as_ref().filter(|_| keep)?;
    Some(Json::object([
        ("phone", Json::from(state.phone.as_str())),
        // The phone text is read as a number of this country when the person goes back to it.
        ("country", Json::from(state.country.code)),
        ("channel", Json::from(state.channel.as_str())),
        ("id", Json::from(s.id.as_str())),
        ("to", Json::from(s.phone.as_str())),
        ("expiresAt", num(s.expires_at)),
        ("resendAt", num(s.resend_at)),
        (
            "attemptsRemaining",
            num(s.attempts_remaining.map(i64::from)),
        ),
        ("codeLength", num(s.code_length.map(i64::from))),
        ("blockedUntil", num(state.send_blocked_until)),
        (
            "blockedFor",
            state
                .send_blocked_for
                .as_deref()
                .map_or(Json::Null, Json::from),
        ),
        ("counted", Json::Bool(state.attempts_counted)),
    ]))
}

/// The state a snapshot stands for at `now`: the code step, or its expired end if the code's
/// time ran out while the page was away. `None` for anything that is not a snapshot.
pub fn restore(settings: Settings, saved: &Json, now: Millis) -> Option<State> {
    let id = saved.get("id").as_str().filter(|id| !id.is_empty())?;
    let session = Session {
        id: id.to_owned(),
        phone: saved.get("to").as_str().unwrap_or_default().to_owned(),
        expires_at: millis(saved.get("expiresAt")),
        resend_at: millis(saved.get("resendAt")),
        attempts_remaining: saved.get("attemptsRemaining").as_u32(),
        code_length: saved
            .get("codeLength")
            .as_u32()
            .filter(|n| (4..=10).contains(n))
            .map(|n| n as u8),
    };
    let expired = session.expires_at.is_some_and(|t| now >= t);
    let country = saved
        .get("country")
        .as_str()
        .and_then(crate::phone::Region::get)
        .unwrap_or(settings.country);
    Some(State {
        country,
        phase: if expired {
            Phase::Expired
        } else {
            Phase::CodeSent
        },
        phone: saved.get("phone").as_str().unwrap_or_default().to_owned(),
        channel: match saved.get("channel").as_str() {
            Some("voice") => Channel::Voice,
            _ => Channel::Sms,
        },
        send_blocked_until: millis(saved.get("blockedUntil")),
        send_blocked_for: saved.get("blockedFor").as_str().map(str::to_owned),
        attempts_counted: saved.get("counted").as_bool() == Some(true),
        session: Some(session),
        settings,
        ..State::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect::Outcome;
    use crate::flow::{step, Event};

    fn code_sent() -> State {
        let s = State::default();
        let (s, _) = step(&s, Event::PhoneInput("+60182258491".into()), 0);
        let (s, _) = step(&s, Event::Send(Channel::Sms), 0);
        let session = Session {
            id: "v1".into(),
            phone: "+60182258491".into(),
            expires_at: Some(600_000),
            resend_at: Some(30_000),
            attempts_remaining: Some(2),
            code_length: Some(6),
        };
        let (s, _) = step(&s, Event::SendDone(Outcome::Sent(session)), 0);
        let (s, _) = step(&s, Event::CodeInput("123".into()), 0);
        s
    }

    #[test]
    fn a_reload_keeps_the_step_and_timers_but_not_the_code() {
        let s = code_sent();
        let saved = snapshot(&s).unwrap();
        assert!(!saved.to_string().contains("123\""), "{saved}");
        let back = restore(Settings::default(), &saved, 10_000).unwrap();
        assert_eq!(back.phase, Phase::CodeSent);
        assert_eq!(back.session, s.session);
        assert_eq!(back.send_blocked_until, s.send_blocked_until);
        assert_eq!(back.send_blocked_for, s.send_blocked_for);
        assert_eq!(back.phone, s.phone);
        assert_eq!(
            back.country.code, "MY",
            "the country the number was typed in"
        );
        assert_eq!(back.code, "");
    }

    #[test]
    fn a_code_that_ran_out_while_away_comes_back_expired() {
        let saved = snapshot(&code_sent()).unwrap();
        assert_eq!(
            restore(Settings::default(), &saved, 600_000).unwrap().phase,
            Phase::Expired
        );
    }

    #[test]
    fn junk_is_not_restored() {
        assert_eq!(restore(Settings::default(), &Json::Null, 0), None);
        assert_eq!(restore(Settings::default(), &Json::from("x"), 0), None);
    }
}
