//! English.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Phone number",
        Key::PhoneHint => "With the country code, for example +60 18 225 8491",
        Key::SendCode => "Send code",
        Key::Sending => "Sending…",
        Key::CodeLabel => "Enter the {n}-digit code sent to {phone}",
        Key::Verify => "Verify",
        Key::Verifying => "Checking the code…",
        Key::Verified => "Your phone number is verified.",
        Key::WrongCode => "That code is not right.",
        Key::AttemptsLeftOne => "1 attempt left",
        Key::AttemptsLeft => "{n} attempts left",
        Key::Expired => "This code has expired. Send a new code to continue.",
        Key::Locked => "Too many wrong codes. Send a new code to try again.",
        Key::AlreadyUsed => "This code was already used. Send a new code to continue.",
        Key::NotFound => "This verification was not found. Send a new code to continue.",
        Key::NewCode => "Send a new code",
        Key::Resend => "Resend code",
        Key::ResendIn => "Resend code in {time}",
        Key::ExpiresIn => "Code expires in {time}",
        Key::ChangeNumber => "Change number",
        Key::CallMe => "Call me instead",
        Key::RateLimited => "Too many requests. Try again in {time}.",
        Key::RateLimitedLater => "Too many requests. Try again later.",
        Key::Network => "Could not reach the server. Check your connection and try again.",
        Key::Timeout => "The server took too long to answer. Try again.",
        Key::Offline => "You are offline. Connect to the internet and try again.",
        Key::Server => "Something went wrong on our side. Try again.",
        Key::BadPhone => "Enter the number with its country code, starting with +.",
        Key::CodeRefused => "The code has digits only.",
        Key::Rejected => "This number cannot get a code.",
    }
}
