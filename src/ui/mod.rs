//! The Leptos components. They render the flow's state and forward DOM events to it.
//!
//! [`PhoneOtp`] (`widget.rs`) owns the flow and shows one step at a time: `entry_step.rs`,
//! `code_step.rs`, `end_step.rs`. `effects.rs` runs what the flow asks for, `web_otp.rs` reads
//! the code from the SMS, `storage.rs` keeps the code step across reloads, `phone_data.rs` fetches
//! the calling codes' formats and patterns, `texts.rs` words
//! the notices.

mod code_step;
mod country_popup;
mod country_select;
pub mod dom;
mod effects;
mod end_step;
mod entry_step;
mod names;
pub mod phone_data;
mod phone_field;
mod requests;
pub mod storage;
mod texts;
mod web_otp;
mod widget;

pub use widget::PhoneOtp;
