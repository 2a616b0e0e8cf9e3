//! The second step: the code field, its countdowns, resend, "Call me instead" and
//! "Change number".

use super::effects::Ctx;
use crate::dialect::Channel;
use crate::flow::{Event, Notice, Phase};
use crate::i18n::{self, Key};
use leptos::html;
use leptos::prelude::*;

/// The code step: one field for the whole code (typed, pasted or filled from the SMS), Verify,
/// the code's expiry and the resend wait.
///
/// ```ignore
/// view! { <CodeStep ctx phase code_id notice_id /> }
/// ```
#[component]
pub fn CodeStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// The flow's phase, apart from the state so typing does not redraw the buttons.
    phase: Memo<Phase>,
    /// The code input's id; the expiry's is `{code_id}-expiry`.
    code_id: String,
    /// The id of the notice the field is described by.
    notice_id: String,
) -> impl IntoView {
    let (state, tx, clock) = (ctx.state, ctx.tx, ctx.clock);
    let label = move || {
        state.with(|s| {
            tx.fill(
                Key::CodeLabel,
                &[
                    ("n", &s.code_length().to_string()),
                    ("phone", &unbroken(&s.phone)),
                ],
            )
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
    let send = move || ctx.dispatch(Event::Send(Channel::Sms));
    // The boxes, one empty span per digit, made once: as a view they cost wasm.
    let slots = NodeRef::<html::Div>::new();
    slots.on_load(move |div| {
        let document = div.owner_document();
        for _ in 0..state.with_untracked(|s| s.code_length()) {
            if let Some(span) = document
                .as_ref()
                .and_then(|d| d.create_element("span").ok())
            {
                let _ = div.append_child(&span);
            }
        }
    });
    view! {
        <div class="step" part="code-step">
            <label for=code_id.clone()>{label}</label>
            // One real input over a box per digit, drawn by the stylesheet from the code length
            // and the digits typed (set through CSSOM, not a style attribute, so a CSP without
            // 'unsafe-inline' styles allows them).
            <div
                class="slots"
                part="code-slots"
                node_ref=slots
                style=("--phone-otp-code-length", move || state.with(|s| s.code_length().to_string()))
                style=("--phone-otp-filled", move || state.with(|s| s.code.len().to_string()))
            >
            <input
                id=code_id.clone()
                node_ref=ctx.code_ref
                part="code-input"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                spellcheck="false"
                aria-describedby=format!("{code_id}-expiry {notice_id}")
                aria-invalid=move || state.with(|s| matches!(s.notice, Some(Notice::WrongCode { .. } | Notice::CodeRefused))).to_string()
                prop:value=move || state.with(|s| s.code.clone())
                readonly=move || state.with(|s| s.busy())
                on:input=move |ev| {
                    let field = event_target::<web_sys::HtmlInputElement>(&ev);
                    ctx.dispatch(Event::CodeInput(field.value()));
                    // The field shows the code the flow kept, even when that did not change (a
                    // second letter typed after a refused one).
                    let code = state.with_untracked(|s| s.code.clone());
                    if field.value() != code {
                        field.set_value(&code);
                    }
                }
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        ctx.dispatch(Event::Verify);
                    }
                }
            />
            </div>
            <button
                type="button"
                part="button verify"
                aria-disabled=move || state.with(|s| s.busy()).to_string()
                on:click=move |_| ctx.dispatch(Event::Verify)
            >
                {move || tx.text(if phase.get() == Phase::Verifying { Key::Verifying } else { Key::Verify })}
            </button>
            <p class="timer" part="expiry" id=format!("{code_id}-expiry")>{expires}</p>
            // "Not received a code?" heads what to do then (GOV.UK's pattern): resend, a call,
            // another number.
            <p class="help" id=format!("{code_id}-help")>{tx.text(Key::NotReceived)}</p>
            <div class="row" role="group" aria-labelledby=format!("{code_id}-help")>
                {move || match resend_wait() {
                    Some(wait) => view! { <span class="timer" part="resend-wait">{wait}</span> }.into_any(),
                    None => view! {
                        <button type="button" class="link" part="button resend" on:click=move |_| send()>
                            {tx.text(Key::Resend)}
                        </button>
                        {state.with_untracked(|s| s.settings.voice).then(|| view! {
                            <button type="button" class="link" part="button call-me" on:click=move |_| ctx.dispatch(Event::Send(Channel::Voice))>
                                {tx.text(Key::CallMe)}
                            </button>
                        })}
                    }.into_any(),
                }}
                <button type="button" class="link" part="button change-number" on:click=move |_| ctx.dispatch(Event::ChangeNumber)>
                    {tx.text(Key::ChangeNumber)}
                </button>
            </div>
        </div>
    }
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
