//! The flow state machine: hand-written paths and a property test over random event sequences.

use phone_otp::config::Countries;
use phone_otp::dialect::{Channel, Outcome, Session};
use phone_otp::flow::{step, Effect, Event, Notice, Phase, Settings, State};
use phone_otp::phone::validate::{Invalid, Problem};
use phone_otp::phone::Region;
use proptest::prelude::*;

const PHONE: &str = "+60182258491";

fn run(state: &State, events: impl IntoIterator<Item = Event>, now: i64) -> (State, Vec<Effect>) {
    let mut s = state.clone();
    let mut all = Vec::new();
    for e in events {
        let (next, fx) = step(&s, e, now);
        s = next;
        all.extend(fx);
    }
    (s, all)
}

fn session(attempts: u32) -> Session {
    Session {
        id: "v1".into(),
        expires_at: Some(600_000),
        resend_at: Some(30_000),
        attempts_remaining: Some(attempts),
        code_length: Some(6),
        ..Session::default()
    }
}

fn code_sent() -> State {
    run(
        &State::default(),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Sent(session(3))),
        ],
        0,
    )
    .0
}

#[test]
fn happy_path_sends_then_verifies() {
    let s = code_sent();
    assert_eq!(s.phase, Phase::CodeSent);
    let (s, fx) = step(&s, Event::CodeInput("123 456".into()), 1000);
    assert_eq!(s.phase, Phase::Verifying);
    assert_eq!(
        fx,
        vec![Effect::Verify {
            id: "v1".into(),
            code: "123456".into()
        }]
    );
    let (s, _) = step(
        &s,
        Event::VerifyDone(Outcome::Approved(Default::default())),
        1000,
    );
    assert_eq!(s.phase, Phase::Verified);
}

#[test]
fn wrong_code_shows_attempts_and_clears_the_code() {
    let (s, _) = run(
        &code_sent(),
        [
            Event::CodeInput("111111".into()),
            Event::VerifyDone(Outcome::Invalid {
                attempts_remaining: Some(2),
            }),
        ],
        1000,
    );
    assert_eq!(s.phase, Phase::CodeSent);
    assert_eq!(
        s.notice,
        Some(Notice::WrongCode {
            attempts_remaining: Some(2)
        })
    );
    // Cleared, so it cannot be sent again and spend another attempt.
    assert_eq!(s.code, "");
}

#[test]
fn last_wrong_code_locks() {
    let (s, _) = run(
        &code_sent(),
        [
            Event::CodeInput("111111".into()),
            Event::VerifyDone(Outcome::Invalid {
                attempts_remaining: Some(0),
            }),
        ],
        1000,
    );
    assert_eq!(s.phase, Phase::Locked);
}

#[test]
fn a_code_expires_on_the_clock_and_a_new_one_can_be_sent() {
    let (s, fx) = step(&code_sent(), Event::Tick, 600_000);
    assert_eq!(s.phase, Phase::Expired);
    assert_eq!(fx, vec![Effect::FocusMessage]);
    let (s, fx) = step(&s, Event::Send(Channel::Sms), 600_001);
    assert_eq!(s.phase, Phase::Sending { resend: true });
    assert!(matches!(fx[0], Effect::Send { .. }));
}

#[test]
fn resend_waits_for_the_backend_time() {
    let s = code_sent();
    assert!(!s.can_send(29_999));
    assert_eq!(step(&s, Event::Send(Channel::Sms), 29_999).1, vec![]);
    assert!(s.can_send(30_000));
}

#[test]
fn a_bad_number_is_refused_before_any_request() {
    let (s, fx) = run(
        &State::default(),
        [Event::PhoneInput("12345".into()), Event::Send(Channel::Sms)],
        0,
    );
    let too_short = Invalid {
        problem: Problem::TooShort,
        region: Some("US"),
    };
    assert_eq!(s.notice, Some(Notice::Phone(too_short)));
    assert_eq!(s.phone, "12345");
    assert_eq!(fx, vec![Effect::FocusPhone]);
}

fn in_country(code: &str) -> State {
    let settings = Settings {
        country: Region::get(code).unwrap(),
        ..Settings::default()
    };
    State::new(settings)
}

