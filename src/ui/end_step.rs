//! The last step: verified, or an end that offers a new code.

use super::effects::Ctx;
use super::entry_step::SendWait;
use super::texts::end_text;
use crate::dialect::Channel;
use crate::flow::{Event, Phase};
use crate::i18n::Key;
use crate::phone::format::as_you_type;
use leptos::prelude::*;

/// The end step: the message (focused when it appears; an icon before it, drawn by the
/// stylesheet) and, unless verified, "Send a new code"; once verified, the number. "Change
/// number" in every end, unless the host locked the verified one (`lock-verified`).
///
/// ```ignore
/// view! { <EndStep ctx phase id /> }
/// ```
#[component]
pub fn EndStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// The flow's phase: which end this is.
    phase: Memo<Phase>,
    /// A prefix for the ids inside it, unique to the widget.
    id: String,
) -> impl IntoView {
    let tx = ctx.tx;
    let key = end_text(&phase.get_untracked())?;
    let verified = phase.get_untracked() == Phase::Verified;
    // The number as the world writes it, on one line.
    let number = ctx.state.with_untracked(|s| {
        let change = !(verified && s.settings.lock_verified);
        let e164 = s.checked_phone().unwrap_or_default();
        (change, verified.then(|| as_you_type(&e164, s.country)))
    });
    let wait_id = format!("{id}-wait");
    Some(view! {
        <div class="step end" part="end-step">
            <p
                class="message"
                class:verified=verified
                part=if verified { "message verified" } else { "message" }
                tabindex="-1"
                node_ref=ctx.message_ref
            >
                {tx.text(key)}
            </p>
            {number.1.map(|n| view! { <p class="number" part="number">{n}</p> })}
            {(!verified).then(|| view! {
                <button
                    type="button"
                    part="button new-code"
                    aria-disabled=move || (!ctx.state.with(|s| s.can_send(ctx.clock.get()))).to_string()
                    aria-describedby=wait_id.clone()
                    on:click=move |_| ctx.dispatch(Event::Send(Channel::Sms))
                >
                    {tx.text(Key::NewCode)}
                </button>
                <SendWait ctx id=wait_id />
            })}
            {number.0.then(|| view! {
                <button type="button" class="link" part="button change-number" on:click=move |_| ctx.dispatch(Event::ChangeNumber)>
                    {tx.text(Key::ChangeNumber)}
                </button>
            })}
        </div>
    })
}
