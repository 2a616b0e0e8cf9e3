//! The Leptos components. They render the flow's state and forward DOM events to it.

mod country_select;
mod names;
mod phone_field;
mod widget;

pub use widget::PhoneOtp;