#[test]
fn a_national_number_is_sent_in_e164() {
    let (s, fx) = run(
        &in_country("GB"),
        [
            Event::PhoneInput("07911 123456".into()),
            Event::Send(Channel::Sms),
        ],
        0,
    );
    assert_eq!(s.phone, "07911 123456");
    assert_eq!(
        fx,
        vec![Effect::Send {
            phone: "+447911123456".into(),
            channel: Channel::Sms
        }]
    );
}

#[test]
fn the_number_is_checked_on_blur_not_while_typing() {
    let (s, _) = run(&in_country("MY"), [Event::PhoneInput("012 345".into())], 0);
    assert_eq!(s.notice, None);
    let (s, fx) = step(&s, Event::PhoneBlur, 0);
    let expected = Invalid {
        problem: Problem::TooShort,
        region: Some("MY"),
    };
    assert_eq!(s.notice, Some(Notice::Phone(expected)));
    assert_eq!(fx, vec![]);
    // Typing again clears it; blurring an empty field says nothing.
    let (s, _) = step(&s, Event::PhoneInput("012 3456".into()), 0);
    assert_eq!(s.notice, None);
    let (s, _) = run(&in_country("MY"), [Event::PhoneBlur], 0);
    assert_eq!(s.notice, None);
}

#[test]
fn a_pasted_international_number_switches_the_country() {
    let (s, _) = run(
        &in_country("US"),
        [Event::PhoneInput("+44 20 7946 0958".into())],
        0,
    );
    assert_eq!(s.country.code, "GB");
    // Within +1, the country follows the area code once it is typed (issue 15), not before.
    let (s, _) = run(&in_country("CA"), [Event::PhoneInput("+1 4".into())], 0);
    assert_eq!(s.country.code, "CA");
    let (s, _) = run(&in_country("CA"), [Event::PhoneInput("+1 415".into())], 0);
    assert_eq!(s.country.code, "US");
    let (s, _) = run(
        &in_country("US"),
        [Event::PhoneInput("+1 268 464".into())],
        0,
    );
    assert_eq!(s.country.code, "AG");
}

#[test]
fn change_number_after_a_verification_unless_locked() {
    let verified = State {
        phase: Phase::Verified,
        ..in_country("MY")
    };
    let (s, fx) = run(&verified, [Event::ChangeNumber], 0);
    assert_eq!((s.phase, fx), (Phase::Entry, vec![Effect::FocusPhone]));
    let mut locked = verified.clone();
    locked.settings.lock_verified = true;
    let (s, _) = run(&locked, [Event::ChangeNumber], 0);
    assert_eq!(s.phase, Phase::Verified);
}

#[test]
fn the_country_follows_a_national_number_within_its_calling_code() {
    let typed = |country: &str, digits: &str| {
        let mut s = in_country(country);
        for n in 1..=digits.len() {
            s = run(&s, [Event::PhoneInput(digits[..n].into())], 0).0;
        }
        s.country.code
    };
    assert_eq!(typed("US", "204"), "CA");
    assert_eq!(typed("US", "2045550123"), "CA");
    assert_eq!(typed("CA", "415"), "US");
    assert_eq!(typed("US", "41"), "US");
    assert_eq!(typed("GB", "01481256"), "GG");
    assert_eq!(typed("GB", "0207946"), "GB");
    // Antigua's numbers dialled without the area code stay Antigua's.
    assert_eq!(typed("AG", "4641234"), "AG");
    assert_eq!(typed("MY", "0123"), "MY");
    assert_eq!(typed("GG", "0207946"), "GB");
    assert_eq!(typed("GG", "256789"), "GG");
}

#[test]
fn picking_a_country_keeps_the_digits_and_focuses_the_number() {
    let (s, fx) = run(
        &in_country("US"),
        [
            Event::PhoneInput("+44 7911 123456".into()),
            Event::Country(Region::get("MY").unwrap()),
        ],
        0,
    );
    assert_eq!((s.country.code, s.phone.as_str()), ("MY", "+60 7911123456"));
    assert_eq!(fx, vec![Effect::FocusPhone]);
    let (s, _) = run(
        &in_country("US"),
        [
            Event::PhoneInput("0182258491".into()),
            Event::Country(Region::get("MY").unwrap()),
        ],
        0,
    );
    assert_eq!(s.phone, "018-225 8491");
}

