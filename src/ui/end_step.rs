//! The last step: verified, or an end that offers a new code.

use super::dom::{el, Dom};
use super::effects::Ctx;
use super::entry_step::send_wait;
use super::texts::end_text;
use crate::dialect::Channel;
use crate::flow::{Event, Phase};
use crate::i18n::Key;
use crate::phone::format::as_you_type;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The end step: the message (focused when it appears; an icon before it, drawn by the
/// stylesheet) and, unless verified, "Send a new code"; once verified, the number. "Change
/// number" in every end, unless the host locked the verified one (`lock-verified`). Built with
/// [`super::dom`].
///
/// ```ignore
/// view! { <EndStep ctx id /> }
/// ```
#[component]
pub fn EndStep(
    /// The widget's context: its state and effect runner.
    ctx: Ctx,
    /// A prefix for the ids inside it, unique to the widget.
    id: String,
) -> Option<Dom> {
    let tx = ctx.tx;
    // Which end this is.
    let phase = ctx.phase.get_untracked();
    let key = end_text(&phase)?;
    let verified = phase == Phase::Verified;
    // The number as the world writes it, on one line.
    let (change, number) = ctx.state.with_untracked(|s| {
        let change = !(verified && s.settings.lock_verified);
        let e164 = s.checked_phone().unwrap_or_default();
        (change, verified.then(|| as_you_type(&e164, s.country)))
    });
    let wait_id = format!("{id}-wait");
    let message = el("p")
        .attr(
            "class",
            if verified {
                "message verified"
            } else {
                "message"
            },
        )
        .attr(
            "part",
            if verified {
                "message verified"
            } else {
                "message"
            },
        )
        .attr("tabindex", "-1")
        .text(&tx.text(key));
    ctx.held
        .update_value(|h| h.message = message.element().dyn_ref().cloned());
    let mut step = el("div")
        .attr("class", "step end")
        .attr("part", "end-step")
        .child(message);
    if let Some(number) = number {
        step = step.child(
            el("p")
                .attr("class", "number")
                .attr("part", "number")
                .text(&number),
        );
    }
    if !verified {
        step = step
            .child(
                el("button")
                    .attr("type", "button")
                    .attr("part", "button new-code")
                    .attr_with("aria-disabled", move || {
                        Some((!ctx.state.with(|s| s.can_send(ctx.clock.get()))).to_string())
                    })
                    .attr("aria-describedby", &wait_id)
                    .on("click", move |_| ctx.dispatch(Event::Send(Channel::Sms)))
                    .text(&tx.text(Key::NewCode)),
            )
            .child(send_wait(ctx, &wait_id));
    }
    if change {
        step = step.child(
            el("button")
                .attr("type", "button")
                .attr("class", "link")
                .attr("part", "button change-number")
                .on("click", move |_| ctx.dispatch(Event::ChangeNumber))
                .text(&tx.text(Key::ChangeNumber)),
        );
    }
    Some(Dom::from(step))
}
