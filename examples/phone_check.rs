//! Reads `REGION<TAB>TEXT` lines on stdin and writes, for each, how phone-otp's validation
//! (with the compiled-in patterns) reads the text typed with that region selected:
//! `E164<TAB>TYPE<TAB>REGION` for a valid number, `-<TAB>PROBLEM<TAB>REGION` otherwise. A line
//! `REGION<TAB>TEXT<TAB>format` asks for the text laid out as you type instead.
//! The differential test (`tests/phone_diff.test.mjs`) compares it with libphonenumber-js.
//!
//! ```sh
//! printf 'US\t+1 123 456 7890\n' | cargo run -q --example phone_check
//! ```

use phone_otp::phone::data::patterns;
use phone_otp::phone::format::as_you_type;
use phone_otp::phone::validate::check;
use phone_otp::phone::Region;
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines().map_while(Result::ok) {
        let (code, text) = line.split_once('\t').unwrap_or((&line, ""));
        let selected = Region::get(code).unwrap_or_default();
        if let Some(text) = text.strip_suffix("\tformat") {
            let _ = writeln!(out, "{}", as_you_type(text, selected));
            continue;
        }
        let answer = match check(text, selected, patterns()) {
            Ok(v) => format!(
                "{}\t{}\t{}",
                v.e164,
                v.number_type.map_or("-", |t| t.name()),
                v.region
            ),
            Err(e) => format!("-\t{:?}\t{}", e.problem, e.region.unwrap_or("-")),
        };
        let _ = writeln!(out, "{answer}");
    }
}