#[test]
fn numbers_from_countries_not_offered_are_refused() {
    let settings = Settings {
        country: Region::get("MY").unwrap(),
        countries: Countries::from_lists(None, Some("MY,SG"), None),
        ..Settings::default()
    };
    let (s, fx) = run(
        &State::new(settings),
        [
            Event::PhoneInput("+44 7400 123456".into()),
            Event::Send(Channel::Sms),
        ],
        0,
    );
    assert_eq!(
        s.country.code, "MY",
        "not switched to a country not offered"
    );
    let expected = Invalid {
        problem: Problem::NotOffered,
        region: Some("GB"),
    };
    assert_eq!(s.notice, Some(Notice::Phone(expected)));
    assert_eq!(fx, vec![Effect::FocusPhone]);
}

#[test]
fn a_failed_send_keeps_the_number() {
    let (s, _) = run(
        &State::default(),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Timeout),
        ],
        0,
    );
    assert_eq!(s.phase, Phase::Entry);
    assert_eq!(s.phone, PHONE);
    assert_eq!(s.notice, Some(Notice::Timeout));
}

#[test]
fn rate_limit_blocks_sending_until_its_time() {
    let (s, _) = run(
        &State::default(),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::RateLimited { until: Some(5_000) }),
        ],
        0,
    );
    assert!(!s.can_send(4_999));
    let (s, _) = step(&s, Event::Tick, 5_000);
    assert!(s.can_send(5_000));
    assert_eq!(s.notice, None);
}

#[test]
fn back_online_retries_what_failed_offline() {
    let (s, _) = run(
        &State::default(),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Offline),
        ],
        0,
    );
    assert_eq!(s.notice, Some(Notice::Offline));
    let (s, fx) = step(&s, Event::Online, 10);
    assert_eq!(s.phase, Phase::Sending { resend: false });
    assert!(matches!(fx[0], Effect::Send { .. }));

    let (s, _) = run(
        &code_sent(),
        [
            Event::CodeInput("123456".into()),
            Event::VerifyDone(Outcome::Offline),
        ],
        10,
    );
    let (s, fx) = step(&s, Event::Online, 20);
    assert_eq!(s.phase, Phase::Verifying);
    assert!(matches!(fx[0], Effect::Verify { .. }));
}

fn outcome() -> impl Strategy<Value = Outcome> {
    prop_oneof![
        (0u32..5).prop_map(|a| Outcome::Sent(session(a))),
        Just(Outcome::Approved(Default::default())),
        proptest::option::of(0u32..5).prop_map(|a| Outcome::Invalid {
            attempts_remaining: a
        }),
        Just(Outcome::Expired),
        Just(Outcome::Locked),
        Just(Outcome::AlreadyUsed),
        Just(Outcome::NotFound),
        proptest::option::of(0i64..100_000).prop_map(|until| Outcome::RateLimited { until }),
        Just(Outcome::Network),
        Just(Outcome::Timeout),
        Just(Outcome::BadResponse),
        Just(Outcome::ServerError { status: 503 }),
        Just(Outcome::Offline),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    prop_oneof![
        "[+0-9 a-z]{0,16}".prop_map(Event::PhoneInput),
        Just(Event::PhoneInput(PHONE.into())),
        Just(Event::Send(Channel::Sms)),
        Just(Event::Send(Channel::Voice)),
        outcome().prop_map(Event::SendDone),
        "[0-9a-z -]{0,12}".prop_map(Event::CodeInput),
        Just(Event::Verify),
        outcome().prop_map(Event::VerifyDone),
        Just(Event::ChangeNumber),
        Just(Event::Tick),
        Just(Event::Online),
    ]
}

fn is_failure(o: &Outcome) -> bool {
    matches!(
        o,
        Outcome::RateLimited { .. }
            | Outcome::Network
            | Outcome::Timeout
            | Outcome::BadResponse
            | Outcome::ServerError { .. }
            | Outcome::Rejected { .. }
            | Outcome::Offline
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_hold(events in proptest::collection::vec((event(), 0i64..2_000), 0..40)) {
        let mut s = State::default();
        let mut now = 0;
        for (event, dt) in events {
            now += dt * 500;
            let busy = s.busy();
            let was_verified = s.phase == Phase::Verified;
            let attempts = s.attempts_remaining();
            let new_send = matches!(&event, Event::SendDone(Outcome::Sent(_)));
            let failure = matches!(&event, Event::SendDone(o) | Event::VerifyDone(o) if is_failure(o));
            let (phone, code) = (s.phone.clone(), s.code.clone());

            let (next, fx) = step(&s, event, now);

            let requests = fx.iter().filter(|e| matches!(e, Effect::Send { .. } | Effect::Verify { .. })).count();
            prop_assert!(requests <= 1, "two requests from one step");
            prop_assert!(!(busy && requests > 0), "a request started while one was in flight");
            if requests == 1 {
                prop_assert!(next.busy(), "a request started without marking the flow busy");
            }
            if was_verified {
                prop_assert_eq!(&next.phase, &Phase::Verified);
            }
            if !new_send {
                if let (Some(before), Some(after)) = (attempts, next.attempts_remaining()) {
                    prop_assert!(after <= before, "attempts rose from {} to {}", before, after);
                }
            }
            if failure {
                prop_assert_eq!(&next.phone, &phone);
                prop_assert_eq!(&next.code, &code);
            }
            s = next;
        }
    }
}

fn settings_with_attempts(max: u32) -> State {
    State::new(Settings {
        max_attempts: Some(max),
        ..Settings::default()
    })
}

fn sent_without_count(start: State) -> State {
    let uncounted = Session {
        attempts_remaining: None,
        phone: PHONE.into(),
        ..session(0)
    };
    run(
        &start,
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Sent(uncounted)),
        ],
        0,
    )
    .0
}

