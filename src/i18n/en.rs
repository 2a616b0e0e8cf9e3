//! English.

use super::Key;

pub(super) fn text(key: Key) -> &'static str {
    match key {
        Key::PhoneLabel => "Phone number",
        Key::PhoneHint => "Choose the country, then type the number as you would dial it.",
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
        Key::BadPhone => "A phone number has only digits, spaces and dashes.",
        Key::PhoneEmpty => "Enter your phone number.",
        Key::PhoneCountryCode => "That country code does not exist. Check the digits after +.",
        Key::PhoneWithCountryCode => {
            "Type the whole number with its country code, starting with +."
        }
        Key::PhoneTooShort => "This number is too short for {country}.",
        Key::PhoneTooLong => "This number is too long for {country}.",
        Key::PhoneInvalidLength => "This number has the wrong number of digits for {country}.",
        Key::PhoneNotOffered => "Numbers from {country} cannot be used here.",
        Key::PhoneInvalid => "This is not a valid number in {country}. Check the digits.",
        Key::PhonePremium => {
            "Premium-rate and shared-cost numbers cannot get a code. Use your mobile number."
        }
        Key::PhoneTollFree => "Toll-free numbers cannot get a code. Use your mobile number.",
        Key::PhoneTypeRefused => "This kind of number cannot get a code. Use your mobile number.",
        Key::PhoneNoTexts => {
            "This is a landline: it cannot receive text messages. Use your mobile number."
        }
        Key::CallingYou => "We'll call you with the code.",
        Key::Country => "Country",
        Key::CountrySearch => "Search countries",
        Key::CountryNone => "No country found",
        Key::CodeRefused => "The code has digits only.",
        Key::Rejected => "This number cannot get a code.",
        Key::SendAgainIn => "Send again in {time}",
        Key::CodeIncomplete => "Enter all {n} digits.",
        Key::CodeTooLong => "That is more than {n} digits. Check the code and type it again.",
        Key::CodeResent => "New code sent.",
        Key::NotReceived => "Not received a code?",
    }
}
