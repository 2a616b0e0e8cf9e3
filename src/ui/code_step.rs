//! The second step: the code field, its countdowns, resend, "Call me instead" and
//! "Change number".

use super::dom::{el, Dom};
use super::effects::Ctx;
use crate::dialect::Channel;
use crate::flow::{Event, Notice, Phase};
use crate::i18n::{self, Key};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The code step: one field for the whole code (typed, pasted or filled from the SMS), Verify,
/// the code's expiry and the resend wait. Built with [`super::dom`].
///
/// ```ignore
/// view! { <CodeStep ctx code_id notice_id /> }
/// ```
#[component]
pub fn CodeStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// The code input's id; the expiry's is `{code_id}-expiry`.
    code_id: String,
    /// The id of the notice the field is described by.
    notice_id: String,
) -> Dom {
    // The phase apart from the state, so typing does not redraw the buttons.
    let (state, tx, clock, phase) = (ctx.state, ctx.tx, ctx.clock, ctx.phase);
    let label = move || {
        state.with(|s| {
            let label = tx.fill(
                Key::CodeLabel,
                &[
                    ("n", &s.code_length().to_string()),
                    ("phone", &unbroken(&s.phone)),
                ],
            );
            // A fixed line is called rather than texted: say so before the code comes.
            match s.channel {
                Channel::Voice => format!("{} {label}", tx.text(Key::CallingYou)),
                Channel::Sms => label,
            }
        })
    };
    let expires = move || {
        let left = state.with(|s| s.session.as_ref().and_then(|x| x.expires_at))? - clock.get();
        Some(tx.fill(Key::ExpiresIn, &[("time", &i18n::clock(left))]))
    };
    let resend_wait = move || {
        let until = state.with(|s| s.send_blocked_until)?;
        let left = until - clock.get();
        (left > 0).then(|| tx.fill(Key::ResendIn, &[("time", &i18n::clock(left))]))
    };
    let send = move |channel| move |_| ctx.dispatch(Event::Send(channel));
    let link = move |part: &str, key: Key| {
        el("button")
            .attr("type", "button")
            .attr("class", "link")
            .attr("part", part)
            .text(&tx.text(key))
    };
    let voice = state.with_untracked(|s| s.settings.voice);
    let field = el("input")
        .attr("id", &code_id)
        .attr("part", "code-input")
        .attr("type", "text")
        .attr("inputmode", "numeric")
        .attr("autocomplete", "one-time-code")
        .attr("spellcheck", "false")
        .attr("aria-describedby", &format!("{code_id}-expiry {notice_id}"))
        .attr_with("aria-invalid", move || {
            let wrong = state.with(|s| {
                matches!(
                    s.notice,
                    Some(Notice::WrongCode { .. } | Notice::CodeRefused)
                )
            });
            Some(wrong.to_string())
        })
        .value_with(move || state.with(|s| s.code.clone()))
        .attr_with("readonly", move || {
            state.with(|s| s.busy()).then(String::new)
        })
        .on("input", move |ev| {
            let Some(field) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            // After a reload into this step, the verification's code may not be here yet.
            super::requests::preload();
            ctx.dispatch(Event::CodeInput(field.value()));
            // The field shows the code the flow kept, even when that did not change (a second
            // letter typed after a refused one).
            let code = state.with_untracked(|s| s.code.clone());
            if field.value() != code {
                field.set_value(&code);
            }
        })
        .on("keydown", move |ev| {
            if ev
                .dyn_ref::<web_sys::KeyboardEvent>()
                .is_some_and(|k| k.key() == "Enter")
            {
                ev.prevent_default();
                ctx.dispatch(Event::Verify);
            }
        });
    ctx.held
        .update_value(|h| h.code_field = field.element().dyn_ref().cloned());
    // One real input over a box per digit (an empty span each), drawn by the stylesheet from the
    // code length and the digits typed.
    let mut slots = el("div")
        .attr("class", "slots")
        .attr("part", "code-slots")
        .style_with("--phone-otp-code-length", move || {
            state.with(|s| s.code_length().to_string())
        })
        .style_with("--phone-otp-filled", move || {
            state.with(|s| s.code.len().to_string())
        });
    for _ in 0..state.with_untracked(|s| s.code_length()) {
        slots = slots.child(el("span"));
    }
    let verify = el("button")
        .attr("type", "button")
        .attr("part", "button verify")
        .attr_with("aria-disabled", move || {
            Some(state.with(|s| s.busy()).to_string())
        })
        .on("click", move |_| ctx.dispatch(Event::Verify))
        .text_with(move || {
            tx.text(if phase.get() == Phase::Verifying {
                Key::Verifying
            } else {
                Key::Verify
            })
        });
    let expiry = el("p")
        .attr("class", "timer")
        .attr("part", "expiry")
        .attr("id", &format!("{code_id}-expiry"))
        .text_with(move || expires().unwrap_or_default());
    // "Not received a code?" heads what to do then (GOV.UK's pattern): resend, a call, another
    // number. The wait, or the ways to a new code once it is over.
    let help_id = format!("{code_id}-help");
    let help = el("p")
        .attr("class", "help")
        .attr("id", &help_id)
        .text(&tx.text(Key::NotReceived));
    let row = el("div")
        .attr("class", "row")
        .attr("role", "group")
        .attr("aria-labelledby", &help_id)
        .slot(move || match resend_wait() {
            Some(wait) => vec![el("span")
                .attr("class", "timer")
                .attr("part", "resend-wait")
                .text(&wait)],
            None => {
                let mut links =
                    vec![link("button resend", Key::Resend).on("click", send(Channel::Sms))];
                if voice {
                    links.push(
                        link("button call-me", Key::CallMe).on("click", send(Channel::Voice)),
                    );
                }
                links
            }
        })
        .child(
            link("button change-number", Key::ChangeNumber)
                .on("click", move |_| ctx.dispatch(Event::ChangeNumber)),
        );
    Dom::from(
        el("div")
            .attr("class", "step")
            .attr("part", "code-step")
            .child(el("label").attr("for", &code_id).text_with(label))
            .child(slots.child(field))
            .child(verify)
            .child(expiry)
            .child(help)
            .child(row),
    )
}

/// `phone` kept on one line where it wraps (no-break spaces and hyphens) and isolated from the
/// text around it, so a right-to-left label keeps it left to right.
fn unbroken(phone: &str) -> String {
    let mut out = String::from('\u{2068}');
    out.extend(phone.chars().map(|c| match c {
        ' ' => '\u{a0}',
        '-' => '\u{2011}',
        c => c,
    }));
    out.push('\u{2069}');
    out
}