#[test]
fn max_attempts_counts_wrong_codes_when_the_backend_does_not() {
    let s = sent_without_count(settings_with_attempts(3));
    assert_eq!(s.attempts_remaining(), Some(3));
    let wrong = Event::VerifyDone(Outcome::Invalid {
        attempts_remaining: None,
    });
    let (s, _) = run(&s, [Event::CodeInput("111111".into()), wrong.clone()], 1);
    assert_eq!(
        s.notice,
        Some(Notice::WrongCode {
            attempts_remaining: Some(2)
        })
    );
    let (s, _) = run(
        &s,
        [
            Event::CodeInput("222222".into()),
            wrong.clone(),
            Event::CodeInput("333333".into()),
            wrong,
        ],
        2,
    );
    assert_eq!(s.phase, Phase::Locked);
    // Unset and unreported: no count.
    let s = sent_without_count(State::default());
    let (s, _) = run(
        &s,
        [
            Event::CodeInput("111111".into()),
            Event::VerifyDone(Outcome::Invalid {
                attempts_remaining: None,
            }),
        ],
        1,
    );
    assert_eq!(
        s.notice,
        Some(Notice::WrongCode {
            attempts_remaining: None
        })
    );
}

#[test]
fn the_backends_own_count_wins_over_max_attempts() {
    let s = sent_without_count(settings_with_attempts(2));
    let (s, _) = run(
        &s,
        [
            Event::CodeInput("111111".into()),
            Event::VerifyDone(Outcome::Invalid {
                attempts_remaining: Some(4),
            }),
        ],
        1,
    );
    assert_eq!(s.attempts_remaining(), Some(4));
    // A backend that reports at send time is never overridden.
    let (s, _) = run(
        &settings_with_attempts(9),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Sent(session(3))),
        ],
        0,
    );
    assert_eq!(s.attempts_remaining(), Some(3));
}

#[test]
fn a_resend_wait_holds_its_own_number_only() {
    let sent = Session {
        phone: PHONE.into(),
        ..session(3)
    };
    let (s, _) = run(
        &State::default(),
        [
            Event::PhoneInput(PHONE.into()),
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Sent(sent)),
            Event::ChangeNumber,
        ],
        0,
    );
    assert_eq!(s.phase, Phase::Entry);
    // The same number waits, and says how long.
    assert_eq!(s.send_wait(3_000), Some(27_000));
    assert!(!s.can_send(3_000));
    // A different one does not.
    let (s, fx) = run(
        &s,
        [
            Event::PhoneInput("+60 12 345 6789".into()),
            Event::Send(Channel::Sms),
        ],
        3_000,
    );
    assert_eq!(s.phase, Phase::Sending { resend: false });
    assert_eq!(
        fx,
        vec![Effect::Send {
            phone: "+60123456789".into(),
            channel: Channel::Sms
        }]
    );
}

#[test]
fn an_incomplete_code_says_so_and_a_cut_one_is_not_sent() {
    let (s, fx) = run(
        &code_sent(),
        [Event::CodeInput("123".into()), Event::Verify],
        1,
    );
    assert_eq!(s.notice, Some(Notice::CodeIncomplete { length: 6 }));
    assert_eq!(fx, vec![Effect::FocusCode]);
    let (s, fx) = step(&s, Event::CodeInput("1234567".into()), 1);
    assert_eq!(
        (s.code.as_str(), s.phase.clone()),
        ("123456", Phase::CodeSent)
    );
    assert_eq!(s.notice, Some(Notice::CodeTooLong { length: 6 }));
    assert_eq!(fx, vec![]);
    // A whole SMS pasted: its code, submitted.
    let (s, fx) = step(
        &code_sent(),
        Event::CodeInput("Your phone-otp code is 123456. It expires in 10 minutes.".into()),
        1,
    );
    assert_eq!(s.phase, Phase::Verifying);
    assert!(matches!(&fx[0], Effect::Verify { code, .. } if code == "123456"));
}

#[test]
fn a_resend_says_a_new_code_was_sent() {
    let s = code_sent();
    let (s, _) = run(
        &s,
        [
            Event::Send(Channel::Sms),
            Event::SendDone(Outcome::Sent(session(3))),
        ],
        31_000,
    );
    assert_eq!(s.phase, Phase::CodeSent);
    assert_eq!(s.notice, Some(Notice::CodeResent));
}

/// The widget with `channels="sms,voice"` (or not) and the default number types.
fn entry(voice: bool) -> State {
    State::new(Settings {
        voice,
        ..Settings::default()
    })
}

#[test]
fn a_number_no_region_has_is_refused_before_any_request() {
    for typed in ["+1 123 456 7890", "+61 5 1234 5678"] {
        let (s, fx) = run(
            &entry(true),
            [Event::PhoneInput(typed.into()), Event::Send(Channel::Sms)],
            0,
        );
        assert_eq!(s.phase, Phase::Entry, "{typed}");
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::Send { .. })),
            "{typed}"
        );
        assert!(
            matches!(
                s.notice,
                Some(Notice::Phone(Invalid {
                    problem: Problem::InvalidForRegion,
                    ..
                }))
            ),
            "{typed}: {:?}",
            s.notice
        );
    }
}

#[test]
fn premium_rate_and_toll_free_numbers_cannot_get_a_code() {
    use phone_otp::phone::validate::NumberType;
    for (typed, t) in [
        ("+44 901 234 5678", NumberType::PremiumRate),
        ("+44 800 123 4567", NumberType::TollFree),
    ] {
        let (s, fx) = run(
            &entry(true),
            [Event::PhoneInput(typed.into()), Event::Send(Channel::Sms)],
            0,
        );
        assert!(fx.iter().all(|e| !matches!(e, Effect::Send { .. })));
        assert_eq!(
            s.notice,
            Some(Notice::Phone(Invalid {
                problem: Problem::Type(t),
                region: Some("GB")
            })),
            "{typed}"
        );
    }
}

#[test]
fn a_fixed_line_is_called_when_voice_is_offered() {
    let (s, fx) = run(
        &entry(true),
        [
            Event::PhoneInput("+44 20 7946 0958".into()),
            Event::Send(Channel::Sms),
        ],
        0,
    );
    assert_eq!(s.phase, Phase::Sending { resend: false });
    assert_eq!(s.channel, Channel::Voice);
    assert!(fx.contains(&Effect::Send {
        phone: "+442079460958".into(),
        channel: Channel::Voice
    }));
    // Without voice it cannot get a code, and is told why when the field is left.
    let (s, fx) = run(
        &entry(false),
        [
            Event::PhoneInput("+44 20 7946 0958".into()),
            Event::PhoneBlur,
        ],
        0,
    );
    assert!(fx.is_empty());
    assert_eq!(
        s.notice,
        Some(Notice::Phone(Invalid {
            problem: Problem::NoTextMessages,
            region: Some("GB")
        }))
    );
    // A mobile, or a number that may be either, still gets its text.
    for typed in ["+44 7400 123456", "+1 201 555 0123"] {
        let (s, _) = run(
            &entry(true),
            [Event::PhoneInput(typed.into()), Event::Send(Channel::Sms)],
            0,
        );
        assert_eq!(s.channel, Channel::Sms, "{typed}");
    }
}
